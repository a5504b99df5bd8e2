/**
 * 考核反馈单 (SPEC §8 --feedback): one page per branch telling it where it stands and where it lost
 * points, in the words a branch secretary reads; no reference to the office's own sheets (校验问题,
 * 计算明细). Decided here once; src/hosts/docx/feedback.ts only lays it out.
 */
import { DEFAULT_DOCUMENT_FONT } from '../../../core/ruleset';
import { fromNumber, toFixedText } from '../../../core/decimal';
import { fmt } from '../../../core/messages';
import { GRADES, type AssessmentResult, type BranchResult, type Finding, type Source } from '../../../core/types';
import { bareCategoryName } from '../sheet';
import { documentDate, HEADING_FONT, TITLE_FONT, type DocumentTable } from './notification';

export interface FeedbackSection {
  /** "一、考核结果" */
  heading: string;
  paragraphs: string[];
  table?: DocumentTable;
  /** short lines listed one under the other (spot checks, what is missing) */
  items?: string[];
}

export interface FeedbackPage {
  branch: string;
  status: 'graded' | 'incomplete';
  /** "机关第一党支部：" */
  addressee: string;
  sections: FeedbackSection[];
  closing: string;
}

export interface FeedbackDocument {
  title: string;
  pages: FeedbackPage[];
  issuer: string;
  /** 成文日期 as printed */
  date: string;
  fonts: { title: string; body: string; heading: string };
}

/** How many of the lowest-scoring indicators a page lists. */
export const WEAKEST_COUNT = 3;
/** Spot checks listed on a page; the rest are counted in one line (every size has a limit). */
export const MAX_SPOT_CHECKS = 5;

const NUMERALS = '一二三四五六七八九十';
const heading = (i: number, text: string) => `${NUMERALS[i]}、${text}`;

/** Exact decimal rounding, half away from zero, as every other published number (never a float's toFixed). */
const fixed = (x: number, decimals: number) => toFixedText(fromNumber(x), decimals);
const one = (x: number) => fixed(x, 1);

/** "+1.2" / "−0.8" / "0.0": a difference as the page prints it. */
function signed(x: number): string {
  const text = one(Math.abs(x));
  if (Number(text) === 0) return one(0);
  return (x > 0 ? '+' : '−') + text;
}

/** "第3名（并列）" */
function rankText(b: { rank: number | null; tied?: boolean }): string {
  return b.rank === null ? '' : `第${b.rank}名${b.tied ? '（并列）' : ''}`;
}

function previousSentence(b: BranchResult, previousYear: number | null): string | null {
  const p = b.previous;
  if (!p) return null;
  const which = previousYear === null ? '上年' : `上年（${previousYear}年度）`;
  if (p.rank === null || p.total === null || p.grade === null) return `${which}未评定等级和名次。`;
  const move =
    p.rankChange === null ? '' : p.rankChange > 0 ? `，名次上升${p.rankChange}位` : p.rankChange < 0 ? `，名次下降${-p.rankChange}位` : '，名次与上年持平';
  return `${which}总分${one(p.total)}分，等级“${p.grade}”，第${p.rank}名${move}。`;
}

/** Each category's weighted score against the mean of every graded branch. */
function categoryTable(b: BranchResult, result: AssessmentResult, graded: BranchResult[]): DocumentTable {
  const rows = result.catalogue.categories.map((c) => {
    const points = result.catalogue.indicators.filter((i) => i.category === c.code).reduce((s, i) => s + i.points, 0);
    const own = b.categoryScores[c.code] ?? 0;
    const scores = graded.map((g) => g.categoryScores[c.code] ?? 0);
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    return [bareCategoryName(c.name), fmt(points), one(own), one(mean), signed(own - mean)];
  });
  return { columns: ['指标类别', '分值', '本支部得分', '全院平均', '差距'], rows, widths: [40, 12, 16, 16, 16] };
}

/** 民主测评 votes per grade, one cell each; "—" where the branch had no 民主测评 votes on it */
function votesCells(votes: number[] | undefined): string[] {
  if (!votes || votes.every((v) => v === 0)) return GRADES.map(() => '—');
  return GRADES.map((_, i) => String(votes[i] ?? 0));
}

