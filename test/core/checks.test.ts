/**
 * The per-branch checks of SPEC §5 (src/core/checks.ts), seen through assess() as a user sees them: which
 * branch each finding names and the counts it quotes. Several branches side by side, each with its own
 * counts, so that a check reading another branch's figures fails here. Inputs are built in beforeEach, not at
 * describe level, so that StrykerJS credits the code they run to each test.
 */
import { assess } from '../../src/core/assess';
import type { AssessmentResult, Finding, RaterType } from '../../src/core/types';
import { CODES, InputBuilder } from './fixtures';

function findings(r: AssessmentResult, code: Finding['code']): Finding[] {
  return r.findings.filter((f) => f.code === code);
}
/** branch → zh message of each finding with that code */
function byBranch(r: AssessmentResult, code: Finding['code']): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  for (const f of findings(r, code)) (out[f.branch ?? '?'] ??= []).push(f.message.zh);
  return out;
}
function status(r: AssessmentResult): Record<string, string> {
  return Object.fromEntries(r.branches.map((b) => [b.name, b.status]));
}

/** One 组织考核 form and the given 民主测评 raters for each branch. */
function democratic(branches: { name: string; members?: number; raters: (RaterType | undefined)[] }[], min = 5): AssessmentResult {
  const b = new InputBuilder(branches.map(({ name, members }) => ({ name, members })), { minDemocraticForms: min });
  for (const { name, raters } of branches) {
    b.form(name, '组织考核', '优秀');
    raters.forEach((t, i) => b.form(name, '民主测评', i % 2 ? '较好' : '优秀', { raterType: t }));
  }
  return assess(b.build());
}
const party = (n: number): RaterType[] => Array.from({ length: n }, () => 'party');

describe('democratic participation, several branches', () => {
  let r: AssessmentResult;
  beforeEach(() => {
    r = democratic([
      // 6 party members out of 10 and one non-party rater: every check passes
      { name: '甲', members: 10, raters: [...party(6), 'nonparty'] },
      // 5 out of 10 is not more than half
      { name: '乙', members: 10, raters: [...party(5), 'nonparty', 'nonparty'] },
      // 3 forms, below the minimum of 5; no identities given
      { name: '丙', raters: [undefined, undefined, undefined] },
      // 4 party forms for 3 members, and nobody from outside the party
      { name: '丁', members: 3, raters: party(4).concat(party(1)) },
    ]);
  });

  it('says low-participation for each branch with its own counts', () => {
    expect(byBranch(r, 'low-participation')).toEqual({
      乙: ['党支部“乙”只有 5 份党员民主测评表，未超过党员人数 10 的一半。'],
      丙: ['党支部“丙”只有 3 份民主测评表，少于最少份数 5。'],
    });
  });

  it('says too-many-forms only for the branch whose party forms exceed its members', () => {
    expect(byBranch(r, 'too-many-forms')).toEqual({ 丁: ['党支部“丁”有 5 份党员民主测评表，多于支部名单中的党员人数 3。'] });
    expect(findings(r, 'too-many-forms')[0]).toMatchObject({ severity: 'error', sheet: '民主测评' });
    expect(status(r)).toEqual({ 甲: 'graded', 乙: 'graded', 丙: 'graded', 丁: 'incomplete' });
  });

  it('says no-nonparty-raters only where identities are given and none is non-party', () => {
    expect(Object.keys(byBranch(r, 'no-nonparty-raters'))).toEqual(['丁']);
    expect(findings(r, 'no-nonparty-raters')[0]).toMatchObject({ severity: 'warning', sheet: '民主测评' });
  });

  it('counts forms per branch in the result', () => {
    expect(r.branches.map((b) => [b.name, b.forms.民主测评])).toEqual([
      ['甲', 7],
      ['乙', 7],
      ['丙', 3],
      ['丁', 5],
    ]);
  });
});

