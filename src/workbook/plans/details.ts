/**
 * 计算明细 (SPEC §6): per branch and indicator the points, for each source the number of forms and the mean
 * coefficient, and the weighted score; then per branch the subtotal, the adjustment and the total, so
 * every total can be traced back to its forms.
 */
import { SOURCE_SCORE_KEYS, type AssessmentResult, type BranchResult, type Lang } from '../../core/types';
import type { SheetPlan } from '../plan';
import { DETAILS as L, SOURCE_LABEL, pick } from './labels';
import {
  BORDER,
  HEADER,
  MEAN_FORMAT,
  SUBTITLE,
  SheetBuilder,
  TITLE,
  TOTAL_ROW,
  WEIGHTED_FORMAT,
  rangeOf,
  rowsOf,
  rulesetLine,
  totalFormat,
} from './sheet';

const FIRST_SOURCE_COL = 4;
const WEIGHTED_COL = FIRST_SOURCE_COL + 2 * SOURCE_SCORE_KEYS.length;
const LAST = WEIGHTED_COL;
const TEXT_CHARS = 18;

/** The first characters of an indicator's text, for a readable column. */
export function shortText(text: string, chars = TEXT_CHARS): string {
  return text.length > chars ? text.slice(0, chars).replace(/[,，、;；:：]+$/, '') + '…' : text;
}

/** Σ weighted over the branch's indicators, or null when one is missing (an incomplete branch). */
export function subtotalOf(b: BranchResult): number | null {
  let sum = 0;
  for (const d of b.indicators) {
    if (d.weighted === null) return null;
    sum += d.weighted;
  }
  return sum;
}

export function planDetailsSheet(result: AssessmentResult, lang: Lang, name: string, replaces?: string): SheetPlan {
  const sb = new SheetBuilder();
  sb.set(0, 0, pick(L.title(result.year), lang)).merge(0, 0, 0, LAST).style(0, 0, 0, LAST, TITLE).height(0, 28);
  sb.set(1, 0, rulesetLine(result.ruleset, lang) + '\n' + pick(L.note, lang))
    .merge(1, 0, 1, LAST)
    .style(1, 0, 1, LAST, SUBTITLE)
    .height(1, 42);

  // Two header rows: the fixed columns span both, each source spans its 份数 and 均值.
  const h = 2;
  const fixed = [L.branch, L.code, L.text, L.points];
  fixed.forEach((t, c) => sb.set(h, c, pick(t, lang)).merge(h, c, h + 1, c));
  SOURCE_SCORE_KEYS.forEach((k, i) => {
    const c = FIRST_SOURCE_COL + 2 * i;
    sb.set(h, c, pick(SOURCE_LABEL[k], lang)).merge(h, c, h, c + 1);
    sb.row(h + 1, c, [pick(L.forms, lang), pick(L.mean, lang)]);
  });
  sb.set(h, WEIGHTED_COL, pick(L.weighted, lang)).merge(h, WEIGHTED_COL, h + 1, WEIGHTED_COL);
  sb.style(h, 0, h + 1, LAST, HEADER);

  const texts = new Map(result.catalogue.indicators.map((i) => [i.code, i.text]));
  const first = h + 2;
  let r = first;
  for (const b of result.branches) {
    const top = r;
    for (const d of b.indicators) {
      sb.row(r, 0, [b.name, d.code, shortText(texts.get(d.code) ?? ''), d.points]);
      SOURCE_SCORE_KEYS.forEach((k, i) => {
        const s = d.sources[k];
        sb.row(r, FIRST_SOURCE_COL + 2 * i, [s.forms, s.mean]);
      });
      sb.set(r, WEIGHTED_COL, d.weighted);
      r++;
    }
    if (r > top) {
      SOURCE_SCORE_KEYS.forEach((_, i) => sb.style(top, FIRST_SOURCE_COL + 2 * i + 1, r - 1, FIRST_SOURCE_COL + 2 * i + 1, { numberFormat: MEAN_FORMAT }));
      sb.style(top, WEIGHTED_COL, r - 1, WEIGHTED_COL, { numberFormat: WEIGHTED_FORMAT });
    }

    // Subtotal row: forms per source and the source scores (0–100) in the mean columns.
    sb.row(r, 0, [b.name, null, pick(L.subtotal, lang), null]);
    SOURCE_SCORE_KEYS.forEach((k, i) => {
      const c = FIRST_SOURCE_COL + 2 * i;
      sb.row(r, c, [k === '自评(半年)' ? null : b.forms[k], b.sourceScores[k]]);
      sb.style(r, c + 1, r, c + 1, { numberFormat: WEIGHTED_FORMAT });
    });
    sb.set(r, WEIGHTED_COL, subtotalOf(b)).style(r, WEIGHTED_COL, r, WEIGHTED_COL, { numberFormat: WEIGHTED_FORMAT });
    sb.style(r, 0, r, LAST, TOTAL_ROW);
    r++;
    sb.row(r, 0, [b.name, null, pick(L.adjustment, lang)]).set(r, WEIGHTED_COL, b.adjustment);
    sb.style(r, WEIGHTED_COL, r, WEIGHTED_COL, { numberFormat: WEIGHTED_FORMAT });
    sb.style(r, 0, r, LAST, TOTAL_ROW);
    r++;
    const graded = b.status === 'graded';
    sb.row(r, 0, [b.name, null, pick(graded ? L.total : L.totalIncomplete, lang)]).set(r, WEIGHTED_COL, graded ? b.total : null);
    sb.style(r, WEIGHTED_COL, r, WEIGHTED_COL, { numberFormat: totalFormat(result.ruleset.decimals) });
    sb.style(r, 0, r, LAST, TOTAL_ROW);
    r++;
  }
  if (r > first) sb.style(first, 0, r - 1, LAST, BORDER);

  return sb.build({
    kind: 'details',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: [20, 7, 30, 7, ...SOURCE_SCORE_KEYS.flatMap(() => [7, 9]), 10],
    freeze: { rows: h + 2, columns: 2 },
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: rowsOf(h, h + 1), area: rangeOf(0, 0, Math.max(r - 1, h + 1), LAST) },
  });
}
