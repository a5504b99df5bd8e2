/**
 * planOutputs: results → the four output sheets of SPEC §6 (or a fill of the office's own summary), with
 * names resolved against the workbook so that only the product's own sheets are ever replaced.
 */
import type { AssessmentResult, Finding, Lang, NotificationModel } from '../../core/types';
import type { SheetPlan, WorkbookPlan } from '../plan';
import type { OutputKind, WorkbookSnapshot } from '../snapshot';
import { mergeFindings, planChecksSheet } from './checks';
import { planDetailsSheet } from './details';
import { planOfficeSummary, type OfficeSummaryTarget } from './fill';
import { OUTPUT_NAMES, renamedFinding, resolveSheetName } from './names';
import { planNotificationSheet } from './notification';
import { planSummarySheet } from './summary';

export interface PlanOptions {
  lang: Lang;
  /** ISO date for the notification */
  date: string;
}

/**
 * The plan and the findings made while planning (sheet-renamed, formula-not-overwritten). Those findings
 * are already listed on the checks sheet; callers add them to the report.
 */
export function planOutputs(
  result: AssessmentResult,
  notification: NotificationModel,
  snapshot: WorkbookSnapshot,
  options: PlanOptions & { officeSummary?: OfficeSummaryTarget },
): { plan: WorkbookPlan; findings: Finding[] } {
  const findings: Finding[] = [];
  const place = (kind: OutputKind) => {
    const wanted = OUTPUT_NAMES[kind];
    const r = resolveSheetName(snapshot, kind, wanted);
    if (r.renamed) findings.push(renamedFinding(wanted, r.name));
    return r;
  };

  // Names (and the office summary's fill) first: they make the findings. The sheets themselves are built
  // when the plan is first asked for; `validate` never asks, and skips building them.
  const fill = options.officeSummary ? planOfficeSummary(result, snapshot, options.officeSummary) : undefined;
  if (fill) findings.push(...fill.findings);
  const summary = fill ? undefined : place('summary');
  const n = place('notification');
  const c = place('checks');
  const d = place('details');
  const build = (): WorkbookPlan => {
    const first = summary ? planSummarySheet(result, options.lang, summary.name, summary.replaces) : fill!.plan;
    const notice = planNotificationSheet(notification, result.ruleset, n.name, n.replaces);
    const details = planDetailsSheet(result, options.lang, d.name, d.replaces);
    // Built last so that it lists the findings made above too.
    const checks: SheetPlan = planChecksSheet(mergeFindings(result.findings, findings), options.lang, c.name, c.replaces);
    return { sheets: [first, notice, checks, details], activate: first.name };
  };
  let plan: WorkbookPlan | undefined;
  return {
    findings,
    get plan() {
      return (plan ??= build());
    },
  };
}
