/**
 * Apply a WorkbookPlan to an ExcelJS workbook, and save it. New sheets are built on a fresh worksheet;
 * a sheet is replaced only when it carries the product's marker; a FillPlan writes values and nothing else.
 */
import ExcelJS from 'exceljs';
import type { CellStyle, FillPlan, PlanValue, PrintSetup, SheetPlan, WorkbookPlan } from '../../workbook/plan';
import { OUTPUT_KINDS } from '../../workbook/host';
import { parseRange, type OutputKind } from '../../workbook/snapshot';
import type { JSZipGeneratorOptions } from 'jszip';
import { prepareRowsForSave } from './escape';
import { markedSheets, markSheet, quoteSheet, unmarkSheet, withScopedMarkers } from './markers';
import { restoreHeldMerges } from './merges';
import type { XlsxWorkbook } from './read';

/** Apply every sheet of the plan, in order. Throws (before touching the sheet) on a plan that would overwrite a user's sheet. */
export function applyPlan(wb: XlsxWorkbook, plan: WorkbookPlan): void {
  for (const sheet of plan.sheets) {
    if (sheet.mode === 'new') applySheet(wb, sheet);
    else applyFill(wb, sheet);
  }
  if (plan.activate) activate(wb, plan.activate);
}

/**
 * Zip settings of the saved file. Deflate level 1 instead of JSZip's 6: on a large workbook level 6
 * is about a third of the whole save for a file some 40% smaller; level 1 still shrinks the XML ~8×.
 */
const ZIP: JSZipGeneratorOptions = { compression: 'DEFLATE', compressionOptions: { level: 1 } };

/** The .xlsx bytes, with the product's markers scoped to their sheets and text escaped as Excel does. */
export async function saveWorkbook(wb: XlsxWorkbook): Promise<Uint8Array> {
  repairTables(wb);
  const emptyStyles = new Map<number, Record<string, unknown>>();
  const buf = await withScopedMarkers(
    wb,
    () => wb.xlsx.writeBuffer({ zip: ZIP }),
    (model) => {
      for (const ws of model.worksheets) prepareRowsForSave(ws.rows, emptyStyles);
    },
  );
  const bytes = buf as unknown as Uint8Array;
  return restoreHeldMerges(wb, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ZIP);
}

/**
 * ExcelJS 4.4 reads a table without <tableStyleInfo> (LibreOffice writes its autofilter ranges that way)
 * as style null, then crashes writing it. An unstyled table is what the file said: keep it unstyled.
 */
function repairTables(wb: XlsxWorkbook): void {
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {};
    for (const t of Object.values(tables)) {
      if (t.table && (t.table.style === null || t.table.style === undefined)) {
        t.table.style = { showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
      }
    }
  }
}

function isOutputKind(kind: string): kind is OutputKind {
  return (OUTPUT_KINDS as readonly string[]).includes(kind);
}

// ---------------------------------------------------------------------------------------------
// New sheets

interface Ordered {
  orderNo: number;
}

function applySheet(wb: XlsxWorkbook, plan: SheetPlan): void {
  const marks = markedSheets(wb);
  let orderNo: number | undefined;
  if (plan.replaces !== undefined) {
    const old = wb.getWorksheet(plan.replaces);
    if (old) {
      // Never replace what the user made: only a sheet carrying our marker may go.
      if (!marks.has(old.name)) throw new Error(`refusing to replace sheet "${old.name}": it has no BranchAssessment marker`);
      orderNo = (old as unknown as Ordered).orderNo;
      unmarkSheet(wb, old.name);
      wb.removeWorksheet(old.id);
    }
  }
  if (wb.getWorksheet(plan.name)) throw new Error(`sheet "${plan.name}" already exists and is not replaced by the plan`);

  const ws = wb.addWorksheet(plan.name);
  // Same tab position as the sheet it replaces (ExcelJS orders tabs by orderNo).
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;

  writeValues(ws, plan.values);
  for (const link of plan.links) writeLink(ws.getCell(link.cell), link.sheet, link.target);
  for (const m of plan.merges) ws.mergeCellsWithoutStyle(m);
  for (const s of plan.styles) styleRange(ws, s.range, s.style);
  plan.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const { row, height } of plan.rowHeights ?? []) ws.getRow(row + 1).height = height;
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }];
  }
  for (const v of plan.validations) addListValidation(ws, v.range, v.list);
  if (plan.print) ws.pageSetup = pageSetup(plan.print);
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  if (isOutputKind(plan.kind)) markSheet(wb, plan.name, plan.kind);
}

