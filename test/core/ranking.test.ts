import { band, rankTotals } from '../../src/core/ranking';
import { assess } from '../../src/core/assess';
import { InputBuilder } from './fixtures';

const T = { 优秀: 90, 较好: 80, 一般: 70 };

describe('band', () => {
  it.each([
    [100, '优秀'],
    [90, '优秀'],
    [89.9, '较好'],
    [89.99, '较好'],
    [80, '较好'],
    [79.9, '一般'],
    [70, '一般'],
    [69.9, '差'],
    [0, '差'],
  ])('%s → %s', (total, grade) => expect(band(total, T)).toBe(grade));
  it('uses configured thresholds', () => {
    expect(band(92, { 优秀: 95, 较好: 85, 一般: 60 })).toBe('较好');
    expect(band(60, { 优秀: 95, 较好: 85, 一般: 60 })).toBe('一般');
  });
});

describe('rankTotals', () => {
  it('competition ranks skip after ties; dense ranks do not', () => {
    const totals = [85, 100, 85, null, 70];
    expect(rankTotals(totals, 'competition')).toEqual([
      { rank: 2, tied: true },
      { rank: 1, tied: false },
      { rank: 2, tied: true },
      null,
      { rank: 4, tied: false },
    ]);
    expect(rankTotals(totals, 'dense').map((r) => r?.rank ?? null)).toEqual([2, 1, 2, null, 3]);
  });
  it('an unranked branch listed first takes no place, even before a total of 0', () => {
    expect(rankTotals([null, 0, null, 0], 'competition')).toEqual([null, { rank: 1, tied: true }, null, { rank: 1, tied: true }]);
    expect(rankTotals([null, 50, 0], 'competition')).toEqual([null, { rank: 1, tied: false }, { rank: 2, tied: false }]);
  });
  it('handles nothing to rank', () => {
    expect(rankTotals([null, null], 'competition')).toEqual([null, null]);
  });
});

describe('ranks in an assessment', () => {
  it('never ranks or ties an incomplete branch, even beside equal graded totals', () => {
    // 甲 and 乙 graded 100 (tied); 丙 and 丁 incomplete (no 民主测评) with equal partial figures
    const b = new InputBuilder(['丙', '甲', '丁', '乙', '戊']).graded('甲', '优秀', '优秀').graded('乙', '优秀', '优秀');
    b.form('丙', '组织考核', '优秀').form('丁', '组织考核', '优秀').graded('戊', '较好', '较好');
    const r = assess(b.build());
    expect(r.branches.map((x) => [x.name, x.status, x.total, x.grade, x.rank, x.tied])).toEqual([
      ['丙', 'incomplete', null, null, null, false],
      ['甲', 'graded', 100, '优秀', 1, true],
      ['丁', 'incomplete', null, null, null, false],
      ['乙', 'graded', 100, '优秀', 1, true],
      ['戊', 'graded', 85, '较好', 3, false],
    ]);
    expect(r.gradeCounts).toEqual({ 优秀: 2, 较好: 1, 一般: 0, 差: 0 });
  });

  it('two incomplete branches alone are neither ranked nor tied', () => {
    const r = assess(new InputBuilder(['甲', '乙']).form('甲', '组织考核', '优秀').form('乙', '组织考核', '优秀').build());
    expect(r.branches.map((x) => [x.rank, x.tied, x.grade])).toEqual([
      [null, false, null],
      [null, false, null],
    ]);
    expect(r.gradeCounts).toEqual({ 优秀: 0, 较好: 0, 一般: 0, 差: 0 });
  });
});
