/**
 * Conversions between Office.js cell data and the product's plain values, and payload sizes.
 */
import type { CellValue } from '../../core/types';
import type { PlanValue } from '../../workbook/plan';

/** Excel's error values as `values` gives them (not localised). */
const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!',
  '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '#EXTERNAL!',
]);

/**
 * One cell as `values` reads it: "" for an empty cell, the error's text ("#N/A") for an error. Loading
 * `valueTypes` as well would tell a typed "#N/A" text from a real error, at a third more payload per cell;
 * both are invalid ratings anyway, so the text decides.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return ERROR_VALUES.has(value) ? { error: value } : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * A plan value as written into `values`. Excel parses written text as if typed: "1.1" would become a
 * number, "2026-01-15" a date, "=x" a formula, "#N/A" an error. A leading apostrophe keeps such text as
 * text (Excel stores it as a quote prefix, not as part of the value).
 */
export function toExcelInput(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'boolean') return v;
  return needsQuote(v) ? `'${v}` : v;
}

function needsQuote(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'#]/.test(s)) return true;
  if (/\d/.test(s)) return true; // numbers, dates, times, fractions, percentages, "3月1日"
  return /^\s*(true|false)\s*$/i.test(s);
}

/** Excel's widest column, in characters. */
export const MAX_COLUMN_CHARS = 255;

/**
 * Column width from characters (the plan's unit) to points (Office.js's), for the default 11pt font,
 * clamped to what Excel accepts (0–255 characters).
 */
export function widthToPoints(chars: number): number {
  const w = Math.min(MAX_COLUMN_CHARS, Math.max(0, chars));
  const px = Math.round(w * 7 + 5);
  return Math.round(px * 0.75 * 4) / 4;
}

/** JSON size of a value in UTF-8 bytes: how much a request carries. */
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

/** Sheet name as a reference prefix: always quoted, inner apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!C5:F9" or "'My sheet'!C5" → the A1 part after the sheet name. */
export function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return i < 0 ? address : address.slice(i + 1);
}

/** "=考核汇总!$A$1" or "='It''s'!$A$1" → the sheet's name. */
export function sheetOfFormula(formula: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}
