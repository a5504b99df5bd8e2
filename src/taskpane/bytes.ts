/** Byte helpers the task pane needs without Node's Buffer. */

/** Base64 of bytes, in chunks so large workbooks do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Office's file slices arrive as arrays of byte values; join them into one array. */
export function concatBytes(parts: readonly ArrayLike<number>[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** "报表.xlsx" → "报表"; names without an extension stay whole. */
export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/**
 * A download name that is never the opened file's (compared as Windows does, ignoring case): a browser
 * set to save without asking would otherwise put the result over the office's workbook, or beside it as
 * "name (1)". "考核结果-2026.xlsx" → "考核结果-2026 (2).xlsx".
 */
export function downloadName(name: string, opened: string | null | undefined): string {
  if (!opened || name.toLowerCase() !== opened.toLowerCase()) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (2)${name.slice(dot)}` : `${name} (2)`;
}

/** The graded copy keeps a macro-enabled workbook's .xlsm (Excel refuses macros in an .xlsx). */
export function gradedExtension(name: string, opened: string | null | undefined): string {
  return opened && /\.xlsm$/i.test(opened) ? name.replace(/\.xlsx$/i, '.xlsm') : name;
}
