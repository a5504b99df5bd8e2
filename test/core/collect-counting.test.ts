/**
 * Counting forms and tallies (src/core/collect.ts), seen through assess(): what a user reads in the
 * branch results and the checks list. Inputs are built inside each test (see docs/mutation.md).
 */
import { assess } from '../../src/core/assess';
import { InputBuilder, branch, only } from './fixtures';

describe('form ratings', () => {
  it('ignores a rating under an indicator the catalogue does not know, whatever it holds', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀');
    for (const f of b.input.forms) f.ratings.unshift({ indicator: '9.9', value: '坏', ref: { sheet: f.ref.sheet, cell: 'Z2' } });
    const r = assess(b.build());
    expect(only(r, 'invalid-rating')).toEqual([]);
    expect(branch(r, '甲')).toMatchObject({ status: 'graded', total: 100 });
  });

  it('reads each form in its own column order', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀', 4).form('甲', '民主测评', { '1.1': '差', '*': '优秀' });
    b.input.forms[b.input.forms.length - 1].ratings.reverse();
    const r = assess(b.build());
    expect(branch(r, '甲').indicators[0].sources.民主测评).toEqual({ forms: 5, mean: 0.92 });
    expect(branch(r, '甲').indicators[1].sources.民主测评).toEqual({ forms: 5, mean: 1 });
  });

  it('reports a number in a rating cell as invalid-rating quoting it, not as a blank', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', { '1.1': 5, '*': '优秀' }, '优秀').build());
    const f = only(r, 'invalid-rating');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: '1.1', branch: '甲', cell: 'B2' });
    expect(f[0].message.zh).toContain('“5”');
    expect(only(r, 'missing-rating')).toEqual([]);
  });

  it('counts a form with one valid and one invalid rating (not an empty row)', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', '优秀', '优秀').form('甲', '自评', { '1.1': 'x', '1.2': '优秀', '*': null }).build());
    expect(only(r, 'invalid-rating')).toHaveLength(1);
    const rowWarnings = only(r, 'missing-rating').filter((f) => f.indicator === undefined);
    expect(rowWarnings).toEqual([]);
    expect(only(r, 'missing-rating').length).toBeGreaterThan(1); // one per blank cell
  });

  it('names a branch not on the roster as written, trimmed, and gives its forms no uniform-form note', () => {
    const b = new InputBuilder(['甲']).graded('甲', { '1.1': '较好', '*': '优秀' }, { '1.1': '较好', '*': '优秀' });
    b.form(' 丙 ', '组织考核', { '1.1': 'x', '*': '优秀' }).form(' 丙 ', '民主测评', '优秀').form(' 丙 ', '民主测评', '优秀');
    const r = assess(b.build());
    const f = only(r, 'invalid-rating');
    expect(f).toHaveLength(1);
    expect(f[0].branch).toBe('丙');
    expect(only(r, 'uniform-form')).toEqual([]);
    // its ratings are counted for nobody: 甲's figures are its own
    expect(branch(r, '甲').forms).toMatchObject({ 组织考核: 1, 民主测评: 5 });
    expect(branch(r, '甲').indicators[0].sources.组织考核).toEqual({ forms: 1, mean: 0.85 });
    expect(branch(r, '甲').indicators[1].sources.组织考核).toEqual({ forms: 1, mean: 1 });
  });
});

describe('rater identity', () => {
  it('counts only 民主测评 forms as party or non-party', () => {
    const b = new InputBuilder([{ name: '甲', members: 1 }]);
    b.forms(2, '甲', '组织考核', '优秀', { raterType: 'party' }).forms(5, '甲', '民主测评', '优秀', { raterType: 'nonparty' });
    const r = assess(b.build());
    expect(only(r, 'too-many-forms')).toEqual([]);
    expect(only(r, 'no-nonparty-raters')).toEqual([]);
  });
});

describe('uniform forms', () => {
  it('notes a form of exactly two equal ratings, not one with a blank or an invalid rating beside them', () => {
    const b = new InputBuilder(['甲']).graded('甲', { '1.1': '较好', '*': '优秀' }, { '1.1': '较好', '*': '优秀' });
    b.form('甲', '自评', ['一般', '一般']);
    b.form('甲', '自评', ['一般', '一般', null], { period: 'half-year' });
    b.form('甲', '自评', ['一般', '一般', 'x'], { period: 'half-year' });
    const r = assess(b.build());
    const f = only(r, 'uniform-form');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '自评', cell: 'A2', branch: '甲' });
  });
});

describe('duplicate raters', () => {
  it('matches raters ignoring white space and width, and quotes the name as written', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀');
    b.form('甲', '自评', '优秀', { rater: '张三' }).form('甲', '自评', '较好', { rater: ' 张　三 ' });
    const r = assess(b.build());
    const f = only(r, 'duplicate-rater');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '自评', cell: 'A3', branch: '甲' });
    expect(f[0].message.zh).toContain('“张　三”');
    expect(f[0].message.zh).toContain('自评!A2');
  });

  it('does not match raters of different periods, nor raters given as white space only', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀');
    b.form('甲', '自评', '优秀', { rater: 'M01' }).form('甲', '自评', '较好', { rater: 'M01', period: 'half-year' });
    b.form('甲', '民主测评', '优秀', { rater: '  ' }).form('甲', '民主测评', '较好', { rater: '　' });
    expect(only(assess(b.build()), 'duplicate-rater')).toEqual([]);
  });
});

