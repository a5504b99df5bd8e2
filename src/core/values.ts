/**
 * Reading raw cell values (CellValue) as text or exact numbers, the way every settings, catalogue and
 * adjustment cell is read.
 */
import { fromNumber, parseDecimal, rational, type Rational } from './decimal';
import { isSpaceOnly, normalize, trimAll } from './text';
import type { CellValue } from './types';

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null;
}

/**
 * A rating or count cell whose formula has no stored result (SPEC §4): recognition puts this in place of
 * the unknown value, and reports the sheet once (uncalculated-formula). The core skips such a cell: it is
 * neither a rating, nor a blank, nor an invalid value. No Excel error is spelled like this.
 */
export const UNCALCULATED: { readonly error: string } = Object.freeze({ error: '#UNCALCULATED' });

export function isUncalculated(v: CellValue): boolean {
  return v === UNCALCULATED || (typeof v === 'object' && v !== null && v.error === UNCALCULATED.error);
}

/** True for null, "" and white space only (of any width): the one blank test of the product. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && isSpaceOnly(v));
}

/** The value as a user would see it, for quoting in a message: "#N/A", "95", "TRUE", "优". */
export function showValue(v: CellValue): string {
  if (v === null) return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return trimAll(v);
}

const MINUS = /[\u2212\u2012\u2013\uff0d]/g;

/**
 * A number cell, or numeric text ("85", "－2.5", "+3", full-width digits), as an exact rational.
 * Anything else is null. `percent` also accepts a trailing % (or ％), dividing by 100.
 */
export function readDecimal(v: CellValue, percent = false): Rational | null {
  if (typeof v === 'number') return Number.isFinite(v) ? fromNumber(v) : null;
  if (typeof v !== 'string') return null;
  let s = normalize(v).replace(MINUS, '-');
  let scale = false;
  if (percent && s.endsWith('%')) {
    s = s.slice(0, -1);
    scale = true;
  }
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  // every text the pattern above lets through is one parseDecimal reads
  const r = parseDecimal(s) as Rational;
  return scale ? rational(r.n, r.d * 100n) : r;
}

/** Text of a value for names and keys: trimmed string, a number's digits, "" otherwise. */
export function textOf(v: CellValue): string {
  if (typeof v === 'string') return trimAll(v);
  if (typeof v === 'number') return String(v);
  return '';
}
