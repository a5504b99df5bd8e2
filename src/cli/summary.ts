/**
 * The human summary of a grading run: grade counts, one line per branch, the findings' counts and the
 * first few findings, and where the output went. Plain text, CJK-aware column alignment.
 */
import { GRADES, type AssessmentResult, type Finding, type Lang, type Severity } from '../core/types';
import { buildSummary, shownColumns, type SummaryModel } from '../workbook/plans/summary-model';

export const SHOWN_FINDINGS = 10;

const L = {
  zh: {
    grades: '等级分布',
    incomplete: '待补充',
    none: '（没有党支部）',
    findings: '问题',
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    more: (n: number) => `……另有 ${n} 条，见“校验问题”表或 JSON 报告`,
    out: '结果已写入',
    report: 'JSON 报告',
    noOut: '（仅校验，未写入工作簿）',
    sep: '，',
    colon: '：',
  },
  en: {
    grades: 'Grades',
    incomplete: 'incomplete',
    none: '(no branches)',
    findings: 'Findings',
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    more: (n: number) => `... ${n} more, see the checks sheet or the JSON report`,
    out: 'Written to',
    report: 'JSON report',
    noOut: '(validation only, no workbook written)',
    sep: ', ',
    colon: ': ',
  },
};

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]))).join('  ').trimEnd());
}

/** The published summary's compact columns as aligned text; a blank cell shows "-". */
export function summaryTable(model: SummaryModel): string[] {
  const cols = shownColumns(model, 'compact');
  const rows = [cols.map((j) => model.columns[j].label), ...model.rows.map((r) => cols.map((j) => r.cells[j].text || '-'))];
  return table(rows);
}

export function formatSummary(
  result: AssessmentResult,
  findings: Finding[],
  lang: Lang,
  where: { command: 'grade' | 'validate'; output?: string; report?: string },
): string {
  const t = L[lang];
  const lines: string[] = [];
  const incomplete = result.branches.filter((b) => b.status === 'incomplete').length;
  lines.push(t.grades + t.colon + GRADES.map((g) => `${g} ${result.gradeCounts[g]}`).join(t.sep) + `${t.sep}${t.incomplete} ${incomplete}`);

  if (result.branches.length === 0) lines.push(t.none);
  else lines.push(...summaryTable(buildSummary(result, lang)).map((l) => '  ' + l));

  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(t.findings + t.colon + (['error', 'warning', 'info'] as Severity[]).map((s) => `${t.sev[s]} ${count(s)}`).join(t.sep));
  for (const f of findings.slice(0, SHOWN_FINDINGS)) {
    const at = f.sheet ? `${f.sheet}${f.cell ? '!' + f.cell : ''}` : (f.branch ?? '-');
    lines.push(`  [${t.sev[f.severity]}] ${at}  ${f.message[lang].replace(/\s*[\r\n]+\s*/g, ' ')}`);
  }
  if (findings.length > SHOWN_FINDINGS) lines.push('  ' + t.more(findings.length - SHOWN_FINDINGS));

  if (where.output) lines.push(t.out + t.colon + where.output);
  else if (where.command === 'validate') lines.push(t.noOut);
  if (where.report && where.report !== '-') lines.push(t.report + t.colon + where.report);
  return lines.join('\n');
}
