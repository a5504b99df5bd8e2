/**
 * The in-memory workbook behind the Excel stand-in: plain data, no proxies. Tests build it and inspect
 * it directly; the API layer (api.ts) only changes it inside `context.sync()`.
 *
 * No Node built-ins here: the same model is meant to run in a browser test page.
 */

export type FakeValue = string | number | boolean | { error: string } | null;

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  underline?: string;
  name?: string;
}

export interface FakeBorder {
  style: string;
  weight?: string;
  color?: string;
}

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeListRule {
  list: { inCellDropDown: boolean; source: string };
}

export interface FakeCell {
  /** the value, or a formula's cached result (null = empty) */
  value: FakeValue;
  /** with its leading "=" */
  formula?: string;
  /** written with a leading apostrophe (kept as text) */
  quotePrefix?: boolean;
  numberFormat?: string;
  fill?: string;
  font?: FakeFont;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: Record<string, FakeBorder>;
  hyperlink?: FakeHyperlink;
  validation?: FakeListRule;
  /** DataValidation.errorAlert as set (Excel keeps it with the rule; kept apart here so rules compare alone) */
  validationAlert?: FakeErrorAlert;
}

/** DataValidationErrorAlert: what Excel shows for a value outside the rule ("Stop" refuses it, "Warning" asks). */
export interface FakeErrorAlert {
  showAlert: boolean;
  style: 'Stop' | 'Warning' | 'Information';
  title: string;
  message: string;
}

export interface FakeConditionalFormat {
  /** the stand-in's own identity of the rule (Excel's ConditionalFormat.id is only a priority) */
  id: string;
  type: 'Custom';
  /** the areas it applies to (one rule may cover many cells apart) */
  ranges: Rect[];
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally?: boolean;
  printTitleRows?: string;
  printArea?: string;
}

/** A defined name: a reference to one sheet's cells (kept by sheet id, so renames follow). */
export interface FakeName {
  name: string;
  sheetId: string;
  rect: Rect;
  comment?: string;
  /** its sheet was deleted: the name stays, its formula reads =#REF!… */
  broken?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: CellStore;
  merges: Rect[];
  /** sheet-scoped names */
  names: FakeName[];
  /** in points */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: FakePageLayout;
  protected: boolean;
  tabColor?: string;
  /** in priority order: the first has the highest priority */
  conditionalFormats: FakeConditionalFormat[];
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** The error object Office.js rejects with (OfficeExtension.Error: name, code, message, debugInfo). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

// ---------------------------------------------------------------------------------------------
// A1 addresses

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function colName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A1", "$A$1:$C$3", whole columns "A:C", whole rows "3:5". Throws InvalidArgument otherwise. */
export function parseA1(ref: string): Rect {
  const parts = ref.toUpperCase().replace(/\$/g, '').split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw bad(ref);
  const [a, b = a] = parts;
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^[A-Z]{1,3}$/;
  const row = /^\d{1,7}$/;
  let rect: Rect;
  if (cell.test(a) && cell.test(b)) {
    const p = cell.exec(a)!;
    const q = cell.exec(b)!;
    rect = corners(Number(p[2]) - 1, colIndex(p[1]), Number(q[2]) - 1, colIndex(q[1]));
  } else if (parts.length === 2 && col.test(a) && col.test(b)) {
    rect = corners(0, colIndex(a), MAX_ROWS - 1, colIndex(b));
  } else if (parts.length === 2 && row.test(a) && row.test(b)) {
    rect = corners(Number(a) - 1, 0, Number(b) - 1, MAX_COLS - 1);
  } else {
    throw bad(ref);
  }
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) throw bad(ref);
  return rect;
}

function corners(ra: number, ca: number, rb: number, cb: number): Rect {
  return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
}

function bad(ref: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: '${ref}'.`);
}

export function cellA1(r: number, c: number): string {
  return colName(c) + (r + 1);
}

/** Excel's own spelling of a range address: "A1" for one cell, "A1:C3", "A:A" / "3:3" for whole lines. */
export function rectA1(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${colName(r.c0)}:${colName(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = cellA1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${cellA1(r.r1, r.c1)}`;
}

/** Sheet name as Excel writes it in an address: bare when it is a plain word, else quoted. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rectCells(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

/**
 * A sheet's cells, by row and column: an array of rows, each an array of cells (empty cells are holes or
 * undefined). A cell is two array lookups away; the Map keyed by "r,c" strings it replaces built and hashed a
 * new string at every access, which took most of the 5,000-branch tests' time.
 */
