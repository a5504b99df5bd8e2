/**
 * CSV export of the summary and the notification table (SPEC §6), for archives and other tools.
 * RFC 4180 (CRLF line ends, fields with `,` `"` CR or LF quoted, quotes doubled), UTF-8 with a BOM so
 * that Excel opens Chinese text correctly, and formula-injection neutralisation: a text cell that starts
 * with = + - @ tab or CR is prefixed with an apostrophe so that no spreadsheet runs it as a formula.
 * Numbers are written as numbers, so a negative adjustment stays -2, not '-2.
 */
import { termsFor } from './terms';
import type { AssessmentResult, Grade, Lang, NotificationModel, Text } from '../core/types';
import { buildSummary, type SummaryModel } from './plans/summary-model';

export type CsvValue = string | number | boolean | null | undefined;

/** The byte-order mark Excel needs to read UTF-8. */
export const BOM = '\ufeff';

const DANGEROUS_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made inert for spreadsheets: "=1+1" → "'=1+1". */
export function neutralize(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** One field as CSV text. Numbers are never neutralised; non-finite numbers become empty. */
export function csvField(v: CsvValue): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = v ? 'TRUE' : 'FALSE';
  else s = neutralize(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text: BOM first (unless `bom` is false), CRLF after every record. */
export function toCsv(rows: readonly (readonly CsvValue[])[], bom = true): string {
  const body = rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
  return (bom ? BOM : '') + body;
}

/** CSV text as UTF-8 bytes (the BOM included), for a download. */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}

// ---------------------------------------------------------------------------------------------
// Tables

function pick(lang: Lang, t: Text): string {
  return t[lang];
}

function gradeLabel(g: Grade | null, lang: Lang): string {
  if (g === null) return '';
  return termsFor(lang).grades[g];
}

function rankLabel(rank: number | null, tied: boolean, lang: Lang): CsvValue {
  if (rank === null) return null;
  if (!tied) return rank;
  return termsFor(lang).rankValue(rank, true);
}

/**
 * The summary (考核汇总) as a flat table: the published summary model's columns and cells, as the sheet
 * holds them (numbers rounded by the model, blocked branches blank); a tied rank, which the sheet marks by
 * number format, is written as its text ("2（并列）").
 */
export function summaryRows(result: AssessmentResult, lang: Lang): CsvValue[][] {
  return renderSummaryCsv(buildSummary(result, lang));
}

export function renderSummaryCsv(model: SummaryModel): CsvValue[][] {
  return [model.columns.map((c) => c.label), ...model.rows.map((r) => r.cells.map((c) => (c.tied ? c.text : c.value)))];
}

/**
 * The notification table (考核结果通报): ranked branches first, then the incomplete ones apart,
 * unranked, marked 待补充 with their reason.
 */
export function notificationRows(model: NotificationModel, lang: Lang): CsvValue[][] {
  const rows: CsvValue[][] = [
    [
      pick(lang, { zh: '名次', en: 'Rank' }),
      pick(lang, { zh: '党支部', en: 'Branch' }),
      pick(lang, { zh: '所属总支', en: 'General branch' }),
      pick(lang, { zh: '总分', en: 'Total' }),
      pick(lang, { zh: '等级', en: 'Grade' }),
      pick(lang, { zh: '备注', en: 'Notes' }),
    ],
  ];
  for (const r of model.ranked) {
    rows.push([rankLabel(r.rank, r.tied, lang), r.name, r.group ?? null, r.total, gradeLabel(r.grade, lang), null]);
  }
  for (const r of model.incomplete) {
    rows.push([null, r.name, r.group ?? null, null, pick(lang, { zh: '待补充', en: 'Incomplete' }), r.reason]);
  }
  return rows;
}
