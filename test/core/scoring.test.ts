/**
 * Exact scores (src/core/scoring.ts, SPEC §3) through assess(): coefficients with many decimals take the
 * BigInt path, three weighted sources add up, and a weight-0 source stays out of every figure.
 */
import { assess } from '../../src/core/assess';
import type { BranchResult } from '../../src/core/types';
import { CODES, InputBuilder } from './fixtures';

function only(r: ReturnType<typeof assess>, name: string): BranchResult {
  const b = r.branches.find((x) => x.name === name);
  if (!b) throw new Error(`no branch ${name}`);
  return b;
}

describe('coefficients with many decimals (BigInt sums)', () => {
  // 0.85000001 = 85000001 / 10^8: numerators above 10^6, so the exact sums are done in BigInt
  const scale = { 优秀: 1, 较好: 0.85000001, 一般: 0.75, 差: 0.6 };

  it('scores uniform 较好 at exactly 100 × its coefficient', () => {
    const r = assess(new InputBuilder(['甲'], { scale }).graded('甲', '较好', '较好').build());
    const b = only(r, '甲');
    expect(b.sourceScores).toMatchObject({ 组织考核: 85.000001, 民主测评: 85.000001 });
    expect(b.indicators[0].sources.组织考核).toEqual({ forms: 1, mean: 0.85000001 });
    expect(b).toMatchObject({ status: 'graded', total: 85, grade: '较好' });
  });

  it('averages mixed grades exactly', () => {
    // 民主测评 per indicator: (1 + 0.85000001 + 0.75 + 0.6) / 4 = 0.8000000025
    const b = new InputBuilder(['甲'], { scale, minDemocraticForms: 1 }).form('甲', '组织考核', '优秀');
    for (const g of ['优秀', '较好', '一般', '差'] as const) b.form('甲', '民主测评', g);
    const x = only(assess(b.build()), '甲');
    expect(x.indicators[5].sources.民主测评).toEqual({ forms: 4, mean: 0.8000000025 });
    expect(x.sourceScores.民主测评).toBe(80.00000025);
    // 0.6 × 100 + 0.4 × 80.00000025 = 92.0000001
    expect(x.total).toBe(92);
    expect(x.indicators[0].weighted).toBeCloseTo(3 * (0.6 + 0.4 * 0.8000000025), 12);
  });
});

describe('three weighted sources', () => {
  it('adds each source by its weight and keeps each indicator share', () => {
    const weights = { 组织考核: 0.5, 民主测评: 0.3, 自评: 0.2 };
    const b = new InputBuilder(['甲', '乙'], { weights }).graded('甲', '优秀', '较好').form('甲', '自评', '一般');
    b.graded('乙', '优秀', '优秀').form('乙', '自评', '优秀');
    const r = assess(b.build());
    // 0.5 × 100 + 0.3 × 85 + 0.2 × 75 = 90.5
    expect(only(r, '甲')).toMatchObject({ total: 90.5, grade: '优秀', sourceScores: { 组织考核: 100, 民主测评: 85, 自评: 75 } });
    expect(only(r, '甲').indicators[0].weighted).toBeCloseTo(3 * 0.905, 12);
    expect(only(r, '乙')).toMatchObject({ total: 100, rank: 1 });
    expect(only(r, '甲').rank).toBe(2);
  });

  it('without self forms a weighted 自评 leaves the branch incomplete, with no total', () => {
    const r = assess(new InputBuilder(['甲'], { weights: { 组织考核: 0.5, 民主测评: 0.3, 自评: 0.2 } }).graded('甲', '优秀', '优秀').build());
    expect(only(r, '甲')).toMatchObject({ status: 'incomplete', total: null });
    expect(only(r, '甲').sourceScores.自评).toBeNull();
  });
});

describe('a source of weight 0', () => {
  it('has a score of its own but no part in the weighted figures', () => {
    const b = new InputBuilder(['甲']).graded('甲', '较好', '较好').form('甲', '自评', { '*': '差', [CODES[0]]: null });
    const x = only(assess(b.build()), '甲');
    expect(x.sourceScores.自评).toBeNull(); // it lacks 1.1
    expect(x.total).toBe(85);
    expect(x.indicators[0].weighted).toBeCloseTo(3 * 0.85, 12);
    expect(Object.values(x.categoryScores).every((v) => v !== null)).toBe(true);
  });

  it('counts forms that rate only some indicators per indicator', () => {
    const b = new InputBuilder(['甲'], { minDemocraticForms: 1 }).form('甲', '组织考核', '优秀');
    b.form('甲', '民主测评', '优秀').form('甲', '民主测评', { '*': '差', [CODES[1]]: null });
    const x = only(assess(b.build()), '甲');
    expect(x.indicators[0].sources.民主测评).toEqual({ forms: 2, mean: 0.8 });
    expect(x.indicators[1].sources.民主测评).toEqual({ forms: 1, mean: 1 });
    expect(x.forms.民主测评).toBe(2);
  });
});
