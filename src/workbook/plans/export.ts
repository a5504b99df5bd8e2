/**
 * Plans for new workbooks made from a run: the results as a workbook of values (summary and notification,
 * no raw ratings), the template's sheets a workbook lacks, and next year's workbook with this year's roster.
 * The task pane and the command line use the same plans.
 */
import type { AssessmentInput, AssessmentResult, Lang } from '../../core/types';
import type { FillPlan, SheetPlan, WorkbookPlan } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { OUTPUT_NAMES } from './names';
import { planSummarySheet } from './summary';
import { planTemplate, rosterSheet } from './template';

function isSheetPlan(s: SheetPlan | FillPlan): s is SheetPlan {
  return s.mode === 'new';
}

/** A plan sheet made standalone: canonical name, nothing replaced, no links into sheets left behind. */
function standalone(sheet: SheetPlan, name: string): SheetPlan {
  const copy: SheetPlan = { ...sheet, name, links: [], validations: [] };
  delete copy.replaces;
  return copy;
}

/**
 * The summary and notification of a run's plan as a new workbook's plan (values only, no raw ratings).
 * When the office's own summary sheet was filled instead (SPEC §4.6), the product's summary is built.
 */
export function exportPlan(run: { plan: WorkbookPlan; result: AssessmentResult }, lang: Lang): WorkbookPlan {
  const made = run.plan.sheets.filter(isSheetPlan);
  const summary = made.find((s) => s.kind === 'summary') ?? planSummarySheet(run.result, lang, OUTPUT_NAMES.summary);
  const notification = made.find((s) => s.kind === 'notification');
  const sheets = [standalone(summary, OUTPUT_NAMES.summary)];
  if (notification) sheets.push(standalone(notification, OUTPUT_NAMES.notification));
  return { sheets, activate: OUTPUT_NAMES.notification };
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The template's sheets that the workbook lacks; existing sheets are never touched. */
export function missingSheetsPlan(template: WorkbookPlan, snapshot: WorkbookSnapshot): WorkbookPlan {
  const sheets = template.sheets.filter((s) => !snapshot.sheets.some((t) => sameName(t.name, s.name)));
  const activate = sheets.length ? sheets[0].name : undefined;
  return activate ? { sheets, activate } : { sheets };
}

/** Next year's empty workbook with this year's roster (names, general branches, secretaries, members). */
export function nextYearPlan(year: number, roster: AssessmentInput['roster']): WorkbookPlan {
  const plan = planTemplate(year);
  if (!roster || roster.length === 0) return plan;
  const filled = rosterSheet(roster, Math.max(50, roster.length));
  return { ...plan, sheets: plan.sheets.map((s) => (s.name === filled.name ? filled : s)) };
}

/** The year a run is for: its settings, else the results' year, else the current year. */
export function runYear(result: AssessmentResult | null | undefined, now: Date = new Date()): number {
  return result?.ruleset.year ?? result?.year ?? now.getFullYear();
}

/** Years a template or next year's workbook can be made for. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;
