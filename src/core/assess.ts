/**
 * The assessment (SPEC §3, §5): recognised inputs → checks, scores, bands and ranks.
 * Orchestration only; each step lives in its own module.
 */
import { sumAdjustments, wasClamped, type AdjustmentSums } from './adjustments';
import { resolveBranches, type BranchInfo, type Branches } from './branches';
import { completeness, democratic, selfGap } from './checks';
import { collectForms, collectTallies, DEMOCRATIC, emptyCounts, KEY_COUNT, type Counts } from './collect';
import { add, clamp, compare, fromInt, roundHalfAwayFromZero, toNumber, ZERO, type Rational } from './decimal';
import { sheetOrder, sortFindings } from './findings';
import * as msg from './messages';
import { advancedCandidates } from './notification';
import { band, rankTotals } from './ranking';
import { exactRules, scoreBranch, type BranchScores } from './scoring';
import {
  GRADE_COUNT,
  GRADES,
  SOURCE_SCORE_KEYS,
  SOURCES,
  type AssessmentInput,
  type AssessmentResult,
  type BranchResult,
  type Catalogue,
  type Finding,
  type Grade,
  type IndicatorDetail,
  type Ruleset,
  type SourceDetail,
  type SourceScoreKey,
  type Text,
} from './types';

const HUNDRED = fromInt(100);

/** Why branches are blocked: every-branch errors, error counts per branch, possible misspellings. */
interface Blocking {
  all: boolean;
  errors: Int32Array;
  misspelled: Map<number, string[]>;
}

function blocking(findings: Finding[], branches: Branches): Blocking {
  const errors = new Int32Array(branches.list.length);
  let all = false;
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    if (f.blocksAll) all = true;
    if (f.branches) {
      for (const name of f.branches) {
        const b = branches.indexOf(name);
        if (b >= 0) errors[b]++;
      }
      continue;
    }
    if (f.branch === undefined) continue;
    const b = branches.indexOf(f.branch);
    if (b >= 0) errors[b]++;
  }
  return { all, errors, misspelled: branches.misspelled };
}

function isBlocked(bl: Blocking, b: number): boolean {
  return bl.all || bl.errors[b] > 0 || bl.misspelled.has(b);
}

/** Total after adjustments, clamped to [0, 100]; null when the branch cannot be graded. */
interface Total {
  raw: Rational;
  clamped: Rational;
  rounded: number;
}

function totalOf(s: BranchScores, adjustment: Rational, decimals: number): Total | null {
  if (s.base === null) return null;
  const raw = add(s.base, adjustment);
  const clamped = clamp(raw, ZERO, HUNDRED);
  return { raw, clamped, rounded: roundHalfAwayFromZero(clamped, decimals) };
}

function num(r: Rational | null): number | null {
  return r === null ? null : toNumber(r);
}

function perKey<T>(f: (key: SourceScoreKey, k: number) => T): Record<SourceScoreKey, T> {
  const out = {} as Record<SourceScoreKey, T>;
  SOURCE_SCORE_KEYS.forEach((key, k) => (out[key] = f(key, k)));
  return out;
}

function indicatorDetails(catalogue: Catalogue, s: BranchScores, c: Counts, b: number): IndicatorDetail[] {
  const K = catalogue.indicators.length;
  return catalogue.indicators.map((ind, i) => {
    const at = ((b * KEY_COUNT + DEMOCRATIC) * K + i) * GRADE_COUNT;
    return {
      code: ind.code,
      points: ind.points,
      sources: perKey((_, k): SourceDetail => ({ forms: s.rated[k][i], mean: num(s.means[k][i]) })),
      weighted: num(s.weighted[i]),
      democraticVotes: Array.from(c.grades.subarray(at, at + GRADE_COUNT)),
    };
  });
}

function notesOf(b: number, bl: Blocking, adj: AdjustmentSums, s: BranchScores, total: Total | null, x: NoteContext): Text[] {
  const notes: Text[] = [];
  if (bl.all) notes.push(msg.notes.blockedByAll());
  if (bl.errors[b] > 0) notes.push(msg.notes.errors(bl.errors[b]));
  const names = bl.misspelled.get(b);
  if (names) notes.push(msg.notes.misspelledForms(names));
  if (wasClamped(adj, b)) notes.push(msg.notes.adjustmentClamped(toNumber(adj.raw[b]), x.ruleset.adjustmentCap));
  if (total && compare(total.raw, total.clamped) !== 0) {
    notes.push(msg.notes.totalClamped(toNumber(total.raw), toNumber(total.clamped)));
  }
  SOURCES.forEach((source, k) => {
    if (x.ruleset.weights[source] > 0 || s.lacking[k].length === 0) return;
    notes.push(msg.notes.sourceLacksIndicators(source, s.lacking[k].map((i) => x.catalogue.indicators[i].code)));
  });
  return notes;
}

