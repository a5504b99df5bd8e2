/**
 * Snapshot of a workbook built in memory with ExcelJS (tests and the in-memory path of the writer).
 * Files are read by the streaming package reader (package-read.ts); this stays only for workbooks that
 * never were a file, and goes when the writer no longer builds any with ExcelJS.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { markedSheets } from './markers';
import { coveredByMerge, heldMerges } from './merges';

/** Every sheet in tab order: values from A1, formulas when any, merges, marker, visibility. */
export function snapshotOfExcelJs(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const marks = markedSheets(wb);
  return {
    sheets: wb.worksheets.map((ws) => {
      const sheet = sheetSnapshot(ws);
      const kind = marks.get(ws.name);
      if (kind) sheet.createdBy = kind;
      return sheet;
    }),
  };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  const held = heldMerges(ws);
  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's value lives in its top-left cell only (as in Excel); ExcelJS would echo it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (held.length > 0 && coveredByMerge(held, r, colNumber - 1)) return;
      const v = toCellValue(cell.value);
      const f = formulaOf(cell);
      if (v === null && f === null) return;
      const c = colNumber - 1;
      if (v !== null) put(values, r, c, v, null);
      if (f !== null) {
        anyFormula = true;
        put(formulas, r, c, f, null);
      }
    });
  });
  const sheet: SheetSnapshot = {
    name: ws.name,
    values: fill(values),
    merges: mergesOf(ws),
    visible: ws.state === undefined || ws.state === 'visible',
  };
  if (anyFormula) sheet.formulas = fill(formulas);
  return sheet;
}

/** Set grid[r][c], growing ragged rows with `blank`. */
function put<T>(grid: T[][], r: number, c: number, v: T, blank: T): void {
  let row = grid[r];
  if (!row) row = grid[r] = [];
  while (row.length < c) row.push(blank);
  row[c] = v;
}

/** Holes (rows never touched) become empty rows, so values[r] is always an array. */
function fill<T>(grid: T[][]): T[][] {
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // `_merges` (master address → Range) is ExcelJS's own list; `model.merges` would rebuild the whole sheet model.
  const merges = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges;
  const own = merges ? Object.values(merges).map((m) => m.range) : ((ws.model as unknown as { merges?: string[] }).merges ?? []);
  return [...own, ...heldMerges(ws)];
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  // `cell.formula` also resolves shared formulas to this cell's own text.
  const f = cell.formula;
  return typeof f === 'string' && f !== '' ? f.replace(/^=/, '') : null;
}

/** ExcelJS's many value shapes → the snapshot's CellValue. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return richText(o.richText);
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
    if ('hyperlink' in o || 'text' in o) return toCellValue(o.text);
  }
  return null;
}

function richText(runs: unknown[]): string {
  return runs.map((r) => (r && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('');
}

/**
 * ExcelJS turns date-formatted numbers into Date objects at UTC midnight of the shown day.
 * The product wants the day as text; a time of day, when there is one, follows it.
 */
function isoDate(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  if (secs === 0) return day;
  return `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}${d.getUTCSeconds() ? ':' + p(d.getUTCSeconds()) : ''}`;
}
