/**
 * Text that XML cannot carry, made safe for saving; and the cheap per-cell preparation of a save.
 *
 * Excel stores characters XML forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates) as `_xHHHH_`
 * (ECMA-376 ST_Xstring), and a literal "_xHHHH_" text as "_x005F_xHHHH_". ExcelJS decodes those escapes
 * on read but writes the decoded characters back raw: a file nobody can reopen. While saving, every
 * string a cell holds is re-escaped the way Excel does it (on copies: the workbook itself keeps its text).
 */
import ExcelJS from 'exceljs';

/** Characters XML 1.0 forbids, plus CR and DEL (Excel escapes CR; ExcelJS would drop DEL). */
const ILLEGAL = '[\\x00-\\x08\\x0B\\x0C\\x0D\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]|\\p{Cs}';
const NEEDS_ESCAPE = new RegExp(`${ILLEGAL}|_x[0-9A-Fa-f]{4}_`, 'u');
const ESCAPE = new RegExp(`${ILLEGAL}|_(?=x[0-9A-Fa-f]{4}_)`, 'gu');
const NEEDS_ILLEGAL = new RegExp(ILLEGAL, 'u');
const ESCAPE_ILLEGAL = new RegExp(ILLEGAL, 'gu');

function hex(c: string): string {
  return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Text as a shared or inline string (`<t>`): illegal characters and a literal "_xHHHH_" escaped. */
export function escapeXstring(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE, hex) : s;
}

/**
 * A formula's cached text result (`<v>`): only the characters XML forbids are escaped, since ExcelJS
 * does not decode escapes there (and Excel recalculates the value anyway).
 */
export function escapeIllegal(s: string): string {
  return NEEDS_ILLEGAL.test(s) ? s.replace(ESCAPE_ILLEGAL, hex) : s;
}

interface CellModel {
  type: number;
  value?: unknown;
  text?: unknown;
  result?: unknown;
  style?: Record<string, unknown>;
}

interface RowModel {
  cells: CellModel[];
}

interface RichRun {
  text?: unknown;
}

/** Rich text with its runs escaped; the same object when no run needs it. */
function escapedRich(value: { richText: RichRun[] }): { richText: RichRun[] } {
  const runs = value.richText;
  if (!runs.some((r) => typeof r?.text === 'string' && escapeXstring(r.text) !== r.text)) return value;
  return { ...value, richText: runs.map((r) => (typeof r?.text === 'string' ? { ...r, text: escapeXstring(r.text) } : r)) };
}

function isRich(v: unknown): v is { richText: RichRun[] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText);
}

/** The cell model to save in place of `cell`: itself, or a copy with its text escaped. */
function escapedCell(cell: CellModel): CellModel {
  const V = ExcelJS.ValueType;
  switch (cell.type) {
    // ExcelJS keeps rich text set by code as a String cell holding { richText }, loaded rich text as RichText.
    case V.String:
    case V.RichText: {
      const value = typeof cell.value === 'string' ? escapeXstring(cell.value) : isRich(cell.value) ? escapedRich(cell.value) : cell.value;
      return value === cell.value ? cell : { ...cell, value };
    }
    case V.Hyperlink: {
      const text = typeof cell.text === 'string' ? escapeXstring(cell.text) : isRich(cell.text) ? escapedRich(cell.text) : cell.text;
      return text === cell.text ? cell : { ...cell, text };
    }
    case V.Formula: {
      if (typeof cell.result !== 'string') return cell;
      const result = escapeIllegal(cell.result);
      return result === cell.result ? cell : { ...cell, result };
    }
    default:
      return cell;
  }
}

function isEmpty(o: object | undefined): boolean {
  if (!o) return true;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return false;
  return true;
}

/**
 * Prepare one worksheet's save model (built fresh by ExcelJS for this save): escape its text, and let
 * unstyled cells share one empty style per cell type. ExcelJS gives every unstyled cell its own `{}`,
 * and its style table caches by object identity, so each of them would be hashed through an XML
 * rendering of its style: on a large workbook that is most of the save's style work.
 */
export function prepareRowsForSave(rows: unknown[], emptyStyles: Map<number, Record<string, unknown>>): void {
  for (const row of rows as RowModel[]) {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      // A formula's effective type is its result's: keep ExcelJS's own handling for those.
      if (cell.type !== ExcelJS.ValueType.Formula && isEmpty(cell.style)) {
        let shared = emptyStyles.get(cell.type);
        if (!shared) emptyStyles.set(cell.type, (shared = {}));
        // `cell` is the live model object, but ExcelJS re-assigns its `style` on every model read.
        cell.style = shared;
      }
      const escaped = escapedCell(cell);
      if (escaped !== cell) cells[i] = escaped;
    }
  }
}
