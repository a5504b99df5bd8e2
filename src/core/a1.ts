/**
 * A1 addresses, the one helper for the whole product (re-exported by workbook/snapshot.ts): column
 * letters, "B3" from 0-based (r, c), and back.
 */

/** 0-based column index to letters: 0 → A, 26 → AA. */
export function columnName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (r, c) to "B3". */
export function address(r: number, c: number): string {
  return columnName(c) + (r + 1);
}

/** "B3" → { r: 2, c: 1 }; throws on anything that is not a single A1 address. */
export function parseAddress(a1: string): { r: number; c: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** "A1:C3" → corners (0-based, inclusive); a single address is a 1×1 range. */
export function parseRange(a1: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b = a] = a1.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}
