/**
 * The published summary (考核汇总), decided once (SPEC §3, §6; DESIGN "decide once, render many"):
 * columns and rows with the blocked (待补充) branches already blanked, ranks and 并列 already decided
 * and every number already rounded exactly (half away from zero on the decimal value, never through a
 * binary float). The 考核汇总 sheet, the CSV export, the pane's and page's table and the command line's
 * table only render this model: a rule decided in a renderer would be a bug waiting for the next one.
 *
 * Adding a column is adding one entry to `columnDefs` below; every renderer picks it up.
 */
import { fromNumber, toFixedText, roundHalfAwayFromZero } from '../../core/decimal';
import { GRADES, type AssessmentResult, type BranchResult, type BranchStatus, type CellRef, type Grade, type Lang } from '../../core/types';
import { termsFor, type Terms } from '../terms';
import { SUMMARY as L, pick } from './labels';
import { bareCategoryName, plain, rulesetLine } from './sheet';

/** What a column holds, for the renderers' styling (number format, badge, alignment). */
export type SummaryColumnKind =
  /** 序号 */
  | 'index'
  /** text the workbook supplied (branch and general-branch names): shown as written */
  | 'workbook'
  /** a score, rounded to the column's decimals */
  | 'score'
  /** the banded total, rounded to the ruleset's decimals */
  | 'total'
  /** a grade: value is the scale's own word (优秀), text the user's language */
  | 'grade'
  /** a rank: value the number, text with 并列 where the cell is tied */
  | 'rank'
  /** a signed whole number (名次变化: + moved up), text "+2" / "-1" / "0" */
  | 'change'
  /** 已评定 / 待补充 */
  | 'status'
  /** 备注: a sentence, wrapped */
  | 'notes';

/**
 * How much of the table a renderer shows: compact (the pane at 320 px, the command line) ⊂ wide (the
 * page's table) ⊂ full (考核汇总, CSV). A column lists the least detailed table that shows it.
 */
export type SummaryDetail = 'compact' | 'wide' | 'full';
const DETAIL_ORDER: Record<SummaryDetail, number> = { compact: 0, wide: 1, full: 2 };

export interface SummaryCell {
  /** what a spreadsheet or CSV stores: a number already rounded, text, or null (blank) */
  readonly value: number | string | null;
  /** what a screen or console shows; '' when blank */
  readonly text: string;
  /** a rank shared with another branch (并列): the sheet marks it by number format, text-only renderers by `text` */
  readonly tied?: boolean;
  /** the order for sorting on screen, when it is not `value` (grades in scale order); null sorts last */
  readonly order?: number | string | null;
}

export interface SummaryColumn {
  readonly id: string;
  readonly kind: SummaryColumnKind;
  /** the header in the model's language */
  readonly label: string;
  readonly detail: SummaryDetail;
  /** decimals of a number column (score, total) */
  readonly decimals?: number;
  /** width in the sheet, in characters */
  readonly width: number;
  /** screens may sort by it */
  readonly sortable: boolean;
}

export interface SummaryRow {
  readonly name: string;
  readonly status: BranchStatus;
  /** the branch's grade (null when not graded), for row-level styling */
  readonly grade: Grade | null;
  /** why a 待补充 branch has no grade, in the user's language, and the first cell to fix */
  readonly blocked?: { readonly reason: string; readonly at?: CellRef };
  /** parallel to the model's columns */
  readonly cells: readonly SummaryCell[];
}

export interface SummaryModel {
  readonly lang: Lang;
  readonly title: string;
  /** the effective ruleset in one line (SPEC §3: always shown) */
  readonly rulesetLine: string;
  readonly columns: readonly SummaryColumn[];
  /** roster order */
  readonly rows: readonly SummaryRow[];
}

/** Decimals of the scores (subtotals, source scores, adjustment): SPEC §6 "scores with one decimal". */
export const SCORE_DECIMALS = 1;

export interface SummaryContext {
  readonly result: AssessmentResult;
  readonly lang: Lang;
  readonly t: Terms;
}

/** One column: its header, place and how a branch's cell is made. */
export interface SummaryColumnDef {
  readonly id: string;
  readonly kind: SummaryColumnKind;
  readonly label: string;
  readonly detail: SummaryDetail;
  readonly width: number;
  readonly decimals?: number;
  /** a figure from the branch's data: blank for a branch that is not graded (SPEC §3, decided here once) */
  readonly figure: boolean;
  readonly sortable?: boolean;
  readonly cell: (b: BranchResult, index: number) => SummaryCell;
}

export const BLANK: SummaryCell = { value: null, text: '' };