describe('tallies', () => {
  it('orphan-row for votes without a branch, none for an empty tally or a branch not on the roster', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀');
    const orphan = b.tally('', '民主测评', { all: [3, 0, 0, 0] });
    b.tally('', '民主测评', { all: [null, null, null, null] });
    b.tally('丙', '民主测评', { all: [3, 0, 0, 0] });
    const r = assess(b.build());
    const f = only(r, 'orphan-row');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: orphan.branchRef.sheet, cell: orphan.branchRef.cell });
    expect(branch(r, '甲').forms.民主测评).toBe(5);
  });

  it('ignores a tally row under an indicator the catalogue does not know', () => {
    const b = new InputBuilder(['甲']).form('甲', '组织考核', '优秀');
    const t = b.tally('甲', '民主测评', { all: [5, 0, 0, 0] });
    const c = (value: number, cell: string) => ({ value, ref: { sheet: t.ref.sheet, cell } });
    t.rows.push({ indicator: '9.9', ref: { sheet: t.ref.sheet, cell: 'A99' }, counts: { 优秀: c(9, 'B99'), 较好: c(9, 'C99'), 一般: c(0, 'D99'), 差: c(0, 'E99') } });
    const r = assess(b.build());
    expect(only(r, 'tally-mismatch')).toEqual([]);
    expect(branch(r, '甲')).toMatchObject({ status: 'graded', total: 100 });
    expect(branch(r, '甲').forms.民主测评).toBe(5);
  });

  it('a tally without votes adds no forms and no sheet to the branch', () => {
    const b = new InputBuilder(['甲']).form('甲', '组织考核', '优秀').forms(5, '甲', '民主测评', { '1.1': null, '*': '优秀' });
    b.tally('甲', '民主测评', { all: [0, 0, 0, 0] });
    const r = assess(b.build());
    expect(branch(r, '甲').forms.民主测评).toBe(5);
    const f = only(r, 'missing-indicator');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ indicator: '1.1', sheet: '民主测评' });
  });

  it('missing-indicator names no sheet when the forms come from two sheets', () => {
    const b = new InputBuilder(['甲']).form('甲', '组织考核', '优秀');
    b.forms(3, '甲', '民主测评', { '1.1': null, '*': '优秀' }).forms(2, '甲', '民主测评', { '1.1': null, '*': '优秀' }, { sheet: '民主测评(二)' });
    b.tally('甲', '民主测评', { '1.2': [1, 0, 0, 0] });
    const r = assess(b.build());
    const f = only(r, 'missing-indicator');
    expect(f).toHaveLength(1);
    expect(f[0].indicator).toBe('1.1');
    expect(f[0].sheet).toBeUndefined();
  });
});

describe('more survivors of the mutation run', () => {
  it('names a roster branch by its roster spelling in invalid-rating and invalid-count', () => {
    const b = new InputBuilder(['机关一支部']).form('机关 一支部', '组织考核', { '1.1': 'x', '*': '优秀' });
    const t = b.tally('机关 一支部', '民主测评', { all: [5, 0, 0, 0] });
    t.rows[0].counts.差.value = -1;
    const r = assess(b.build());
    expect(only(r, 'invalid-rating').map((f) => f.branch)).toEqual(['机关一支部']);
    expect(only(r, 'invalid-count').map((f) => f.branch)).toEqual(['机关一支部']);
  });

  it('counts a tally for the second roster branch as that branch\'s forms, and names the tally sheet when an indicator lacks votes', () => {
    const b = new InputBuilder(['甲', '乙']).graded('甲', '优秀', '优秀').form('乙', '组织考核', '优秀');
    b.tally('乙', '民主测评', { '1.2': [5, 0, 0, 0] });
    const r = assess(b.build());
    expect(branch(r, '乙').forms.民主测评).toBe(5);
    expect(branch(r, '甲').forms.民主测评).toBe(5);
    const f = only(r, 'missing-indicator').filter((x) => x.branch === '乙');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]).toMatchObject({ indicator: '1.1', sheet: '民主测评票数' });
  });

  it('gives no uniform-form note to a form whose first grade is 优秀 and second another', () => {
    const b = new InputBuilder(['甲']).graded('甲', { '1.1': '较好', '*': '优秀' }, { '1.1': '较好', '*': '优秀' });
    b.form('甲', '自评', ['优秀', '较好']);
    expect(only(assess(b.build()), 'uniform-form')).toEqual([]);
  });

  it('reports a blank only under indicators the catalogue knows', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀').form('甲', '自评', { '1.1': null, '*': '优秀' });
    const f = b.input.forms[b.input.forms.length - 1];
    f.ratings.push({ indicator: '9.9', value: null, ref: { sheet: '自评', cell: 'Z2' } });
    const blanks = only(assess(b.build()), 'missing-rating');
    expect(blanks.map((x) => x.cell)).toEqual(['B2']);
  });
});
