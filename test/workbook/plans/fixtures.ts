/**
 * Hand-built results for the plan tests, independent of the core's scoring: every number here is worked
 * out by hand in the comments.
 */
import { buildNotification } from '../../../src/core/notification';
import type {
  AssessmentResult,
  BranchResult,
  Catalogue,
  Finding,
  IndicatorDetail,
  NotificationModel,
  Ruleset,
  SourceDetail,
} from '../../../src/core/types';
import type { CellStyle, PlanValue, SheetPlan, WorkbookPlan, FillPlan } from '../../../src/workbook/plan';
import { parseAddress, parseRange } from '../../../src/workbook/snapshot';

export const RULESET: Ruleset = {
  year: 2026,
  scale: { 优秀: 1, 较好: 0.85, 一般: 0.75, 差: 0.6 },
  weights: { 组织考核: 0.6, 民主测评: 0.4, 自评: 0 },
  thresholds: { 优秀: 90, 较好: 80, 一般: 70 },
  decimals: 1,
  ranking: 'competition',
  adjustmentCap: 10,
  minDemocraticForms: 5,
  advancedQuota: 0,
  blank: 'abstain',
  issuer: '中共××研究院党委办公室',
};

/** A small catalogue: 1.1 and 1.2 worth 30 each, 2.1 worth 40. */
export const CATALOGUE: Catalogue = {
  categories: [
    { code: '1', name: '一、党支部班子自身建设' },
    { code: '2', name: '二、党员教育管理监督' },
  ],
  indicators: [
    { code: '1.1', category: '1', text: '支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。', points: 30 },
    { code: '1.2', category: '1', text: '班子成员廉洁自律。', points: 30 },
    { code: '2.1', category: '2', text: '党支部坚持每两个月至少一次组织活动,组织活动主题明确。', points: 40 },
  ],
};

const sd = (forms: number, mean: number | null): SourceDetail => ({ forms, mean });
const NONE = sd(0, null);

function detail(code: string, points: number, org: SourceDetail, dem: SourceDetail, self = NONE, half = NONE): IndicatorDetail {
  const weighted = org.mean === null || dem.mean === null ? null : points * (0.6 * org.mean + 0.4 * dem.mean);
  return { code, points, sources: { 组织考核: org, 民主测评: dem, 自评: self, '自评(半年)': half }, weighted };
}

/**
 * 机关第一党支部, by hand:
 *   1.1: 30 × (0.6×1 + 0.4×0.9) = 28.8;  1.2: 30 × (0.6×0.9 + 0.4×0.85) = 26.4;  2.1: 40 × (0.6×0.925 + 0.4×0.9) = 36.6
 *   组织考核 = 30 + 27 + 37 = 94; 民主测评 = 27 + 25.5 + 36 = 88.5; 0.6×94 + 0.4×88.5 = 91.8; +0.5 → 92.3 优秀
 */
const A: BranchResult = {
  name: '机关第一党支部',
  group: '机关党总支',
  status: 'graded',
  total: 92.3,
  grade: '优秀',
  rank: 1,
  tied: false,
  sourceScores: { 组织考核: 94, 民主测评: 88.5, 自评: 96, '自评(半年)': 90 },
  categoryScores: { '1': 55.2, '2': 36.6 },
  adjustment: 0.5,
  forms: { 组织考核: 3, 民主测评: 20, 自评: 1 },
  indicators: [
    { code: '1.1', points: 30, sources: { 组织考核: sd(3, 1), 民主测评: sd(20, 0.9), 自评: sd(1, 1), '自评(半年)': sd(1, 0.85) }, weighted: 28.8 },
    { code: '1.2', points: 30, sources: { 组织考核: sd(3, 0.9), 民主测评: sd(20, 0.85), 自评: sd(1, 0.85), '自评(半年)': sd(1, 0.85) }, weighted: 26.4 },
    { code: '2.1', points: 40, sources: { 组织考核: sd(2, 0.925), 民主测评: sd(20, 0.9), 自评: sd(1, 1), '自评(半年)': sd(1, 0.975) }, weighted: 36.6 },
  ],
  notes: [],
};

/** Uniform 较好 everywhere: 85.0, tied with C at rank 2. */
function uniform(name: string, group: string, coefficient: number, total: number, grade: BranchResult['grade'], rank: number, tied: boolean): BranchResult {
  return {
    name,
    group,
    status: 'graded',
    total,
    grade,
    rank,
    tied,
    sourceScores: { 组织考核: 100 * coefficient, 民主测评: 100 * coefficient, 自评: null, '自评(半年)': null },
    categoryScores: { '1': 60 * coefficient, '2': 40 * coefficient },
    adjustment: 0,
    forms: { 组织考核: 3, 民主测评: 10, 自评: 0 },
    indicators: CATALOGUE.indicators.map((i) => detail(i.code, i.points, sd(3, coefficient), sd(10, coefficient))),
    notes: [],
  };
}

