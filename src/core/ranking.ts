/**
 * Bands and ranks (SPEC §3): both use the rounded total.
 */
import { compare, fromNumber } from './decimal';
import { GRADES, type Grade, type RankingMode, type Ruleset } from './types';

/** The grades that have a lower threshold, best first: every grade of the scale but the last. */
export const BANDED = GRADES.slice(0, -1) as readonly (keyof Ruleset['thresholds'])[];

/**
 * The band of a rounded total: the first grade (best first) whose threshold it reaches, else the
 * scale's last grade (exact comparison).
 */
export function band(total: number, thresholds: Ruleset['thresholds']): Grade {
  const t = fromNumber(total);
  for (const g of BANDED) if (compare(t, fromNumber(thresholds[g])) >= 0) return g;
  return GRADES[GRADES.length - 1];
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
