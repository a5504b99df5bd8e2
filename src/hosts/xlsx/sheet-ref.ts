/** Sheet names inside references, without any file library. */

/** "'考核汇总 (2)'!$A$1" or "Sheet1!$A$1" → the sheet's name. */
export function sheetOfRange(range: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(range.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}