/** An exact decimal rounding of a number (its shortest decimal text, as the core computed it). */
export function numberCell(n: number | null | undefined, decimals: number): SummaryCell {
  if (n === null || n === undefined || !Number.isFinite(n)) return BLANK;
  const r = fromNumber(n);
  return { value: roundHalfAwayFromZero(r, decimals), text: toFixedText(r, decimals) };
}

/** 名次变化: last year's rank − this year's, signed (+2 = two places up). */
export function changeCell(n: number | null | undefined): SummaryCell {
  if (n === null || n === undefined) return BLANK;
  return { value: n, text: n > 0 ? `+${n}` : String(n) };
}

export function textCell(s: string | null | undefined): SummaryCell {
  return s ? { value: s, text: s } : BLANK;
}

export function gradeCell(g: Grade | null | undefined, t: Terms): SummaryCell {
  return g ? { value: g, text: t.grades[g], order: GRADES.indexOf(g) } : BLANK;
}

export function rankCell(rank: number | null | undefined, tied: boolean, t: Terms): SummaryCell {
  if (rank === null || rank === undefined) return BLANK;
  return tied ? { value: rank, text: t.rankValue(rank, true), tied: true } : { value: rank, text: String(rank) };
}

function notesOf(b: BranchResult, lang: Lang): string {
  const notes = b.notes.map((n) => pick(n, lang));
  if (b.status !== 'graded') notes.push(pick(L.noFigures, lang));
  if (b.tied && b.rank !== null) notes.unshift(pick(L.tiedNote(b.rank), lang));
  return notes.join(lang === 'zh' ? '；' : '; ');
}

function categoryLabel(result: AssessmentResult, code: string, name: string, lang: Lang): string {
  const points = result.catalogue.indicators.filter((i) => i.category === code).reduce((s, i) => s + i.points, 0);
  return pick(L.category(bareCategoryName(name), plain(points)), lang);
}

/** The columns, in order. Adding a column to every renderer is adding an entry here. */
export function columnDefs(ctx: SummaryContext): SummaryColumnDef[] {
  const { result, lang, t } = ctx;
  const total = result.ruleset.decimals;
  const score = (n: number | null | undefined) => numberCell(n, SCORE_DECIMALS);
  // 自评 is a reference figure (weight 0 by default): screens show it only when someone self-assessed
  const selfOnScreen = result.ruleset.weights.自评 > 0 || result.branches.some((b) => b.sourceScores.自评 !== null);
  return [
    { id: 'index', kind: 'index', label: pick(L.index, lang), detail: 'wide', width: 6, figure: false, cell: (_b, i) => ({ value: i + 1, text: String(i + 1) }) },
    { id: 'group', kind: 'workbook', label: pick(L.group, lang), detail: 'wide', width: 14, figure: false, cell: (b) => textCell(b.group) },
    { id: 'branch', kind: 'workbook', label: pick(L.branch, lang), detail: 'compact', width: 22, figure: false, cell: (b) => textCell(b.name) },
    ...result.catalogue.categories.map(
      (c): SummaryColumnDef => ({
        id: `category:${c.code}`,
        kind: 'score',
        label: categoryLabel(result, c.code, c.name, lang),
        detail: 'full',
        width: 12,
        decimals: SCORE_DECIMALS,
        figure: true,
        cell: (b) => score(b.categoryScores[c.code]),
      }),
    ),
    { id: 'org', kind: 'score', label: pick(L.org, lang), detail: 'wide', width: 10, decimals: SCORE_DECIMALS, figure: true, cell: (b) => score(b.sourceScores.组织考核) },
    { id: 'dem', kind: 'score', label: pick(L.dem, lang), detail: 'wide', width: 10, decimals: SCORE_DECIMALS, figure: true, cell: (b) => score(b.sourceScores.民主测评) },
    { id: 'self', kind: 'score', label: pick(L.self, lang), detail: selfOnScreen ? 'wide' : 'full', width: 10, decimals: SCORE_DECIMALS, figure: true, cell: (b) => score(b.sourceScores.自评) },
    { id: 'adjustment', kind: 'score', label: pick(L.adjustment, lang), detail: 'wide', width: 8, decimals: SCORE_DECIMALS, figure: true, cell: (b) => score(b.adjustment) },
    { id: 'total', kind: 'total', label: pick(L.total, lang), detail: 'compact', width: 8, decimals: total, figure: true, cell: (b) => numberCell(b.total, total) },
    { id: 'grade', kind: 'grade', label: pick(L.grade, lang), detail: 'compact', width: 8, figure: true, cell: (b) => gradeCell(b.grade, t) },
    { id: 'rank', kind: 'rank', label: pick(L.rank, lang), detail: 'compact', width: 10, figure: true, cell: (b) => rankCell(b.rank, b.tied, t) },
    ...previousColumns(ctx),
    {
      id: 'status',
      kind: 'status',
      label: pick(L.status, lang),
      detail: 'compact',
      width: 9,
      figure: false,
      cell: (b) => {
        const s = b.status === 'graded' ? t.statusGraded : t.statusIncomplete;
        return { value: s, text: s, order: b.status === 'graded' ? 0 : 1 };
      },
    },
    { id: 'notes', kind: 'notes', label: pick(L.notes, lang), detail: 'wide', width: 36, figure: false, sortable: false, cell: (b) => textCell(notesOf(b, lang)) },
  ];
}

