/**
 * 考核结果通报 (SPEC §6): an official Chinese document, Chinese in both UI languages. A4 portrait, one page
 * wide, the table header repeated on every page. Incomplete branches are listed apart and never ranked.
 */
import { advancedTieLine } from '../../core/messages';
import { DEFAULT_DOCUMENT_FONT } from '../../core/ruleset';
import { GRADES, type NotificationModel, type Ruleset } from '../../core/types';
import type { SheetPlan } from '../plan';
import { BORDER, HEADER, SheetBuilder, TITLE, chineseDate, rangeOf, rowsOf, totalFormat } from './sheet';

/** A printed notice's faces (as the Word notice): the title in 宋体, the table header in 黑体, the body in 仿宋. */
export const NOTICE_TITLE_FONT = '宋体';
export const NOTICE_HEADER_FONT = '黑体';

/**
 * The body font: 公文字体, except its default 仿宋_GB2312, which Windows no longer ships and Excel (unlike
 * Word) cannot substitute; 仿宋 is on every Chinese Windows and Mac and looks the same.
 */
export function noticeBodyFont(ruleset: Pick<Ruleset, 'documentFont'>): string {
  const f = ruleset.documentFont;
  return !f || f === DEFAULT_DOCUMENT_FONT ? '仿宋' : f;
}

const COLUMNS = ['名次', '党支部', '所属总支', '总分', '等级'];
const WIDTHS = [12, 28, 20, 10, 10];
const LAST = COLUMNS.length - 1;
/** CJK characters that fit on one line of the merged width (each takes about two width units). */
const CHARS_PER_LINE = Math.floor(WIDTHS.reduce((a, b) => a + b, 0) / 2) - 2;

/** Excel's tallest row is 409 pt: 20 wrapped lines of 18 pt leave a margin. */
const MAX_ROW_HEIGHT = 409;
const LINES_PER_ROW = 20;

/** Height in points of a wrapped merged line of text. */
function wrappedHeight(text: string): number {
  return Math.max(1, Math.ceil(text.length / CHARS_PER_LINE)) * 18 + 4;
}

/**
 * Text too long for one row (a list of hundreds of names) in pieces that each fit a row, cut after a
 * list separator (、，；) where there is one.
 */
export function rowPieces(text: string, limit = CHARS_PER_LINE * LINES_PER_ROW): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('、'), window.lastIndexOf('，'), window.lastIndexOf('；'));
    const at = cut > 0 ? cut + 1 : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}

/** "2（并列）" for a tied rank, otherwise the number. */
export function rankLabel(rank: number, tied: boolean): string | number {
  return tied ? `${rank}（并列）` : rank;
}

export function gradeCountLine(counts: NotificationModel['gradeCounts']): string {
  return '各等级数量：' + GRADES.map((g) => `${g} ${counts[g] ?? 0} 个`).join('、');
}

export function candidatesLine(candidates: string[]): string {
  return '先进党支部推荐：' + (candidates.length ? candidates.join('、') : '无');
}

export function planNotificationSheet(
  model: NotificationModel,
  ruleset: Ruleset,
  fallbackDate: string,
  name: string,
  replaces?: string,
): SheetPlan {
  const sb = new SheetBuilder();
  /** Write a merged, wrapped line (several rows when very long); returns the next free row. */
  const line = (r: number, text: string, style = {}): number => {
    for (const piece of rowPieces(text)) {
      sb.set(r, 0, piece).merge(r, 0, r, LAST).style(r, 0, r, LAST, { wrap: true, vAlign: 'middle', ...style }).height(r, wrappedHeight(piece));
      r++;
    }
    return r;
  };

  sb.set(0, 0, model.title).merge(0, 0, 0, LAST).style(0, 0, 0, LAST, { ...TITLE, fontName: NOTICE_TITLE_FONT, wrap: true }).height(0, 48);
  const h = line(1, model.lead, { hAlign: 'left' }) + 1;
  sb.row(h, 0, COLUMNS).style(h, 0, h, LAST, { ...HEADER, fontName: NOTICE_HEADER_FONT }).height(h, 22);
  let r = h + 1;
  for (const b of model.ranked) {
    sb.row(r, 0, [rankLabel(b.rank, b.tied), b.name, b.group ?? null, b.total, b.grade]);
    r++;
  }
  if (model.ranked.length) {
    sb.style(h + 1, 0, r - 1, LAST, { ...BORDER, hAlign: 'center' });
    sb.style(h + 1, 1, r - 1, 2, { hAlign: 'left' });
    sb.style(h + 1, 3, r - 1, 3, { numberFormat: totalFormat(ruleset.decimals) });
  } else {
    sb.set(r, 0, '（无已评定的党支部）').merge(r, 0, r, LAST).style(r, 0, r, LAST, { ...BORDER, hAlign: 'center' });
    r++;
  }

  r++;
  r = line(r, gradeCountLine(model.gradeCounts));
  r = line(r, candidatesLine(model.candidates));
  if (model.advancedTie) r = line(r, advancedTieLine(model.advancedTie, ruleset.advancedQuota));

  if (model.incomplete.length) {
    r++;
    r = line(r, `待补充（材料不全，暂不评定、不排名）：共 ${model.incomplete.length} 个`, { bold: true });
    sb.row(r, 0, ['序号', '党支部', '所属总支', '原因']).merge(r, 3, r, LAST).style(r, 0, r, LAST, { ...HEADER, fontName: NOTICE_HEADER_FONT });
    r++;
    model.incomplete.forEach((b, i) => {
      sb.row(r, 0, [i + 1, b.name, b.group ?? null, b.reason]).merge(r, 3, r, LAST);
      sb.style(r, 0, r, LAST, { ...BORDER, wrap: true });
      sb.style(r, 0, r, 0, { hAlign: 'center' });
      sb.height(r, Math.min(MAX_ROW_HEIGHT, Math.max(20, Math.ceil(b.reason.length / 9) * 16)));
      r++;
    });
  }

  r++;
  sb.set(r, 0, model.issuer).merge(r, 0, r, LAST).style(r, 0, r, LAST, { hAlign: 'right' });
  r++;
  sb.set(r, 0, chineseDate(model.date || fallbackDate)).merge(r, 0, r, LAST).style(r, 0, r, LAST, { hAlign: 'right' });
  // The body face first, under every other style: one range, so the title and headers keep their own.
  sb.styleBefore(0, 0, 0, r, LAST, { fontName: noticeBodyFont(ruleset) });

  return sb.build({
    kind: 'notification',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: [...WIDTHS],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: rowsOf(h), area: rangeOf(0, 0, r, LAST), centered: true },
    tabColor: '#C00000',
  });
}
