/**
 * What the task pane does, apart from how it looks: run the assessment on a host, and build the plans for
 * export, template and settings edits. Pure functions on plain data wherever possible, so they are tested
 * without React.
 */
import { normalize } from '../core/text';
import {
  GRADES,
  type AssessmentInput,
  type AssessmentResult,
  type Finding,
  type Lang,
  type NotificationModel,
  type SettingKey,
  type SettingOrigin,
  type Text,
} from '../core/types';
import type { WorkbookHost } from '../workbook/host';
import type { FillPlan, PlanValue, SheetPlan, WorkbookPlan } from '../workbook/plan';
import { OUTPUT_NAMES, planTemplate } from '../workbook/plans';
import { rosterSheet } from '../workbook/plans/template';
import { planSummarySheet } from '../workbook/plans/summary';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { address, parseAddress } from '../workbook/snapshot';
import type { DropDownRange } from './app-host';
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
  plan: WorkbookPlan;
  findings: Finding[];
  exitCode: 0 | 1 | 2;
  fatal?: Text;
}

export type Runner = (snapshot: WorkbookSnapshot, options: { lang: Lang; date: string }) => GradeOutcome;

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
  options: { lang: Lang; date: string; write: boolean },
  onStep: (step: StepId) => Promise<void> | void,
  /** called with the outcome before it is written, so the checks show even when writing fails */
  onComputed?: (outcome: GradeOutcome) => void,
): Promise<GradeOutcome> {
  await onStep('read');
  const snapshot = await host.readSnapshot();
  await onStep('check');
  const outcome = run(snapshot, { lang: options.lang, date: options.date });
  await onStep('compute');
  onComputed?.(outcome);
  if (options.write && !outcome.fatal && outcome.plan.sheets.length > 0) {
    await onStep('write');
    await host.applyPlan(outcome.plan);
  }
  return outcome;
}

/** Branches that have no grade because of errors. */
export function blockedCount(result: AssessmentResult): number {
  return result.branches.filter((b) => b.status === 'incomplete').length;
}

export function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The cells to mark: errors and warnings that point at a cell. */
export function highlightRefs(findings: readonly Finding[]): { sheet: string; cell: string }[] {
  const seen = new Set<string>();
  const refs: { sheet: string; cell: string }[] = [];
  for (const f of findings) {
    if (f.severity === 'info' || !f.sheet || !f.cell) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ sheet: f.sheet, cell: f.cell });
  }
  return refs;
}

/** Four-grade drop-downs for the rating ranges recognition found (tally counts get none). */
export function dropDownRanges(ranges: GradeOutcome['recognition']['ratingRanges']): DropDownRange[] {
  return ranges.filter((r) => r.kind === 'grade').map((r) => ({ sheet: r.sheet, range: r.range, list: [...GRADES] }));
}

/** Findings grouped by severity (error, warning, info), then by code in first-seen order. */
export function groupFindings(findings: readonly Finding[]): { severity: Finding['severity']; codes: { code: Finding['code']; items: Finding[] }[] }[] {
  const order: Finding['severity'][] = ['error', 'warning', 'info'];
  return order
    .map((severity) => {
      const codes = new Map<Finding['code'], Finding[]>();
      for (const f of findings) {
        if (f.severity !== severity) continue;
        const list = codes.get(f.code);
        if (list) list.push(f);
        else codes.set(f.code, [f]);
      }
      return { severity, codes: [...codes].map(([code, items]) => ({ code, items })) };
    })
    .filter((g) => g.codes.length > 0);
}

/** "民主测评!F12", quoting sheet names as Excel does when they need it. */
export function cellLabel(sheet: string, cell?: string): string {
  if (!cell) return sheet;
  const quoted = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}

// ---------------------------------------------------------------------------------------------
// Export

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
 * The summary and notification as a new workbook's plan (values only, no raw ratings). When the office's
 * own summary sheet was filled instead (SPEC §4.6), the product's summary layout is built for the export.
 */
export function exportPlan(outcome: GradeOutcome, lang: Lang): WorkbookPlan {
  const made = outcome.plan.sheets.filter(isSheetPlan);
  const summary =
    made.find((s) => s.kind === 'summary') ?? planSummarySheet(outcome.result, lang, OUTPUT_NAMES.summary);
  const notification = made.find((s) => s.kind === 'notification');
  const sheets = [standalone(summary, OUTPUT_NAMES.summary)];
  if (notification) sheets.push(standalone(notification, OUTPUT_NAMES.notification));
  return { sheets, activate: OUTPUT_NAMES.notification };
}

