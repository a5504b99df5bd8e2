/**
 * 考核结果通报 (SPEC §6, §8): every word of the notice, decided once from the result, in formal Chinese.
 * The 考核结果通报 sheet, the on-screen preview and the Word document only lay this model out.
 */
import { excellentTwoYears } from './previous';
import { DEFAULT_ISSUER } from './ruleset';
import { SOURCES, GRADES, type AssessmentResult, type BranchResult, type DateStyle, type Finding, type Imprint, type Letterhead, type NotificationModel, type Ruleset } from './types';

export const ADDRESSEE = '各党总支、党支部：';

/** 发文单位 still the placeholder 中共××党委办公室 (SPEC §5 placeholder-issuer). */
export function issuerIsPlaceholder(ruleset: Pick<Ruleset, 'issuer'>): boolean {
  return ruleset.issuer === DEFAULT_ISSUER;
}

/**
 * Characters of 2号 (22 pt) on one line of the 156 mm text block (GB/T 9704-2012): 28 characters of 3号
 * (16 pt) make the line, so 28 × 16 / 22 ≈ 20.
 */
export const TITLE_CHARS_PER_LINE = 20;

export function notificationTitle(year: number | null): string {
  return titleSegments(year).join('');
}

/** The title in the words it may break between (关于 stays with what follows; "的通报" with 考核结果). */
function titleSegments(year: number | null): string[] {
  return year === null ? ['关于党支部工作', '目标管理', '考核结果的通报'] : [`关于${year}年度`, '党支部工作', '目标管理', '考核结果的通报'];
}

export function notificationLead(year: number | null, assessed: number): string {
  const what = year === null ? '党支部工作' : `${year}年度党支部工作`;
  return (
    `根据《党支部工作目标管理考核办法》，党委考核组通过党支部自评、民主测评、组织考核和日常抽检、专题抽检，` +
    `对${assessed}个党支部的${what}进行了目标管理考核。经党委考核组讨论确定，现将考核结果通报如下：`
  );
}

/** Width of text in characters of the title face: CJK one, ASCII (the year's digits) half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * A title broken only between `segments`, in as few lines of at most `max` characters as it needs, shaped
 * as GB/T 9704-2012 7.3.1 asks (梯形或菱形): lines of one length (a rectangle) and a short middle line (an
 * hourglass) are avoided where another break exists; of the rest, the most even.
 */