interface NoteContext {
  ruleset: Ruleset;
  catalogue: Catalogue;
}

function branchResult(
  info: BranchInfo,
  b: number,
  c: Counts,
  s: BranchScores,
  adj: AdjustmentSums,
  total: Total | null,
  notes: Text[],
  catalogue: Catalogue,
): BranchResult {
  const categoryScores: Record<string, number | null> = {};
  catalogue.categories.forEach((cat, ci) => (categoryScores[cat.code] = num(s.categories[ci])));
  const forms = {} as Record<(typeof SOURCES)[number], number>;
  SOURCES.forEach((source, k) => (forms[source] = c.forms[b * KEY_COUNT + k]));
  const r: BranchResult = {
    name: info.name,
    status: total ? 'graded' : 'incomplete',
    total: total ? total.rounded : null,
    grade: null,
    rank: null,
    tied: false,
    sourceScores: perKey((_, k) => num(s.sources[k])),
    categoryScores,
    adjustment: toNumber(adj.clamped[b]),
    forms,
    indicators: indicatorDetails(catalogue, s, c, b),
    notes,
  };
  if (adj.records[b].length) r.spotChecks = adj.records[b];
  if (info.group !== undefined) r.group = info.group;
  return r;
}

export function assess(input: AssessmentInput): AssessmentResult {
  const { catalogue, ruleset } = input;
  const branches = resolveBranches(input);
  const indicatorIndex = new Map(catalogue.indicators.map((ind, i) => [ind.code, i]));
  const counts = emptyCounts(branches.list.length, catalogue.indicators.length);
  collectForms(input.forms, branches, indicatorIndex, ruleset.blank === 'error', counts);
  collectTallies(input.tallies, branches, indicatorIndex, counts);
  const adj = sumAdjustments(input.adjustments, branches, ruleset.adjustmentCap);
  const exact = exactRules(catalogue, ruleset);
  const scores = branches.list.map((_, b) => scoreBranch(exact, counts, b));
  // a branch whose ratings are formulas not yet calculated: nothing can be said about what is missing
  const uncalculated = new Set<number>();
  for (const f of input.findings) {
    if (f.code !== 'uncalculated-formula' || f.severity !== 'error') continue;
    for (const n of f.branches ?? (f.branch ? [f.branch] : [])) uncalculated.add(branches.indexOf(n));
  }
  const checks = branches.list.flatMap((info, b) => [
    ...(uncalculated.has(b) ? [] : completeness(info, b, counts, scores[b], ruleset, catalogue)),
    ...democratic(info, b, counts, ruleset),
  ]);
  const findings = [...input.findings, ...branches.findings, ...counts.findings, ...adj.findings, ...checks];
  const bl = blocking(findings, branches);

  const totals = branches.list.map((_, b) => (isBlocked(bl, b) ? null : totalOf(scores[b], adj.clamped[b], ruleset.decimals)));
  const ranks = rankTotals(
    totals.map((t) => (t ? t.rounded : null)),
    ruleset.ranking,
  );
  const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const results = branches.list.map((info, b) => {
    const t = totals[b];
    const notes = notesOf(b, bl, adj, scores[b], t, { ruleset, catalogue });
    const r = branchResult(info, b, counts, scores[b], adj, t, notes, catalogue);
    const rk = ranks[b];
    if (t && rk) {
      r.grade = band(t.rounded, ruleset.thresholds);
      r.rank = rk.rank;
      r.tied = rk.tied;
      gradeCounts[r.grade]++;
      findings.push(...selfGap(info, scores[b].sources[2], t.clamped));
    }
    return r;
  });
  const advanced = advancedCandidates(results, ruleset.advancedQuota);
  if (advanced.tied.length) findings.push(msg.advancedTie(advanced.tied, ruleset.advancedQuota));
  return {
    year: ruleset.year,
    ruleset,
    catalogue,
    branches: results,
    gradeCounts,
    findings: sortFindings(findings, sheetOrder(input)),
  };
}
