/**
 * The real core's result through the plans: a small hand-built input (no recognition), assessed and
 * notified by src/core, then planned; and the template and sample workbooks read back by recognition.
 */
import { assess, defaultCatalogue, defaultRuleset } from '../../../src/core';
import { buildNotification } from '../../../src/core/notification';
import type { AssessmentInput, Form, Grade, Source } from '../../../src/core/types';
import type { WorkbookPlan } from '../../../src/workbook/plan';
import { recognise } from '../../../src/workbook/recognise';
import { address, type WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { planOutputs, planSample, planTemplate } from '../../../src/workbook/plans';
import { at, rowAt, sheetOf, styleAt } from './fixtures';

const catalogue = defaultCatalogue();
let row = 1;

/** A form rating every indicator `grade`, optionally with one cell replaced. */
function form(branch: string, source: Source, grade: Grade, odd?: { indicator: string; value: string }): Form {
  const sheet = source;
  row++;
  return {
    branch,
    branchRef: { sheet, cell: address(row, 0) },
    source,
    period: 'annual',
    ref: { sheet, cell: address(row, 0) },
    ratings: catalogue.indicators.map((ind, i) => ({
      indicator: ind.code,
      value: odd && odd.indicator === ind.code ? odd.value : grade,
      ref: { sheet, cell: address(row, 2 + i) },
    })),
  };
}

function input(): AssessmentInput {
  row = 1;
  const forms: Form[] = [];
  const branch = (name: string, grade: Grade, odd?: { indicator: string; value: string }) => {
    forms.push(form(name, '组织考核', grade));
    for (let i = 0; i < 5; i++) forms.push(form(name, '民主测评', grade, i === 0 ? odd : undefined));
  };
  branch('甲党支部', '优秀');
  branch('乙党支部', '较好');
  branch('丙党支部', '较好');
  branch('丁党支部', '一般', { indicator: '2.3', value: '优良' });
  return {
    catalogue,
    ruleset: { ...defaultRuleset(), year: 2026 },
    roster: [
      { name: '甲党支部', group: '一总支', members: 10 },
      { name: '乙党支部', group: '一总支', members: 10 },
      { name: '丙党支部', group: '二总支', members: 10 },
      { name: '丁党支部', group: '二总支', members: 10 },
    ],
    forms,
    tallies: [],
    adjustments: [],
    findings: [],
  };
}

describe('plans from the core', () => {
  const result = assess(input());
  const notice = buildNotification(result, '2026-12-30');
  const { plan } = planOutputs(result, notice, { sheets: [] }, { lang: 'zh', date: '2026-12-30' });

  test('summary: uniform 优秀 is exactly 100.0, uniform 较好 85.0 tied; the invalid rating blocks 丁', () => {
    const s = sheetOf(plan, '考核汇总');
    expect(rowAt(s, 4).slice(0, 3)).toEqual([1, '一总支', '甲党支部']);
    expect(rowAt(s, 4).slice(9, 13)).toEqual([100, 100, null, 0]);
    expect(rowAt(s, 4).slice(13, 17)).toEqual([100, '优秀', 1, '已评定']);
    expect(rowAt(s, 5).slice(13, 16)).toEqual([85, '较好', 2]);
    expect(rowAt(s, 6).slice(13, 16)).toEqual([85, '较好', 2]);
    expect(styleAt(s, 'P5').numberFormat).toBe('0"（并列）"');
    expect(rowAt(s, 7).slice(13, 17)).toEqual([null, null, null, '待补充']);
    expect(String(at(s, 'R7'))).toContain('错误');
    // category subtotals of 甲 are the full points of SPEC §2
    expect(rowAt(s, 4).slice(3, 9)).toEqual([18, 24, 15, 16, 15, 12]);
  });

  test('notification ranks 甲, then 乙 and 丙 tied; 丁 listed apart', () => {
    const s = sheetOf(plan, '考核结果通报');
    expect(at(s, 'A1')).toBe('关于2026年度党支部工作目标管理\n考核结果的通报');
    const h = s.values.findIndex((r) => r[0] === '名次') + 1;
    expect(rowAt(s, h + 1)).toEqual([1, '甲党支部', '一总支', 100, '优秀']);
    expect(rowAt(s, h + 2)).toEqual(['2（并列）', '乙党支部', '一总支', 85, '较好']);
    expect(rowAt(s, h + 3)).toEqual(['2（并列）', '丙党支部', '二总支', 85, '较好']);
    expect(s.values.flat()).toContain('\u3000\u3000根据考核结果，推荐甲党支部为先进党支部候选单位，报党委研究确定。');
    expect(s.values.some((r) => r[1] === '丁党支部' && r[0] === 1)).toBe(true);
    expect(s.values.flat()).toContain('2026年12月30日');
  });

  test('checks sheet lists the invalid rating with a link to its cell', () => {
    const s = sheetOf(plan, '校验问题');
    const r = s.values.filter((x) => x[1] === 'invalid-rating').pop();
    expect(r?.slice(0, 6)).toEqual(['错误', 'invalid-rating', '民主测评', r?.[3], '丁党支部', '2.3']);
    expect(s.links).toContainEqual({ cell: expect.any(String), sheet: '民主测评', target: String(r?.[3]) });
  });

  test('details: 甲 subtotal 100 and total 100', () => {
    const s = sheetOf(plan, '计算明细');
    expect(rowAt(s, 5).slice(0, 8)).toEqual(['甲党支部', '1.1', '支委会组织健全,成员分工…', 3, 1, 1, 5, 1]);
    // 26 indicator rows then the branch's total row: sum before adjustments, adjustment, total
    expect(rowAt(s, 31).slice(2, 8)).toEqual(['合计', null, 1, 100, 5, 100]);
    expect(rowAt(s, 31).slice(12)).toEqual([100, 0, 100]);
  });
});

describe('template and sample read back through recognition', () => {
  // The values a host would write, as a snapshot (no markers: template sheets are the user's).
  const snapshotOf = (p: WorkbookPlan): WorkbookSnapshot => ({
    sheets: p.sheets.map((s) => ({ name: s.name, values: s.mode === 'new' ? s.values : [], merges: s.mode === 'new' ? s.merges : [] })),
  });

  test('every template sheet is recognised in its role, with the year', () => {
    const rec = recognise(snapshotOf(planTemplate(2027)));
    expect(rec.sheets.map((s) => [s.name, s.role, s.source])).toEqual([
      // the guide is text for people: known as notes, never reported as an unrecognised sheet (issue 23)
      ['填表说明', 'notes', undefined],
      ['指标目录', 'catalogue', undefined],
      ['考核参数', 'settings', undefined],
      ['支部名单', 'roster', undefined],
      ['组织考核', 'forms', '组织考核'],
      ['民主测评', 'forms', '民主测评'],
      ['自评', 'forms', '自评'],
      ['抽检记录', 'spot-checks', undefined],
    ]);
    expect(rec.input.ruleset.year).toBe(2027);
    expect(rec.input.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rec.input.findings.filter((f) => f.code === 'ignored-sheet')).toEqual([]);
  });

  test('the sample grades into all four bands and shows its planted mistakes', () => {
    const rec = recognise(snapshotOf(planSample()));
    expect(rec.sheets.find((s) => s.name === '民主测评票数汇总')?.role).toBe('tally');
    expect(rec.input.tallies.map((t) => t.branch)).toEqual(['生物研究室党支部', '环境研究室党支部', '信息研究室党支部', '研究生党支部']);
    const result = assess(rec.input);
    const grades = result.branches.map((b) => b.grade);
    for (const g of ['优秀', '较好', '一般', '差'] as const) expect(grades).toContain(g);
    const incomplete = result.branches.filter((b) => b.status === 'incomplete').map((b) => b.name);
    expect(incomplete).toEqual(['机关第二党支部', '化学研究室党支部']);
    const codes = result.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.branch]);
    expect(codes).toEqual([
      ['unknown-branch', '机关第二支部'], // its message names 机关第二党支部, the roster branch it blocks
      ['invalid-rating', '化学研究室党支部'],
      ['missing-rating', '图书馆党支部'],
    ]);
    expect(result.year).toBe(2026);
    const { plan } = planOutputs(result, buildNotification(result, '2026-12-30'), snapshotOf(planSample()), { lang: 'zh', date: '2026-12-30' });
    const notice = sheetOf(plan, '考核结果通报');
    expect(notice.values.flat()).toContain('中共××研究院党委办公室');
    expect(notice.values.filter((r) => r[1] === '机关第二党支部' && typeof r[0] === 'number' && r.length === 4)).toHaveLength(1);
  });
});
