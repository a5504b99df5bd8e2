/**
 * Layout d) online questionnaire downloads (问卷星, 腾讯问卷 and the like; SPEC §4.4 d): one row per
 * respondent. Platform columns (序号, 提交答卷时间, 来自IP, 总分 …) are not ratings. Question headers carry a
 * number ("3、", "3.", "Q3", "第3题"); a matrix question's row names the indicator in brackets or after a
 * separator ("8(支委会组织健全…)", "8—支委会…", "Q8_1:…"). The branch is the answer to the first question
 * about 党支部/支部, the rater identity the answer to one about 身份/政治面貌. Answers are option text read
 * by the scale's spellings. The same 来自IP giving the same answers within minutes is one respondent
 * submitting twice: both forms get the same rater, which the checks report as duplicate-rater.
 */
import { normalizeKey } from '../../../core/text';
import type { CellValue, Form, Grade, RatingCell } from '../../../core/types';
import { isGradeValue, rowRaterType } from '../blocks';
import type { Ctx, RowProfile } from '../context';
import { cleanValue, colLetters, isBlankValue, textOfValue, type Grid } from '../grid';
import { MAX_HEADER_COLS } from '../header';
import type { BlockHeader, RatingLayout } from './types';

/** Columns the platforms add around the answers (normalizeKey keys). */
const PLATFORM = new Set(
  [
    '序号', '编号', '答卷编号', '提交答卷时间', '提交时间', '开始答题时间', '结束答题时间', '答题时间', '所用时间', '答题时长', '填写时长',
    '来源', '来源详情', '来自IP', 'IP', 'IP地址', '地理位置', 'IP属地', '总分', '得分', '用户ID', '微信昵称', '昵称', '渠道', '设备',
  ].map(normalizeKey),
);
const IP = new Set(['来自IP', 'IP', 'IP地址'].map(normalizeKey));
const TIME = new Set(['提交答卷时间', '提交时间', '结束答题时间', '答题时间'].map(normalizeKey));

/** Two submissions this close, from one address with the same answers, are one respondent's. */
const REPEAT_MINUTES = 10;

const QUESTION = /^\s*(?:第\s*(\d{1,3})\s*题|[QqＱｑ]\s*(\d{1,3})(?:\s*[_\-.．]\s*\d{1,3})?|(\d{1,3})(?![.．]\d))([\s\S]*)$/;
const LEAD = /^[\s、.．:：—–\-－_]+/;
const ELLIPSIS = /(…+|\.{3,}|。{3,})\s*$/;
const BRACKETED = /[(（【[]([^()（）【】[\]]+)[)）】\]]\s*$/;

/** A header's question: its number and what follows, or null when it carries no question number. */
function questionOf(text: string): { rest: string } | null {
  // every alternative of QUESTION captures the number, so a match is a question
  const m = QUESTION.exec(text);
  if (!m) return null;
  return { rest: m[4].replace(LEAD, '') };
}

/** Where a matrix header may name its indicator: inside the last brackets, after the last separator, the whole. */
function candidates(rest: string): string[] {
  const out: string[] = [];
  const b = BRACKETED.exec(rest);
  if (b) out.push(b[1]);
  const sep = rest.split(/[—–－:：_]|\s-\s/);
  if (sep.length > 1) out.push(sep[sep.length - 1]);
  out.push(rest);
  return out.map((t) => t.replace(ELLIPSIS, '').trim()).filter((t) => t !== '');
}

interface QuestionnaireHeader extends BlockHeader {
  branchCol: number;
  identityCol: number;
  ipCol: number;
  timeCol: number;
  indicators: { col: number; code: string; letters: string }[];
}

interface Columns {
  platform: number;
  branchCol: number;
  identityCol: number;
  ipCol: number;
  timeCol: number;
  firstCol: number;
  indicators: { col: number; code: string; letters: string }[];
}

function columnsOf(grid: Grid, ctx: Ctx, r: number): Columns {
  const width = Math.min(grid.width, MAX_HEADER_COLS);
  const cols: Columns = { platform: 0, branchCol: -1, identityCol: -1, ipCol: -1, timeCol: -1, firstCol: -1, indicators: [] };
  const seen = new Set<string>();
  for (let c = 0; c < width; c++) {
    const text = grid.text(r, c);
    if (text === '') continue;
    if (cols.firstCol < 0) cols.firstCol = c;
    const key = ctx.key(text);
    if (PLATFORM.has(key)) {
      cols.platform++;
      if (IP.has(key) && cols.ipCol < 0) cols.ipCol = c;
      if (TIME.has(key) && cols.timeCol < 0) cols.timeCol = c;
      continue;
    }
    const q = questionOf(text);
    if (!q) continue;
    const code = candidates(q.rest).map((t) => ctx.matcher.codeOf(t)).find((x) => x !== null);
    if (code) {
      if (!seen.has(code)) {
        seen.add(code);
        cols.indicators.push({ col: c, code, letters: colLetters(c) });
      }
      continue;
    }
    const k = normalizeKey(q.rest);
    if (cols.branchCol < 0 && k.includes('支部')) cols.branchCol = c;
    else if (cols.identityCol < 0 && (k.includes('身份') || k.includes('政治面貌'))) cols.identityCol = c;
  }
  return cols;
}