/**
 * The indicators with the lowest mean coefficient (points earned ÷ points, over the weighted sources),
 * lowest first, catalogue order between equals; only those below full marks.
 */
function weakest(b: BranchResult, result: AssessmentResult): { table?: DocumentTable; paragraph: string } {
  const texts = new Map(result.catalogue.indicators.map((i) => [i.code, i.text]));
  const rated = b.indicators
    .filter((d) => d.weighted !== null && d.points > 0)
    .map((d, order) => ({ d, order, coefficient: (d.weighted as number) / d.points }))
    .filter((x) => x.coefficient < 1 - 1e-9)
    .sort((x, y) => x.coefficient - y.coefficient || x.order - y.order)
    .slice(0, WEAKEST_COUNT);
  if (!rated.length) return { paragraph: '各项指标均获满分。' };
  return {
    paragraph: `得分率最低的${rated.length}项指标（平均系数 = 得分 ÷ 分值；后四栏为民主测评票数）：`,
    table: {
      columns: ['编号', '考核内容', '平均系数', ...GRADES],
      widths: [8, 54, 10, 7, 7, 7, 7],
      rows: rated.map((x) => [x.d.code, texts.get(x.d.code) ?? '', fixed(x.coefficient, 2), ...votesCells(x.d.democraticVotes)]),
    },
  };
}

function gapParagraph(b: BranchResult): string {
  const self = b.sourceScores.自评;
  const org = b.sourceScores.组织考核;
  const dem = b.sourceScores.民主测评;
  const external = [org === null ? '' : `组织考核${one(org)}分`, dem === null ? '' : `民主测评${one(dem)}分`].filter(Boolean).join('、');
  if (self === null) return `${external ? `${external}；` : ''}未收到全年自评表，无法对照。`;
  const gap = self - (b.total as number);
  const compare = Math.abs(gap) < 0.05 ? '与总分基本一致' : gap > 0 ? `比总分高${one(gap)}分` : `比总分低${one(-gap)}分`;
  const advice = gap > 10 ? '自评明显偏高，请对照考核指标客观评价本支部工作。' : '';
  return `全年自评${one(self)}分，${external}，自评${compare}。${advice}`;
}

function spotCheckItems(b: BranchResult, cap: number): { paragraph: string; items: string[] } {
  const records = b.spotChecks ?? [];
  if (!records.length) return { paragraph: '本年度没有日常抽检和专题抽检记录。', items: [] };
  const items = records.slice(0, MAX_SPOT_CHECKS).map((r) => {
    const when = [r.date, r.kind].filter(Boolean).join(' ');
    const value = r.value === null ? '（记录，不加减分）' : `（${r.value > 0 ? '加' : '减'}${fmt(Math.abs(r.value))}分）`;
    return `${when ? when + '：' : ''}${r.reason ?? '（未写事由）'}${value}`;
  });
  if (records.length > MAX_SPOT_CHECKS) items.push(`……另有${records.length - MAX_SPOT_CHECKS}条记录。`);
  const total = b.adjustment;
  const sum = total === 0 ? '合计不加减分' : `合计${total > 0 ? '加' : '减'}${fmt(Math.abs(total))}分`;
  const clamp = records.some((r) => r.value !== null) && Math.abs(total) >= cap ? `（加减分合计以${fmt(cap)}分为限）` : '';
  return { paragraph: `本年度抽检记录${records.length}条，${sum}${clamp}：`, items };
}

function gradedPage(b: BranchResult, result: AssessmentResult, graded: BranchResult[]): FeedbackPage {
  const standing = `总分${fixed(b.total as number, result.ruleset.decimals)}分，等级“${b.grade}”，在${graded.length}个评定等级的党支部中排${rankText(b)}。`;
  const previous = previousSentence(b, result.previous?.year ?? null);
  const weak = weakest(b, result);
  const spot = spotCheckItems(b, result.ruleset.adjustmentCap);
  return {
    branch: b.name,
    status: 'graded',
    addressee: `${b.name}：`,
    sections: [
      { heading: heading(0, '考核结果'), paragraphs: previous ? [standing, previous] : [standing] },
      { heading: heading(1, '各类指标得分与全院平均'), paragraphs: [], table: categoryTable(b, result, graded) },
      { heading: heading(2, '失分较多的指标'), paragraphs: [weak.paragraph], ...(weak.table ? { table: weak.table } : {}) },
      { heading: heading(3, '自评与考核对照'), paragraphs: [gapParagraph(b)] },
      { heading: heading(4, '日常抽检和专题抽检'), paragraphs: [spot.paragraph], ...(spot.items.length ? { items: spot.items } : {}) },
    ],
    closing: '请对照反馈查找不足、明确整改措施，并落实到下一年度的党支部工作中。',
  };
}

