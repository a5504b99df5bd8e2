/**
 * The documents' date (成文日期, `--date`): one calendar day as yyyy-mm-dd, in the years an office can mean.
 * Pure: no clock here; "today" comes from the host.
 */
import type { CellValue } from './types';
import { foldWidth, trimAll } from './text';

/** Years the product accepts for --year, --date and 成文日期: a typo such as 1899 or 20266 is refused. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A real calendar day written exactly yyyy-mm-dd, within MIN_YEAR–MAX_YEAR; else null. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? validDay(+m[1], +m[2], +m[3]) : null;
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(m)}-${p(d)}`;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01 and counts the 1900-02-29 Lotus kept, so day 0 is 1899-12-30. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as an office types it in a settings cell: a date cell (a host gives it as yyyy-mm-dd text, or Excel
 * as its serial number), or text such as 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日 (a time of day
 * after it is ignored). Else null.
 */
export function readDateValue(value: CellValue): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const day = new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000);
    return validDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(foldWidth(trimAll(value)));
  return m ? validDay(+m[1], +m[2], +m[3]) : null;
}