/** A download's header: question columns naming at least two indicators, and platform columns or a branch question. */
function isQuestionnaireHeader(grid: Grid, ctx: Ctx, r: number): boolean {
  const cols = columnsOf(grid, ctx, r);
  return cols.indicators.length >= 2 && (cols.platform > 0 || cols.branchCol >= 0);
}

/** Minutes since an epoch of a submission time: an Excel date serial or text such as 2026/12/20 10:01:59. */
function minutesOf(v: CellValue): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 24 * 60;
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?\s*(\d{1,2})?:?(\d{1,2})?(?::(\d{1,2}))?/.exec(textOfValue(v));
  if (!m) return null;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 60000;
}

type Seen = Map<string, { minutes: number | null; form: Form }[]>;

export const questionnaireLayout: RatingLayout<QuestionnaireHeader, Seen, 'questionnaire'> = {
  role: 'questionnaire',
  rangeKind: 'grade',
  recognise: (_p: RowProfile, grid, ctx, r) => isQuestionnaireHeader(grid, ctx, r),
  // one header per download: no data row starts another block
  isHeader: () => false,
  isRatingValue: isGradeValue,
  readHeader(grid, ctx, r) {
    // only ever asked about the row `recognise` accepted (isHeader is always false): it names indicators
    const cols = columnsOf(grid, ctx, r);
    return {
      row: r,
      dataStart: r + 1,
      firstCol: Math.max(0, cols.firstCol),
      sourceCol: -1,
      ratingCols: cols.indicators.map((x) => x.col),
      branchCol: cols.branchCol,
      identityCol: cols.identityCol,
      ipCol: cols.ipCol,
      timeCol: cols.timeCol,
      indicators: cols.indicators,
    };
  },
  startSheet: () => new Map(),
  readRow(b, i) {
    const { grid, header: h, block } = b;
    const sheet = grid.name;
    const rowNo = String(i + 1);
    const row = grid.row(i);
    let any = false;
    const ratings: RatingCell[] = h.indicators.map((ind) => {
      const value = cleanValue(row[ind.col]);
      if (!isBlankValue(value)) any = true;
      return { indicator: ind.code, value, ref: { sheet, cell: ind.letters + rowNo } };
    });
    const branchText = h.branchCol >= 0 ? grid.text(i, h.branchCol) : '';
    if (!any && branchText === '') return 'skip';
    const branch = branchText || block.branch?.name || '';
    const branchRef = h.branchCol >= 0 ? grid.ref(i, h.branchCol) : (block.branch?.ref ?? b.headerRef);
    const source = b.rowSource.of(i, -1, block, branch);
    if (!source) return 'rating';
    const form: Form = { branch, branchRef, source, period: block.period, ref: grid.ref(i, h.firstCol), ratings };
    const raterType = rowRaterType(grid, i, h.identityCol);
    if (raterType) form.raterType = raterType;
    markRepeat(b.sheet, grid, i, h, form);
    b.out.sources.add(source);
    b.out.forms.push(form);
    return 'rating';
  },
};

/** The same address and answers within minutes of an earlier submission: both forms get one rater. */
function markRepeat(seen: Seen, grid: Grid, i: number, h: QuestionnaireHeader, form: Form): void {
  const ip = grid.text(i, h.ipCol).replace(/\s*\(.*$/, ''); // 问卷星 adds "(城市)" after the address
  if (ip === '') return; // a blank address, or no address column
  const answers = [form.branch, grid.text(i, h.identityCol), ...form.ratings.map((x) => textOfValue(x.value))].join('\u0000');
  const key = ip + '\u0001' + answers;
  const minutes = h.timeCol >= 0 ? minutesOf(grid.value(i, h.timeCol)) : null;
  const earlier = seen.get(key);
  if (!earlier) {
    seen.set(key, [{ minutes, form }]);
    return;
  }
  const rater = `来自IP ${ip} 的相同答卷`;
  for (const e of earlier) {
    if (e.minutes === null || minutes === null || Math.abs(e.minutes - minutes) <= REPEAT_MINUTES) {
      e.form.rater = rater;
      form.rater = rater;
    }
  }
  earlier.push({ minutes, form });
}

/**
 * 问卷选项顺序 (SPEC §4.4 d): once the settings are read (wherever their sheet stands), the option numbers
 * 1, 2, 3 … of questionnaire sheets become the grades in that order. Without the setting they stay
 * numbers: invalid ratings, whose message says to set the order.
 */
export function applyOptionOrder(forms: readonly Form[], questionnaireSheets: ReadonlySet<string>, order: readonly Grade[] | undefined): void {
  if (!order || questionnaireSheets.size === 0) return;
  for (const form of forms) {
    if (!questionnaireSheets.has(form.ref.sheet)) continue;
    for (const r of form.ratings) {
      const n = typeof r.value === 'number' ? r.value : typeof r.value === 'string' && /^\s*\d\s*$/.test(r.value) ? Number(r.value) : NaN;
      if (Number.isInteger(n) && n >= 1 && n <= order.length) r.value = order[n - 1];
    }
  }
}