/**
 * What a 待补充 branch must supply, in its own words: one line per kind of gap, never a sheet, a cell
 * or a finding code. Findings name the branch they block; a gap with no finding of its own (a rating
 * written under a misspelt name) falls back to one general line.
 */
export function missingItems(branch: string, findings: readonly Finding[]): string[] {
  // a misspelt name that may be this branch holds it back (SPEC §4.1): that finding names the written name
  const heldBy = (f: Finding) => f.code === 'unknown-branch' && f.branch !== undefined && (f.candidates ?? []).includes(branch) && f.message.zh.includes(`“${branch}”`);
  const errors = findings.filter((f) => f.severity === 'error' && (f.branch === branch || heldBy(f)));
  const lines: string[] = [];
  const seen = new Set<string>();
  const add = (line: string) => {
    if (!seen.has(line)) {
      seen.add(line);
      lines.push(line);
    }
  };
  const missingBySource = new Map<Source | undefined, string[]>();
  let unreadable = 0;
  for (const f of errors) {
    if (f.code === 'unknown-branch') add(`有评分表把党支部名称写作“${f.branch}”，与本支部名称不一致，请确认是否为本支部的评分。`);
    else if (f.code === 'missing-source') add(f.source ? `${f.source}的评分表（本次未收到）。` : '部分考核方式的评分表（本次未收到）。');
    else if (f.code === 'missing-indicator') {
      const list = missingBySource.get(f.source) ?? [];
      if (f.indicator && !list.includes(f.indicator)) list.push(f.indicator);
      missingBySource.set(f.source, list);
    } else if (f.code === 'invalid-rating' || f.code === 'invalid-count' || f.code === 'missing-rating') unreadable++;
    else if (f.code === 'too-many-forms') add('民主测评表份数多于党支部党员人数，请核对是否有重复填写或多交的测评表。');
    else if (f.code === 'invalid-adjustment') add('抽检加减分记录需要核对。');
    else add('部分考核材料需要核对。');
  }
  for (const [source, codes] of missingBySource) {
    add(`${source ?? '评分表'}中第${codes.join('、')}项指标没有有效评分，请补填。`);
  }
  if (unreadable) add(`评分表中有${unreadable}处评分无法识别（空白、写法不规范或票数不是整数），请核对原始评分表。`);
  if (!lines.length) add('部分评分表上的党支部名称或内容需要核对。');
  return lines;
}

function incompletePage(b: BranchResult, findings: readonly Finding[]): FeedbackPage {
  return {
    branch: b.name,
    status: 'incomplete',
    addressee: `${b.name}：`,
    sections: [
      { heading: heading(0, '考核结果'), paragraphs: ['本支部本年度考核材料尚不完整，暂未评定等级和名次。'] },
      { heading: heading(1, '需要补充或核对的材料'), paragraphs: [], items: missingItems(b.name, findings) },
    ],
    closing: '请于近期将上述材料报送党委考核组。材料补齐后将重新计算总分、评定等级，并另行反馈。',
  };
}

export function buildFeedbackDocument(result: AssessmentResult, date: string): FeedbackDocument {
  const graded = result.branches.filter((b) => b.status === 'graded');
  const year = result.year === null ? '' : `${result.year}年度`;
  return {
    title: `${year}党支部工作目标管理考核反馈单`,
    pages: result.branches.map((b) => (b.status === 'graded' ? gradedPage(b, result, graded) : incompletePage(b, result.findings))),
    issuer: result.ruleset.issuer,
    date: documentDate(date, result.ruleset.dateStyle ?? 'arabic'),
    fonts: { title: TITLE_FONT, body: result.ruleset.documentFont ?? DEFAULT_DOCUMENT_FONT, heading: HEADING_FONT },
  };
}
