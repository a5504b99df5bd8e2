/**
 * Workbook → WorkbookSnapshot through Office.js, in two syncs for a normal workbook:
 * (1) the worksheets (name, visibility, position) and workbook-scoped names;
 * (2) for every sheet its used range's values and formulas, its merged areas (ExcelApi 1.13)
 *     and its sheet-scoped names (the product's markers).
 * Only when Excel refuses sync 2 for its size (or answers it without values) is the read redone in row
 * blocks (more syncs, each bounded).
 */
import type { CellValue } from '../../core/types';
import { kindOfMarker } from '../../workbook/host';
import { address, type ObjectFormula, type OutputKind, type SheetSnapshot, type WorkbookSnapshot } from '../../workbook/snapshot';
import { jsonBytes, localAddress, sheetOfFormula, toCellValue } from './cells';
import { isSizeError, officeCode } from './errors';
import type { Bounds, Features } from './options';
import { runExcel } from './run';

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** sheet name → 0-based tab position when read (to keep a replaced sheet in place) */
  positions: Map<string, number>;
  /** protected sheets when read */
  protectedSheets: Set<string>;
  /** workbook structure protection when read (no sheet may be added, deleted or renamed) */
  structureProtected: boolean;
  /** the cells had to be read in blocks (the next read of this workbook starts there) */
  blocks?: boolean;
  /** Excel's calculation mode was manual when read (the write recalculates after rewriting in place) */
  manualCalculation?: boolean;
}

interface SheetMeta {
  name: string;
  visible: boolean;
  position: number;
  protected: boolean;
}

/** What one sheet's read returns, in sheet coordinates. */
interface UsedBlock {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
}

interface SheetRead {
  used: UsedBlock[];
  merges: string[];
  markers: string[];
}

/** A read Excel answered without the cells: `values` null past 5,000,000 cells (office-js #6781). */
class CellsNotReturned extends Error {
  constructor() {
    super('Excel returned no values for a range (too many cells)');
  }
}

function tooLarge(error: unknown): boolean {
  return error instanceof CellsNotReturned || isSizeError(error);
}

/**
 * `blocks`: go straight to the block read (the last read of this workbook needed it), skipping a sync that
 * would fail or come back empty.
 */
export async function readWorkbook(excel: typeof Excel, features: Features, bounds: Bounds, blocks = false): Promise<ReadResult> {
  if (blocks) return readInBlocks(excel, features.mergedAreas, bounds);
  try {
    return await readOnce(excel, features.mergedAreas, bounds);
  } catch (error) {
    if (tooLarge(error)) return readInBlocks(excel, features.mergedAreas, bounds);
    // Excel refuses getMergedAreasOrNullObject past 512 merged areas in a sheet; retry without merges.
    // Not after a refusal for a cell being edited (Excel on the web, office-js #1393): the second batch
    // would be refused the same, and the clerk would wait for two round trips to hear it.
    if (features.mergedAreas && officeCode(error) !== 'InvalidOperationInCellEditMode') {
      try {
        return await readOnce(excel, false, bounds);
      } catch (again) {
        if (tooLarge(again)) return readInBlocks(excel, false, bounds);
        throw again;
      }
    }
    throw error;
  }
}

/**
 * The normal path: two syncs. The cell count is known only with the answer, so a used range past the cell
 * bound, or an answer without values (Excel gives `values: null` rather than an error past 5,000,000
 * cells, office-js #6781), sends the read to the block path.
 */
function readOnce(excel: typeof Excel, withMerges: boolean, bounds: Bounds): Promise<ReadResult> {
  return runExcel(excel, async (context) => {
    const { worksheets, names, protection, application } = queueSheetList(context);
    await context.sync();
    const calc = await recalculateIfManual(context, application);

    const pending = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, rowCount, columnCount, values, formulas');
      return { used, ...queueSheetExtras(ws, withMerges) };
    });
    await context.sync();

    const reads: SheetRead[] = pending.map((p) => {
      if (p.used.isNullObject) return { used: [], merges: mergesOf(p.merged), markers: p.names.items.map((n) => n.name) };
      if (p.used.rowCount * p.used.columnCount > bounds.maxCellsPerRequest) throw new CellsNotReturned();
      return { used: [usedBlock(p.used)], merges: mergesOf(p.merged), markers: p.names.items.map((n) => n.name) };
    });
    return withCalculation(withNames(assemble(metaOf(worksheets), reads, workbookMarkers(names), protection.protected), names), calc);
  });
}

/**
 * UTF-8 bytes per cell assumed for the first block of values and formulas together (a Chinese character is
 * 3 bytes in UTF-8: "第1234党支部" is 25 bytes with its quotes, twice). Later blocks use what was measured.
 */
const FIRST_GUESS_BYTES_PER_CELL = 60;
/** Room left in a response for what is not cells (object paths, row indexes). */
const RESPONSE_SLACK = 0.8;

