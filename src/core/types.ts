/**
 * The assessment's vocabulary (SPEC.md glossary). Plain data only: no Office, React, file or Node types.
 * Every other layer speaks these names.
 */

export const SOURCES = ['组织考核', '民主测评', '自评'] as const;
/** A way of assessing (SPEC §1): organisational assessment, democratic evaluation, self-assessment. */
export type Source = (typeof SOURCES)[number];

/** The half-year self-assessment is reported apart, as a reference figure (SPEC §3). */
export const HALF_YEAR_SELF = '自评(半年)' as const;
export type SourceScoreKey = Source | typeof HALF_YEAR_SELF;
export const SOURCE_SCORE_KEYS: readonly SourceScoreKey[] = [...SOURCES, HALF_YEAR_SELF];

export const GRADES = ['优秀', '较好', '一般', '差'] as const;
/** The four-step rating scale, also used for bands (SPEC §3). */
export type Grade = (typeof GRADES)[number];
/** How many grades the scale has: everything about the scale derives from GRADES, never from a literal. */
export const GRADE_COUNT = GRADES.length;

export type Period = 'annual' | 'half-year';
export type RaterType = 'party' | 'nonparty';
export type Lang = 'zh' | 'en';

/** A user-facing text in both languages; the edge picks one. */
export interface Text {
  zh: string;
  en: string;
}

/** An Excel error value such as #N/A or #DIV/0!. */
export interface CellError {
  error: string;
}
/** A cell's value as a host reads it (a formula cell gives its cached result). */
export type CellValue = string | number | boolean | null | CellError;

/** Where a value lives, so every finding can point at the cell to fix. `cell` is in A1 form. */
export interface CellRef {
  sheet: string;
  cell: string;
}

// ---------------------------------------------------------------------------------------------
// Catalogue (指标目录), SPEC §2 and §4.2

export interface Category {
  /** "1" … "6" */
  code: string;
  /** "一、党支部班子自身建设" */
  name: string;
}

export interface Indicator {
  /** "1.1" … "6.4" (always with a dot, normalised) */
  code: string;
  /** the category's code, "1" for 1.1 */
  category: string;
  text: string;
  points: number;
}

export interface Catalogue {
  categories: Category[];
  indicators: Indicator[];
}

/** One row of a catalogue sheet, as recognition found it. */
export interface CatalogueRow {
  code: CellValue;
  category: CellValue;
  text: CellValue;
  points: CellValue;
  /** the row's first cell; `pointsRef` points at the 分值 cell */
  ref: CellRef;
  codeRef: CellRef;
  pointsRef: CellRef;
}

// ---------------------------------------------------------------------------------------------
// Ruleset (考核参数), SPEC §3 and §4.3

export type RankingMode = 'competition' | 'dense';
export type BlankPolicy = 'abstain' | 'error';

export interface Ruleset {
  year: number | null;
  /** coefficient of each grade, a fraction of the indicator's points */
  scale: Record<Grade, number>;
  /** fractions summing to 1 */
  weights: Record<Source, number>;
  /** lower bound (inclusive) of each band but the last */
  thresholds: { 优秀: number; 较好: number; 一般: number };
  /** decimals of the total, 0–2 */
  decimals: number;
  ranking: RankingMode;
  adjustmentCap: number;
  minDemocraticForms: number;
  /** 先进推荐名额; 0 = no cap */
  advancedQuota: number;
  blank: BlankPolicy;
  /** 发文单位: the notification's issuer */
  issuer: string;
  /** 公文字体: the official document's body font (SPEC §8); default 仿宋_GB2312 */
  documentFont?: string;
  /** 问卷选项顺序: the grades that a questionnaire download's option numbers 1, 2, 3 … stand for (SPEC §4.4 d); unset: numbers are invalid */
  optionOrder?: Grade[];
  /** 日期格式: the document's date, 2026年12月31日 (arabic, default) or 二〇二六年十二月三十一日 (chinese) */
  dateStyle?: DateStyle;
  /** 成文日期: the documents' date, yyyy-mm-dd; unset: the day of the run (a --date option overrides both) */
  documentDate?: string;
  /** 发文机关标志: with it the 通报 opens with the red 版头 (SPEC §8); unset: the plain layout */
  letterhead?: string;
  /** 发文字号, normalised to 〔年份〕: "院党办〔2026〕3号" */
  documentNumber?: string;
  /** 签发人 (an extension of SPEC §4.3): the signer an upward document (the 请示) names in its 版头 */
  signer?: string;
  /** 抄送: the offices a copy goes to, in order */
  cc?: string[];
  /** 印发机关 */
  printer?: string;
  /** 请示主送: whom the request for approval is addressed to (default 院党委) */
  requestAddressee?: string;
  /** 通报写连续优秀: the 通报 names the branches graded 优秀 this year and last (needs --previous); default 否 */
  consecutiveExcellent?: boolean;
}

