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

  const sheets: WorkbookPlan['sheets'] = [];
  let activate: string;
  if (options.officeSummary) {
    const fill = planOfficeSummary(result, snapshot, options.officeSummary);
    findings.push(...fill.findings);
    sheets.push(fill.plan);
    activate = fill.plan.name;
  } else {
    const s = place('summary');
    sheets.push(planSummarySheet(result, options.lang, s.name, s.replaces));
    activate = s.name;
  }
  const n = place('notification');
  const notice = planNotificationSheet(notification, result.ruleset, options.date, n.name, n.replaces);
  const c = place('checks');
  const d = place('details');
  const details = planDetailsSheet(result, options.lang, d.name, d.replaces);
  // Built last so that it lists the findings made above too.
  const checks: SheetPlan = planChecksSheet(mergeFindings(result.findings, findings), options.lang, c.name, c.replaces);
  sheets.push(notice, checks, details);
  return { plan: { sheets, activate }, findings };
}
