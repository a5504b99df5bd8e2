/**
 * The 通报 as a Word document laid out to GB/T 9704-2012 (SPEC §8): A4, margins 37/35/28/26 mm, 22 lines
 * of 28 characters, title 2号 方正小标宋简体, body 3号 仿宋_GB2312, page numbers "— 1 —" in 4号 宋体 on
 * the outside (odd pages right, even pages left), the ranked table as 附件 on a page of its own; with
 * 发文机关标志, the red 版头 and the 版记. Every word comes from the notification model.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Paragraph,
  PageNumber,
  RelativeVerticalPosition,
  Tab,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Imprint, Letterhead, NotificationModel } from '../../core/types';
import { withWidths, type DocumentFonts, type DocumentTable, type NotificationDocument } from '../../workbook/plans/documents/notification';
import {
  A4,
  CHAR_PITCH,
  BODY_CHAR_SPACING,
  LINE_PITCH,
  OFFICIAL_MARGINS,
  RED,
  SIZE,
  TEXT_WIDTH,
  blankLine,
  cell,
  charWidth,
  fontOf,
  gridParagraph,
  mm,
  packDocx,
  proportional,
  row,
  run,
  table,
} from './layout';

/** "— 1 —", one character in from the outside edge of the text block. */
export function pageNumberFooter(font: string, side: 'right' | 'left'): Footer {
  const oneChar = SIZE.四号 * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(font), size: SIZE.四号 })],
      }),
    ],
  });
}

export function documentTable(t: DocumentTable, bodyFont: string, headingFont: string): Table {
  const widths = proportional(t.widths, TEXT_WIDTH);
  const line = 400;
  const header = row(
    t.columns.map((c, i) => cell({ text: c, font: headingFont, size: SIZE.四号, line }, widths[i])),
    true,
  );
  const body = t.rows.map((r) =>
    row(r.map((v, i) => cell({ text: v, font: bodyFont, size: SIZE.四号, line, align: i === 1 || t.columns[i] === '原因' ? AlignmentType.LEFT : AlignmentType.CENTER }, widths[i]))),
  );
  if (!t.rows.length) {
    body.push(row([cell({ text: '（无）', font: bodyFont, size: SIZE.四号, line, span: t.columns.length }, TEXT_WIDTH)]));
  }
  return table(widths, [header, ...body]);
}

/**
 * GB/T 9704-2012 7.3.5.1 (a sealed document): the date four characters in from the right, the issuer
 * centred over the date; the seal then presses on both, its top within one line of the text above.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const wi = charWidth(issuer);
  const wd = charWidth(date);
  const dateRight = 4;
  const issuerRight = Math.max(0, dateRight + (wd - wi) / 2);
  return { issuer: Math.round(issuerRight * CHAR_PITCH), date: Math.round(dateRight * CHAR_PITCH) };
}

/** The size (half-points) of a one-line 发文机关标志: 小初 where it fits the text block's width, smaller where not. */
function markSize(mark: string): number {
  const fit = Math.floor((TEXT_WIDTH / 20 / Math.max(1, charWidth(mark))) * 2 * 0.95);
  return Math.max(SIZE.二号, Math.min(SIZE.小初, fit));
}

/** The 楷体 that goes with the body's 仿宋 (the 签发人's name, GB/T 9704-2012 7.2.3): the GB2312 face or the plain one. */
export function kaiOf(body: string): string {
  return /_GB2312$/.test(body) ? '楷体_GB2312' : '楷体';
}

const RED_LINE = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 };

/**
 * 版头 (GB/T 9704-2012 7.2): the 发文机关标志 in red 小标宋 centred, its top 35 mm under the text block's
 * top; the 发文字号 two lines under it; 4 mm under that the red separator line as wide as the text block;
 * the title two lines under the line.
 */
