/** Plans for new workbooks made from a run: export, missing standard sheets, next year. */
import type { SheetPlan } from '../../../src/workbook/plan';
import { exportPlan, missingSheetsPlan, nextYearPlan, planTemplate, runYear } from '../../../src/workbook/plans';
import { branchResult, fakeOutcome, sheet } from '../../taskpane/fixtures';

describe('exportPlan', () => {
  it('keeps the summary and notification only, under their own names, with nothing replaced or linked', () => {
    const out = fakeOutcome([branchResult({ name: 'A', total: 90, grade: '优秀', rank: 1 })]);
    const summary = out.plan.sheets[0] as SheetPlan;
    const renamed: SheetPlan = { ...summary, name: '考核汇总 (2)', replaces: '考核汇总 (2)', links: [{ cell: 'A1', sheet: 'x', target: 'B2' }] };
    const notice: SheetPlan = { ...summary, kind: 'notification', name: '考核结果通报', values: [['通报']] };
    const checks: SheetPlan = { ...summary, kind: 'checks', name: '校验问题' };
    const plan = exportPlan({ ...out, plan: { sheets: [renamed, notice, checks] } }, 'zh');
    expect(plan.sheets.map((s) => s.name)).toEqual(['考核汇总', '考核结果通报']);
    const first = plan.sheets[0] as SheetPlan;
    expect(first.replaces).toBeUndefined();
    expect(first.links).toEqual([]);
    expect(first.values).toEqual(summary.values);
  });

  it("builds the product's summary when the office's own summary was filled instead", () => {
    const out = fakeOutcome([branchResult({ name: 'A', total: 90, grade: '优秀', rank: 1 })]);
    const plan = exportPlan({ ...out, plan: { sheets: [{ mode: 'fill', kind: 'summary', name: '考核汇总', cells: [] }] } }, 'zh');
    const s = plan.sheets[0] as SheetPlan;
    expect(s.mode).toBe('new');
    expect(s.name).toBe('考核汇总');
    expect(s.values.some((r) => r.includes('A'))).toBe(true);
  });
});

describe('template helpers', () => {
  it('adds only the template sheets the workbook lacks (names compared case-insensitively)', () => {
    const template = planTemplate(2026);
    const plan = missingSheetsPlan(template, { sheets: [sheet('指标目录', []), sheet('民主测评', [['x']])] });
    expect(plan.sheets.map((s) => s.name)).toEqual(['填表说明', '考核参数', '支部名单', '组织考核', '自评', '抽检记录']);
    expect(missingSheetsPlan(template, { sheets: template.sheets.map((s) => sheet(s.name.toUpperCase(), [])) }).sheets).toEqual([]);
  });

  it("next year's workbook carries the roster and the new year", () => {
    const plan = nextYearPlan(2027, [
      { name: '一支部', group: '机关党总支', secretary: '张三', members: 12 },
      { name: '二支部' },
    ]);
    const roster = plan.sheets.find((s) => s.name === '支部名单') as SheetPlan;
    expect(roster.values.slice(0, 3)).toEqual([
      ['序号', '党支部', '所属总支', '书记', '党员人数'],
      [1, '一支部', '机关党总支', '张三', 12],
      [2, '二支部', null, null, null],
    ]);
    const settings = plan.sheets.find((s) => s.name === '考核参数') as SheetPlan;
    expect(settings.values.find((r) => r[0] === '年度')?.[1]).toBe(2027);
    expect(plan.sheets.map((s) => s.name)).toEqual(planTemplate(2027).sheets.map((s) => s.name));
  });

  it('takes the year from the settings, else today', () => {
    expect(runYear(fakeOutcome([]).result)).toBe(2026);
    expect(runYear(null, new Date(2031, 0, 5))).toBe(2031);
  });
});
