/**
 * Generated workbooks and plans of a given size, for sync-count tests and BENCHMARKS.
 */
import type { SheetPlan, StyleRange } from '../../../src/workbook/plan';
import type { FakeExcelRuntime } from './runtime';

/** The default catalogue's 26 indicator codes (SPEC §2). */
export const INDICATOR_CODES: string[] = [
  ...[1, 2, 3, 4, 5, 6].flatMap((cat) => Array.from({ length: [6, 6, 3, 4, 3, 4][cat - 1] }, (_, i) => `${cat}.${i + 1}`)),
];

const GRADES = ['优秀', '较好', '一般', '差'];

export function branchName(i: number): string {
  return `第${i + 1}党支部`;
}

/**
 * A workbook as the office keeps it: roster, one 组织考核 form and `democraticForms` 民主测评 forms per
 * branch (wide layout), ratings drawn deterministically from the branch and form number.
 */
export function seedAssessmentWorkbook(fake: FakeExcelRuntime, branches: number, democraticForms = 5): void {
  const roster: (string | number)[][] = [['党支部', '所属总支', '党员人数']];
  for (let b = 0; b < branches; b++) roster.push([branchName(b), `第${Math.floor(b / 10) + 1}党总支`, 8 + (b % 20)]);
  fake.seed('支部名单', { values: roster });

  const form = (source: string, b: number, f: number): string[] => [
    branchName(b),
    source,
    ...INDICATOR_CODES.map((_, k) => GRADES[(b + f + k) % 7 === 0 ? 1 : (b + k) % 13 === 0 ? 2 : 0]),
  ];
  const header = ['党支部', '考核方式', ...INDICATOR_CODES];
  const org = [header];
  for (let b = 0; b < branches; b++) org.push(form('组织考核', b, 0));
  fake.seed('组织考核', { values: [[`组织考核评分表`], ...org], merges: ['A1:F1'] });

  const demo = [header];
  for (let b = 0; b < branches; b++) for (let f = 0; f < democraticForms; f++) demo.push(form('民主测评', b, f + 1));
  fake.seed('民主测评', { values: demo });
}

/** A summary-like plan: `rows` data rows × `cols` columns, a title, a header, a grade colour per row. */
export function widePlan(rows: number, cols: number, name = '考核汇总'): SheetPlan {
  const values: (string | number | null)[][] = [['2026年度党支部工作目标管理考核汇总表'], Array.from({ length: cols }, (_, c) => `列${c + 1}`)];
  const styles: StyleRange[] = [{ range: `A2:${col(cols - 1)}2`, style: { bold: true, fill: '#D9E1F2', border: true } }];
  for (let r = 0; r < rows; r++) {
    values.push(Array.from({ length: cols }, (_, c) => (c === 0 ? r + 1 : c === 1 ? branchName(r) : c === cols - 1 ? GRADES[r % 4] : 60 + ((r * 7 + c) % 400) / 10)));
    styles.push({ range: `${col(cols - 1)}${r + 3}`, style: { fill: ['#C6EFCE', '#DDEBF7', '#FFEB9C', '#FFC7CE'][r % 4] } });
  }
  styles.push({ range: `C3:${col(cols - 2)}${rows + 2}`, style: { numberFormat: '0.0' } });
  return {
    mode: 'new',
    kind: 'summary',
    name,
    values,
    styles,
    merges: [`A1:${col(cols - 1)}1`],
    columnWidths: Array.from({ length: cols }, (_, c) => (c === 1 ? 20 : 8)),
    freeze: { rows: 2, columns: 0 },
    links: [],
    validations: [],
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: '2:2' },
  };
}

function col(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