export function letterheadParagraphs(head: Letterhead, fonts: DocumentFonts): Paragraph[] {
  const size = markSize(head.mark);
  const markLine = Math.round(size * 10 * 1.2);
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(35), after: 0, line: markLine, lineRule: LineRuleType.EXACT },
      children: [run(head.mark, fonts.title, size, { color: RED })],
      ...(head.number || head.signer ? {} : { border: { bottom: RED_LINE } }),
    }),
  ];
  if (head.signer) {
    // 上行文 (7.2.3): 发文字号 one character in from the left, 签发人 one character in from the right on the
    // same line, "签发人：" in 仿宋 and the name in 楷体
    const oneChar = Math.round(CHAR_PITCH);
    out.push(
      blankLine(),
      gridParagraph(
        [
          new TextRun({ children: [new Tab()], font: fontOf(fonts.body), size: SIZE.三号 }),
          ...(head.number ? [run(head.number, fonts.body, SIZE.三号)] : []),
          new TextRun({ children: [new Tab()], font: fontOf(fonts.body), size: SIZE.三号 }),
          run(head.signer.label, fonts.body, SIZE.三号),
          run(head.signer.name, kaiOf(fonts.body), SIZE.三号),
        ],
        {
          alignment: AlignmentType.LEFT,
          // tab stops rather than indents: the red line under the paragraph spans the whole text block
          tabStops: [
            { type: TabStopType.LEFT, position: oneChar },
            { type: TabStopType.RIGHT, position: TEXT_WIDTH - oneChar },
          ],
          border: { bottom: RED_LINE },
        },
      ),
    );
  } else if (head.number) {
    out.push(
      blankLine(),
      gridParagraph([run(head.number, fonts.body, SIZE.三号)], { alignment: AlignmentType.CENTER, border: { bottom: RED_LINE } }),
    );
  }
  out.push(blankLine(), blankLine());
  return out;
}

const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * 版记 (GB/T 9704-2012 7.4): 抄送 and then 印发机关 with 印发日期, 4号 仿宋, one character in from each side,
 * between separator lines (the first and last thick, those between thin), at the foot of the last page.
 */
export function imprintTable(imprint: Imprint, fonts: DocumentFonts): Table {
  const oneChar = SIZE.四号 * 10;
  const line = 560; // 4号 on a roomy line, as the 版记's rows are drawn
  const para = (children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }) =>
    new Paragraph({ alignment, indent, spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children });
  const rows: { cells: Paragraph[][] }[] = [];
  if (imprint.cc) {
    // 抄送机关 hang under the first one after "抄送："
    rows.push({ cells: [[new Paragraph({ indent: { left: oneChar + 3 * oneChar, hanging: 3 * oneChar }, spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run(imprint.cc, fonts.body, SIZE.四号)] })]] });
  }
  if (imprint.printer) {
    rows.push({
      cells: [[para([run(imprint.printer, fonts.body, SIZE.四号)], AlignmentType.LEFT, { left: oneChar })], [para([run(imprint.printDate ?? '', fonts.body, SIZE.四号)], AlignmentType.RIGHT, { right: oneChar })]],
    });
  }
  const half = Math.floor(TEXT_WIDTH / 2);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    // A floating table at the bottom of the type area of the page its anchor (the paragraph after it)
    // ends on. Anchored horizontally to the PAGE at the left margin (the same place as the margin):
    // LibreOffice (7.4) makes a floating table a frame, and so honours the bottom position, only when
    // the table is narrower than the text area or placed relative to the page; a full-width table
    // anchored to the margin stays inline under the 附件.
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: OFFICIAL_MARGINS.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          cantSplit: true,
          children: r.cells.map(
            (children, c) =>
              new TableCell({
                width: { size: r.cells.length === 1 ? TEXT_WIDTH : c === 0 ? half : TEXT_WIDTH - half, type: WidthType.DXA },
                ...(r.cells.length === 1 ? { columnSpan: 2 } : {}),
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { top: 0, bottom: 0, left: 0, right: 0 },
                borders: { top: i === 0 ? THICK : THIN, bottom: i === rows.length - 1 ? THICK : THIN, left: NONE, right: NONE },
                children,
              }),
          ),
        }),
    ),
  });
}

/** Body text: 3号 with the spacing that makes 28 characters a line. */
export function bodyRun(text: string, fonts: DocumentFonts): TextRun {
  return run(text, fonts.body, SIZE.三号, { characterSpacing: BODY_CHAR_SPACING });
}

/**
 * The 落款 (GB/T 9704-2012 7.3.5): one blank line, the 附件说明, then two lines left for the seal, the
 * issuer and the date, chained to the last body paragraph so no page carries the 落款 alone (7.3.5.4).
 */
