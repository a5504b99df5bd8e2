/**
 * End to end inside "Excel": a workbook with roster and forms → readSnapshot → runAssessment → applyPlan.
 * At most 3 syncs per grading run whatever the number of branches, and the 考核汇总 cells written.
 */
import { DEFAULT_MAX_PAYLOAD_BYTES, ExcelHost } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import type { FakeValue } from '../../support/fake-excel';
import { branchName, createFakeExcel, seedAssessmentWorkbook } from '../../support/fake-excel';

const MB = 1024 * 1024;

/** Row of the first cell equal to `text` in a sheet's grid (0-based row, column). */
function find(grid: FakeValue[][], text: string): { r: number; c: number } {
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].indexOf(text);
    if (c >= 0) return { r, c };
  }
  throw new Error(`${text} not found`);
}

describe.each([10, 100, 1000])('%i branches', (branches) => {
  test('read → runAssessment → apply: ≤ 3 syncs, payloads under 5 MB, 考核汇总 written', async () => {
    const fake = createFakeExcel();
    seedAssessmentWorkbook(fake, branches, 5);
    const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });

    fake.resetStats();
    const snapshot = await host.readSnapshot();
    const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
    await host.applyPlan(outcome.plan);
    const { syncCount, largestPayloadBytes } = fake;

    expect(largestPayloadBytes).toBeLessThan(5 * MB);
    expect(fake.syncs.every((s) => s.failed === undefined)).toBe(true);
    // 2 syncs to read, 1 to write, at every size: the 1,000-branch plan (计算明细 ~27,000 rows) fits one request.
    expect(syncCount).toBeLessThanOrEqual(3);
    expect(fake.syncs[2].requestBytes).toBeLessThanOrEqual(DEFAULT_MAX_PAYLOAD_BYTES);
    expect(fake.sheetNames().slice(0, 3)).toEqual(['支部名单', '组织考核', '民主测评']);
    expect(fake.sheetNames()).toContain('考核汇总');
    expect(fake.names('考核汇总')).toEqual(['BranchAssessment_summary']);

    const s = fake.sheet('考核汇总');
    let rows = 0;
    let cols = 0;
    s.cells.forEach((_cell, r, c) => {
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    });
    const grid = fake.grid('考核汇总', `A1:${String.fromCharCode(64 + Math.min(cols, 26))}${rows}`);
    const branchCol = find(grid, '党支部');
    const totalCol = find(grid, '总分');
    const names = grid.slice(branchCol.r + 1, branchCol.r + 1 + branches).map((row) => row[branchCol.c]);
    expect(names).toEqual(Array.from({ length: branches }, (_, i) => branchName(i)));
    // 第1党支部: 组织考核 100 − 3.8 = 96.2, 民主测评 100 − 3.82 = 96.18 (five forms, losses 2.85, 3.95, 4.1,
    // 4.1, 4.1); 0.6 × 96.2 + 0.4 × 96.18 = 96.192 → 96.2
    expect(grid[totalCol.r + 1][totalCol.c]).toBe(96.2);
    const totals = grid.slice(totalCol.r + 1, totalCol.r + 1 + branches).map((row) => row[totalCol.c]);
    expect(totals).toEqual(outcome.result.branches.map((b) => b.total));
  });
});

describe('re-running 计算等级', () => {
  async function grade(fake: ReturnType<typeof createFakeExcel>, host: ExcelHost) {
    const snapshot = await host.readSnapshot();
    const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
    await host.applyPlan(outcome.plan);
    return { snapshot, outcome, fake };
  }

  test("keeps the user's formulas and names that refer to 考核汇总 working (the sheet is rewritten in place)", async () => {
    const fake = createFakeExcel();
    seedAssessmentWorkbook(fake, 10, 3);
    const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
    await grade(fake, host);
    const summaryId = fake.sheet('考核汇总').id;
    // the office's own sheet and name pointing at the results
    fake.seed('我的统计', { formulas: { A1: ['=考核汇总!A1', fake.value('考核汇总', 'A1')] } });
    fake.addWorkbookName('汇总标题', '考核汇总', 'A1');

    await grade(fake, host);
    expect(fake.cell('我的统计', 'A1')?.formula).toBe('=考核汇总!A1');
    expect(fake.value('我的统计', 'A1')).not.toEqual({ error: '#REF!' });
    expect(fake.nameFormula(fake.model.names[0])).toBe('=考核汇总!$A$1');
    expect(fake.sheet('考核汇总').id).toBe(summaryId);
    expect(fake.names('考核汇总')).toEqual(['BranchAssessment_summary']);
    expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
    // same data, same sheet: the rewrite gives the same cells as the first run
    expect(fake.value('考核汇总', 'A1')).toBe(fake.cell('我的统计', 'A1')?.value);
  });

  test('warns once per referring sheet and per name that points at 考核汇总 (output-referenced), read in the same batch', async () => {
    const fake = createFakeExcel();
    seedAssessmentWorkbook(fake, 10, 3);
    const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
    const first = await grade(fake, host);
    expect(first.outcome.findings.filter((f) => f.code === 'output-referenced')).toEqual([]);
    fake.seed('我的统计', { formulas: { B2: ['=考核汇总!K5', 0], B3: ['="考核汇总!K5"', '考核汇总!K5'] } });
    fake.addWorkbookName('汇总标题', '考核汇总', 'A1');

    fake.resetStats();
    const snapshot = await host.readSnapshot();
    // the names come with the sheet list: no extra round trip for them (2 syncs to read, as above)
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    const found = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' }).findings.filter((f) => f.code === 'output-referenced');
    expect(found.map((f) => [f.sheet ?? null, f.cell ?? null, f.message.zh.split('。')[0]])).toEqual([
      [null, null, '名称“汇总标题”引用了本程序生成的工作表“考核汇总”'],
      ['我的统计', 'B2', '工作表“我的统计”中有 1 个单元格的公式引用了本程序生成的工作表“考核汇总”（B2）'],
    ]);
  });

  test('a failure while rewriting leaves the previous results and the references as they were', async () => {
    const fake = createFakeExcel();
    seedAssessmentWorkbook(fake, 10, 3);
    const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
    await grade(fake, host);
    fake.seed('我的统计', { formulas: { A1: ['=考核汇总!A3', '序号'] } });
    const before = structuredClone(fake.sheet('考核汇总').cells.entries());
    fake.failSync({ code: 'GeneralException', when: (op) => op.member === 'merge' });
    await expect(grade(fake, host)).rejects.toThrow();
    expect(fake.sheet('考核汇总').cells.entries()).toEqual(before);
    expect(fake.cell('我的统计', 'A1')?.formula).toBe('=考核汇总!A3');
    expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
  });
});