/**
 * 上年总分, 上年等级, 上年名次, 名次变化 (SPEC §8 --previous), only when last year's results were given.
 * Last year's figures are published results of a finished year, so they show for a 待补充 branch too
 * (figure: false); its 名次变化 is blank, since it has no rank this year. The pane's narrow table shows
 * 名次变化 (one short figure), the page's wide one 上年名次 too.
 */
function previousColumns(ctx: SummaryContext): SummaryColumnDef[] {
  const { result, lang, t } = ctx;
  if (!result.previous) return [];
  const decimals = result.ruleset.decimals;
  return [
    { id: 'previousTotal', kind: 'score', label: pick(L.previousTotal, lang), detail: 'full', width: 9, decimals, figure: false, cell: (b) => numberCell(b.previous?.total, decimals) },
    { id: 'previousGrade', kind: 'grade', label: pick(L.previousGrade, lang), detail: 'full', width: 9, figure: false, cell: (b) => gradeCell(b.previous?.grade, t) },
    { id: 'previousRank', kind: 'rank', label: pick(L.previousRank, lang), detail: 'wide', width: 9, figure: false, cell: (b) => rankCell(b.previous?.rank, false, t) },
    { id: 'rankChange', kind: 'change', label: pick(L.rankChange, lang), detail: 'compact', width: 9, figure: true, cell: (b) => changeCell(b.previous?.rankChange) },
  ];
}

/** Why a branch is 待补充: the kinds of its errors and the first cell to fix, else the core's notes. */
function blockedReason(b: BranchResult, ctx: SummaryContext): SummaryRow['blocked'] {
  const errors = ctx.result.findings.filter((f) => f.severity === 'error' && (f.branch === b.name || f.blocksAll || f.branches?.includes(b.name)));
  if (errors.length === 0) return { reason: b.notes.map((n) => pick(n, ctx.lang)).join(ctx.t.listSep) };
  const kinds = [...new Set(errors.map((f) => ctx.t.findingCodes[f.code]))].join(ctx.t.listSep);
  const at = errors.find((f) => f.sheet && f.cell);
  return at?.sheet && at.cell ? { reason: kinds, at: { sheet: at.sheet, cell: at.cell } } : { reason: kinds };
}

/** The summary model of a result, in one language. Pure: the same result gives the same model. */
export function buildSummary(result: AssessmentResult, lang: Lang): SummaryModel {
  const ctx: SummaryContext = { result, lang, t: termsFor(lang) };
  const defs = columnDefs(ctx);
  const columns: SummaryColumn[] = defs.map((d) => ({
    id: d.id,
    kind: d.kind,
    label: d.label,
    detail: d.detail,
    width: d.width,
    sortable: d.sortable ?? true,
    ...(d.decimals === undefined ? {} : { decimals: d.decimals }),
  }));
  const rows = result.branches.map((b, i): SummaryRow => {
    const graded = b.status === 'graded';
    // SPEC §3: no figure from incomplete data, in any renderer
    const cells = defs.map((d) => (d.figure && !graded ? BLANK : d.cell(b, i)));
    return {
      name: b.name,
      status: b.status,
      grade: graded ? b.grade : null,
      ...(graded ? {} : { blocked: blockedReason(b, ctx) }),
      cells,
    };
  });
  return { lang, title: pick(L.title(result.year), lang), rulesetLine: rulesetLine(result.ruleset, lang), columns, rows };
}

/** The indices of the columns a table of this detail shows. */
export function shownColumns(model: SummaryModel, detail: SummaryDetail): number[] {
  const out: number[] = [];
  model.columns.forEach((c, i) => {
    if (DETAIL_ORDER[c.detail] <= DETAIL_ORDER[detail]) out.push(i);
  });
  return out;
}

/** The index of a column by id (-1 when absent). */
export function columnIndex(model: SummaryModel, id: string): number {
  return model.columns.findIndex((c) => c.id === id);
}