export function signatureParagraphs(issuer: string, date: string, attachmentNote: string | undefined, fonts: DocumentFonts): Paragraph[] {
  const indent2 = { firstLine: Math.round(2 * CHAR_PITCH) };
  const sig = signatureIndents(issuer, date);
  const out: Paragraph[] = [];
  if (attachmentNote) {
    out.push(gridParagraph([], { keepNext: true }), gridParagraph([bodyRun(attachmentNote, fonts)], { indent: indent2, keepNext: true }));
  }
  out.push(
    gridParagraph([], { keepNext: true }),
    gridParagraph([], { keepNext: true }),
    gridParagraph([bodyRun(issuer, fonts)], { alignment: AlignmentType.RIGHT, indent: { right: sig.issuer }, keepNext: true }),
    gridParagraph([bodyRun(date, fonts)], { alignment: AlignmentType.RIGHT, indent: { right: sig.date } }),
  );
  return out;
}

/** The section of an official document: A4, GB/T 9704 margins, the 22-line grid, page numbers outside. */
export function officialDocument(title: string, creator: string, fonts: DocumentFonts, children: (Paragraph | Table)[]): Document {
  return new Document({
    title,
    creator,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fontOf(fonts.body), size: SIZE.三号 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            // page number one line (7 mm) under the text block
            margin: { ...OFFICIAL_MARGINS, header: mm(15), footer: mm(20), gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter(fonts.pageNumber, 'right'), even: pageNumberFooter(fonts.pageNumber, 'left') },
        children,
      },
    ],
  });
}

/**
 * The 附件 (the notice's and the request's: one model): "附件" in 3号 黑体 top left on a new page, its title
 * centred on the third line (GB/T 9704-2012 8.1), the ranking, and the 待补充 branches apart.
 */
export function attachmentBlocks(
  attachment: NotificationModel['attachment'],
  widths: { ranked: number[]; incomplete: number[] },
  fonts: DocumentFonts,
): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    gridParagraph([run('附件', fonts.heading, SIZE.三号)], { pageBreakBefore: true }),
    blankLine(),
    gridParagraph([run(attachment.title, fonts.title, SIZE.二号)], { alignment: AlignmentType.CENTER }),
    blankLine(),
    documentTable(withWidths(attachment.ranked, widths.ranked), fonts.body, fonts.heading),
  ];
  if (attachment.incomplete && attachment.incompleteTitle) {
    blocks.push(
      blankLine(),
      gridParagraph([run(attachment.incompleteTitle, fonts.heading, SIZE.三号)], { keepNext: true }),
      documentTable(withWidths(attachment.incomplete, widths.incomplete), fonts.body, fonts.heading),
    );
  }
  return blocks;
}

export function notificationDocx(doc: NotificationDocument): Document {
  const { fonts, notice } = doc;
  const indent2 = { firstLine: Math.round(2 * CHAR_PITCH) };

  const children: (Paragraph | Table)[] = [
    // without a 版头 the title is on the grid's second line (7.3.1); with one, two lines under the red line
    ...(notice.letterhead ? letterheadParagraphs(notice.letterhead, fonts) : [blankLine()]),
    ...notice.titleLines.map((line) => gridParagraph([run(line, fonts.title, SIZE.二号)], { alignment: AlignmentType.CENTER, keepNext: true })),
    // one blank line before 主送机关 (7.3.2)
    blankLine(),
    gridParagraph([bodyRun(notice.addressee, fonts)]),
    // the last body paragraph goes with the 落款 (7.3.5.4: no page of 落款 alone)
    ...notice.paragraphs.map((p, i) =>
      gridParagraph([bodyRun(p, fonts)], { indent: indent2, alignment: AlignmentType.JUSTIFIED, keepNext: i === notice.paragraphs.length - 1, keepLines: i === notice.paragraphs.length - 1 }),
    ),
    ...signatureParagraphs(notice.issuer, notice.dateText, notice.attachmentNote, fonts),
    ...attachmentBlocks(notice.attachment, doc.widths, fonts),
  ];
  if (notice.imprint) children.push(blankLine(), imprintTable(notice.imprint, fonts), blankLine());
  return officialDocument(notice.title, notice.issuer, fonts, children);
}

export async function renderNotification(doc: NotificationDocument): Promise<Uint8Array> {
  return packDocx(notificationDocx(doc));
}
