import { band, rankTotals } from '../../src/core/ranking';

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
  it('handles nothing to rank', () => {
    expect(rankTotals([null, null], 'competition')).toEqual([null, null]);
  });
});
