import { assess } from '../../src/core/assess';
import type { AssessmentResult } from '../../src/core/types';
import { CODES, InputBuilder, branch, codesOf, only } from './fixtures';

describe('scores, bands and ranks', () => {
  // Built in beforeEach, not at describe level: StrykerJS credits only code run inside a test to that test.
  let r: AssessmentResult;
  beforeEach(() => {
    r = assess(
      new InputBuilder(['甲', '乙', '丙'], { year: 2026 })
        .graded('甲', '优秀', '优秀')
        .graded('乙', '较好', '较好')
        .graded('丙', '一般', '差')
        .build(),
    );
  });

  it('gives uniform 优秀 exactly 100 and a uniform grade the middle of its band', () => {
    expect(branch(r, '甲')).toMatchObject({ status: 'graded', total: 100, grade: '优秀', rank: 1, tied: false });
    expect(branch(r, '乙')).toMatchObject({ total: 85, grade: '较好', rank: 2 });
    // 0.6 × 75 + 0.4 × 60 = 69
    expect(branch(r, '丙')).toMatchObject({ total: 69, grade: '差', rank: 3 });
    expect(r.gradeCounts).toEqual({ 优秀: 1, 较好: 1, 一般: 0, 差: 1 });
    expect(r.year).toBe(2026);
  });

  it('reports source scores, forms and category subtotals', () => {
    const c = branch(r, '丙');
    expect(c.sourceScores).toEqual({ 组织考核: 75, 民主测评: 60, 自评: null, '自评(半年)': null });
    expect(c.forms).toEqual({ 组织考核: 1, 民主测评: 5, 自评: 0 });
    // category 1: 18 points × (0.6 × 0.75 + 0.4 × 0.6) = 18 × 0.69 = 12.42
    expect(c.categoryScores['1']).toBeCloseTo(12.42, 12);
    const sum = Object.values(c.categoryScores).reduce((s: number, x) => s + (x ?? 0), 0);
    expect(sum).toBeCloseTo(69, 10);
    expect(branch(r, '甲').categoryScores).toEqual({ '1': 18, '2': 24, '3': 15, '4': 16, '5': 15, '6': 12 });
  });

  it('gives per-indicator details', () => {
    const d = branch(r, '丙').indicators[0];
    expect(d.code).toBe('1.1');
    expect(d.points).toBe(3);
    expect(d.sources.组织考核).toEqual({ forms: 1, mean: 0.75 });
    expect(d.sources.民主测评).toEqual({ forms: 5, mean: 0.6 });
    expect(d.sources.自评).toEqual({ forms: 0, mean: null });
    expect(d.weighted).toBeCloseTo(2.07, 12); // 3 × 0.69
  });

  it('averages coefficients over forms: 2 × 优秀 + 1 × 差 → 0.8666…', () => {
    const x = assess(new InputBuilder(['甲'], { minDemocraticForms: 1 }).form('甲', '组织考核', '较好').forms(2, '甲', '民主测评', '优秀').form('甲', '民主测评', '差').build());
    const b = branch(x, '甲');
    expect(b.sourceScores.民主测评).toBeCloseTo(260 / 3, 10);
    // 0.6 × 85 + 0.4 × 86.666… = 85.666… → 85.7
    expect(b.total).toBe(85.7);
    expect(b.grade).toBe('较好');
  });

  it('weights mixed ratings per indicator: one 较好 on 1.1 (3 points)', () => {
    const x = assess(new InputBuilder(['甲']).graded('甲', { '1.1': '较好', '*': '优秀' }, '优秀').build());
    // 组织考核 = 100 − 3 × 0.15 = 99.55; total = 0.6 × 99.55 + 40 = 99.73 → 99.7
    expect(branch(x, '甲').sourceScores.组织考核).toBe(99.55);
    expect(branch(x, '甲').total).toBe(99.7);
  });
});

