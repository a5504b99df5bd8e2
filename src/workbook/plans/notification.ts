/**
 * 考核结果通报 (SPEC §6): an official Chinese document, Chinese in both UI languages. A4 portrait, one page
 * wide, the table header repeated on every page. Incomplete branches are listed apart and never ranked.
 */
import { rankText } from '../../core/notification';
import { DEFAULT_DOCUMENT_FONT } from '../../core/ruleset';
import type { NotificationModel, Ruleset } from '../../core/types';
import type { SheetPlan } from '../plan';
import { BORDER, HEADER, SheetBuilder, TITLE, rangeOf, rowsOf, totalFormat } from './sheet';

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

const WIDTHS = [12, 28, 20, 10, 10];
const LAST = WIDTHS.length - 1;
const RED = '#FF0000';
const INDENT = '\u3000\u3000';
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
  return tied ? rankText(rank, tied) : rank;
}

/** A thin filled row: the separator lines of 版头 (red) and 版记 (black). */
const RULE_HEIGHT = 3;

/**
 * The notification model laid out on a sheet in the order of the Word document: 版头, title, 主送, body,
 * 附件说明, 落款; then the 附件 (the ranked table, its header repeated on every printed page, and the
 * incomplete branches apart) and the 版记. Every word is the model's.
 */
export function planNotificationSheet(model: NotificationModel, ruleset: Ruleset, name: string, replaces?: string): SheetPlan {
  const sb = new SheetBuilder();
  /** Write a merged, wrapped line (several rows when very long); returns the next free row. */
  const line = (r: number, text: string, style = {}): number => {
    for (const piece of rowPieces(text)) {
      sb.set(r, 0, piece).merge(r, 0, r, LAST).style(r, 0, r, LAST, { wrap: true, vAlign: 'middle', hAlign: 'left', ...style }).height(r, wrappedHeight(piece));
      r++;
    }
    return r;
  };
  const rule = (r: number, color: string): number => {
    sb.merge(r, 0, r, LAST).style(r, 0, r, LAST, { fill: color }).height(r, RULE_HEIGHT);
    return r + 1;
  };

  let r = 0;
  if (model.letterhead) {
    sb.set(r, 0, model.letterhead.mark).merge(r, 0, r, LAST).style(r, 0, r, LAST, { ...TITLE, fontName: NOTICE_TITLE_FONT, fontSize: 26, fontColor: RED, wrap: true }).height(r, 44);
    r++;
    if (model.letterhead.number) {
      sb.set(r, 0, model.letterhead.number).merge(r, 0, r, LAST).style(r, 0, r, LAST, { hAlign: 'center', vAlign: 'middle' }).height(r, 24);
      r++;
    }
    r = rule(r, RED);
    r++;
  }
  sb.set(r, 0, model.titleLines.join('\n')).merge(r, 0, r, LAST).style(r, 0, r, LAST, { ...TITLE, fontName: NOTICE_TITLE_FONT, wrap: true }).height(r, 12 + 24 * model.titleLines.length);
  r += 2;
  r = line(r, model.addressee);
  // two ideographic spaces: the first-line indent of a Chinese paragraph, which a cell cannot set
  for (const p of model.paragraphs) r = line(r, INDENT + p);
  r++;
  r = line(r, INDENT + model.attachmentNote);
  r++;
  sb.set(r, 0, model.issuer).merge(r, 0, r, LAST).style(r, 0, r, LAST, { hAlign: 'right' });
  r++;
  sb.set(r, 0, model.dateText).merge(r, 0, r, LAST).style(r, 0, r, LAST, { hAlign: 'right' });
  r += 2;

  sb.set(r, 0, '附件').style(r, 0, r, 0, { fontName: NOTICE_HEADER_FONT });
  r++;
  sb.set(r, 0, model.attachment.title).merge(r, 0, r, LAST).style(r, 0, r, LAST, { bold: true, fontSize: 14, hAlign: 'center', fontName: NOTICE_TITLE_FONT }).height(r, 28);
  r++;
  const h = r;
  sb.row(h, 0, model.attachment.ranked.columns).style(h, 0, h, LAST, { ...HEADER, fontName: NOTICE_HEADER_FONT }).height(h, 22);
  r = h + 1;
  for (const b of model.ranked) {
    sb.row(r, 0, [rankLabel(b.rank, b.tied), b.name, b.group ?? null, b.total, b.grade]);
    r++;
  }
  if (model.ranked.length) {
    sb.style(h + 1, 0, r - 1, LAST, { ...BORDER, hAlign: 'center' });
    sb.style(h + 1, 1, r - 1, 2, { hAlign: 'left' });
    sb.style(h + 1, 3, r - 1, 3, { numberFormat: totalFormat(ruleset.decimals) });
  } else {
    sb.set(r, 0, '（无）').merge(r, 0, r, LAST).style(r, 0, r, LAST, { ...BORDER, hAlign: 'center' });
    r++;
  }

  const incomplete = model.attachment.incomplete;
  if (incomplete && model.attachment.incompleteTitle) {
    r++;
    r = line(r, model.attachment.incompleteTitle, { fontName: NOTICE_HEADER_FONT });
    sb.row(r, 0, incomplete.columns).merge(r, 3, r, LAST).style(r, 0, r, LAST, { ...HEADER, fontName: NOTICE_HEADER_FONT });
    r++;
    for (const row of incomplete.rows) {
      const reason = row[3];
      sb.row(r, 0, [Number(row[0]), row[1], row[2] || null, reason]).merge(r, 3, r, LAST);
      sb.style(r, 0, r, LAST, { ...BORDER, wrap: true });
      sb.style(r, 0, r, 0, { hAlign: 'center' });
      sb.height(r, Math.min(MAX_ROW_HEIGHT, Math.max(20, Math.ceil(reason.length / 9) * 16)));
      r++;
    }
  }

  if (model.imprint) {
    r++;
    r = rule(r, '#000000');
    if (model.imprint.cc) r = line(r, model.imprint.cc);
    if (model.imprint.printer) {
      if (model.imprint.cc) r = rule(r, '#000000');
      sb.set(r, 0, model.imprint.printer).merge(r, 0, r, 2).set(r, 3, model.imprint.printDate ?? '').merge(r, 3, r, LAST).style(r, 3, r, LAST, { hAlign: 'right' }).height(r, 20);
      r++;
    }
    r = rule(r, '#000000');
  }
  const last = r - 1;
  // The body face first, under every other style: one range, so the title and headers keep their own.
  sb.styleBefore(0, 0, 0, last, LAST, { fontName: noticeBodyFont(ruleset) });

  return sb.build({
    kind: 'notification',
    name,
    ...(replaces ? { replaces } : {}),
    columnWidths: [...WIDTHS],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: rowsOf(h), area: rangeOf(0, 0, last, LAST), centered: true },
    tabColor: '#C00000',
  });
}
