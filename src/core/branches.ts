/**
 * Which branches are assessed, and which branch each written name means (SPEC §4.1): the roster when
 * there is one (names compared after normalize()), else the ratings in order of first appearance.
 */
import * as msg from './messages';
import { normalize, trimAll } from './text';
import type { AssessmentInput, CellRef, Finding, RosterEntry } from './types';

export const UNKNOWN = -1;
export const EMPTY = -2;

export interface BranchInfo {
  /** the roster's spelling (or the first spelling seen, without a roster) */
  name: string;
  group?: string;
  members?: number;
}

export interface Branches {
  list: BranchInfo[];
  /** index in `list`, UNKNOWN for a name not on the roster, EMPTY for a blank name */
  indexOf(name: string): number;
  findings: Finding[];
  /** roster branch → misspelled names that may be it: such a branch is blocked */
  misspelled: Map<number, string[]>;
}

/** Every written branch name with its cell, in input order: forms, then tallies, then adjustments. */
function* writtenNames(input: AssessmentInput): Generator<{ name: string; ref: CellRef }> {
  for (const f of input.forms) yield { name: f.branch, ref: f.branchRef };
  for (const t of input.tallies) yield { name: t.branch, ref: t.branchRef };
  for (const a of input.adjustments) yield { name: a.branch, ref: a.branchRef };
}

/** A lookup with a cache on the raw string: the same spelling repeats on every form. */
function makeIndexOf(keys: Map<string, number>): (name: string) => number {
  const cache = new Map<string, number>();
  return (name) => {
    let i = cache.get(name);
    if (i === undefined) {
      const key = normalize(name);
      i = key === '' ? EMPTY : (keys.get(key) ?? UNKNOWN);
      cache.set(name, i);
    }
    return i;
  };
}

export function resolveBranches(input: AssessmentInput): Branches {
  return input.roster ? fromRoster(input, input.roster) : fromRatings(input);
}

function fromRatings(input: AssessmentInput): Branches {
  const keys = new Map<string, number>();
  const list: BranchInfo[] = [];
  for (const { name } of writtenNames(input)) {
    const key = normalize(name);
    if (key === '' || keys.has(key)) continue;
    keys.set(key, list.length);
    list.push({ name: trimAll(name) });
  }
  return { list, indexOf: makeIndexOf(keys), findings: [msg.noRoster()], misspelled: new Map() };
}

function fromRoster(input: AssessmentInput, roster: RosterEntry[]): Branches {
  const keys = new Map<string, number>();
  const list: BranchInfo[] = [];
  for (const e of roster) {
    const key = normalize(e.name);
    if (key === '' || keys.has(key)) continue;
    keys.set(key, list.length);
    const info: BranchInfo = { name: trimAll(e.name) };
    if (e.group !== undefined && trimAll(e.group) !== '') info.group = trimAll(e.group);
    if (e.members !== undefined) info.members = e.members;
    list.push(info);
  }
  const indexOf = makeIndexOf(keys);
  const findings: Finding[] = [];
  const misspelled = new Map<number, string[]>();
  const rosterKeys = [...keys.keys()];
  for (const u of unknownNames(input, indexOf)) {
    const near = nearestNames(normalize(u.name), rosterKeys);
    // one finding per unknown name, listing the roster branches it holds back (their 备注 says why)
    findings.push(msg.unknownBranch(u.ref, u.name, near.candidates.map((i) => list[i].name), u.rows, near.close.map((i) => list[i].name)));
    for (const i of near.close) {
      const names = misspelled.get(i) ?? [];
      if (!names.includes(u.name)) names.push(u.name);
      misspelled.set(i, names);
    }
  }
  return { list, indexOf, findings, misspelled };
}

interface Unknown {
  name: string;
  ref: CellRef;
  rows: number;
}

/** Names not on the roster, one per spelling and sheet, at their first cell. */
function unknownNames(input: AssessmentInput, indexOf: (n: string) => number): Unknown[] {
  const seen = new Map<string, Unknown>();
  for (const { name, ref } of writtenNames(input)) {
    if (indexOf(name) !== UNKNOWN) continue;
    const key = `${normalize(name)}\u0000${ref.sheet}`;
    const u = seen.get(key);
    if (u) u.rows++;
    else seen.set(key, { name: trimAll(name), ref, rows: 1 });
  }
  return [...seen.values()];
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * Up to 3 roster names nearest to a written one (normalised keys), and those among the nearest that are
 * clearly close (distance ≤ 2, or one name contains the other): forms under the written name may be theirs.
 */
export function nearestNames(written: string, roster: string[]): { candidates: number[]; close: number[] } {
  const scored = roster.map((key, i) => {
    const d = editDistance(written, key);
    const contains = key.includes(written) || written.includes(key);
    const plausible = contains || d <= Math.max(2, Math.floor(Math.max([...key].length, [...written].length) / 2));
    return { i, d, contains, score: d - (contains ? 1 : 0), plausible };
  });
  const ranked = scored.filter((s) => s.plausible).sort((a, b) => a.score - b.score || a.d - b.d || a.i - b.i);
  const candidates = ranked.slice(0, 3).map((s) => s.i);
  if (!ranked.length) return { candidates, close: [] };
  const best = ranked[0].score;
  const close = ranked.filter((s) => s.score === best && (s.d <= 2 || s.contains)).map((s) => s.i);
  return { candidates, close };
}