describe('rounding and band edges (hand computed, via adjustments on 85 or 75)', () => {
  it.each<[string, number, number, string]>([
    ['较好', 4.95, 90, '优秀'], // 89.95 → 90.0
    ['较好', 4.9, 89.9, '较好'], // 89.9 stays 较好: the band gap is closed
    ['较好', 4.94, 89.9, '较好'],
    ['较好', -5, 80, '较好'], // exactly 80
    ['较好', -5.05, 80, '较好'], // 79.95 → 80.0
    ['较好', -5.06, 79.9, '一般'],
    ['一般', -5.05, 70, '一般'], // 69.95 → 70.0
    ['一般', -5.1, 69.9, '差'],
    ['一般', -5.06, 69.9, '差'],
  ])('uniform %s %s → %s %s', (grade, adj, total, band) => {
    const r = assess(new InputBuilder(['甲']).graded('甲', grade as '较好', grade as '较好').adjustment('甲', adj).build());
    expect(branch(r, '甲')).toMatchObject({ total, grade: band, adjustment: adj });
  });

  it('rounds to the configured decimals: 0 decimals, 89.5 → 90', () => {
    const r = assess(new InputBuilder(['甲'], { decimals: 0 }).graded('甲', '较好', '较好').adjustment('甲', 4.5).build());
    expect(branch(r, '甲')).toMatchObject({ total: 90, grade: '优秀' });
    const r2 = assess(new InputBuilder(['甲'], { decimals: 2 }).graded('甲', '较好', '较好').adjustment('甲', 4.995).build());
    expect(branch(r2, '甲').total).toBe(90); // 85 + 4.995 = 89.995 → 90.00
    const r3 = assess(new InputBuilder(['甲'], { decimals: 2 }).graded('甲', '较好', '较好').adjustment('甲', 4.994).build());
    expect(branch(r3, '甲')).toMatchObject({ total: 89.99, grade: '较好' });
  });
});

describe('ranking', () => {
  function four(ranking: 'competition' | 'dense') {
    return assess(
      new InputBuilder(['A', 'B', 'C', 'D'], { ranking })
        .graded('A', '较好', '较好')
        .graded('B', '优秀', '优秀')
        .graded('C', '较好', '较好')
        .graded('D', '一般', '一般')
        .build(),
    );
  }
  it('competition: 1, 2, 2, 4, ties keep roster order and are marked', () => {
    const r = four('competition');
    expect(r.branches.map((b) => [b.name, b.rank, b.tied])).toEqual([
      ['A', 2, true],
      ['B', 1, false],
      ['C', 2, true],
      ['D', 4, false],
    ]);
  });
  it('dense: 1, 2, 2, 3', () => {
    expect(four('dense').branches.map((b) => b.rank)).toEqual([2, 1, 2, 3]);
  });
  it('ranks on the rounded total: 89.95 and 90 tie', () => {
    const r = assess(new InputBuilder(['A', 'B']).graded('A', '较好', '较好').adjustment('A', 4.95).graded('B', '较好', '较好').adjustment('B', 5).build());
    expect(r.branches.map((b) => [b.total, b.rank, b.tied])).toEqual([
      [90, 1, true],
      [90, 1, true],
    ]);
  });
});