export type DateStyle = 'arabic' | 'chinese';

/** The settings keys of SPEC §4.3, in the order the settings sheet lists them. */
export type SettingKey =
  | '年度'
  | '优秀系数'
  | '较好系数'
  | '一般系数'
  | '差系数'
  | '组织考核权重'
  | '民主测评权重'
  | '自评权重'
  | '优秀分数线'
  | '较好分数线'
  | '一般分数线'
  | '总分小数位'
  | '排名方式'
  | '民主测评最少份数'
  | '加减分上限'
  | '先进推荐名额'
  | '空白评分'
  | '发文单位'
  | '公文字体'
  | '日期格式'
  | '成文日期'
  | '问卷选项顺序'
  | '发文机关标志'
  | '发文字号'
  | '签发人'
  | '抄送'
  | '印发机关'
  | '请示主送'
  | '通报写连续优秀';

/** One key/value row of a settings sheet. */
export interface SettingRow {
  key: CellValue;
  value: CellValue;
  keyRef: CellRef;
  valueRef: CellRef;
}

/** Where each effective value came from, for the settings view and the report. */
export interface SettingOrigin {
  key: SettingKey;
  /** the value as the user sees it ("60%", "并列占位") */
  display: string;
  /** undefined = the built-in default */
  ref?: CellRef;
}

// ---------------------------------------------------------------------------------------------
// Inputs recognised from the workbook (SPEC §4)

/** 支部名单 row. */
export interface RosterEntry {
  name: string;
  /** 所属总支 */
  group?: string;
  /** 书记 */
  secretary?: string;
  /** 党员人数 */
  members?: number;
  ref?: CellRef;
}

/** One rating cell on a form (or one row of a long list). `value` is raw: the core validates it. */
export interface RatingCell {
  /** normalised indicator code, "2.3" */
  indicator: string;
  value: CellValue;
  ref: CellRef;
}

/**
 * A form's ratings as one sheet row holds them, without an object per rating: a wide sheet of 1.5 million
 * ratings would otherwise keep 1.5 million RatingCells (and their refs) alive, ≈ 125 bytes each.
 * `codes` and `letters` are shared by every form of a block. Rating j is indicator codes[j], value
 * values[j], in cell letters[j] + row on `sheet`.
 */
export interface RatingRow {
  sheet: string;
  /** 1-based row number */
  row: number;
  codes: readonly string[];
  letters: readonly string[];
  values: readonly CellValue[];
}

/**
 * One filled form: a row of a wide sheet, or consecutive rows of a long list.
 * `branch` is the name as written ("" when the row has ratings but no branch: orphan-row).
 */
export interface Form {
  branch: string;
  branchRef: CellRef;
  source: Source;
  period: Period;
  raterType?: RaterType;
  rater?: string;
  /** the form's first cell (row start) */
  ref: CellRef;
  /** every indicator cell of the form, blanks included (for missing-rating) */
  ratings: RatingCell[];
  /** the same ratings held compactly, when the form is one sheet row: the core reads these, never `ratings` */
  row?: RatingRow;
}

export interface TallyCount {
  value: CellValue;
  ref: CellRef;
}

export interface TallyRow {
  indicator: string;
  ref: CellRef;
  counts: Record<Grade, TallyCount>;
}

/** A vote-tally block (票数汇总) for one branch and one source. */
export interface Tally {
  branch: string;
  branchRef: CellRef;
  source: Source;
  period: Period;
  /** the block's header cell */
  ref: CellRef;
  rows: TallyRow[];
}

