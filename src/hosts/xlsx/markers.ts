/**
 * The product's marker on the sheets it creates (src/workbook/host.ts): a sheet-scoped defined name
 * `BranchAssessment_<kind>` referring to that sheet's $A$1.
 *
 * Reading: the reference names the sheet, so the marked sheet is the one the name points to, whatever its
 * scope. Writing (package-write.ts): each marker is scoped to its sheet with `localSheetId`.
 */
import ExcelJS from 'exceljs';
import { kindOfMarker } from '../../workbook/host';
import type { OutputKind } from '../../workbook/snapshot';

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

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

function definedNames(wb: ExcelJS.Workbook): DefinedNameModel[] {
  return (wb.definedNames as unknown as { model: DefinedNameModel[] }).model;
}

/** Sheet name → the output kind its marker says. A sheet carrying two kinds keeps the first found. */
export function markedSheets(wb: ExcelJS.Workbook): Map<string, OutputKind> {
  const marks = new Map<string, OutputKind>();
  const names = new Set(wb.worksheets.map((ws) => ws.name));
  for (const dn of definedNames(wb)) {
    const kind = kindOfMarker(dn.name);
    if (!kind) continue;
    for (const range of dn.ranges) {
      const sheet = sheetOfRange(range);
      if (sheet !== undefined && names.has(sheet) && !marks.has(sheet)) marks.set(sheet, kind);
    }
  }
  return marks;
}