describe('branches', () => {
  it('keeps roster order and spelling, matching names without white space or width differences', () => {
    const r = assess(new InputBuilder(['机关 第一党支部', '研究室党支部']).graded('研究室党支部', '优秀', '优秀').graded('机关第一党支部\u3000', '较好', '较好').build());
    expect(r.branches.map((b) => [b.name, b.total])).toEqual([
      ['机关 第一党支部', 85],
      ['研究室党支部', 100],
    ]);
    expect(only(r, 'unknown-branch')).toEqual([]);
  });

  it('takes the groups from the roster', () => {
    const r = assess(new InputBuilder([{ name: '甲', group: '机关党总支' }]).graded('甲', '优秀', '优秀').build());
    expect(branch(r, '甲').group).toBe('机关党总支');
  });

  it('without a roster takes branches in order of first appearance, with a warning', () => {
    const b = new InputBuilder(null).form('乙', '组织考核', '优秀').form('甲', '组织考核', '优秀').forms(5, '甲', '民主测评', '优秀');
    b.tally('丙', '民主测评', { all: [5, 0, 0, 0] });
    b.adjustment('丁', 1);
    const r = assess(b.build());
    expect(r.branches.map((x) => x.name)).toEqual(['乙', '甲', '丙', '丁']);
    const w = only(r, 'no-roster');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning' });
    expect(w[0].sheet).toBeUndefined();
    expect(w[0].message.zh).toContain('支部名单');
  });

  it('reports a name not on the roster with the nearest names, and blocks the close roster branch', () => {
    const b = new InputBuilder(['机关第一党支部', '机关第二党支部', '研究室党支部'])
      .graded('机关第一党支部', '优秀', '优秀')
      .graded('机关第二党支部', '优秀', '优秀')
      .graded('研究室党支部', '优秀', '优秀')
      .form('机关第一支部', '民主测评', '差')
      .form('机关第一支部', '民主测评', '差');
    const r = assess(b.build());
    const f = only(r, 'unknown-branch');
    // one finding per spelling and sheet, naming the close roster branch it blocks
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '民主测评', cell: 'A17', branch: '机关第一支部' });
    expect(f[0].message.zh).toBe('党支部“机关第一支部”不在支部名单中（共 2 行），其评分未计入；名称相近的“机关第一党支部”可能就是它，暂不评定。');
    expect(f[0].candidates?.[0]).toBe('机关第一党支部');
    expect(f[0].candidates).toContain('机关第二党支部');
    expect(f[0].message.zh).toContain('共 2 行');
    expect(f[0].suggestion?.zh).toContain('“机关第一党支部”');
    // the close one is blocked, with a note; the others are graded from their own forms only
    const first = branch(r, '机关第一党支部');
    expect(first).toMatchObject({ status: 'incomplete', total: null, grade: null, rank: null });
    expect(first.notes.map((n) => n.zh).join()).toContain('机关第一支部');
    expect(branch(r, '机关第二党支部')).toMatchObject({ status: 'graded', total: 100, rank: 1 });
    expect(branch(r, '研究室党支部')).toMatchObject({ status: 'graded', total: 100, rank: 1 });
  });

  it('does not block anybody for a name far from every roster name', () => {
    const r = assess(new InputBuilder(['机关第一党支部']).graded('机关第一党支部', '优秀', '优秀').form('后勤保障部门', '民主测评', '差').build());
    const f = only(r, 'unknown-branch');
    expect(f).toHaveLength(1);
    expect(f[0].candidates).toEqual([]);
    expect(branch(r, '机关第一党支部').status).toBe('graded');
  });

  it('reports a row with ratings but no branch as orphan-row at the branch cell', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', '优秀', '优秀').form('  ', '民主测评', '优秀').build());
    const f = only(r, 'orphan-row');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '民主测评', cell: 'A7' });
    expect(f[0].branch).toBeUndefined();
    expect(branch(r, '甲').status).toBe('graded');
  });
});

