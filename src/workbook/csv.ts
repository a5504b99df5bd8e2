/**
 * CSV export of the summary and the notification table (SPEC §6), for archives and other tools.
 * RFC 4180 (CRLF line ends, fields with `,` `"` CR or LF quoted, quotes doubled), UTF-8 with a BOM so
 * that Excel opens Chinese text correctly, and formula-injection neutralisation: a text cell that starts
 * with = + - @ tab or CR is prefixed with an apostrophe so that no spreadsheet runs it as a formula.
 * Numbers are written as numbers, so a negative adjustment stays -2, not '-2.
 */
import { termsFor } from './terms';
import { fromNumber, roundHalfAwayFromZero } from '../core/decimal';
import {
  SOURCES,
  type AssessmentResult,
  type Grade,
  type Lang,
  type NotificationModel,
  type Source,
  type Text,
} from '../core/types';

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

const SOURCE_EN: Record<Source, string> = {
  组织考核: 'Organisational assessment',
  民主测评: 'Democratic evaluation',
  自评: 'Self-assessment (reference)',
};

function pick(lang: Lang, t: Text): string {
  return t[lang];
}

function gradeLabel(g: Grade | null, lang: Lang): string {
  if (g === null) return '';
  return termsFor(lang).grades[g];
}

/** Exact half-away-from-zero rounding for display; null stays empty. */
function round(n: number | null | undefined, decimals: number): number | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return roundHalfAwayFromZero(fromNumber(n), decimals);
}

function rankLabel(rank: number | null, tied: boolean, lang: Lang): CsvValue {
  if (rank === null) return null;
  if (!tied) return rank;
  return lang === 'zh' ? `${rank}（并列）` : `${rank} (tied)`;
}

/**
 * The summary (考核汇总) as a flat table: one row per branch in roster order, scores rounded to 2
 * decimals (the total to the ruleset's decimals, as banded).
 */
export function summaryRows(result: AssessmentResult, lang: Lang): CsvValue[][] {
  const cats = result.catalogue.categories;
  const header: CsvValue[] = [
    pick(lang, { zh: '序号', en: 'No.' }),
    pick(lang, { zh: '所属总支', en: 'General branch' }),
    pick(lang, { zh: '党支部', en: 'Branch' }),
    ...cats.map((c) => c.name),
    ...SOURCES.map((s) => (lang === 'zh' ? (s === '自评' ? '自评(参考)' : s) : SOURCE_EN[s])),
    pick(lang, { zh: '加减分', en: 'Adjustment' }),
    pick(lang, { zh: '总分', en: 'Total' }),
    pick(lang, { zh: '等级', en: 'Grade' }),
    pick(lang, { zh: '排名', en: 'Rank' }),
    pick(lang, { zh: '状态', en: 'Status' }),
    pick(lang, { zh: '备注', en: 'Notes' }),
  ];
  const rows: CsvValue[][] = [header];
  result.branches.forEach((b, i) => {
    const graded = b.status === 'graded';
    rows.push([
      i + 1,
      b.group ?? null,
      b.name,
      ...cats.map((c) => round(b.categoryScores[c.code], 2)),
      ...SOURCES.map((s) => round(b.sourceScores[s], 2)),
      b.adjustment,
      graded ? b.total : null,
      graded ? gradeLabel(b.grade, lang) : null,
      graded ? rankLabel(b.rank, b.tied, lang) : null,
      graded ? pick(lang, { zh: '已评定', en: 'Graded' }) : pick(lang, { zh: '待补充', en: 'Incomplete' }),
      b.notes.map((n) => n[lang]).join(lang === 'zh' ? '；' : '; '),
    ]);
  });
  return rows;
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
