/**
 * 计算明细 (SPEC §6): per branch and indicator the points, for each source the number of forms and the mean
 * coefficient, and the weighted score; then one total row per branch with the source scores, the sum
 * before adjustments, the adjustment and the total, so every total can be traced back to its forms.
 */
import { HALF_YEAR_SELF, SOURCE_SCORE_KEYS, type AssessmentResult, type BranchResult, type Lang, type Text } from '../../core/types';
import type { SheetPlan } from '../plan';
import { DETAILS as L, SOURCE_LABEL, pick } from './labels';
import {
  BORDER,
  HEADER,
  SUBTITLE,
  SheetBuilder,
  TITLE,
  TOTAL_ROW,
  rangeOf,
  rowsOf,
  rulesetLine,
  totalFormat,
} from './sheet';

const FIRST_SOURCE_COL = 4;
const WEIGHTED_COL = FIRST_SOURCE_COL + 2 * SOURCE_SCORE_KEYS.length;
const ADJUSTMENT_COL = WEIGHTED_COL + 1;
const TOTAL_COL = WEIGHTED_COL + 2;
const LAST = TOTAL_COL;
const TEXT_CHARS = 12;
/**
 * Values are written as they are shown (4 decimals): enough to retrace every total by hand, the JSON
 * report keeps the exact figures, and a 1,000-branch sheet stays inside one Excel request.
 */
const SHOWN_DECIMALS = 4;

function shown(x: number | null): number | null {
  return x === null ? null : Number(x.toFixed(SHOWN_DECIMALS));
}

/**
 * Means and scores: at least 2 decimals, so a column reads evenly (0.85, 0.94, 1.00; 2.82, 93.91), and
 * up to the 4 stored, so no digit needed to retrace a total by hand is hidden (0.8667).
 */
export const MEAN_FORMAT = '0.00##';
export const SCORE_FORMAT = MEAN_FORMAT;
/** Form counts are whole numbers. */
export const COUNT_FORMAT = '0';

/** Decimals a set of figures needs (at most 2: points and adjustments are entered by hand). */
function decimalsOf(xs: number[]): number {
  let d = 0;
  for (const x of xs) {
    const s = String(Number(x.toFixed(2)));
    const dot = s.indexOf('.');
    if (dot >= 0) d = Math.max(d, s.length - dot - 1);
  }
  return d;
}

/** Points as entered: "0" for whole points, "0.0" / "0.00" when the catalogue has halves or quarters. */
export function pointsFormat(points: number[]): string {
  const d = decimalsOf(points);
  return d === 0 ? '0' : '0.' + '0'.repeat(d);
}

/** Adjustments with their sign (+2, −1.5), 0 without one. */
export function adjustmentFormat(adjustments: number[]): string {
  const d = decimalsOf(adjustments);
  const f = d === 0 ? '0' : '0.' + '0'.repeat(d);
  return `+${f};-${f};0`;
}

/**
 * Half-year self-assessment forms of a branch: the core counts forms per annual source only, so this is
 * the most forms any indicator had (every half-year form rates the whole catalogue).
 */
export function halfYearForms(b: BranchResult): number {
  let n = 0;
  for (const d of b.indicators) n = Math.max(n, d.sources[HALF_YEAR_SELF].forms);
  return n;
}

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
    .height(1, 56);

  // Two header rows: single columns span both, each source spans its 份数 and 均值.
  const h = 2;
  const spanning: [number, Text][] = [
    [0, L.branch],
    [1, L.code],
    [2, L.text],
    [3, L.points],
    [WEIGHTED_COL, L.weighted],
    [ADJUSTMENT_COL, L.adjustment],
    [TOTAL_COL, L.total],
  ];
  spanning.forEach(([c, t]) => sb.set(h, c, pick(t, lang)).merge(h, c, h + 1, c));
  SOURCE_SCORE_KEYS.forEach((k, i) => {
    const c = FIRST_SOURCE_COL + 2 * i;
    sb.set(h, c, pick(SOURCE_LABEL[k], lang)).merge(h, c, h, c + 1);
    sb.row(h + 1, c, [pick(L.forms, lang), pick(L.mean, lang)]);
  });
  sb.style(h, 0, h + 1, LAST, HEADER);

  const texts = new Map(result.catalogue.indicators.map((i) => [i.code, i.text]));
  const first = h + 2;
  const tableStyles = sb.styles.length;
  let r = first;
  for (const b of result.branches) {
    for (const d of b.indicators) {
      sb.row(r, 0, [b.name, d.code, shortText(texts.get(d.code) ?? ''), d.points]);
      SOURCE_SCORE_KEYS.forEach((k, i) => sb.row(r, FIRST_SOURCE_COL + 2 * i, [d.sources[k].forms, shown(d.sources[k].mean)]));
      sb.set(r, WEIGHTED_COL, shown(d.weighted));
      r++;
    }
    // The branch's total row: forms and score per source, the sum before adjustments, adjustment, total.
    const graded = b.status === 'graded';
    sb.row(r, 0, [b.name, null, pick(graded ? L.subtotal : L.subtotalIncomplete, lang), null]);
    SOURCE_SCORE_KEYS.forEach((k, i) => {
      sb.row(r, FIRST_SOURCE_COL + 2 * i, [k === HALF_YEAR_SELF ? halfYearForms(b) : b.forms[k], shown(b.sourceScores[k])]);
    });
    sb.row(r, WEIGHTED_COL, [shown(subtotalOf(b)), b.adjustment, graded ? b.total : null]);
    // Two small ranges per branch, never one per cell: a 1,000-branch sheet must fit one Excel request.
    sb.style(r, 0, r, LAST, TOTAL_ROW).style(r, TOTAL_COL, r, TOTAL_COL, { numberFormat: totalFormat(result.ruleset.decimals) });
    r++;
  }
  if (r > first) {
    sb.styleBefore(tableStyles, first, 0, r - 1, LAST, BORDER);
    // One range per column over indicator and total rows alike: a handful of ranges whatever the size.
    const last = r - 1;
    const points = result.branches.flatMap((b) => b.indicators.map((d) => d.points));
    sb.style(first, 3, last, 3, { numberFormat: pointsFormat(points) });
    SOURCE_SCORE_KEYS.forEach((_, i) => {
      const c = FIRST_SOURCE_COL + 2 * i;
      sb.style(first, c, last, c, { numberFormat: COUNT_FORMAT }).style(first, c + 1, last, c + 1, { numberFormat: MEAN_FORMAT });
    });
    sb.style(first, WEIGHTED_COL, last, WEIGHTED_COL, { numberFormat: SCORE_FORMAT });
    sb.style(first, ADJUSTMENT_COL, last, ADJUSTMENT_COL, { numberFormat: adjustmentFormat(result.branches.map((b) => b.adjustment)) });
  }

  return sb.build({
    kind: 'details',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: [20, 7, 26, 7, ...SOURCE_SCORE_KEYS.flatMap(() => [7, 9]), 10, 8, 8],
    freeze: { rows: h + 2, columns: 2 },
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: rowsOf(h, h + 1), area: rangeOf(0, 0, Math.max(r - 1, h + 1), LAST) },
  });
}
