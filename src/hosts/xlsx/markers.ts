/**
 * The product's marker on the sheets it creates (src/workbook/host.ts): a sheet-scoped defined name
 * `BranchAssessment_<kind>` referring to that sheet's $A$1.
 *
 * ExcelJS 4.4 keeps defined names as a name → cells map: it reads `localSheetId` but drops it, and writes
 * every name workbook-wide. Reading is unaffected (the reference names the sheet, so the marked sheet is
 * the one the name points to, whatever its scope). Writing is fixed in `withScopedMarkers`: while saving,
 * marker names are split per sheet and given the `localSheetId` of the sheet they point to, so Excel and the
 * Office.js host see real sheet-scoped names.
 */
import ExcelJS from 'exceljs';
import { kindOfMarker, markerName, MARKER_PREFIX } from '../../workbook/host';
import type { OutputKind } from '../../workbook/snapshot';

interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
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

/** Remove every marker pointing at `sheet` (it is about to be replaced or deleted). */
export function unmarkSheet(wb: ExcelJS.Workbook, sheet: string): void {
  const model = definedNames(wb);
  let changed = false;
  const kept = model
    .map((dn) => {
      if (!dn.name.startsWith(MARKER_PREFIX)) return dn;
      const ranges = dn.ranges.filter((r) => sheetOfRange(r) !== sheet);
      if (ranges.length !== dn.ranges.length) changed = true;
      return { ...dn, ranges };
    })
    .filter((dn) => dn.ranges.length > 0);
  if (changed) (wb.definedNames as unknown as { model: DefinedNameModel[] }).model = kept;
}

/** Mark `sheet` as the product's `kind` output. */
export function markSheet(wb: ExcelJS.Workbook, sheet: string, kind: OutputKind): void {
  unmarkSheet(wb, sheet);
  wb.definedNames.add(`${quoteSheet(sheet)}!$A$1`, markerName(kind));
}

/** Marker names split per sheet, each scoped to the sheet it points at; other names unchanged. */
export function scopeMarkers(names: DefinedNameModel[], sheetOrder: string[]): DefinedNameModel[] {
  const out: DefinedNameModel[] = [];
  for (const dn of names) {
    if (!kindOfMarker(dn.name)) {
      out.push(dn);
      continue;
    }
    for (const range of dn.ranges) {
      const index = sheetOrder.indexOf(sheetOfRange(range) ?? '');
      // A marker whose sheet is gone is dropped; it could only confuse the next run.
      if (index >= 0) out.push({ name: dn.name, ranges: [range], localSheetId: index });
    }
  }
  return out;
}

const workbookModel = Object.getOwnPropertyDescriptor(ExcelJS.Workbook.prototype, 'model');

/** The parts of ExcelJS's workbook save model the host touches. */
export interface SaveModel {
  definedNames: DefinedNameModel[];
  worksheets: { name: string; rows: unknown[] }[];
}

/**
 * Run `write` (an ExcelJS save) with marker names scoped to their sheets, and `prepare` applied to the
 * save model. ExcelJS builds the XML from `workbook.model`; for the duration of the save this
 * instance's `model` getter post-processes it.
 */
export async function withScopedMarkers<T>(wb: ExcelJS.Workbook, write: () => Promise<T>, prepare?: (model: SaveModel) => void): Promise<T> {
  if (!workbookModel?.get || !workbookModel.set) return write(); // an unexpected ExcelJS: plain names
  const get = workbookModel.get;
  const set = workbookModel.set;
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      const model = get.call(this) as SaveModel;
      model.definedNames = scopeMarkers(
        model.definedNames,
        model.worksheets.map((ws) => ws.name),
      );
      prepare?.(model);
      return model;
    },
    set(this: ExcelJS.Workbook, v: unknown) {
      set.call(this, v);
    },
  });
  try {
    return await write();
  } finally {
    delete (wb as unknown as { model?: unknown }).model;
  }
}