describe('ratings', () => {
  it('invalid-rating quotes the value, sits on the cell and blocks the branch', () => {
    const r = assess(new InputBuilder(['甲', '乙']).graded('甲', { '2.3': { error: '#N/A' }, '*': '优秀' }, '优秀').graded('乙', '优秀', '优秀').build());
    const f = only(r, 'invalid-rating');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '组织考核', cell: 'J2', branch: '甲', indicator: '2.3' });
    expect(f[0].message.zh).toContain('“#N/A”');
    expect(f[0].message.en).toContain('"#N/A"');
    expect(f[0].suggestion?.zh).toContain('优秀');
    expect(branch(r, '甲')).toMatchObject({ status: 'incomplete', total: null, grade: null, rank: null });
    // the only 组织考核 form now lacks 2.3 too: missing-indicator is the second error
    expect(only(r, 'missing-indicator')[0]).toMatchObject({ branch: '甲', indicator: '2.3' });
    expect(branch(r, '甲').notes[0]).toEqual({ zh: '2 个错误，见校验问题', en: '2 errors, see checks' });
    expect(branch(r, '乙')).toMatchObject({ status: 'graded', rank: 1 });
    expect(r.gradeCounts.优秀).toBe(1);
  });

  it('counts a blank as an abstention (warning) and leaves it out of the mean', () => {
    const b = new InputBuilder(['甲']).form('甲', '组织考核', '较好').forms(4, '甲', '民主测评', '优秀');
    b.form('甲', '民主测评', { '1.1': null, '*': '差' });
    const r = assess(b.build());
    const f = only(r, 'missing-rating');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: '民主测评', cell: 'B6', indicator: '1.1', branch: '甲' });
    const d = branch(r, '甲').indicators[0];
    expect(d.sources.民主测评).toEqual({ forms: 4, mean: 1 });
    expect(branch(r, '甲').indicators[1].sources.民主测评).toEqual({ forms: 5, mean: 0.92 });
    expect(branch(r, '甲').status).toBe('graded');
  });

  it('makes a blank an error when the ruleset says so', () => {
    const r = assess(new InputBuilder(['甲'], { blank: 'error' }).graded('甲', '优秀', { '1.1': '', '*': '优秀' }).build());
    const f = only(r, 'missing-rating');
    expect(f).toHaveLength(5);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(branch(r, '甲').status).toBe('incomplete');
  });

  it('does not count a form with every rating blank, with one warning for the row', () => {
    const b = new InputBuilder(['甲']).graded('甲', '优秀', '优秀').form('甲', '民主测评', { '*': null });
    const r = assess(b.build());
    const f = only(r, 'missing-rating');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'A7' });
    expect(f[0].indicator).toBeUndefined();
    expect(branch(r, '甲').forms.民主测评).toBe(5);
    expect(branch(r, '甲').total).toBe(100);
  });

  it('ignores a row with neither branch nor rating', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', '优秀', '优秀').form('', '民主测评', { '*': '' }).build());
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('accepts every spelling of the scale', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', ' A ', 'ｅｘｃｅｌｌｅｎｔ').build());
    expect(branch(r, '甲').total).toBe(100);
  });
});

describe('completeness', () => {
  it('missing-source for a weighted source without forms', () => {
    const r = assess(new InputBuilder(['甲']).forms(5, '甲', '民主测评', '优秀').build());
    const f = only(r, 'missing-source');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', branch: '甲' });
    expect(f[0].sheet).toBeUndefined();
    expect(f[0].message.zh).toContain('组织考核');
    expect(f[0].message.zh).toContain('60%');
    expect(branch(r, '甲').status).toBe('incomplete');
    expect(branch(r, '甲').sourceScores.民主测评).toBe(100);
  });

  it('no missing-source for a source of weight 0, and a weight-0 source is reported beside', () => {
    const r = assess(new InputBuilder(['甲'], { weights: { 组织考核: 1, 民主测评: 0, 自评: 0 } }).form('甲', '组织考核', '较好').build());
    expect(only(r, 'missing-source')).toEqual([]);
    expect(branch(r, '甲')).toMatchObject({ total: 85, grade: '较好' });
  });

  it('missing-indicator when a weighted source never rates an indicator', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', { '6.4': null, '*': '优秀' }, '优秀').build());
    const f = only(r, 'missing-indicator');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', branch: '甲', indicator: '6.4', sheet: '组织考核' });
    expect(f[0].cell).toBeUndefined();
    expect(branch(r, '甲').status).toBe('incomplete');
    expect(branch(r, '甲').categoryScores['6']).toBeNull();
    expect(branch(r, '甲').categoryScores['1']).toBe(18);
  });
});