/** A spot-check record (抽检记录). Rows with a blank value are records only. */
export interface Adjustment {
  branch: string;
  branchRef: CellRef;
  kind?: string;
  date?: string;
  reason?: string;
  value: CellValue;
  valueRef: CellRef;
}

/** Everything the core needs, as recognition hands it over. */
export interface AssessmentInput {
  catalogue: Catalogue;
  ruleset: Ruleset;
  /** null = no roster sheet: branches come from the ratings in order of first appearance */
  roster: RosterEntry[] | null;
  forms: Form[];
  tallies: Tally[];
  adjustments: Adjustment[];
  /** findings recognition already made (ignored-sheet, unknown-source, unmapped-column, …) */
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// Checks (校验), SPEC §5

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'invalid-rating',
  'invalid-count',
  'unknown-branch',
  'unknown-source',
  'missing-source',
  'missing-indicator',
  'orphan-row',
  'invalid-catalogue',
  'invalid-settings',
  'invalid-adjustment',
  'too-many-forms',
  'missing-rating',
  'unmapped-column',
  'skipped-row',
  'tally-mismatch',
  'low-participation',
  'no-nonparty-raters',
  'duplicate-rater',
  'formula-not-overwritten',
  'advanced-tie',
  'possible-double-count',
  'output-referenced',
  'no-ratings',
  'uncalculated-formula',
  'no-roster',
  'sheet-renamed',
  'uniform-form',
  'derived-tally',
  'legacy-format',
  'calculation-manual',
  'self-gap',
  'ignored-sheet',
  'previous-unmatched',
  'placeholder-issuer',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  severity: Severity;
  code: FindingCode;
  sheet?: string;
  /** A1 address (a range such as "A3:F3" where a whole header or row is meant) */
  cell?: string;
  branch?: string;
  indicator?: string;
  message: Text;
  suggestion?: Text;
  /** for unknown-branch: the roster names closest to the written one */
  candidates?: string[];
  /** for missing-source and missing-indicator: the source lacking */
  source?: Source;
  /** an error that blocks every branch (invalid-catalogue, invalid-settings) */
  blocksAll?: boolean;
  /** every branch an error blocks when it concerns several (uncalculated-formula on a rating sheet) */
  branches?: string[];
}

// ---------------------------------------------------------------------------------------------
// Results (SPEC §3, §6, §7)

export type BranchStatus = 'graded' | 'incomplete';

export interface SourceDetail {
  /** forms (tally votes count as forms) that rate this indicator validly */
  forms: number;
  /** mean coefficient, null when no valid rating */
  mean: number | null;
}

/** 计算明细: one branch, one indicator. */
export interface IndicatorDetail {
  code: string;
  points: number;
  sources: Record<SourceScoreKey, SourceDetail>;
  /** points × Σ weight × mean over weighted sources; null when a weighted source has no rating */
  weighted: number | null;
  /** 民主测评 votes for each grade, in GRADES order (forms and tally votes alike) */
  democraticVotes?: number[];
}

export interface BranchResult {
  name: string;
  group?: string;
  status: BranchStatus;
  /** rounded total that was banded; null when incomplete */
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  /** shares its rank with another branch (并列) */
  tied: boolean;
  /** unrounded source scores (0–100); null when the source has no forms */
  sourceScores: Record<SourceScoreKey, number | null>;
  /** weighted category subtotals, unrounded; they add up to the total before adjustments */
  categoryScores: Record<string, number | null>;
  /** clamped sum of adjustments */
  adjustment: number;
  /** forms per source (annual self-assessments only under 自评) */
  forms: Record<Source, number>;
  indicators: IndicatorDetail[];
  /** short reasons for 备注 (why incomplete, clamped adjustment, …) */
  notes: Text[];
  /** last year's figures (grade … --previous), when a branch of last year has this name */
  previous?: PreviousStanding;
  /** the branch's spot-check records (抽检记录) in sheet order, with or without a value */
  spotChecks?: SpotCheck[];
}

/** One spot-check record of a branch as the feedback page tells it. */
export interface SpotCheck {
  kind?: string;
  date?: string;
  reason?: string;
  /** the signed points; null for a record without 加减分 */
  value: number | null;
}

