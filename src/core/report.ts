/**
 * The JSON report of SPEC §7 (schemaVersion 1), stable for scripts. Scores are rounded to 2 decimals
 * exactly (half away from zero); absent values are null, never missing.
 */
import { fromNumber, roundHalfAwayFromZero } from './decimal';
import {
  GRADES,
  SOURCE_SCORE_KEYS,
  SOURCES,
  type AssessmentResult,
  type BranchResult,
  type BranchStatus,
  type BlankPolicy,
  type Finding,
  type FindingCode,
  type Grade,
  type Lang,
  type RankingMode,
  type Severity,
  type Source,
  type SourceScoreKey,
} from './types';

export interface ReportBranch {
  name: string;
  group: string | null;
  status: BranchStatus;
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  sourceScores: Record<SourceScoreKey, number | null>;
  categoryScores: Record<string, number | null>;
  adjustment: number;
  forms: Record<Source, number>;
  /** last year's total, grade and rank (--previous; null without it or for a branch last year did not rank) */
  previousTotal: number | null;
  previousGrade: Grade | null;
  previousRank: number | null;
  /** last year's rank − this year's: positive = moved up */
  rankChange: number | null;
}

export interface ReportIssue {
  severity: Severity;
  code: FindingCode;
  sheet: string | null;
  cell: string | null;
  branch: string | null;
  indicator: string | null;
  message: string;
  suggestion: string | null;
}

export interface Report {
  schemaVersion: 1;
  year: number | null;
  ruleset: {
    scale: Record<Grade, number>;
    weights: Record<Source, number>;
    thresholds: { 优秀: number; 较好: number; 一般: number };
    decimals: number;
    ranking: RankingMode;
    adjustmentCap: number;
    minDemocraticForms: number;
    blank: BlankPolicy;
  };
  branches: ReportBranch[];
  gradeCounts: Record<Grade, number>;
  issues: ReportIssue[];
  /** the year of the results given with --previous (null without them, or when they do not say) */
  previousYear: number | null;
}

/** Two decimals, exact, half away from zero; null stays null. */
function r2(x: number | null): number | null {
  return x === null ? null : roundHalfAwayFromZero(fromNumber(x), 2);
}

/** A finding's message and suggestion in one language. */
export function findingText(f: Finding, lang: Lang): { message: string; suggestion: string | null } {
  return { message: f.message[lang], suggestion: f.suggestion ? f.suggestion[lang] : null };
}

function reportBranch(b: BranchResult): ReportBranch {
  const sourceScores = {} as Record<SourceScoreKey, number | null>;
  for (const k of SOURCE_SCORE_KEYS) sourceScores[k] = r2(b.sourceScores[k]);
  const categoryScores: Record<string, number | null> = {};
  for (const code of Object.keys(b.categoryScores)) categoryScores[code] = r2(b.categoryScores[code]);
  const forms = {} as Record<Source, number>;
  for (const s of SOURCES) forms[s] = b.forms[s];
  return {
    name: b.name,
    group: b.group ?? null,
    status: b.status,
    total: b.total,
    grade: b.grade,
    rank: b.rank,
    sourceScores,
    categoryScores,
    adjustment: b.adjustment,
    forms,
    previousTotal: b.previous?.total ?? null,
    previousGrade: b.previous?.grade ?? null,
    previousRank: b.previous?.rank ?? null,
    rankChange: b.previous?.rankChange ?? null,
  };
}

function reportIssue(f: Finding, lang: Lang): ReportIssue {
  const t = findingText(f, lang);
  return {
    severity: f.severity,
    code: f.code,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    branch: f.branch ?? null,
    indicator: f.indicator ?? null,
    message: t.message,
    suggestion: t.suggestion,
  };
}

export function buildReport(result: AssessmentResult, lang: Lang): Report {
  const rs = result.ruleset;
  const gradeCounts = {} as Record<Grade, number>;
  for (const g of GRADES) gradeCounts[g] = result.gradeCounts[g];
  return {
    schemaVersion: 1,
    year: result.year,
    ruleset: {
      scale: { 优秀: rs.scale.优秀, 较好: rs.scale.较好, 一般: rs.scale.一般, 差: rs.scale.差 },
      weights: { 组织考核: rs.weights.组织考核, 民主测评: rs.weights.民主测评, 自评: rs.weights.自评 },
      thresholds: { 优秀: rs.thresholds.优秀, 较好: rs.thresholds.较好, 一般: rs.thresholds.一般 },
      decimals: rs.decimals,
      ranking: rs.ranking,
      adjustmentCap: rs.adjustmentCap,
      minDemocraticForms: rs.minDemocraticForms,
      blank: rs.blank,
    },
    branches: result.branches.map(reportBranch),
    gradeCounts,
    issues: result.findings.map((f) => reportIssue(f, lang)),
    previousYear: result.previous?.year ?? null,
  };
}
