import fc from 'fast-check';
import { assess } from '../../src/core/assess';
import { GRADES, type Grade } from '../../src/core/types';
import { CODES, InputBuilder } from './fixtures';
import { runs } from '../support/runs';

const grade = fc.constantFrom<Grade>(...GRADES);
const form = fc.array(grade, { minLength: CODES.length, maxLength: CODES.length });
const branchForms = fc.record({
  org: fc.array(form, { minLength: 1, maxLength: 3 }),
  demo: fc.array(form, { minLength: 1, maxLength: 8 }),
});
const NAMES = ['甲', '乙', '丙', '丁'];

function build(branches: { org: Grade[][]; demo: Grade[][] }[], adjustments: number[] = [], order?: number[]) {
  const b = new InputBuilder(NAMES.slice(0, branches.length), { minDemocraticForms: 1 });
  const all: [string, '组织考核' | '民主测评', Grade[]][] = [];
  branches.forEach((x, i) => {
    for (const f of x.org) all.push([NAMES[i], '组织考核', f]);
    for (const f of x.demo) all.push([NAMES[i], '民主测评', f]);
  });
  const forms = order ? order.map((i) => all[i]) : all;
  for (const [name, source, f] of forms) b.form(name, source, f);
  adjustments.forEach((a, i) => b.adjustment(NAMES[i % branches.length], a));
  return b.build();
}

const MIDDLE: Record<Grade, number> = { 优秀: 100, 较好: 85, 一般: 75, 差: 60 };

describe('properties', () => {
  it('a branch rated uniformly X lands in band X, at its middle', () => {
    fc.assert(
      fc.property(grade, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), (g, org, demo) => {
        const r = assess(new InputBuilder(['甲'], { minDemocraticForms: 1 }).forms(org, '甲', '组织考核', g).forms(demo, '甲', '民主测评', g).build());
        expect(r.branches[0]).toMatchObject({ grade: g, total: MIDDLE[g] });
      }),
    );
  });

  it('permuting forms never changes a total', () => {
    fc.assert(
      fc.property(
        fc.array(branchForms, { minLength: 1, maxLength: 3 }).chain((bs) => {
          const n = bs.reduce((s, x) => s + x.org.length + x.demo.length, 0);
          const order = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
          return fc.tuple(fc.constant(bs), order);
        }),
        ([bs, order]) => {
          const a = assess(build(bs));
          const b = assess(build(bs, [], order));
          expect(b.branches.map((x) => [x.total, x.rank, x.sourceScores])).toEqual(a.branches.map((x) => [x.total, x.rank, x.sourceScores]));
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('totals stay within 0–100 whatever the adjustments', () => {
    fc.assert(
      fc.property(
        fc.array(branchForms, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: -3000, max: 3000 }).map((x) => x / 100), { maxLength: 6 }),
        (bs, adj) => {
          const r = assess(build(bs, adj));
          for (const b of r.branches) {
            expect(b.status).toBe('graded');
            expect(b.total).toBeGreaterThanOrEqual(0);
            expect(b.total).toBeLessThanOrEqual(100);
            expect(Math.abs(b.adjustment)).toBeLessThanOrEqual(10);
          }
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('one more 优秀 form never lowers a source score', () => {
    fc.assert(
      fc.property(branchForms, (x) => {
        const before = assess(build([x])).branches[0];
        const after = assess(build([{ org: [...x.org, CODES.map(() => '优秀' as Grade)], demo: [...x.demo, CODES.map(() => '优秀' as Grade)] }])).branches[0];
        expect(after.sourceScores.组织考核).toBeGreaterThanOrEqual(before.sourceScores.组织考核 as number);
        expect(after.sourceScores.民主测评).toBeGreaterThanOrEqual(before.sourceScores.民主测评 as number);
        expect(after.total).toBeGreaterThanOrEqual(before.total as number);
      }),
      { numRuns: runs(60) },
    );
  });

  it('ranks agree with totals: higher total → smaller rank, equal totals → equal rank', () => {
    fc.assert(
      fc.property(fc.array(branchForms, { minLength: 2, maxLength: 4 }), fc.constantFrom('competition' as const, 'dense' as const), (bs, ranking) => {
        const input = build(bs);
        input.ruleset.ranking = ranking;
        const r = assess(input).branches;
        for (const a of r) {
          for (const b of r) {
            const ta = a.total as number;
            const tb = b.total as number;
            if (ta > tb) expect(a.rank as number).toBeLessThan(b.rank as number);
            if (ta === tb) expect(a.rank).toBe(b.rank);
          }
          expect(a.rank).toBeGreaterThanOrEqual(1);
        }
        expect(Math.min(...r.map((x) => x.rank as number))).toBe(1);
      }),
      { numRuns: runs(60) },
    );
  });

  it('category subtotals add up to the total before adjustments', () => {
    fc.assert(
      fc.property(branchForms, (x) => {
        const b = assess(build([x])).branches[0];
        const sum = Object.values(b.categoryScores).reduce((s: number, v) => s + (v as number), 0);
        expect(Math.abs(sum - (0.6 * (b.sourceScores.组织考核 as number) + 0.4 * (b.sourceScores.民主测评 as number)))).toBeLessThan(1e-9);
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('against a float reference', () => {
  const COEF: Record<Grade, number> = { 优秀: 1, 较好: 0.85, 一般: 0.75, 差: 0.6 };
  const POINTS = [3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 4, 4, 4, 4, 5, 5, 5, 3, 3, 3, 3];
  function reference(forms: Grade[][]): number {
    return POINTS.reduce((s, p, i) => s + (p * forms.reduce((m, f) => m + COEF[f[i]], 0)) / forms.length, 0);
  }

  it('source scores match Σ points × mean, whatever the column order of each form', () => {
    fc.assert(
      fc.property(branchForms, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (x, reversed) => {
        const input = build([x]);
        // some forms list their cells in another order (another sheet's column layout)
        input.forms.forEach((f, i) => {
          if (reversed[i % reversed.length]) f.ratings.reverse();
        });
        const b = assess(input).branches[0];
        expect(b.sourceScores.组织考核).toBeCloseTo(reference(x.org), 9);
        expect(b.sourceScores.民主测评).toBeCloseTo(reference(x.demo), 9);
      }),
      { numRuns: runs(60) },
    );
  });
});
