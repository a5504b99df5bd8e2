/**
 * Workbook → WorkbookSnapshot through Office.js, in two syncs for a normal workbook:
 * (1) the worksheets (name, visibility, position) and workbook-scoped names;
 * (2) for every sheet its used range's values and formulas, its merged areas (ExcelApi 1.13)
 *     and its sheet-scoped names (the product's markers).
 * Only when Excel refuses sync 2 for its size is the read redone in row blocks (more syncs, each bounded).
 */
import type { CellValue } from '../../core/types';
import { kindOfMarker } from '../../workbook/host';
import { address, type OutputKind, type SheetSnapshot, type WorkbookSnapshot } from '../../workbook/snapshot';
import { localAddress, sheetOfFormula, toCellValue } from './cells';
import { isSizeError } from './errors';
import type { Bounds, Features } from './options';
import { runExcel } from './run';

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** sheet name → 0-based tab position when read (to keep a replaced sheet in place) */
  positions: Map<string, number>;
  /** protected sheets when read */
  protectedSheets: Set<string>;
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

export async function readWorkbook(excel: typeof Excel, features: Features, bounds: Bounds): Promise<ReadResult> {
  try {
    return await readOnce(excel, features.mergedAreas);
  } catch (error) {
    if (isSizeError(error)) return readInBlocks(excel, features.mergedAreas, bounds);
    // Excel refuses getMergedAreasOrNullObject past 512 merged areas in a sheet; retry without merges.
    if (features.mergedAreas) return readOnce(excel, false);
    throw error;
  }
}

/** The normal path: two syncs. */
function readOnce(excel: typeof Excel, withMerges: boolean): Promise<ReadResult> {
  return runExcel(excel, async (context) => {
    const { worksheets, names } = queueSheetList(context);
    await context.sync();

    const pending = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, values, formulas');
      return { used, ...queueSheetExtras(ws, withMerges) };
    });
    await context.sync();

    const reads: SheetRead[] = pending.map((p) => ({
      used: p.used.isNullObject ? [] : [usedBlock(p.used)],
      merges: mergesOf(p.merged),
      markers: p.names.items.map((n) => n.name),
    }));
    return assemble(metaOf(worksheets), reads, workbookMarkers(names));
  });
}

/** Past the size bound: used-range sizes first, then the cells in row blocks. */
function readInBlocks(excel: typeof Excel, withMerges: boolean, bounds: Bounds): Promise<ReadResult> {
  return runExcel(excel, async (context) => {
    const { worksheets, names } = queueSheetList(context);
    await context.sync();

    const pending = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex, columnIndex, rowCount, columnCount');
      return { ws, used, ...queueSheetExtras(ws, withMerges) };
    });
    await context.sync();

    // Cells per block: two arrays per cell (values, formulas); 60 bytes a cell is a generous guess of the
    // response (short texts are ~10 bytes each). The cell bound counts both arrays.
    const cellsPerBlock = Math.max(1, Math.min(Math.floor(bounds.maxCellsPerRequest / 2), Math.floor(bounds.maxPayloadBytes / 60)));
    const blocks: { sheet: number; range: Excel.Range }[][] = [[]];
    let cellsInBatch = 0;
    pending.forEach((p, sheet) => {
      if (p.used.isNullObject) return;
      const rows = p.used.rowCount;
      const cols = p.used.columnCount;
      const rowsPerBlock = Math.max(1, Math.floor(cellsPerBlock / cols));
      for (let r = 0; r < rows; r += rowsPerBlock) {
        const n = Math.min(rowsPerBlock, rows - r);
        if (cellsInBatch > 0 && cellsInBatch + n * cols > cellsPerBlock) {
          blocks.push([]);
          cellsInBatch = 0;
        }
        const r0 = p.used.rowIndex + r;
        const c0 = p.used.columnIndex;
        const a1 = `${address(r0, c0)}:${address(r0 + n - 1, c0 + cols - 1)}`;
        blocks[blocks.length - 1].push({ sheet, range: p.ws.getRange(a1) });
        cellsInBatch += n * cols;
      }
    });

    const used: UsedBlock[][] = pending.map(() => []);
    for (const batch of blocks) {
      for (const b of batch) b.range.load('rowIndex, columnIndex, values, formulas');
      // A sync per block is the point here: each response must stay under Excel's payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload block, only past the size bound
      await context.sync();
      for (const b of batch) used[b.sheet].push(usedBlock(b.range));
    }

    const reads: SheetRead[] = pending.map((p, i) => ({
      used: used[i],
      merges: mergesOf(p.merged),
      markers: p.names.items.map((n) => n.name),
    }));
    return assemble(metaOf(worksheets), reads, workbookMarkers(names));
  });
}

function queueSheetList(context: Excel.RequestContext) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility, items/position, items/protection/protected');
  const names = context.workbook.names;
  names.load('items/name, items/formula');
  return { worksheets, names };
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
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values: r.values, formulas: r.formulas };
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

function assemble(meta: SheetMeta[], reads: SheetRead[], wbMarkers: Map<string, OutputKind>): ReadResult {
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
  return { snapshot: { sheets }, positions, protectedSheets };
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
