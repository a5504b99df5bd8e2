/**
 * The one-way flow of a grading run, host-independent: snapshot → recognise → check and score → plan.
 * Hosts read the snapshot before and apply the plan after; nothing here touches a file or Excel.
 */
import { assess } from '../core/assess';
import { calculationManual, legacyFormat, placeholderIssuer } from '../core/messages';
import { buildNotification, issuerIsPlaceholder } from '../core/notification';
import { compareWithPrevious, type PreviousYear } from '../core/previous';
import { buildReport, type Report } from '../core/report';
import { buildRequest } from '../core/request';
import type { AssessmentResult, Finding, Lang, NotificationModel, RequestModel, Text } from '../core/types';
import type { WorkbookPlan } from './plan';
import { planOutputs } from './plans';
import { mergeFindings } from './plans/checks';
import { recognise, type Recognition } from './recognise';
import type { WorkbookSnapshot } from './snapshot';

export interface RunOptions {
  lang: Lang;
  /** ISO date yyyy-mm-dd: the day of the run, the documents' date unless 成文日期 or `dateOverride` says otherwise */
  date: string;
  /** ISO date yyyy-mm-dd chosen by the user for this run (the CLI's --date): over 成文日期 and the day of the run */
  dateOverride?: string;
  /** last year's results (--previous), matched by branch name */
  previous?: PreviousYear;
  /** a Word document (通报, 请示) is written from this run: warn while the issuer is the placeholder */
  documents?: boolean;
}

export interface RunOutcome {
  recognition: Recognition;
  result: AssessmentResult;
  notification: NotificationModel;
  /** the documents' date, yyyy-mm-dd: --date, else 成文日期, else the day of the run */
  date: string;
  /** the request for approval of the 先进党支部; null when no branch is graded 优秀 */
  request: RequestModel | null;
  /** the JSON report (SPEC §7); its issues include the findings made while planning */
  report: Report;
  plan: WorkbookPlan;
  /** result.findings + plan findings, sorted */
  findings: Finding[];
  exitCode: 0 | 1 | 2;
  /** why the input is unusable (exit 2) */
  fatal?: Text;
}

export function runAssessment(snapshot: WorkbookSnapshot, options: RunOptions): RunOutcome {
  const recognition = recognise(snapshot);
  // A legacy file cannot be kept whole: the output is a new workbook holding the product's sheets only,
  // so names are resolved against an empty workbook and there is no office summary to fill.
  const legacy = snapshot.format === 'xls' || snapshot.format === 'et' || snapshot.format === 'ods' ? snapshot.format : undefined;
  const core = withPrevious(assess(recognition.input), options.previous);
  const extra = [...(legacy ? [legacyFormat(legacy)] : []), ...(snapshot.staleCalculation ? [calculationManual()] : [])];
  let assessed = extra.length > 0 ? { ...core, findings: [...core.findings, ...extra] } : core;
  if (options.documents && issuerIsPlaceholder(assessed.ruleset) && assessed.branches.some((b) => b.status === 'graded')) {
    assessed = { ...assessed, findings: mergeFindings(assessed.findings, [placeholderIssuer(assessed.ruleset.issuer)]) };
  }
  const date = options.dateOverride ?? assessed.ruleset.documentDate ?? options.date;
  const notification = buildNotification(assessed, date);
  const planned = planOutputs(assessed, notification, legacy ? { sheets: [], format: legacy } : snapshot, {
    lang: options.lang,
    date,
    officeSummary: legacy ? undefined : recognition.officeSummary,
  });
  // The same order as the checks sheet: the core's sorted findings, planning's slotted in by severity.
  const findings = mergeFindings(assessed.findings, planned.findings);
  const result: AssessmentResult = { ...assessed, findings };
  const report = buildReport(result, options.lang);
  const { exitCode, fatal } = verdict(recognition.nothingRecognised, findings);
  return {
    recognition,
    result,
    notification,
    date,
    request: buildRequest(assessed, notification),
    report,
    // built on first use (planOutputs): validate reports without building the output sheets
    get plan() {
      return planned.plan;
    },
    findings,
    exitCode,
    fatal,
  };
}

/** Last year's standing on each matched branch; the unmatched ones as info findings after the core's. */
function withPrevious(result: AssessmentResult, previous: PreviousYear | undefined): AssessmentResult {
  if (!previous) return result;
  const { branches, findings } = compareWithPrevious(result, previous);
  return { ...result, branches, findings: [...result.findings, ...findings], previous: { year: previous.year, source: previous.source } };
}

/** SPEC §7 exit status: 2 unusable input, 1 at least one error, else 0. */
export function verdict(nothingRecognised: boolean, findings: Finding[]): { exitCode: 0 | 1 | 2; fatal?: Text } {
  if (nothingRecognised) {
    return {
      exitCode: 2,
      fatal: {
        zh: '工作簿中没有可识别的评分表（民主测评、组织考核或自评），请检查表头或使用 template 命令生成模板',
        en: 'No rating sheet (democratic evaluation, organisational assessment or self-assessment) was recognised; check the headers or start from the `template` command',
      },
    };
  }
  const blocking = findings.find((f) => f.blocksAll && f.severity === 'error');
  if (blocking) {
    const where = blocking.sheet ? `${blocking.sheet}${blocking.cell ? '!' + blocking.cell : ''}: ` : '';
    // The line names the first; the others are counted, since nothing else is printed (the JSON report lists all).
    const more = findings.filter((f) => f.blocksAll && f.severity === 'error').length - 1;
    return {
      exitCode: 2,
      fatal: {
        zh: `考核参数或指标目录有误，无法评定任何党支部（${where}${oneLine(blocking.message.zh)}${more > 0 ? `；另有 ${more} 处同类错误` : ''}）`,
        en: `Invalid settings or catalogue, no branch can be graded (${where}${oneLine(blocking.message.en)}${more > 0 ? `; ${more} more such error${more > 1 ? 's' : ''}` : ''})`,
      },
    };
  }
  return { exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0 };
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
