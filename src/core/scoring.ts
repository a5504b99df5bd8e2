/**
 * Exact scores from grade counts (SPEC §3): per indicator the mean coefficient, per source Σ points × mean,
 * per indicator and category the weighted share, and the weighted total. All rationals; sums are kept
 * unreduced until the end so that the per-branch work stays a few BigInt additions.
 */
import { KEY_COUNT, type Counts } from './collect';
import { fromNumber, rational, type Rational } from './decimal';
import { GRADE_COUNT, GRADES, SOURCES, type Catalogue, type Ruleset } from './types';

/** The ruleset and catalogue as exact numbers, prepared once. */
export interface Exact {
  K: number;
  /** coefficient of grade g = scaleNum[g] / scaleDen (small integers, exact as numbers) */
  scaleNum: number[];
  scaleBig: bigint[];
  scaleDen: bigint;
  /** every scale numerator is a safe integer, so counts × numerators can be summed as numbers */
  small: boolean;
  /** weights of 组织考核, 民主测评, 自评 */
  weights: Rational[];
  points: Rational[];
  /** indicator → index of its category in catalogue.categories */
  categoryOf: number[];
  categories: number;
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

export function exactRules(catalogue: Catalogue, ruleset: Ruleset): Exact {
  const scale = GRADES.map((g) => fromNumber(ruleset.scale[g]));
  const scaleDen = scale.reduce((d, r) => lcm(d, r.d), 1n);
  const scaleBig = scale.map((r) => r.n * (scaleDen / r.d));
  const categoryIndex = new Map(catalogue.categories.map((c, i) => [c.code, i]));
  return {
    K: catalogue.indicators.length,
    scaleNum: scaleBig.map(Number),
    scaleBig,
    scaleDen,
    small: scaleBig.every((n) => n <= 1_000_000n),
    weights: SOURCES.map((s) => fromNumber(ruleset.weights[s])),
    points: catalogue.indicators.map((i) => fromNumber(i.points)),
    categoryOf: catalogue.indicators.map((i) => categoryIndex.get(i.category) ?? -1),
    categories: catalogue.categories.length,
  };
}

// Unreduced operations: callers reduce once with rational().
function plus(a: Rational, b: Rational): Rational {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}
function times(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}
const ZERO: Rational = { n: 0n, d: 1n };
function reduce(r: Rational): Rational {
  return rational(r.n, r.d);
}

export interface BranchScores {
  /** [key][indicator]: forms that rate the indicator validly */
  rated: number[][];
  /** [key][indicator]: mean coefficient, null when unrated */
  means: (Rational | null)[][];
  /** [key]: Σ points × mean; null when the source has no forms or lacks an indicator */
  sources: (Rational | null)[];
  /** [key]: indicators without a valid rating while the source has forms */
  lacking: number[][];
  /** [indicator]: points × Σ weight × mean over weighted sources; null when one lacks it */
  weighted: (Rational | null)[];
  /** [category]: Σ weighted over its indicators */
  categories: (Rational | null)[];
  /** Σ weight × source score over weighted sources: the total before adjustments */
  base: Rational | null;
}

/** Mean coefficient of one branch, key and indicator from its grade counts (one per grade of the scale). */
function mean(x: Exact, grades: Int32Array, at: number): { n: number; mean: Rational | null } {
  let n = 0;
  let sum = 0;
  for (let g = 0; g < GRADE_COUNT; g++) {
    n += grades[at + g];
    sum += grades[at + g] * x.scaleNum[g];
  }
  if (n === 0) return { n, mean: null };
  // exact while below 2^53 (counts × scale numerators); else redo in BigInt
  const num = x.small && Number.isSafeInteger(sum) ? BigInt(sum) : exactSum(x, grades, at);
  return { n, mean: { n: num, d: BigInt(n) * x.scaleDen } }; // unreduced; reduced where it is kept
}

function exactSum(x: Exact, grades: Int32Array, at: number): bigint {
  let sum = 0n;
  for (let g = 0; g < GRADE_COUNT; g++) sum += BigInt(grades[at + g]) * x.scaleBig[g];
  return sum;
}

function sourceScores(x: Exact, c: Counts, b: number, s: BranchScores): void {
  for (let k = 0; k < KEY_COUNT; k++) {
    const bk = b * KEY_COUNT + k;
    let score: Rational | null = ZERO;
    for (let i = 0; i < x.K; i++) {
      const m = mean(x, c.grades, (bk * x.K + i) * GRADE_COUNT);
      s.rated[k][i] = m.n;
      s.means[k][i] = m.mean;
      if (m.mean === null) {
        score = null;
        if (c.forms[bk] > 0) s.lacking[k].push(i);
      } else if (score !== null) score = plus(score, times(x.points[i], m.mean));
    }
    s.sources[k] = c.forms[bk] > 0 && score !== null ? reduce(score) : null;
  }
}

function weightedShares(x: Exact, s: BranchScores): void {
  const cats: (Rational | null)[] = new Array(x.categories).fill(ZERO);
  for (let i = 0; i < x.K; i++) {
    let w: Rational | null = ZERO;
    for (let k = 0; k < x.weights.length && w !== null; k++) {
      if (x.weights[k].n === 0n) continue;
      const m = s.means[k][i];
      w = m === null ? null : plus(w, times(x.weights[k], m));
    }
    const share = w === null ? null : reduce(times(x.points[i], w));
    s.weighted[i] = share;
    const ci = x.categoryOf[i];
    if (ci >= 0) cats[ci] = share === null || cats[ci] === null ? null : plus(cats[ci] as Rational, share);
  }
  s.categories = cats.map((r) => (r === null ? null : reduce(r)));
  let base: Rational | null = ZERO;
  for (let k = 0; k < x.weights.length && base !== null; k++) {
    if (x.weights[k].n === 0n) continue;
    const score = s.sources[k];
    base = score === null ? null : plus(base, times(x.weights[k], score));
  }
  s.base = base === null ? null : reduce(base);
}

/** Every exact figure of one branch. */
export function scoreBranch(x: Exact, c: Counts, b: number): BranchScores {
  const perKey = <T>(f: () => T): T[] => Array.from({ length: KEY_COUNT }, f);
  const s: BranchScores = {
    rated: perKey(() => new Array<number>(x.K).fill(0)),
    means: perKey(() => new Array<Rational | null>(x.K).fill(null)),
    sources: new Array<Rational | null>(KEY_COUNT).fill(null),
    lacking: perKey(() => [] as number[]),
    weighted: new Array<Rational | null>(x.K).fill(null),
    categories: [],
    base: null,
  };
  sourceScores(x, c, b, s);
  weightedShares(x, s);
  return s;
}
