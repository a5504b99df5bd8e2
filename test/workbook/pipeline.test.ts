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

describe('a misspelt branch name', () => {
  const CODES = planTemplate(2027).sheets.find((s) => s.name === '指标目录')!;
  const codes = (CODES.mode === 'new' ? CODES.values : []).slice(1).map((r) => r[0] as string);
  const ROSTER = ['机关第一党支部', '机关第二党支部', '机关第三党支部', '机关第四党支部'];
  const form = (branch: string) => [branch, ...codes.map(() => '优秀')];

  test('one finding for the unknown name lists the roster branches it holds back; they stay ungraded with a reason', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { name: '支部名单', values: [['党支部', '党员人数'], ...ROSTER.map((b) => [b, 3])], merges: [] },
        { name: '组织考核', values: [['党支部', ...codes], ...ROSTER.map(form), form('机关第九党支部')], merges: [] },
        { name: '民主测评', values: [['党支部', ...codes], ...ROSTER.flatMap((b) => [form(b), form(b), form(b)])], merges: [] },
      ],
    };
    const out = runAssessment(snapshot, OPTIONS);
    const unknown = out.report.issues.filter((i) => i.code === 'unknown-branch');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ branch: '机关第九党支部', sheet: '组织考核', cell: 'A6' });
    for (const b of ROSTER) expect(unknown[0].message).toContain(`“${b}”`);
    expect(out.report.branches.map((b) => b.status)).toEqual(['incomplete', 'incomplete', 'incomplete', 'incomplete']);
    expect(out.result.branches[0].notes.map((n) => n.zh).join(' ')).toContain('机关第九党支部');
    expect(out.exitCode).toBe(1);
  });
});
