/**
 * Bands and ranks (SPEC §3): both use the rounded total.
 */
import { compare, fromNumber } from './decimal';
import type { Grade, RankingMode, Ruleset } from './types';

/** The band of a rounded total: ≥ 优秀线 优秀, ≥ 较好线 较好, ≥ 一般线 一般, else 差 (exact comparison). */
export function band(total: number, thresholds: Ruleset['thresholds']): Grade {
  const t = fromNumber(total);
  if (compare(t, fromNumber(thresholds.优秀)) >= 0) return '优秀';
  if (compare(t, fromNumber(thresholds.较好)) >= 0) return '较好';
  if (compare(t, fromNumber(thresholds.一般)) >= 0) return '一般';
  return '差';
}

export interface Ranked {
  rank: number;
  tied: boolean;
}

/**
 * Ranks of rounded totals (null = not ranked), highest first. competition: 1, 2, 2, 4 (Excel's RANK);
 * dense: 1, 2, 2, 3. Equal totals share a rank and are tied.
 */
export function rankTotals(totals: (number | null)[], mode: RankingMode): (Ranked | null)[] {
  const graded = totals.filter((t): t is number => t !== null).sort((a, b) => b - a);
  const first = new Map<number, number>(); // total → 0-based position of its first occurrence
  const distinct = new Map<number, number>(); // total → 0-based index among distinct totals
  const seen = new Map<number, number>(); // total → occurrences
  graded.forEach((t, i) => {
    if (!first.has(t)) {
      first.set(t, i);
      distinct.set(t, distinct.size);
    }
    seen.set(t, (seen.get(t) ?? 0) + 1);
  });
  return totals.map((t) => {
    if (t === null) return null;
    const rank = (mode === 'competition' ? (first.get(t) as number) : (distinct.get(t) as number)) + 1;
    return { rank, tied: (seen.get(t) as number) > 1 };
  });
}
