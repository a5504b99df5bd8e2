/**
 * Reading rating and vote-count cells (SPEC §3 accepted spellings, §4.4 b tallies).
 */
import { normalize, normalizeKey } from './text';
import type { CellValue, Grade } from './types';
import { isErrorValue, showValue } from './values';

export type GradeReading = { kind: 'grade'; grade: Grade } | { kind: 'blank' } | { kind: 'invalid'; shown: string };
export type CountReading = { kind: 'count'; n: number } | { kind: 'invalid'; shown: string };

/** Accepted spellings after normalizeKey (white space removed, full-width folded, lower case). */
const SPELLINGS: readonly [Grade, readonly string[]][] = [
  ['优秀', ['优秀', '优', 'a', 'excellent']],
  ['较好', ['较好', '良好', '良', '好', 'b', 'good']],
  ['一般', ['一般', '中', 'c', 'fair', 'average']],
  ['差', ['差', '较差', 'd', 'poor']],
];

const GRADE_OF = new Map<string, Grade>(SPELLINGS.flatMap(([g, words]) => words.map((w) => [w, g] as const)));

/** A rating cell: one grade, blank, or invalid (numbers, booleans, error values, two grades…). */
export function parseGrade(v: CellValue): GradeReading {
  if (v === null) return { kind: 'blank' };
  if (typeof v !== 'string') return { kind: 'invalid', shown: showValue(v) };
  const key = normalizeKey(v);
  if (key === '') return { kind: 'blank' };
  const grade = GRADE_OF.get(key);
  return grade ? { kind: 'grade', grade } : { kind: 'invalid', shown: showValue(v) };
}

const TICKS = new Set(['✓', '√', '✔']);

/** A tally cell: a whole number of votes ≥ 0, a tick (one vote) or blank (none). */
export function parseCount(v: CellValue): CountReading {
  if (v === null) return { kind: 'count', n: 0 };
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) && v >= 0 ? { kind: 'count', n: v === 0 ? 0 : v } : { kind: 'invalid', shown: showValue(v) };
  }
  if (typeof v === 'boolean' || isErrorValue(v)) return { kind: 'invalid', shown: showValue(v) };
  const s = normalize(v);
  if (s === '') return { kind: 'count', n: 0 };
  if (TICKS.has(s)) return { kind: 'count', n: 1 };
  if (/^\d{1,15}$/.test(s)) return { kind: 'count', n: Number(s) };
  return { kind: 'invalid', shown: showValue(v) };
}
