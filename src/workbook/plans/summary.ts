/**
 * 考核汇总 (SPEC §6): one row per branch in roster order, plain values only so that a re-run on the same
 * data writes the same sheet.
 */
import type { AssessmentResult, BranchResult, Lang } from '../../core/types';
import type { PlanValue, SheetPlan } from '../plan';
import { SUMMARY as L, pick } from './labels';
import {
  BORDER,
  GRADE_STYLE,
  HEADER,
  SCORE_FORMAT,
  SUBTITLE,
  SheetBuilder,
  TITLE,
  bareCategoryName,
  plain,
  rangeOf,
  rowsOf,
  rulesetLine,
  totalFormat,
} from './sheet';

/** 0-based row of the header; data start on the next row. */
export const SUMMARY_HEADER_ROW = 2;

/** Column layout, computed once from the catalogue so headers and rows agree. */
export function summaryColumns(result: AssessmentResult) {
  const categories = result.catalogue.categories.map((c) => c.code);
  const first = 3;
  const afterCats = first + categories.length;
  return {
    index: 0,
    group: 1,
    branch: 2,
    categories: { first, codes: categories },
    org: afterCats,
    dem: afterCats + 1,
    self: afterCats + 2,
    adjustment: afterCats + 3,
    total: afterCats + 4,
    grade: afterCats + 5,
    rank: afterCats + 6,
    status: afterCats + 7,
    notes: afterCats + 8,
    last: afterCats + 8,
  };
}

function categoryHeaders(result: AssessmentResult, lang: Lang): string[] {
  return result.catalogue.categories.map((c) => {
    const points = result.catalogue.indicators.filter((i) => i.category === c.code).reduce((s, i) => s + i.points, 0);
    return pick(L.category(bareCategoryName(c.name), plain(points)), lang);
  });
}

function notesOf(b: BranchResult, lang: Lang): string {
  const notes = b.notes.map((t) => pick(t, lang));
  if (b.status !== 'graded') notes.push(pick(L.noFigures, lang));
  if (b.tied && b.rank !== null) notes.unshift(pick(L.tiedNote(b.rank), lang));
  return notes.join(lang === 'zh' ? '；' : '; ');
}

function branchRow(b: BranchResult, i: number, result: AssessmentResult, lang: Lang): PlanValue[] {
  // SPEC §3: no figure from incomplete data in the summary; 计算明细 keeps them, marked 数据不全
  const graded = b.status === 'graded';
  const cats = result.catalogue.categories.map((c) => (graded ? (b.categoryScores[c.code] ?? null) : null));
  return [
    i + 1,
    b.group ?? null,
    b.name,
    ...cats,
    graded ? b.sourceScores.组织考核 : null,
    graded ? b.sourceScores.民主测评 : null,
    graded ? b.sourceScores.自评 : null,
    graded ? b.adjustment : null,
    b.status === 'graded' ? b.total : null,
    b.status === 'graded' ? b.grade : null,
    b.status === 'graded' ? b.rank : null,
    pick(b.status === 'graded' ? L.graded : L.incomplete, lang),
    notesOf(b, lang) || null,
  ];
}

export function planSummarySheet(result: AssessmentResult, lang: Lang, name: string, replaces?: string): SheetPlan {
  const col = summaryColumns(result);
  const sb = new SheetBuilder();
  const h = SUMMARY_HEADER_ROW;

  sb.set(0, 0, pick(L.title(result.year), lang)).merge(0, 0, 0, col.last).style(0, 0, 0, col.last, TITLE).height(0, 30);
  sb.set(1, 0, rulesetLine(result.ruleset, lang)).merge(1, 0, 1, col.last).style(1, 0, 1, col.last, SUBTITLE).height(1, 28);

  sb.row(h, 0, [
    pick(L.index, lang),
    pick(L.group, lang),
    pick(L.branch, lang),
    ...categoryHeaders(result, lang),
    pick(L.org, lang),
    pick(L.dem, lang),
    pick(L.self, lang),
    pick(L.adjustment, lang),
    pick(L.total, lang),
    pick(L.grade, lang),
    pick(L.rank, lang),
    pick(L.status, lang),
    pick(L.notes, lang),
  ]);
  sb.style(h, 0, h, col.last, HEADER).height(h, 45);

  const n = result.branches.length;
  const r0 = h + 1;
  const r1 = h + n;
  result.branches.forEach((b, i) => sb.row(r0 + i, 0, branchRow(b, i, result, lang)));

  if (n > 0) {
    sb.style(r0, 0, r1, col.last, BORDER);
    sb.style(r0, col.index, r1, col.index, { hAlign: 'center' });
    sb.style(r0, col.categories.first, r1, col.adjustment, { numberFormat: SCORE_FORMAT });
    sb.style(r0, col.total, r1, col.total, { numberFormat: totalFormat(result.ruleset.decimals), bold: true });
    sb.style(r0, col.rank, r1, col.status, { hAlign: 'center' });
    sb.style(r0, col.notes, r1, col.notes, { wrap: true });
    result.branches.forEach((b, i) => {
      const r = r0 + i;
      if (b.status === 'graded' && b.grade) sb.style(r, col.grade, r, col.grade, GRADE_STYLE[b.grade]);
      if (b.status === 'graded' && b.tied) sb.style(r, col.rank, r, col.rank, { numberFormat: pick(L.tiedFormat, lang) });
      if (b.status !== 'graded') sb.style(r, col.status, r, col.status, { fontColor: '#C00000', bold: true });
    });
  }

  const widths = [6, 14, 22, ...col.categories.codes.map(() => 12), 10, 10, 10, 8, 8, 8, 10, 9, 36];
  const lastRow = Math.max(r1, h);
  return sb.build({
    kind: 'summary',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: widths,
    freeze: { rows: h + 1, columns: col.branch + 1 },
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: rowsOf(h),
      area: rangeOf(0, 0, lastRow, col.last),
      centered: true,
    },
    tabColor: '#C00000',
  });
}