function writeValues(ws: ExcelJS.Worksheet, values: PlanValue[][]): void {
  values.forEach((row, r) => {
    if (!row || row.length === 0) return;
    const xrow = ws.getRow(r + 1);
    row.forEach((v, c) => {
      // Skipping nulls matters: a blank written into a merged area's cell would clear its master.
      if (v === null || v === undefined) return;
      if (typeof v === 'number' && !Number.isFinite(v)) return;
      xrow.getCell(c + 1).value = v;
    });
  });
}

/**
 * An in-workbook link as a HYPERLINK formula with its text as the cached result. ExcelJS 4.4 writes a
 * cell hyperlink as an external relationship (plus a `location`), which Excel may try to open as a file;
 * the formula works the same in Excel, Office.js, WPS and LibreOffice.
 */
function writeLink(cell: ExcelJS.Cell, sheet: string, target: string): void {
  const text = cell.value === null || cell.value === undefined ? target : String(cell.value);
  const ref = `#${quoteSheet(sheet)}!${target}`;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // A formula's string literal is capped at 255 characters; a longer text stays a plain value.
  if (text.length > 255 || ref.length > 255) return;
  cell.value = { formula: `HYPERLINK(${q(ref)},${q(text)})`, result: text } as ExcelJS.CellFormulaValue;
  cell.font = { ...(cell.font ?? {}), color: { argb: 'FF0563C1' }, underline: true };
}

/** "#RRGGBB" → ExcelJS "FFRRGGBB". */
function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? 'FF' + h : /^[0-9A-F]{8}$/.test(h) ? h : 'FF000000';
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function styleRange(ws: ExcelJS.Worksheet, range: string, style: CellStyle): void {
  const { r0, c0, r1, c1 } = parseRange(range);
  for (let r = r0; r <= r1; r++) {
    const row = ws.getRow(r + 1);
    for (let c = c0; c <= c1; c++) styleCell(row.getCell(c + 1), style);
  }
}

/** Layer a style onto a cell. ExcelJS shares style objects between cells, so each part is a new object. */
function styleCell(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor || s.underline !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor) font.color = { argb: argb(s.fontColor) };
    if (s.underline !== undefined) font.underline = s.underline;
    cell.font = font;
  }
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.hAlign !== undefined || s.vAlign !== undefined || s.wrap !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (s.hAlign) al.horizontal = s.hAlign;
    if (s.vAlign) al.vertical = s.vAlign;
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    cell.alignment = al;
  }
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

/** A drop-down list on a range, kept as one rule (ExcelJS writes a range key as one sqref). */
function addListValidation(ws: ExcelJS.Worksheet, range: string, list: string[]): void {
  // An inline list is one quoted, comma-separated string; Excel caps it at 255 characters.
  const items = list.map((x) => x.replace(/"/g, '""').replace(/,/g, '，'));
  const dv: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${items.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '无效的值 / Invalid value',
    error: `请从下拉列表中选择：${list.join('、')} / Choose from the list`,
  };
  const dvs = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const { r0, c0, r1, c1 } = parseRange(range);
  dvs.add(r0 === r1 && c0 === c1 ? range.split(':')[0] : range, dv);
}

function pageSetup(p: PrintSetup): Partial<ExcelJS.PageSetup> {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9, // A4
    orientation: p.orientation,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (p.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (p.titleRows) setup.printTitlesRow = p.titleRows;
  if (p.area) setup.printArea = p.area;
  if (p.centered) setup.horizontalCentered = true;
  return setup;
}

// ---------------------------------------------------------------------------------------------
// The office's own summary sheet (SPEC §4.6): values only

function applyFill(wb: XlsxWorkbook, plan: FillPlan): void {
  const ws = wb.getWorksheet(plan.name);
  if (!ws) throw new Error(`sheet "${plan.name}" to fill does not exist`);
  for (const { cell, value } of plan.cells) {
    const target = ws.getCell(cell);
    // The plan already leaves formulas alone (formula-not-overwritten); this is the host's own guard.
    if (target.type === ExcelJS.ValueType.Formula) continue;
    target.value = value === undefined ? null : value;
  }
}

function activate(wb: XlsxWorkbook, name: string): void {
  const sheets = wb.worksheets;
  const index = sheets.findIndex((ws) => ws.name === name);
  if (index < 0) return;
  const view = wb.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000 };
  wb.views = [{ ...view, firstSheet: 0, activeTab: index, visibility: 'visible' }];
  for (const ws of sheets) {
    const views = ws.views && ws.views.length > 0 ? ws.views : [{}];
    ws.views = views.map((v, i) => (i === 0 ? { ...v, tabSelected: ws.name === name } : v)) as ExcelJS.WorksheetView[];
  }
}