export class CellStore {
  private rows: (FakeCell | undefined)[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(r: number, c: number): FakeCell | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, cell: FakeCell): void {
    let row = this.rows[r];
    if (row === undefined) this.rows[r] = row = [];
    if (row[c] === undefined) this.count++;
    row[c] = cell;
  }

  delete(r: number, c: number): boolean {
    const row = this.rows[r];
    if (row === undefined || row[c] === undefined) return false;
    row[c] = undefined;
    this.count--;
    return true;
  }

  /** every cell, row by row, left to right (cells set or deleted by `f` meanwhile: see `entries`) */
  forEach(f: (cell: FakeCell, r: number, c: number) => void): void {
    this.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== undefined) f(cell, r, c);
      }),
    );
  }

  /** every cell as [row, column, cell], row by row: a list taken now, safe to change the store while going through it */
  entries(): [number, number, FakeCell][] {
    const out: [number, number, FakeCell][] = [];
    this.forEach((cell, r, c) => out.push([r, c, cell]));
    return out;
  }

  values(): FakeCell[] {
    const out: FakeCell[] = [];
    this.forEach((cell) => out.push(cell));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Excel's parsing of typed input (what happens when a string is written into `values`)

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Days since 1899-12-30 (Excel's 1900 date system, ignoring the 1900 leap-year bug before March). */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * What a cell holds after `values` receives `input`, as Excel parses typed text: a leading apostrophe
 * keeps text, "=" starts a formula, numeric, percent, boolean and ISO-date text become numbers/booleans.
 */
export function parseInput(input: string | number | boolean): Pick<FakeCell, 'value' | 'formula' | 'quotePrefix'> {
  if (typeof input !== 'string') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) === '' ? null : input.slice(1), quotePrefix: true };
  if (input === '') return { value: null };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const d = ISO_DATE.exec(t);
  if (d) return { value: serial(Number(d[1]), Number(d[2]), Number(d[3])) };
  return { value: input };
}

const ERROR_VALUES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];
export function isErrorValue(v: unknown): v is { error: string } {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}
export { ERROR_VALUES };

// ---------------------------------------------------------------------------------------------
// Sheets

let sheetSeq = 0;

export function newSheet(name: string): FakeSheet {
  sheetSeq += 1;
  return {
    id: `{sheet-${sheetSeq}}`,
    name,
    visibility: 'Visible',
    cells: new CellStore(),
    merges: [],
    names: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freeze: null,
    pageLayout: {},
    protected: false,
    conditionalFormats: [],
  };
}

export function cellOf(sheet: FakeSheet, r: number, c: number, create: true): FakeCell;
export function cellOf(sheet: FakeSheet, r: number, c: number, create?: false): FakeCell | undefined;
export function cellOf(sheet: FakeSheet, r: number, c: number, create = false): FakeCell | undefined {
  let cell = sheet.cells.get(r, c);
  if (!cell && create) {
    cell = { value: null };
    sheet.cells.set(r, c, cell);
  }
  return cell;
}

function hasFormat(cell: FakeCell): boolean {
  return (
    cell.numberFormat !== undefined ||
    cell.fill !== undefined ||
    cell.font !== undefined ||
    cell.hAlign !== undefined ||
    cell.vAlign !== undefined ||
    cell.wrap !== undefined ||
    cell.borders !== undefined ||
    cell.hyperlink !== undefined ||
    cell.validation !== undefined
  );
}

/** Excel's used range: cells with a value or formula (valuesOnly), or also formatted cells and merges. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const take = (r: number, c: number) => {
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  };
  sheet.cells.forEach((cell, r, c) => {
    const used = cell.value !== null || cell.formula !== undefined || (!valuesOnly && hasFormat(cell));
    if (used) take(r, c);
  });
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      take(m.r0, m.c0);
      take(m.r1, m.c1);
    }
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** JSON size in UTF-8 bytes, the measure of a request or response payload. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// References to sheets inside formulas

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replace every reference to sheet `name` in `formula` ("考核汇总!B3", "'考核汇总 (2)'!$B$3") by `to` + "!":
 * how Excel rewrites formulas when a sheet is renamed (to = the new name, quoted as needed) or deleted
 * (to = "#REF"). Returns the formula unchanged when it does not refer to the sheet.
 */
export function rewriteSheetRefs(formula: string, name: string, to: string): string {
  const quoted = `'${escapeRegExp(name.replace(/'/g, "''"))}'!`;
  const bare = `(?<![\\p{L}\\p{N}_.'])${escapeRegExp(name)}!`;
  return formula.replace(new RegExp(`${quoted}|${bare}`, 'giu'), () => `${to}!`);
}