// ---------------------------------------------------------------------------------------------
// Template

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

/** The year the workbook is for: its settings, else the current year. */
export function workbookYear(outcome: GradeOutcome | null, now: Date = new Date()): number {
  return outcome?.result.ruleset.year ?? outcome?.result.year ?? now.getFullYear();
}

// ---------------------------------------------------------------------------------------------
// Settings

/** What the user typed, as a cell value: plain numbers as numbers, anything else as trimmed text. */
export function settingInput(text: string): PlanValue {
  const s = text.trim();
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

const SETTINGS_NAME = /参数|设置/;

/**
 * The workbook's settings sheet: where a setting came from, else the sheet recognition took for settings,
 * else the first sheet named like one (SPEC §4.3).
 */
export function settingsSheetOf(
  origins: readonly SettingOrigin[],
  roles: readonly { name: string; role: string }[],
  snapshot: WorkbookSnapshot,
): SheetSnapshot | undefined {
  const named = origins.find((o) => o.ref)?.ref?.sheet ?? roles.find((r) => r.role === 'settings')?.name;
  if (named) return snapshot.sheets.find((s) => s.name === named);
  return snapshot.sheets.find((s) => !s.createdBy && SETTINGS_NAME.test(s.name));
}

function cellText(v: unknown): string {
  return typeof v === 'string' ? normalize(v) : '';
}

/** The 参数 | 值 header of a settings sheet: its row and columns; A/B from row 1 when none is found. */
function settingsColumns(sheet: SheetSnapshot): { headerRow: number; keyCol: number; valueCol: number } {
  for (let r = 0; r < Math.min(sheet.values.length, 20); r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c + 1 < row.length; c++) {
      if (cellText(row[c]) === '参数' && cellText(row[c + 1]) === '值') return { headerRow: r, keyCol: c, valueCol: c + 1 };
    }
  }
  return { headerRow: 0, keyCol: 0, valueCol: 1 };
}

function lastUsedRow(sheet: SheetSnapshot): number {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    if ((sheet.values[r] ?? []).some((v) => v !== null && v !== '')) return r;
  }
  return -1;
}

/**
 * The plan that writes one setting: into its cell when the settings sheet has it, as a new row of the
 * settings sheet when the key is missing there, or, with no settings sheet at all, the template's
 * 考核参数 sheet added with that value.
 */
export function settingEditPlan(
  key: SettingKey,
  value: PlanValue,
  recognition: Pick<GradeOutcome['recognition'], 'origins' | 'sheets'>,
  snapshot: WorkbookSnapshot,
  year: number,
): WorkbookPlan {
  const { origins } = recognition;
  const origin = origins.find((o) => o.key === key);
  if (origin?.ref) {
    return { sheets: [{ mode: 'fill', kind: 'settings', name: origin.ref.sheet, cells: [{ cell: origin.ref.cell, value }] }] };
  }
  const sheet = settingsSheetOf(origins, recognition.sheets, snapshot);
  if (sheet) {
    // Keys sit left of their values; another setting's cell tells the columns best.
    const anyRef = origins.find((o) => o.ref)?.ref;
    const header = settingsColumns(sheet);
    const valueCol = anyRef ? parseAddress(anyRef.cell).c : header.valueCol;
    const cols = { keyCol: valueCol - 1, valueCol };
    const row = Math.max(lastUsedRow(sheet), header.headerRow) + 1;
    return {
      sheets: [
        {
          mode: 'fill',
          kind: 'settings',
          name: sheet.name,
          cells: [
            { cell: address(row, Math.max(0, cols.keyCol)), value: key },
            { cell: address(row, cols.valueCol), value },
          ],
        },
      ],
    };
  }
  const template = planTemplate(year).sheets.find((s): s is SheetPlan => s.mode === 'new' && s.name === '考核参数');
  if (!template) throw new Error('the template has no settings sheet');
  const values = template.values.map((r) => [...r]);
  const r = values.findIndex((row) => row[0] === key);
  if (r >= 0) values[r][1] = value;
  else values.push([key, value]);
  return { sheets: [{ ...template, values }], activate: template.name };
}