describe('self-assessment', () => {
  it('counts only annual self forms under 自评, half-year ones apart, weight 0 by default', () => {
    const b = new InputBuilder(['甲']).graded('甲', '较好', '较好');
    b.form('甲', '自评', '优秀').form('甲', '自评', '一般', { period: 'half-year' });
    const r = assess(b.build());
    const x = branch(r, '甲');
    expect(x.sourceScores).toEqual({ 组织考核: 85, 民主测评: 85, 自评: 100, '自评(半年)': 75 });
    expect(x.forms.自评).toBe(1);
    expect(x.total).toBe(85);
  });

  it('treats half-year 组织考核 and 民主测评 forms as annual', () => {
    const r = assess(new InputBuilder(['甲']).form('甲', '组织考核', '优秀', { period: 'half-year' }).forms(5, '甲', '民主测评', '优秀', { period: 'half-year' }).build());
    expect(branch(r, '甲')).toMatchObject({ total: 100, status: 'graded' });
  });

  it('self-gap when the annual self score exceeds the total by more than 10', () => {
    const gap = assess(new InputBuilder(['甲']).graded('甲', '一般', '较好').form('甲', '自评', '优秀').build());
    // total = 0.6 × 75 + 0.4 × 85 = 79; 100 − 79 = 21
    const f = only(gap, 'self-gap');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', branch: '甲' });
    expect(f[0].message.zh).toContain('21');
    // exactly 10 above is not more than 10
    const edge = assess(new InputBuilder(['甲']).graded('甲', '较好', '较好').form('甲', '自评', { '*': '优秀' }).adjustment('甲', 5).build());
    expect(branch(edge, '甲').total).toBe(90);
    expect(only(edge, 'self-gap')).toEqual([]);
  });

  it('notes a weight-0 source that lacks an indicator and gives it no score', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', '优秀', '优秀').form('甲', '自评', { '1.1': null, '*': '优秀' }).build());
    expect(branch(r, '甲').sourceScores.自评).toBeNull();
    expect(branch(r, '甲').notes.map((n) => n.zh).join()).toContain('1.1');
    expect(branch(r, '甲').status).toBe('graded');
  });
});

describe('adjustments', () => {
  it('adds numeric text, ignores blanks and clamps the sum to the cap', () => {
    const b = new InputBuilder(['甲', '乙']).graded('甲', '较好', '较好').graded('乙', '较好', '较好');
    b.adjustment('甲', '+2').adjustment('甲', null).adjustment('甲', '－0.5');
    b.adjustment('乙', 8).adjustment('乙', 7);
    const r = assess(b.build());
    expect(branch(r, '甲')).toMatchObject({ adjustment: 1.5, total: 86.5 });
    expect(branch(r, '乙')).toMatchObject({ adjustment: 10, total: 95 });
    expect(branch(r, '乙').notes.map((n) => n.zh)).toEqual(['加减分合计 15，按上限计为 10']);
  });

  it('clamps the total to 0–100', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', '优秀', '优秀').adjustment('甲', 3).build());
    expect(branch(r, '甲')).toMatchObject({ total: 100, adjustment: 3 });
    expect(branch(r, '甲').notes[0].zh).toContain('103');
  });

  it('invalid-adjustment blocks the branch', () => {
    const r = assess(new InputBuilder(['甲']).graded('甲', '优秀', '优秀').adjustment('甲', '扣两分').build());
    const f = only(r, 'invalid-adjustment');
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '抽检记录', cell: 'E2', branch: '甲' });
    expect(f[0].message.zh).toContain('“扣两分”');
    expect(branch(r, '甲').status).toBe('incomplete');
  });
});