/**
 * Past the size bound: used-range sizes first (checked before any cell is read), then the cells in row
 * blocks sized from the bytes per cell measured so far (UTF-8). A block Excel refuses for its size, or
 * answers without values, is halved and read again.
 */
function readInBlocks(excel: typeof Excel, withMerges: boolean, bounds: Bounds): Promise<ReadResult> {
  return runExcel(excel, async (context) => {
    const { worksheets, names, protection, application } = queueSheetList(context);
    await context.sync();
    const calc = await recalculateIfManual(context, application);

    const pending = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, rowCount, columnCount');
      return { ws, used, ...queueSheetExtras(ws, withMerges) };
    });
    await context.sync();

    // What is left to read: row spans of each sheet's used range.
    const todo: { sheet: number; from: number; rows: number }[] = [];
    pending.forEach((p, sheet) => {
      if (!p.used.isNullObject) todo.push({ sheet, from: 0, rows: p.used.rowCount });
    });
    const used: UsedBlock[][] = pending.map(() => []);
    let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
    // Response bytes one sync may carry: the bound, lowered for good whenever Excel refuses a block.
    let ceiling = bounds.maxPayloadBytes * RESPONSE_SLACK;
    while (todo.length > 0) {
      // Cells per sync: two arrays per cell against the cell bound, the measured size against the payload bound.
      const budget = Math.max(1, Math.floor(Math.min(bounds.maxCellsPerRequest / 2, ceiling / bytesPerCell)));
      const batch: { sheet: number; from: number; rows: number; range: Excel.Range }[] = [];
      let cells = 0;
      while (todo.length > 0) {
        const t = todo[0];
        const p = pending[t.sheet].used;
        const cols = p.columnCount;
        const room = Math.floor((budget - cells) / cols);
        if (room < 1 && batch.length > 0) break;
        const n = Math.min(t.rows, Math.max(1, room));
        const r0 = p.rowIndex + t.from;
        const range = pending[t.sheet].ws.getRange(`${address(r0, p.columnIndex)}:${address(r0 + n - 1, p.columnIndex + cols - 1)}`);
        range.load('rowIndex, columnIndex, values, formulas');
        batch.push({ sheet: t.sheet, from: t.from, rows: n, range });
        cells += n * cols;
        if (n === t.rows) todo.shift();
        else todo[0] = { ...t, from: t.from + n, rows: t.rows - n };
      }
      try {
        // A sync per block is the point here: each response must stay under Excel's limits.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload block, only past the size bound
        await context.sync();
        if (batch.some((b) => !Array.isArray(b.range.values) || !Array.isArray(b.range.formulas))) throw new CellsNotReturned();
      } catch (error) {
        if (!tooLarge(error) || (batch.length === 1 && batch[0].rows === 1)) throw error;
        // Too big after all: put the spans back and halve the blocks.
        todo.unshift(...batch.map(({ sheet, from, rows }) => ({ sheet, from, rows })));
        mergeSpans(todo);
        ceiling = Math.min(ceiling, cells * bytesPerCell) / 2;
        continue;
      }
      let bytes = 0;
      for (const b of batch) {
        const block = usedBlock(b.range);
        used[b.sheet].push(block);
        bytes += jsonBytes(block.values) + jsonBytes(block.formulas);
      }
      bytesPerCell = Math.max(8, (bytes / Math.max(1, cells)) * 1.25);
    }

    const reads: SheetRead[] = pending.map((p, i) => ({
      used: used[i],
      merges: mergesOf(p.merged),
      markers: p.names.items.map((n) => n.name),
    }));
    return withCalculation(withNames({ ...assemble(metaOf(worksheets), reads, workbookMarkers(names), protection.protected), blocks: true }, names), calc);
  });
}

/** Join spans of the same sheet that touch (after a failed batch was put back). */
function mergeSpans(todo: { sheet: number; from: number; rows: number }[]): void {
  for (let i = todo.length - 1; i > 0; i--) {
    const a = todo[i - 1];
    const b = todo[i];
    if (a.sheet === b.sheet && a.from + a.rows === b.from) {
      todo.splice(i - 1, 2, { sheet: a.sheet, from: a.from, rows: a.rows + b.rows });
    }
  }
}

function queueSheetList(context: Excel.RequestContext) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility, items/position, items/protection/protected');
  const names = context.workbook.names;
  names.load('items/name, items/formula');
  // Structure protection (ExcelApi 1.7) blocks adding, deleting and renaming sheets; read it with the list.
  const protection = context.workbook.protection;
  protection.load('protected');
  const application = context.workbook.application;
  application.load('calculationMode');
  return { worksheets, names, protection, application };
}

/**
 * Calculation set to manual (an application-wide setting: another open workbook can impose it) leaves
 * formula results stale, so COUNTIF tallies, formula ratings and roster lookups would be read as they were
 * last calculated. Then the workbook is recalculated first, as F9 does (one more sync, only in manual
 * mode); where Excel refuses, the read goes on and says so (calculation-manual).
 */
