/**
 * Legacy workbooks (Excel 97–2003 .xls, WPS .et): Compound File Binary containers read through
 * @e965/xlsx (SheetJS 0.20.3 as published by its authors' CDN, republished on npm; never the registry's
 * `xlsx` 0.18.5 with its known vulnerabilities) into the same snapshot the package reader makes, under
 * the same limits. The old format cannot be kept whole: the writer makes a new .xlsx (format says so).
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../../core/types';
import { kindOfMarker } from '../../workbook/host';
import type { ObjectFormula, OutputKind, SheetSnapshot, SourceFormat, WorkbookSnapshot } from '../../workbook/snapshot';
import { address } from '../../workbook/snapshot';
import { CELL_LIMIT, corrupt, XlsxError } from './errors';
import type { ReadOptions } from './package-read';
import { serialToDate } from './sheet-scan';
import { sheetOfRange } from './sheet-ref';
import { PackageError, UNPACKED_LIMIT } from './zip';

function encrypted(): XlsxError {
  return new XlsxError('encrypted', {
    zh: '旧版 .xls 工作簿设有打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再试',
    en: 'The old .xls workbook is password-protected (encrypted); remove the password in Excel, save it as .xlsx and try again',
  });
}

/**
 * SheetJS prints its own notes through console ("ODS number format may be incorrect", "Missing Info for
 * XLS Record…"); SPEC §7 allows nothing on standard error but our one line. The read is synchronous, so
 * silencing console for its duration silences nothing else.
 */
function quietly<T>(read: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  const none = (): void => undefined;
  console.error = console.warn = console.log = console.info = none;
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

export function readLegacy(data: Uint8Array, format: SourceFormat, options: ReadOptions = {}): WorkbookSnapshot {
  // Nothing in a CFB file is compressed: the file's own size bounds what is unpacked.
  if (data.length > (options.unpackedLimit ?? UNPACKED_LIMIT)) throw new PackageError('unpacked-limit', `${data.length} bytes`);
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() =>
      XLSX.read(data, { type: 'array', dense: true, cellFormula: true, cellNF: true, cellDates: false, cellStyles: false, sheetStubs: false }),
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw encrypted();
    throw corrupt();
  }
  const limit = options.cellLimit ?? CELL_LIMIT;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const names = wb.Workbook?.Names ?? [];
  const marks = new Map<string, OutputKind>();
  const objectFormulas: ObjectFormula[] = [];
  for (const n of names) {
    const ref = String(n.Ref ?? '');
    const kind = kindOfMarker(n.Name);
    if (kind) {
      const sheet = sheetOfRange(ref);
      if (sheet !== undefined && !marks.has(sheet)) marks.set(sheet, kind);
      continue;
    }
    if (n.Name.startsWith('_xlnm.') || n.Name.startsWith('_')) continue;
    const of: ObjectFormula = { kind: 'name', label: n.Name, formula: ref.replace(/^=/, '') };
    if (typeof n.Sheet === 'number' && wb.SheetNames[n.Sheet] !== undefined) of.sheet = wb.SheetNames[n.Sheet];
    objectFormulas.push(of);
  }
  let cells = 0;
  const sheets: SheetSnapshot[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden;
    const sheet: SheetSnapshot = { name, values: [], merges: [], visible: !hidden };
    const grid = ws?.['!data'] ?? [];
    const values: CellValue[][] = [];
    let formulas: (string | null)[][] | undefined;
    let uncalculated: string[] | undefined;
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        if (++cells > limit) throw new PackageError('cell-limit', name);
        const v = valueOf(cell, date1904);
        if (v !== null) put(values, r, c, v);
        if (typeof cell.f === 'string' && cell.f !== '') {
          formulas ??= [];
          put(formulas, r, c, cell.f.replace(/^=/, ''));
          if (v === null) (uncalculated ??= []).push(address(r, c));
        }
      }
    }
    sheet.values = fill(values);
    if (formulas) sheet.formulas = fill(formulas);
    if (uncalculated) sheet.uncalculated = uncalculated;
    sheet.merges = (ws?.['!merges'] ?? []).map((m) => `${address(m.s.r, m.s.c)}:${address(m.e.r, m.e.c)}`);
    const hiddenRows = (ws?.['!rows'] ?? []).flatMap((info, r) => (info?.hidden ? [r] : []));
    if (hiddenRows.length > 0) sheet.hiddenRows = hiddenRows;
    const kind = marks.get(name);
    if (kind) sheet.createdBy = kind;
    return sheet;
  });
  const snapshot: WorkbookSnapshot = { sheets, format };
  if (objectFormulas.length > 0) snapshot.objectFormulas = objectFormulas;
  return snapshot;
}

function valueOf(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (!Number.isFinite(v)) return null;
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return serialToDate(v, date1904);
      return v;
    }
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: cell.w ?? '#VALUE!' };
    case 'd':
      return cell.v instanceof Date ? serialToDate(cell.v.getTime() / 86_400_000 + 25569, false) : null;
    default:
      return null;
  }
}

function put<T>(grid: T[][], r: number, c: number, v: T): void {
  let row = grid[r];
  if (!row) row = grid[r] = [];
  while (row.length < c) row.push(null as T);
  row[c] = v;
}

function fill<T>(grid: T[][]): T[][] {
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}
