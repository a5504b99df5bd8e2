/**
 * The product's marker on the sheets it creates (src/workbook/host.ts): a sheet-scoped defined name
 * `BranchAssessment_<kind>` referring to that sheet's $A$1.
 *
 * Reading: the reference names the sheet, so the marked sheet is the one the name points to, whatever its
 * scope. Writing (package-write.ts): each marker is scoped to its sheet with `localSheetId`.
 */

/** "'考核汇总 (2)'!$A$1" or "Sheet1!$A$1" → the sheet's name. */
export function sheetOfRange(range: string): string | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(range);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** Quote a sheet name for a reference: 'It''s'!$A$1 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
