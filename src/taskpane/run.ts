/**
 * One grading run on a host, apart from how it looks: read → check → calculate → write. Pure enough to be
 * tested without React.
 */
import type { PreviousYear } from '../core/previous';
import type { AssessmentInput, AssessmentResult, Finding, Lang, NotificationModel, RequestModel, SettingOrigin, Text } from '../core/types';
import type { WorkbookHost } from '../workbook/host';
import type { WorkbookPlan } from '../workbook/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { StepId } from './i18n';

/** The part of the pipeline's RunOutcome the task pane uses (RunOutcome is assignable to it). */
export interface GradeOutcome {
  recognition: {
    input: AssessmentInput;
    origins: SettingOrigin[];
    /** every sheet with the role recognition gave it ('settings', 'roster', 'forms', …) */
    sheets: { name: string; role: string }[];
    ratingRanges: { sheet: string; range: string; kind: string }[];
    nothingRecognised: boolean;
  };
  result: AssessmentResult;
  notification: NotificationModel;
  /** the request for approval of the 先进党支部 (null: nobody graded 优秀; absent: a runner that makes none) */
  request?: RequestModel | null;
  plan: WorkbookPlan;
  findings: Finding[];
  exitCode: 0 | 1 | 2;
  fatal?: Text;
}

/** `previous`: last year's results the clerk chose (SPEC §8), matched by branch name in every run until removed. */
export type Runner = (snapshot: WorkbookSnapshot, options: { lang: Lang; date: string; previous?: PreviousYear }) => GradeOutcome;

export const STEPS: readonly StepId[] = ['read', 'check', 'compute', 'write'];

/** Local calendar date as yyyy-mm-dd (the notification's date). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Let the browser paint (progress) before the next, possibly long, synchronous step. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Read → check → calculate → write. `write` false only checks. Nothing is written when the pipeline
 * says the input is unusable (fatal), so a failed run never leaves half a result.
 */
export async function gradeWorkbook(
  host: WorkbookHost,
  run: Runner,
  options: { lang: Lang; date: string; write: boolean; previous?: PreviousYear | null },
  onStep: (step: StepId) => Promise<void> | void,
  /** called with the outcome before it is written, so the checks show even when writing fails */
  onComputed?: (outcome: GradeOutcome) => void,
): Promise<GradeOutcome> {
  await onStep('read');
  const snapshot = await host.readSnapshot();
  await onStep('check');
  const outcome = run(snapshot, { lang: options.lang, date: options.date, ...(options.previous ? { previous: options.previous } : {}) });
  await onStep('compute');
  onComputed?.(outcome);
  if (options.write && !outcome.fatal && outcome.plan.sheets.length > 0) {
    await onStep('write');
    await host.applyPlan(outcome.plan);
  }
  return outcome;
}

/**
 * An empty template: the rating sheets are there but hold no rating (no-ratings) and no branch is graded.
 * Nothing to show, export or print yet; the notice says what to do next.
 */
export function noRatingsYet(out: Pick<GradeOutcome, 'findings' | 'result'>): boolean {
  return out.findings.some((f) => f.code === 'no-ratings') && out.result.branches.every((b) => b.status !== 'graded');
}

/** Branches that have no grade because of errors. */
export function blockedCount(result: AssessmentResult): number {
  return result.branches.filter((b) => b.status === 'incomplete').length;
}

export function countOf(findings: readonly Finding[], severity: Finding['severity']): number {
  return findings.filter((f) => f.severity === severity).length;
}

export function errorCount(findings: readonly Finding[]): number {
  return countOf(findings, 'error');
}
