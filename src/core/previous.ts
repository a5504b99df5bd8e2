/**
 * Last year beside this year (SPEC §8 --previous): last year's published figures per branch, matched to
 * this year's branches by name. Pure: the workbook layer reads last year's 考核汇总 or JSON report into a
 * PreviousYear; this module decides the comparison once, for the summary, the report, the 通报 and the
 * feedback pages alike.
 */
import { previousUnmatched } from './messages';
import { normalize } from './text';
import type { AssessmentResult, BranchResult, Finding, Grade, PreviousStanding } from './types';

/** One branch of last year's results: graded (total, grade, rank) or not (all null). */
export interface PreviousBranch {
  name: string;
  total: number | null;
  grade: Grade | null;
  rank: number | null;
}

export interface PreviousYear {
  /** the year the results are for, when the file says */
  year: number | null;
  branches: PreviousBranch[];
  /** what the results were read from, for messages ("2025考核结果.xlsx") */
  source: string;
}

/** Names match ignoring white space of any width and full-width/half-width differences. */
const key = (name: string) => normalize(name);

export interface PreviousComparison {
  /** this year's branches (roster order) with last year's standing where a branch of last year matched */
  branches: BranchResult[];
  /** previous-unmatched, one per branch of either year that has no partner */
  findings: Finding[];
}

/**
 * Match by name. A branch of last year with no branch this year (dissolved, renamed) and a branch of
 * this year with none last year (new, renamed) are each an info finding naming it: a renamed branch
 * shows up as both, which tells the office what to align.
 */
export function compareWithPrevious(result: AssessmentResult, previous: PreviousYear): PreviousComparison {
  // the first of two equal names wins: last year's summary had one row per branch
  const last = new Map<string, PreviousBranch>();
  for (const b of previous.branches) if (!last.has(key(b.name))) last.set(key(b.name), b);
  const matched = new Set<string>();
  const findings: Finding[] = [];
  const branches = result.branches.map((b) => {
    const p = last.get(key(b.name));
    if (!p) {
      findings.push(previousUnmatched(b.name, 'current', previous));
      return b;
    }
    matched.add(key(b.name));
    const rankChange = p.rank !== null && b.status === 'graded' && b.rank !== null ? p.rank - b.rank : null;
    const standing: PreviousStanding = { total: p.total, grade: p.grade, rank: p.rank, rankChange };
    return { ...b, previous: standing };
  });
  for (const [k, p] of last) if (!matched.has(k)) findings.push(previousUnmatched(p.name, 'previous', previous));
  return { branches, findings };
}

/** Branches graded 优秀 this year and last year, in this year's rank order (the 通报's 连续优秀 sentence). */
export function excellentTwoYears(branches: readonly BranchResult[]): string[] {
  return branches
    .filter((b) => b.status === 'graded' && b.grade === '优秀' && b.previous?.grade === '优秀')
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((b) => b.name);
}
