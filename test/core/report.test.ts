import { assess } from '../../src/core/assess';
import { buildReport, findingText } from '../../src/core/report';
import { InputBuilder } from './fixtures';

function sample() {
  const b = new InputBuilder([{ name: '机关第一党支部', group: '机关党总支' }, '研究室党支部'], { year: 2026, minDemocraticForms: 1 });
  // 民主测评: 2 × 优秀 + 1 × 差 → 86.666…; 组织考核 较好 → 85; total 85.666… → 85.7
  b.form('机关第一党支部', '组织考核', '较好').forms(2, '机关第一党支部', '民主测评', '优秀').form('机关第一党支部', '民主测评', '差');
  b.form('机关第一党支部', '自评', '优秀');
  b.form('研究室党支部', '组织考核', { '2.3': '95', '*': '优秀' }).form('研究室党支部', '民主测评', '优秀');
  return assess(b.build());
}

describe('buildReport', () => {
  // Built in beforeEach, not at describe level: StrykerJS credits only code run inside a test to that test.
  let report: ReturnType<typeof buildReport>;
  beforeEach(() => {
    report = buildReport(sample(), 'zh');
  });

  it('has the SPEC §7 shape and ruleset', () => {
    expect(Object.keys(report)).toEqual(['schemaVersion', 'year', 'ruleset', 'branches', 'gradeCounts', 'issues', 'previousYear']);
    expect(report.previousYear).toBeNull();
    expect(report.schemaVersion).toBe(1);
    expect(report.year).toBe(2026);
    expect(report.ruleset).toEqual({
      scale: { 优秀: 1, 较好: 0.85, 一般: 0.75, 差: 0.6 },
      weights: { 组织考核: 0.6, 民主测评: 0.4, 自评: 0 },
      thresholds: { 优秀: 90, 较好: 80, 一般: 70 },
      decimals: 1,
      ranking: 'competition',
      adjustmentCap: 10,
      minDemocraticForms: 1,
      blank: 'abstain',
    });
  });

  it('reports branches with scores rounded to 2 decimals and nulls for absent values', () => {
    expect(report.branches[0]).toEqual({
      name: '机关第一党支部',
      group: '机关党总支',
      status: 'graded',
      total: 85.7,
      grade: '较好',
      rank: 1,
      sourceScores: { 组织考核: 85, 民主测评: 86.67, 自评: 100, '自评(半年)': null },
      // category 1: 18 × (0.6 × 0.85 + 0.4 × 0.8666…) = 15.42
      categoryScores: { '1': 15.42, '2': 20.56, '3': 12.85, '4': 13.71, '5': 12.85, '6': 10.28 },
      adjustment: 0,
      forms: { 组织考核: 1, 民主测评: 3, 自评: 1 },
      // no --previous: last year's fields are there, null
      previousTotal: null,
      previousGrade: null,
      previousRank: null,
      rankChange: null,
    });
    expect(report.branches[1]).toMatchObject({ name: '研究室党支部', group: null, status: 'incomplete', total: null, grade: null, rank: null });
    expect(report.gradeCounts).toEqual({ 优秀: 0, 较好: 1, 一般: 0, 差: 0 });
  });

  it('lists issues with every field, in the chosen language', () => {
    const issue = report.issues.find((i) => i.code === 'invalid-rating');
    expect(issue).toEqual({
      severity: 'error',
      code: 'invalid-rating',
      sheet: '组织考核',
      cell: 'J3',
      branch: '研究室党支部',
      indicator: '2.3',
      message: '指标 2.3 的评分“95”不是有效的等级。',
      suggestion: expect.stringContaining('优秀'),
    });
    const en = buildReport(sample(), 'en').issues.find((i) => i.code === 'invalid-rating');
    expect(en?.message).toBe('The rating "95" for indicator 2.3 is not on the scale.');
    const info = report.issues.find((i) => i.code === 'uniform-form');
    expect(info?.suggestion).toBeNull();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('findingText picks one language', () => {
    const f = sample().findings[0];
    expect(findingText(f, 'en')).toEqual({ message: f.message.en, suggestion: f.suggestion?.en ?? null });
  });
});