async function recalculateIfManual(context: Excel.RequestContext, application: Excel.Application): Promise<{ manual: boolean; stale: boolean }> {
  if (application.calculationMode !== 'Manual') return { manual: false, stale: false };
  application.calculate('Recalculate' as Excel.CalculationType);
  try {
    await context.sync();
    return { manual: true, stale: false };
  } catch {
    return { manual: true, stale: true };
  }
}

function withCalculation(r: ReadResult, calc: { manual: boolean; stale: boolean }): ReadResult {
  if (calc.stale) r.snapshot.staleCalculation = true;
  if (calc.manual) r.manualCalculation = true;
  return r;
}

function queueSheetExtras(ws: Excel.Worksheet, withMerges: boolean) {
  const names = ws.names;
  names.load('items/name');
  let merged: Excel.RangeAreas | undefined;
  if (withMerges) {
    // On the whole sheet, not the used range: a merged title may reach past the last value.
    merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load('areas/items/address');
  }
  return { names, merged };
}

function usedBlock(r: Excel.Range): UsedBlock {
  const { values, formulas } = r;
  if (!Array.isArray(values) || !Array.isArray(formulas)) throw new CellsNotReturned();
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values, formulas };
}

function mergesOf(merged: Excel.RangeAreas | undefined): string[] {
  if (!merged || merged.isNullObject) return [];
  return merged.areas.items.map((a) => localAddress(a.address));
}

function metaOf(worksheets: Excel.WorksheetCollection): SheetMeta[] {
  return worksheets.items.map((ws) => ({
    name: ws.name,
    visible: ws.visibility === 'Visible',
    position: ws.position,
    protected: ws.protection.protected,
  }));
}

/**
 * The user's workbook-scoped names, already read with the sheet list, as formulas outside cells (SPEC §5
 * output-referenced); the product's markers and Excel's built-in names are not the user's.
 */
function withNames(r: ReadResult, names: Excel.NamedItemCollection): ReadResult {
  const list: ObjectFormula[] = [];
  for (const n of names.items) {
    if (typeof n.name !== 'string' || typeof n.formula !== 'string' || kindOfMarker(n.name) || n.name.startsWith('_xlnm.')) continue;
    list.push({ kind: 'name', label: n.name, formula: n.formula.replace(/^=/, '') });
  }
  if (list.length > 0) r.snapshot.objectFormulas = list;
  return r;
}

/** Workbook-scoped marker names (a file saved by a tool that drops the sheet scope) → sheet → kind. */
function workbookMarkers(names: Excel.NamedItemCollection): Map<string, OutputKind> {
  const out = new Map<string, OutputKind>();
  for (const n of names.items) {
    const kind = kindOfMarker(n.name);
    const sheet = kind ? sheetOfFormula(n.formula) : undefined;
    if (kind && sheet !== undefined && !out.has(sheet)) out.set(sheet, kind);
  }
  return out;
}

function assemble(meta: SheetMeta[], reads: SheetRead[], wbMarkers: Map<string, OutputKind>, structureProtected: boolean): ReadResult {
  const positions = new Map<string, number>();
  const protectedSheets = new Set<string>();
  const sheets = meta.map((m, i) => {
    positions.set(m.name, m.position);
    if (m.protected) protectedSheets.add(m.name);
    const sheet = sheetSnapshot(m, reads[i]);
    const kind = reads[i].markers.map(kindOfMarker).find((k) => k !== undefined) ?? wbMarkers.get(m.name);
    if (kind) sheet.createdBy = kind;
    return sheet;
  });
  return { snapshot: { sheets }, positions, protectedSheets, structureProtected };
}

/** Place the used range's blocks in a grid from A1 (values[0][0] is A1 whatever the used range). */
function sheetSnapshot(meta: SheetMeta, read: SheetRead): SheetSnapshot {
  let height = 0;
  let width = 0;
  for (const b of read.used) {
    height = Math.max(height, b.rowIndex + b.values.length);
    width = Math.max(width, b.columnIndex + (b.values[0]?.length ?? 0));
  }
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  let anyFormula = false;
  for (const b of read.used) {
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = b.rowIndex + i;
        const c = b.columnIndex + j;
        values[r][c] = toCellValue(v);
        const f = b.formulas[i]?.[j];
        // `formulas` drops a typed leading apostrophe, so text '=… reads as "=…" there (office-js #6687):
        // a cell is a formula only where its formula differs from its value.
        if (typeof f === 'string' && f.length > 1 && f.startsWith('=') && f !== v) {
          formulas[r][c] = f.slice(1);
          anyFormula = true;
        }
      }),
    );
  }
  const sheet: SheetSnapshot = { name: meta.name, values, merges: read.merges, visible: meta.visible };
  if (anyFormula) sheet.formulas = formulas;
  return sheet;
}