describe('a branch without 民主测评 forms', () => {
  let r: AssessmentResult;
  beforeEach(() => {
    r = democratic([
      { name: '甲', members: 10, raters: [] },
      { name: '乙', members: 10, raters: [...party(6), 'nonparty'] },
    ]);
  });

  it('is missing a source, not short of participants', () => {
    expect(byBranch(r, 'missing-source')).toEqual({ 甲: ['党支部“甲”没有民主测评的测评表，而民主测评的权重为 40%。'] });
    expect(findings(r, 'low-participation')).toEqual([]);
    expect(findings(r, 'no-nonparty-raters')).toEqual([]);
    expect(status(r)).toEqual({ 甲: 'incomplete', 乙: 'graded' });
  });

  it('one form under the minimum is low participation; the minimum itself is not', () => {
    expect(Object.keys(byBranch(democratic([{ name: '甲', raters: [undefined] }]), 'low-participation'))).toEqual(['甲']);
    expect(findings(democratic([{ name: '甲', raters: [undefined, undefined] }], 2), 'low-participation')).toEqual([]);
  });

  it('a branch with members 0 on the roster gets no party-share warning', () => {
    expect(findings(democratic([{ name: '甲', members: 0, raters: ['nonparty', 'nonparty', 'nonparty', 'nonparty', 'nonparty'] }]), 'low-participation')).toEqual([]);
  });
});

describe('completeness, several branches', () => {
  it('names the indicator each branch lacks, on its own sheet', () => {
    const b = new InputBuilder(['甲', '乙', '丙']);
    b.graded('甲', '优秀', '优秀');
    b.graded('乙', { '*': '优秀', [CODES[2]]: null }, '优秀');
    b.form('丙', '组织考核', '优秀').forms(5, '丙', '民主测评', { '*': '较好', [CODES[0]]: null }, { sheet: '民主测评表' });
    const r = assess(b.build());
    expect(findings(r, 'missing-indicator').map((f) => [f.branch, f.indicator, f.sheet])).toEqual([
      ['乙', CODES[2], '组织考核'],
      ['丙', CODES[0], '民主测评表'],
    ]);
    expect(findings(r, 'missing-source')).toEqual([]);
    expect(status(r)).toEqual({ 甲: 'graded', 乙: 'incomplete', 丙: 'incomplete' });
  });

  it('a source weighted 0 may be missing; one weighted above 0 may not', () => {
    const b = () => new InputBuilder(['甲']).forms(5, '甲', '民主测评', '优秀');
    expect(status(assess(b().build()))).toEqual({ 甲: 'incomplete' });
    const r = assess(
      new InputBuilder(['甲'], { weights: { 组织考核: 0, 民主测评: 1, 自评: 0 } })
        .forms(5, '甲', '民主测评', '优秀')
        .build(),
    );
    expect(findings(r, 'missing-source')).toEqual([]);
    expect(r.branches[0]).toMatchObject({ status: 'graded', total: 100 });
  });
});

describe('self-gap', () => {
  it('compares each branch with its own total', () => {
    // 甲: total 79, self 100 → 21 above; 乙: total 100, self 100 → none
    const b = new InputBuilder(['甲', '乙']).graded('甲', '一般', '较好').graded('乙', '优秀', '优秀');
    b.form('甲', '自评', '优秀').form('乙', '自评', '优秀');
    expect(byBranch(assess(b.build()), 'self-gap')).toEqual({ 甲: ['党支部“甲”的年度自评得分 100 比考核总分 79 高出 21 分（超过 10 分）。'] });
  });

  it('says it from just above 10 points, not at 10', () => {
    // self 100 for both; totals 85 + 5 = 90 (10 below) and 85 + 4.9 = 89.9 (10.1 below)
    const b = new InputBuilder(['甲', '乙']).graded('甲', '较好', '较好').graded('乙', '较好', '较好');
    b.form('甲', '自评', '优秀').form('乙', '自评', '优秀').adjustment('甲', 5).adjustment('乙', 4.9);
    const r = assess(b.build());
    expect(byBranch(r, 'self-gap')).toEqual({ 乙: ['党支部“乙”的年度自评得分 100 比考核总分 89.9 高出 10.1 分（超过 10 分）。'] });
    // every entry of the findings list is a finding (nothing stray added for 甲, which has no gap)
    expect(r.findings.every((f) => typeof f === 'object' && typeof f.code === 'string')).toBe(true);
  });
});