describe('tallies', () => {
  it('counts votes as forms, ticks as one vote', () => {
    const b = new InputBuilder(['甲']).form('甲', '组织考核', '优秀');
    b.tally('甲', '民主测评', { all: [6, 3, 1, '√'] });
    const r = assess(b.build());
    const x = branch(r, '甲');
    expect(x.forms.民主测评).toBe(11);
    // mean = (6 + 3 × 0.85 + 0.75 + 0.6) / 11 = 9.9 / 11 = 0.9
    expect(x.sourceScores.民主测评).toBe(90);
    expect(x.total).toBe(96); // 0.6 × 100 + 0.4 × 90
    expect(x.indicators[0].sources.民主测评.forms).toBe(11);
    expect(x.status).toBe('graded');
  });

  it('invalid-count blocks the branch and tally-mismatch warns', () => {
    const b = new InputBuilder(['甲']).form('甲', '组织考核', '优秀');
    const t = b.tally('甲', '民主测评', { '1.1': [5, 0, 0, 0], all: [4, 0, 0, 0] });
    t.rows[2].counts.较好.value = 2.5;
    const r = assess(b.build());
    const bad = only(r, 'invalid-count');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: 'error', indicator: '1.3', branch: '甲', cell: 'C5' });
    expect(bad[0].message.zh).toContain('“2.5”');
    const mm = only(r, 'tally-mismatch');
    expect(mm).toHaveLength(1);
    expect(mm[0]).toMatchObject({ severity: 'warning', cell: 'A2', sheet: '民主测评票数' });
    expect(mm[0].message.zh).toContain('1.1: 5');
    expect(branch(r, '甲').status).toBe('incomplete');
    expect(branch(r, '甲').forms.民主测评).toBe(5);
  });
});

describe('democratic evaluation checks', () => {
  function demo(members: number | undefined, types: ('party' | 'nonparty' | undefined)[], min = 5) {
    const b = new InputBuilder([{ name: '甲', members }], { minDemocraticForms: min }).form('甲', '组织考核', '优秀');
    types.forEach((t, i) => b.form('甲', '民主测评', i % 2 ? '较好' : '优秀', { raterType: t }));
    return assess(b.build());
  }

  it('too-many-forms when party-member forms exceed the members', () => {
    const r = demo(3, ['party', 'party', 'party', 'party', 'nonparty']);
    const f = only(r, 'too-many-forms');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', branch: '甲', sheet: '民主测评' });
    expect(f[0].message.zh).toContain('4 份');
    expect(branch(r, '甲').status).toBe('incomplete');
    expect(codesOf(demo(4, ['party', 'party', 'party', 'party', 'nonparty']).findings)).not.toContain('too-many-forms');
  });

  it('low-participation below the minimum number of forms', () => {
    const r = demo(undefined, [undefined, undefined, undefined, undefined]);
    const f = only(r, 'low-participation');
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toContain('4 份');
    expect(branch(r, '甲').status).toBe('graded');
    expect(only(demo(undefined, [undefined, undefined, undefined, undefined, undefined]), 'low-participation')).toEqual([]);
  });

  it('low-participation when party-member forms are no more than half the members', () => {
    expect(only(demo(10, ['party', 'party', 'party', 'party', 'party', 'nonparty']), 'low-participation')).toHaveLength(1);
    expect(only(demo(10, ['party', 'party', 'party', 'party', 'party', 'party', 'nonparty']), 'low-participation')).toEqual([]);
    // without rater identity this part of the check cannot apply
    expect(only(demo(10, [undefined, undefined, undefined, undefined, undefined]), 'low-participation')).toEqual([]);
  });

  it('no-nonparty-raters when identities are given and none is non-party', () => {
    const r = demo(5, ['party', 'party', 'party', 'party', 'party']);
    const f = only(r, 'no-nonparty-raters');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', branch: '甲' });
    expect(only(demo(5, ['party', 'party', 'party', 'party', 'nonparty']), 'no-nonparty-raters')).toEqual([]);
    expect(only(demo(5, [undefined, undefined, undefined, undefined, undefined]), 'no-nonparty-raters')).toEqual([]);
  });

  it('duplicate-rater at the second form, per branch, source and period', () => {
    const b = new InputBuilder(['甲', '乙']).graded('甲', '优秀', '优秀').graded('乙', '优秀', '优秀');
    b.form('甲', '民主测评', '优秀', { rater: 'M01' }).form('甲', '民主测评', '较好', { rater: ' Ｍ01 ' });
    b.form('乙', '民主测评', '优秀', { rater: 'M01' }).form('甲', '自评', '优秀', { rater: 'M01' });
    const r = assess(b.build());
    const f = only(r, 'duplicate-rater');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: '民主测评', cell: 'A13', branch: '甲' });
    expect(f[0].message.zh).toContain('民主测评!A12');
  });

  it('uniform-form info only for forms with ≥ 2 ratings all the same', () => {
    const b = new InputBuilder(['甲']).graded('甲', { '1.1': '较好', '*': '优秀' }, { '1.1': '较好', '*': '优秀' });
    b.form('甲', '自评', '一般').form('甲', '自评', ['优秀']);
    const r = assess(b.build());
    const f = only(r, 'uniform-form');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', sheet: '自评', cell: 'A2' });
    expect(f[0].message.zh).toContain('“一般”');
  });
});

