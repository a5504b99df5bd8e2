/**
 * Huge merged ranges. ExcelJS turns every cell of a merge into a cell object when it loads a sheet, so
 * a merge over a whole sheet (select all → merge: A1:XFD1048576, 17 billion cells) exhausts memory.
 * Such merges are kept away from ExcelJS: taken out of the sheet's model as it loads, remembered here,
 * reported by the snapshot. The writer copies the sheet's part untouched, so they stay in the file.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../../workbook/snapshot';

/** A merge larger than this (in cells) is not handed to ExcelJS. */
export const HUGE_MERGE_CELLS = 100_000;

/** Worksheet → the huge merges ExcelJS never saw, as "A1:XFD32". */
const held = new WeakMap<ExcelJS.Worksheet, string[]>();

export function heldMerges(ws: ExcelJS.Worksheet): readonly string[] {
  return held.get(ws) ?? [];
}

function cellCount(ref: string): number {
  try {
    const { r0, c0, r1, c1 } = parseRange(ref.replace(/\$/g, ''));
    return (Math.abs(r1 - r0) + 1) * (Math.abs(c1 - c0) + 1);
  } catch {
    return 0; // not a range ExcelJS would understand either: left to it
  }
}

interface SheetModel {
  id: number;
  mergeCells?: string[];
}

/**
 * Load with huge merges held back. ExcelJS hands the parsed sheets to `workbook.model`; for the duration
 * of the load this instance's setter takes the huge merges out first. Normal files pay one size check per merge.
 */
export async function loadHoldingMerges(wb: ExcelJS.Workbook, load: () => Promise<unknown>): Promise<void> {
  const desc = Object.getOwnPropertyDescriptor(ExcelJS.Workbook.prototype, 'model');
  if (!desc?.get || !desc.set) {
    await load();
    return;
  }
  const { get, set } = desc;
  const taken = new Map<number, string[]>();
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      return get.call(this) as unknown;
    },
    set(this: ExcelJS.Workbook, v: { worksheets?: SheetModel[] }) {
      for (const sheet of v.worksheets ?? []) {
        if (!sheet || !Array.isArray(sheet.mergeCells)) continue;
        const huge = sheet.mergeCells.filter((ref) => typeof ref === 'string' && cellCount(ref) > HUGE_MERGE_CELLS);
        if (huge.length === 0) continue;
        taken.set(sheet.id, huge);
        sheet.mergeCells = sheet.mergeCells.filter((ref) => !huge.includes(ref));
      }
      set.call(this, v);
    },
  });
  try {
    await load();
  } finally {
    delete (wb as unknown as { model?: unknown }).model;
  }
  for (const [id, refs] of taken) {
    const ws = wb.getWorksheet(id);
    if (ws) held.set(ws, refs);
  }
}

/** True when (r, c) (0-based) lies in one of `ranges` but is not its top-left cell. */
export function coveredByMerge(ranges: readonly string[], r: number, c: number): boolean {
  for (const ref of ranges) {
    const { r0, c0, r1, c1 } = parseRange(ref.replace(/\$/g, ''));
    if (r >= r0 && r <= r1 && c >= c0 && c <= c1 && (r !== r0 || c !== c0)) return true;
  }
  return false;
}