/** A branch's figures of last year and how its rank moved (SPEC §8 --previous). */
export interface PreviousStanding {
  total: number | null;
  grade: Grade | null;
  rank: number | null;
  /** last year's rank − this year's: positive = moved up; null unless both years ranked the branch */
  rankChange: number | null;
}

export interface AssessmentResult {
  year: number | null;
  ruleset: Ruleset;
  catalogue: Catalogue;
  /** roster order */
  branches: BranchResult[];
  gradeCounts: Record<Grade, number>;
  /** all findings, recognition's and the core's: errors first, then by sheet and cell */
  findings: Finding[];
  /** set when last year's results were given (--previous): their year and where they came from */
  previous?: { year: number | null; source: string };
}

/** A table of a published document, as text: the renderers only lay it out. */
export interface DocumentTableModel {
  columns: string[];
  rows: string[][];
}

/** 版头 (GB/T 9704-2012 7.2): 发文机关标志 in red, 发文字号 under it, then the red separator line. */
export interface Letterhead {
  mark: string;
  /** 发文字号, "院党办〔2026〕3号" */
  number?: string;
  /**
   * 签发人 of an upward document (上行文, GB/T 9704-2012 7.2.3): on the 发文字号's line, at the right; the
   * 发文字号 then stands at the left. The 通报 (下行文) has none.
   */
  signer?: { label: string; name: string };
}

/** 版记 (GB/T 9704-2012 7.4): 抄送 and 印发机关 with 印发日期, between separator lines. */
export interface Imprint {
  /** "抄送：院长办公室，纪委。" */
  cc?: string;
  /** 印发机关 */
  printer?: string;
  /** "2026年12月31日印发" */
  printDate?: string;
}

/**
 * 考核结果通报 (SPEC §6, §8): every word of the notice, decided once from the result; the 考核结果通报
 * sheet, the on-screen preview and the Word document only lay it out.
 */
export interface NotificationModel {
  year: number | null;
  title: string;
  /** the title broken at word boundaries into a balanced shape (GB/T 9704-2012 7.3.1) */
  titleLines: string[];
  letterhead?: Letterhead;
  /** 主送机关 */
  addressee: string;
  lead: string;
  /** the body in reading order: the lead, the grade counts, the candidates, a tie at the cap, … */
  paragraphs: string[];
  /** "附件：2026年度党支部考核结果排名表" */
  attachmentNote: string;
  attachment: { title: string; ranked: DocumentTableModel; incompleteTitle?: string; incomplete?: DocumentTableModel };
  /** graded branches in rank order */
  ranked: { rank: number; tied: boolean; name: string; group?: string; total: number; grade: Grade }[];
  gradeCounts: Record<Grade, number>;
  /** 先进党支部 candidates: 优秀 branches in rank order, capped by advancedQuota */
  candidates: string[];
  /** the branches tied at the advancedQuota cap (SPEC §3 advanced-tie), for the committee to decide */
  advancedTie?: string[];
  /** incomplete branches, listed apart, never ranked; the reason in the recipients' words */
  incomplete: { name: string; group?: string; reason: string }[];
  issuer: string;
  /** ISO date yyyy-mm-dd */
  date: string;
  /** the date as printed (日期格式): 2026年12月31日 or 二〇二六年十二月三十一日 */
  dateText: string;
  imprint?: Imprint;
}

/** 关于{年度}年度先进党支部推荐名单的请示 (SPEC §8): every word of the request for approval. */
export interface RequestModel {
  year: number | null;
  title: string;
  titleLines: string[];
  /** 请示主送 with its colon: "院党委：" */
  addressee: string;
  /** the basis, the candidates one to a paragraph, a tie at the cap, "妥否，请批示。" last */
  paragraphs: string[];
  candidates: string[];
  advancedTie?: string[];
  attachmentNote: string;
  /** the full ranking, as the notification's 附件 */
  attachment: NotificationModel['attachment'];
  issuer: string;
  date: string;
  dateText: string;
  /** 附注: the contact line a request carries (GB/T 9704-2012 7.3.7) */
  remark: string;
  /** 版头 when 发文机关标志 is set, with 签发人 when that is set */
  letterhead?: Letterhead;
}
