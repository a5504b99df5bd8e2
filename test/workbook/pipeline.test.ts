/** The pipeline's verdicts on whole workbooks (SPEC §5, §7). */
import { planTemplate } from '../../src/workbook/plans';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { runAssessment } from '../../src/workbook/pipeline';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

// The values a host would write, as a snapshot (template sheets are the user's: no markers).
const snapshotOf = (p: WorkbookPlan): WorkbookSnapshot => ({
  sheets: p.sheets.map((s) => ({ name: s.name, values: s.mode === 'new' ? s.values : [], merges: s.mode === 'new' ? s.merges : [] })),
});
const OPTIONS = { lang: 'zh' as const, date: '2027-12-30' };

describe('an empty template', () => {
  test('grades to a no-ratings warning naming the rating sheets, exit 0', () => {
    const out = runAssessment(snapshotOf(planTemplate(2027)), OPTIONS);
    expect(out.exitCode).toBe(0);
    const warned = out.report.issues.filter((i) => i.code === 'no-ratings');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', sheet: '组织考核' });
    expect(warned[0].message).toContain('组织考核、民主测评、自评');
    // the checks sheet shows it too
    const checks = out.plan.sheets.find((s) => s.name === '校验问题');
    expect(JSON.stringify(checks)).toContain('还没有填写任何评分');
  });
});
