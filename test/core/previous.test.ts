/** Last year beside this year (SPEC §8 --previous): matching by name, the change of rank, unmatched branches. */
import { assess } from '../../src/core/assess';
import { compareWithPrevious, excellentTwoYears, type PreviousYear } from '../../src/core/previous';
import { buildReport } from '../../src/core/report';
import { InputBuilder } from './fixtures';

function thisYear() {
  const b = new InputBuilder(['甲支部', '乙支部', '丙支部', '新支部'], { year: 2026, minDemocraticForms: 1 });
  b.form('甲支部', '组织考核', '优秀').form('甲支部', '民主测评', '优秀');
  b.form('乙支部', '组织考核', '较好').form('乙支部', '民主测评', '较好');
  b.form('丙支部', '组织考核', '优秀').form('丙支部', '民主测评', '较好');
  b.form('新支部', '组织考核', '一般'); // no 民主测评: incomplete
  return assess(b.build());
}

const lastYear: PreviousYear = {
  year: 2025,
  source: '2025考核结果.xlsx',
  branches: [
    { name: '乙支部', total: 95, grade: '优秀', rank: 1 },
    { name: '甲 支部', total: 92, grade: '优秀', rank: 2 }, // written with a space: still 甲支部
    { name: '丙支部', total: null, grade: null, rank: null }, // 待补充 last year
    { name: '撤销支部', total: 70, grade: '一般', rank: 3 },
  ],
};

describe('compareWithPrevious', () => {
  const result = thisYear();
  const { branches, findings } = compareWithPrevious(result, lastYear);
  const by = (name: string) => branches.find((b) => b.name === name)!;

  test('last year\'s total, grade and rank on each matched branch; rank change = last rank − this rank', () => {
    expect(by('甲支部').rank).toBe(1);
    expect(by('甲支部').previous).toEqual({ total: 92, grade: '优秀', rank: 2, rankChange: 1 });
    expect(by('乙支部').rank).toBe(3);
    expect(by('乙支部').previous).toEqual({ total: 95, grade: '优秀', rank: 1, rankChange: -2 });
  });

  test('no change of rank where either year did not rank the branch', () => {
    expect(by('丙支部').previous).toEqual({ total: null, grade: null, rank: null, rankChange: null });
    expect(by('新支部').previous).toBeUndefined();
  });

  test('previous-unmatched (info) names each branch without a partner, in either year', () => {
    expect(findings.every((f) => f.code === 'previous-unmatched' && f.severity === 'info')).toBe(true);
    expect(findings.map((f) => f.message.zh)).toEqual([
      '党支部“新支部”在2025年度结果（2025考核结果.xlsx）中没有同名党支部，不列上年总分、等级和名次。',
      '2025年度结果（2025考核结果.xlsx）中的党支部“撤销支部”不在本年度的党支部中。',
    ]);
    expect(findings[0].branch).toBe('新支部');
    expect(findings[1].message.en).toContain('"撤销支部"');
  });

  test('the JSON report carries the fields; roster order and everything else unchanged', () => {
    const report = buildReport({ ...result, branches, previous: { year: 2025, source: lastYear.source } }, 'zh');
    expect(report.previousYear).toBe(2025);
    expect(report.branches.map((b) => [b.name, b.previousTotal, b.previousGrade, b.previousRank, b.rankChange])).toEqual([
      ['甲支部', 92, '优秀', 2, 1],
      ['乙支部', 95, '优秀', 1, -2],
      ['丙支部', null, null, null, null],
      ['新支部', null, null, null, null],
    ]);
    expect(report.branches.map((b) => b.total)).toEqual(buildReport(result, 'zh').branches.map((b) => b.total));
  });

  test('excellentTwoYears: graded 优秀 both years, in this year\'s rank order', () => {
    expect(excellentTwoYears(branches)).toEqual(['甲支部']);
  });
});
