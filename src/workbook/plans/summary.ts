/**
 * 考核汇总 (SPEC §6): the published summary model (summary-model.ts) as a sheet, one row per branch in
 * roster order, plain values only so that a re-run on the same data writes the same sheet.
 */
import { GRADES, type AssessmentResult, type Grade, type Lang } from '../../core/types';
import type { CellStyle, PlanValue, SheetPlan } from '../plan';
import { SUMMARY as L, pick } from './labels';
import { BORDER, GRADE_STYLE, HEADER, SUBTITLE, SheetBuilder, TITLE, rangeOf, rowsOf, totalFormat } from './sheet';
import { SCORE_DECIMALS, buildSummary, columnIndex, type SummaryColumn, type SummaryColumnKind, type SummaryModel } from './summary-model';

/** 0-based row of the header; data start on the next row. */
export const SUMMARY_HEADER_ROW = 2;

export function planSummarySheet(result: AssessmentResult, lang: Lang, name: string, replaces?: string): SheetPlan {
  return renderSummarySheet(buildSummary(result, lang), name, replaces);
}

/** The model as the 考核汇总 sheet: values as the model rounded them, formats and colours by column kind. */
export function renderSummarySheet(model: SummaryModel, name: string, replaces?: string): SheetPlan {
  const sb = new SheetBuilder();
  const h = SUMMARY_HEADER_ROW;
  const last = model.columns.length - 1;

  sb.set(0, 0, model.title).merge(0, 0, 0, last).style(0, 0, 0, last, TITLE).height(0, 30);
  sb.set(1, 0, model.rulesetLine).merge(1, 0, 1, last).style(1, 0, 1, last, SUBTITLE).height(1, 28);

  sb.row(h, 0, model.columns.map((c) => c.label));
  sb.style(h, 0, h, last, HEADER).height(h, 45);

  const n = model.rows.length;
  const r0 = h + 1;
  const r1 = h + n;
  model.rows.forEach((row, i) => sb.row(r0 + i, 0, row.cells.map((c): PlanValue => c.value)));

  if (n > 0) {
    sb.style(r0, 0, r1, last, BORDER);
    model.columns.forEach((c, j) => {
      const style = COLUMN_STYLE[c.kind](c);
      if (style) sb.style(r0, j, r1, j, style);
    });
    const tiedFormat = pick(L.tiedFormat, model.lang);
    model.rows.forEach((row, i) => {
      const r = r0 + i;
      row.cells.forEach((cell, j) => {
        const kind = model.columns[j].kind;
        if (kind === 'grade' && isGrade(cell.value)) sb.style(r, j, r, j, GRADE_STYLE[cell.value]);
        if (kind === 'rank' && cell.tied) sb.style(r, j, r, j, { numberFormat: tiedFormat });
        if (kind === 'status' && row.status !== 'graded') sb.style(r, j, r, j, { fontColor: '#C00000', bold: true });
      });
    });
  }

  const branchCol = Math.max(0, columnIndex(model, 'branch'));
  const lastRow = Math.max(r1, h);
  return sb.build({
    kind: 'summary',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: model.columns.map((c) => c.width),
    freeze: { rows: h + 1, columns: branchCol + 1 },
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: rowsOf(h),
      area: rangeOf(0, 0, lastRow, last),
      centered: true,
    },
    tabColor: '#C00000',
  });
}

function isGrade(v: unknown): v is Grade {
  return typeof v === 'string' && (GRADES as readonly string[]).includes(v);
}

const COLUMN_STYLE: Record<SummaryColumnKind, (c: SummaryColumn) => CellStyle | null> = {
  index: () => ({ hAlign: 'center' }),
  workbook: () => null,
  score: (c) => ({ numberFormat: totalFormat(c.decimals ?? SCORE_DECIMALS) }),
  total: (c) => ({ numberFormat: totalFormat(c.decimals ?? SCORE_DECIMALS), bold: true }),
  grade: () => null,
  rank: () => ({ hAlign: 'center' }),
  change: () => ({ numberFormat: '+0;-0;0', hAlign: 'center' }),
  status: () => ({ hAlign: 'center' }),
  notes: () => ({ wrap: true }),
};