export function balancedLines(segments: readonly string[], max: number = TITLE_CHARS_PER_LINE): string[] {
  const whole = segments.join('');
  if (textWidth(whole) <= max || segments.length < 2) return [whole];
  const gaps = segments.length - 1;
  for (let lines = 2; lines <= segments.length; lines++) {
    let best: { lines: string[]; score: number } | null = null;
    // every choice of lines − 1 of the gaps, as a bit mask
    for (let mask = 0; mask < 1 << gaps; mask++) {
      if (popcount(mask) !== lines - 1) continue;
      const out: string[] = [];
      let cur = segments[0];
      for (let g = 0; g < gaps; g++) {
        if (mask & (1 << g)) {
          out.push(cur);
          cur = segments[g + 1];
        } else cur += segments[g + 1];
      }
      out.push(cur);
      const widths = out.map(textWidth);
      if (widths.some((w) => w > max)) continue;
      const rectangle = widths.every((w) => w === widths[0]);
      const hourglass = widths.some((w, i) => i > 0 && i < widths.length - 1 && w < widths[0] && w < widths[widths.length - 1]);
      const score = Math.max(...widths) - Math.min(...widths) + (rectangle || hourglass ? 1000 : 0);
      if (!best || score < best.score) best = { lines: out, score };
    }
    if (best) return best.lines;
  }
  return [whole];
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

const DIGITS = '〇一二三四五六七八九';

/** 1–31 in Chinese numerals as dates write them: 十, 十二, 二十, 三十一. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** 2026-12-31 → 2026年12月31日 (GB/T 9704-2012: Arabic numerals, no leading zeros) or 二〇二六年十二月三十一日. */
export function documentDate(iso: string, style: DateStyle = 'arabic'): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!m) return iso;
  if (style === 'arabic') return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  const year = [...m[1]].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${chineseNumber(Number(m[2]))}月${chineseNumber(Number(m[3]))}日`;
}

/**
 * Why a branch is not graded, in the words of the branches that read the notice: what is missing or
 * doubtful, never a sheet or a count of findings they never see ("民主测评评分不全").
 */
export function recipientReason(b: BranchResult, findings: readonly Finding[], ruleset: Ruleset): string {
  const reasons: string[] = [];
  const add = (r: string) => {
    if (!reasons.includes(r)) reasons.push(r);
  };
  for (const source of SOURCES) {
    if (ruleset.weights[source] <= 0) continue;
    if (b.forms[source] === 0) add(`缺少${source}结果`);
    else if (b.indicators.some((i) => i.sources[source].mean === null)) add(`${source}评分不全`);
  }
  for (const f of findings) {
    // a misspelt name whose ratings may be this branch's holds it back (SPEC §4.1)
    if (f.severity === 'error' && f.code === 'unknown-branch' && f.candidates?.includes(b.name)) add(REASON_OF_CODE.get('unknown-branch') as string);
    if (f.severity !== 'error' || f.branch !== b.name) continue;
    const r = REASON_OF_CODE.get(f.code);
    if (r) add(r);
  }
  if (findings.some((f) => f.severity === 'error' && f.blocksAll)) add('考核参数待核定');
  return reasons.length ? reasons.join('；') : '考核材料待补充';
}

/** Codes whose fix the source check above does not already name. */
const REASON_OF_CODE = new Map<string, string>([
  ['invalid-rating', '部分评分填写不规范'],
  ['missing-rating', '部分评分空缺'],
  ['invalid-count', '部分票数填写不规范'],
  ['unknown-branch', '部分评分表上的支部名称待核对'],
  ['unknown-source', '部分评分的考核方式待核实'],
  ['too-many-forms', '民主测评表份数多于党员人数'],
  ['invalid-adjustment', '抽检加减分记录待核实'],
  ['uncalculated-formula', '部分评分待核实'],
]);

/** 先进党支部 candidates and the tie at the cap (SPEC §3): see `advancedCandidates`. */
export function advancedCandidates(branches: readonly BranchResult[], quota: number): { candidates: string[]; tied: string[] } {
  const excellent = branches
    .filter((b) => b.status === 'graded' && b.grade === '优秀')
    .sort((a, b) => (a.rank as number) - (b.rank as number));
  if (quota <= 0 || excellent.length <= quota) return { candidates: excellent.map((b) => b.name), tied: [] };
  const last = excellent[quota - 1].total;
  const tied = excellent[quota].total === last ? excellent.filter((b) => b.total === last).map((b) => b.name) : [];
  return { candidates: excellent.slice(0, quota).map((b) => b.name), tied };
}

/** The paragraph for the committee when the quota falls inside a tie (SPEC §3 advanced-tie). */
/** The one sentence on branches 优秀 two years running (通报写连续优秀). */
export function consecutiveExcellentLine(names: readonly string[]): string {
  return `其中，${names.join('、')}连续两年被评为“优秀”。`;
}

export function advancedTieParagraph(tied: readonly string[], quota: number): string {
  return `${tied.join('、')}总分相同，并列于先进党支部推荐名额（${quota}个）处，以上推荐暂按名单顺序列出，请党委研究确定。`;
}

/** "2（并列）" for a tied rank. */
export function rankText(rank: number, tied: boolean): string {
  return tied ? `${rank}（并列）` : String(rank);
}

/** "“优秀”3个，“较好”4个，“一般”1个，“差”0个" */
export function gradeCountsText(counts: Record<string, number>): string {
  return GRADES.map((g) => `“${g}”${counts[g] ?? 0}个`).join('，');
}

/** 版头 when 发文机关标志 is set (SPEC §8). */
export function letterheadOf(ruleset: Ruleset): Letterhead | undefined {
  if (!ruleset.letterhead) return undefined;
  return ruleset.documentNumber ? { mark: ruleset.letterhead, number: ruleset.documentNumber } : { mark: ruleset.letterhead };
}

/** 版记 with the keys that are set; 印发日期 goes with 印发机关 (GB/T 9704-2012 7.4.3). */
export function imprintOf(ruleset: Ruleset, iso: string): Imprint | undefined {
  if (!ruleset.letterhead) return undefined;
  const imprint: Imprint = {};
  if (ruleset.cc?.length) imprint.cc = `抄送：${ruleset.cc.join('，')}。`;
  if (ruleset.printer) {
    imprint.printer = ruleset.printer;
    imprint.printDate = `${documentDate(iso, 'arabic')}印发`;
  }
  return imprint.cc || imprint.printer ? imprint : undefined;
}

export function buildNotification(result: AssessmentResult, date: string): NotificationModel {
  const { ruleset } = result;
  // assess() sets total, grade and rank exactly for the branches it calls graded
  const graded = result.branches.filter((b) => b.status === 'graded');
  // rank order; ties keep roster order (Array.prototype.sort is stable)
  const ranked = graded
    .map((b) => {
      const row: NotificationModel['ranked'][number] = {
        rank: b.rank as number,
        tied: b.tied,
        name: b.name,
        total: b.total as number,
        grade: b.grade as NonNullable<BranchResult['grade']>,
      };
      if (b.group !== undefined) row.group = b.group;
      return row;
    })
    .sort((a, b) => a.rank - b.rank);
  const advanced = advancedCandidates(result.branches, ruleset.advancedQuota);
  const incomplete = result.branches
    .filter((b) => b.status !== 'graded')
    .map((b) => {
      const row: NotificationModel['incomplete'][number] = { name: b.name, reason: recipientReason(b, result.findings, ruleset) };
      if (b.group !== undefined) row.group = b.group;
      return row;
    });

  const lead = notificationLead(result.year, result.branches.length);
  const paragraphs = [lead];
  paragraphs.push(
    ranked.length
      ? `本次考核评定${ranked.length}个党支部，其中${gradeCountsText(result.gradeCounts)}。各党支部名次、总分和等级见附件。`
      : '本次考核暂无评定等级的党支部。',
  );
  // 通报写连续优秀 (SPEC §8): one sentence of its own, only with last year's results (--previous)
  const twoYears = ruleset.consecutiveExcellent && result.previous ? excellentTwoYears(result.branches) : [];
  if (twoYears.length) paragraphs.push(consecutiveExcellentLine(twoYears));
  paragraphs.push(
    advanced.candidates.length
      ? `根据考核结果，推荐${advanced.candidates.join('、')}为先进党支部候选单位，报党委研究确定。`
      : '本次考核无评定为“优秀”的党支部，暂不推荐先进党支部候选单位。',
  );
  if (advanced.tied.length) paragraphs.push(advancedTieParagraph(advanced.tied, ruleset.advancedQuota));
  if (incomplete.length) {
    paragraphs.push(
      `${incomplete.map((b) => b.name).join('、')}共${incomplete.length}个党支部考核材料不全，暂不评定等级、不排名，待材料补齐后另行通报。`,
    );
  }
  paragraphs.push('希望各党支部以此次考核为契机，对照考核指标查找不足、认真整改，不断提高党支部工作水平。');

  // short enough for one line of 2号
  const attachmentTitle = `${result.year === null ? '' : `${result.year}年度`}党支部考核结果排名表`;
  const decimals = ruleset.decimals;
  const attachment: NotificationModel['attachment'] = {
    title: attachmentTitle,
    ranked: {
      columns: ['名次', '党支部', '所属总支', '总分', '等级'],
      rows: ranked.map((b) => [rankText(b.rank, b.tied), b.name, b.group ?? '', b.total.toFixed(decimals), b.grade]),
    },
  };
  if (incomplete.length) {
    attachment.incompleteTitle = '待补充党支部（材料不全，暂不评定、不排名）';
    attachment.incomplete = {
      columns: ['序号', '党支部', '所属总支', '原因'],
      rows: incomplete.map((b, i) => [String(i + 1), b.name, b.group ?? '', b.reason]),
    };
  }

  const title = notificationTitle(result.year);
  const model: NotificationModel = {
    year: result.year,
    title,
    titleLines: balancedLines(titleSegments(result.year)),
    addressee: ADDRESSEE,
    lead,
    paragraphs,
    attachmentNote: `附件：${attachmentTitle}`,
    attachment,
    ranked,
    gradeCounts: { ...result.gradeCounts },
    candidates: advanced.candidates,
    ...(advanced.tied.length ? { advancedTie: advanced.tied } : {}),
    incomplete,
    issuer: ruleset.issuer,
    date,
    dateText: documentDate(date, ruleset.dateStyle ?? 'arabic'),
  };
  const letterhead = letterheadOf(ruleset);
  if (letterhead) model.letterhead = letterhead;
  const imprint = imprintOf(ruleset, date);
  if (imprint) model.imprint = imprint;
  return model;
}