const B = uniform('机关第二党支部', '机关党总支', 0.85, 85, '较好', 2, true);
const C = uniform('离退休党支部', '机关党总支', 0.85, 85, '较好', 2, true);

/** Blocked by an invalid rating: no total, grade or rank. */
const D: BranchResult = {
  name: '基建处党支部',
  group: '后勤党总支',
  status: 'incomplete',
  total: null,
  grade: null,
  rank: null,
  tied: false,
  sourceScores: { 组织考核: 70, 民主测评: null, 自评: null, '自评(半年)': null },
  categoryScores: { '1': null, '2': null },
  adjustment: -3,
  forms: { 组织考核: 3, 民主测评: 0, 自评: 0 },
  indicators: CATALOGUE.indicators.map((i) => detail(i.code, i.points, sd(3, 0.7), NONE)),
  notes: [{ zh: '民主测评有 1 处评分无效', en: '1 invalid rating in democratic evaluation' }],
};

/** Uniform 差 (0.6 → 60) plus 5.5 from spot checks = 65.5 差, rank 4 (1, 2, 2, 4). */
const E: BranchResult = { ...uniform('后勤服务党支部', '后勤党总支', 0.6, 65.5, '差', 4, false), adjustment: 5.5 };

export const FINDINGS: Finding[] = [
  {
    severity: 'error',
    code: 'invalid-rating',
    sheet: '民主测评',
    cell: 'F12',
    branch: '基建处党支部',
    indicator: '1.2',
    message: { zh: '评分“优良”无效', en: 'Rating "优良" is not on the scale' },
    suggestion: { zh: '改为优秀、较好、一般或差', en: 'Use 优秀, 较好, 一般 or 差' },
  },
  {
    severity: 'error',
    code: 'unknown-branch',
    sheet: '组织考核',
    cell: 'A5',
    branch: '机关第一支部',
    message: { zh: '“机关第一支部”不在支部名单中', en: '"机关第一支部" is not on the roster' },
    candidates: ['机关第一党支部'],
  },
  {
    severity: 'warning',
    code: 'missing-rating',
    sheet: '组织考核',
    cell: 'D7',
    branch: '机关第二党支部',
    indicator: '1.1',
    message: { zh: '评分空白，按弃权处理', en: 'Blank rating, counted as an abstention' },
  },
  { severity: 'info', code: 'ignored-sheet', sheet: '说明', message: { zh: '未识别的工作表', en: 'Sheet not recognised' } },
  { severity: 'info', code: 'self-gap', branch: '机关第一党支部', message: { zh: '自评偏高', en: 'Self score high' } },
];

export function result(overrides: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    year: 2026,
    ruleset: RULESET,
    catalogue: CATALOGUE,
    branches: [A, B, C, D, E],
    gradeCounts: { 优秀: 1, 较好: 2, 一般: 0, 差: 1 },
    findings: FINDINGS,
    ...overrides,
  };
}

/** The notification model of `result()`, as the core builds it. */
export function notification(overrides: Partial<AssessmentResult> = {}, date = '2026-12-28'): NotificationModel {
  return buildNotification(result(overrides), date);
}

// ---------------------------------------------------------------------------------------------
// Reading plans back

export function sheetOf(plan: WorkbookPlan, name: string): SheetPlan {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s || s.mode !== 'new') throw new Error(`no new sheet ${name}`);
  return s;
}

export function fillOf(plan: WorkbookPlan, name: string): FillPlan {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s || s.mode !== 'fill') throw new Error(`no fill ${name}`);
  return s;
}

/** The value at an A1 address (null outside the grid). */
export function at(sheet: SheetPlan, a1: string): PlanValue {
  const { r, c } = parseAddress(a1);
  return sheet.values[r]?.[c] ?? null;
}

/** A row (1-based, as Excel shows it), trailing blanks kept as written. */
export function rowAt(sheet: SheetPlan, row: number): PlanValue[] {
  return sheet.values[row - 1] ?? [];
}

/** The style a cell ends up with: every range covering it, applied in order. */
export function styleAt(sheet: SheetPlan, a1: string): CellStyle {
  const { r, c } = parseAddress(a1);
  const out: CellStyle = {};
  for (const s of sheet.styles) {
    const g = parseRange(s.range);
    if (r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1) Object.assign(out, s.style);
  }
  return out;
}

/** Column values of rows r0..r1 (1-based, inclusive). */
export function column(sheet: SheetPlan, col: number, r0: number, r1: number): PlanValue[] {
  const out: PlanValue[] = [];
  for (let r = r0; r <= r1; r++) out.push(sheet.values[r - 1]?.[col] ?? null);
  return out;
}
