/**
 * Huge merged ranges. ExcelJS turns every cell of a merge into a cell object when it loads a sheet, so
 * a merge over a whole sheet (select all → merge: A1:XFD1048576, 17 billion cells) exhausts memory.
 * Such merges are kept away from ExcelJS: taken out of the sheet's model as it loads, remembered here,
 * reported by the snapshot, and written back into the sheet's XML after ExcelJS saved it.
 */
import ExcelJS from 'exceljs';
import JSZip, { type JSZipGeneratorOptions } from 'jszip';
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

/** Elements a worksheet may hold after <mergeCells> (ECMA-376 CT_Worksheet order). */
const AFTER_MERGES =
  /<(?:\w+:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s/>]/;

/** Sheet XML with `refs` added to its merges. */
export function addMergesToXml(xml: string, refs: readonly string[]): string {
  const cells = refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  const open = /<mergeCells(?:\s+count="(\d+)")?\s*>/.exec(xml);
  if (open) {
    const count = Number(open[1] ?? 0) + refs.length;
    const end = xml.indexOf('</mergeCells>', open.index);
    if (end < 0) return xml;
    return xml.slice(0, open.index) + `<mergeCells count="${count}">` + xml.slice(open.index + open[0].length, end) + cells + xml.slice(end);
  }
  const block = `<mergeCells count="${refs.length}">${cells}</mergeCells>`;
  const from = Math.max(0, xml.lastIndexOf('</sheetData>'));
  const next = AFTER_MERGES.exec(xml.slice(from));
  const at = next ? from + next.index : xml.lastIndexOf('</worksheet>');
  if (at < 0) return xml;
  return xml.slice(0, at) + block + xml.slice(at);
}

/** The saved bytes with every held merge written back; unchanged (no zip work) when none was held. */
export async function restoreHeldMerges(wb: ExcelJS.Workbook, saved: Uint8Array, zip: JSZipGeneratorOptions): Promise<Uint8Array> {
  const pending = wb.worksheets.filter((ws) => heldMerges(ws).length > 0);
  if (pending.length === 0) return saved;
  const z = await JSZip.loadAsync(saved);
  for (const ws of pending) {
    // ExcelJS names each sheet part after the worksheet's id.
    const name = `xl/worksheets/sheet${ws.id}.xml`;
    const file = z.file(name);
    if (!file) continue;
    z.file(name, addMergesToXml(await file.async('string'), heldMerges(ws)));
  }
  return z.generateAsync({ ...zip, type: 'uint8array' });
}