describe('findings', () => {
  it('keeps recognition findings; blocksAll blocks every branch', () => {
    const b = new InputBuilder(['甲', '乙']).graded('甲', '优秀', '优秀').graded('乙', '优秀', '优秀');
    b.finding({ severity: 'error', code: 'invalid-settings', sheet: '考核参数', cell: 'B3', message: { zh: 'x', en: 'x' }, blocksAll: true });
    const r = assess(b.build());
    expect(r.branches.every((x) => x.status === 'incomplete' && x.total === null)).toBe(true);
    expect(r.branches[0].notes[0].zh).toContain('考核参数');
    expect(r.gradeCounts).toEqual({ 优秀: 0, 较好: 0, 一般: 0, 差: 0 });
    expect(only(r, 'invalid-settings')).toHaveLength(1);
  });

  it('an error finding from recognition naming a branch blocks only that branch', () => {
    const b = new InputBuilder(['甲', '乙']).graded('甲', '优秀', '优秀').graded('乙', '优秀', '优秀');
    b.finding({ severity: 'error', code: 'unknown-source', sheet: 'X', branch: '甲 ', message: { zh: 'x', en: 'x' } });
    b.finding({ severity: 'warning', code: 'unmapped-column', sheet: 'X', branch: '乙', message: { zh: 'x', en: 'x' } });
    const r = assess(b.build());
    expect(branch(r, '甲').status).toBe('incomplete');
    expect(branch(r, '乙').status).toBe('graded');
  });

  it('sorts errors, warnings, info; then sheet order of the input, then row and column', () => {
    const b = new InputBuilder(['甲']).graded('甲', { '1.2': 'X', '*': '优秀' }, '优秀');
    b.form('甲', '民主测评', { '1.1': '??', '2.1': null, '*': '优秀' });
    b.form('甲', '组织考核', { '1.1': 'Z', '*': '优秀' });
    b.finding({ severity: 'info', code: 'ignored-sheet', sheet: '说明', message: { zh: 'x', en: 'x' } });
    const r = assess(b.build());
    expect(r.findings.map((f) => [f.severity, f.code, f.sheet, f.cell]).slice(0, 5)).toEqual([
      ['error', 'invalid-rating', '组织考核', 'C2'],
      ['error', 'invalid-rating', '组织考核', 'B3'],
      ['error', 'invalid-rating', '民主测评', 'B7'],
      ['warning', 'missing-rating', '民主测评', 'H7'],
      ['info', 'uniform-form', '民主测评', 'A2'],
    ]);
    expect(r.findings[r.findings.length - 1].code).toBe('ignored-sheet');
    expect(CODES).toHaveLength(26);
  });
});
