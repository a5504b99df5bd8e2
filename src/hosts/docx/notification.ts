/**
 * The 通报 as a Word document laid out to GB/T 9704-2012 (SPEC §8): A4, margins 37/35/28/26 mm, 22 lines
 * of 28 characters, title 2号 方正小标宋简体, body 3号 仿宋_GB2312, page numbers "— 1 —" in 4号 宋体 on
 * the outside (odd pages right, even pages left), the ranked table as 附件 on a page of its own.
 */
import { AlignmentType, Document, DocumentGridType, Footer, Paragraph, PageNumber, TextRun, type Table } from 'docx';
import type { DocumentTable, NotificationDocument } from '../../workbook/plans/documents/notification';
import {
  A4,
  CHAR_PITCH,
  BODY_CHAR_SPACING,
  LINE_PITCH,
  OFFICIAL_MARGINS,
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
function pageNumberFooter(font: string, side: 'right' | 'left'): Footer {
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

function documentTable(t: DocumentTable, bodyFont: string, headingFont: string): Table {
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

/** GB/T 9704-2012 7.3.5: the date two characters right of the issuer's start, issuer centred over it. */
function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const wi = charWidth(issuer);
  const wd = charWidth(date);
  const dateRight = 4;
  const issuerRight = Math.max(0, dateRight + (wd - wi) / 2);
  return { issuer: Math.round(issuerRight * CHAR_PITCH), date: Math.round(dateRight * CHAR_PITCH) };
}

export function notificationDocx(doc: NotificationDocument): Document {
  const { fonts } = doc;
  const body = (text: string) => run(text, fonts.body, SIZE.三号, { characterSpacing: BODY_CHAR_SPACING });
  const indent2 = { firstLine: Math.round(2 * CHAR_PITCH) };
  const sig = signatureIndents(doc.issuer, doc.date);

  const children: (Paragraph | Table)[] = [
    // 标题 on the grid's second line, then one blank line before 主送机关 (GB/T 9704-2012 7.3.1, 7.3.2)
    blankLine(),
    gridParagraph([run(doc.title, fonts.title, SIZE.二号)], { alignment: AlignmentType.CENTER }),
    blankLine(),
    gridParagraph([body(doc.addressee)]),
    // the last body paragraph goes with the signature (GB/T 9704-2012 7.3.5.4: no page of signature alone)
    ...doc.body.map((p, i) => gridParagraph([body(p)], { indent: indent2, alignment: AlignmentType.JUSTIFIED, keepNext: i === doc.body.length - 1 })),
    // 附件说明 and the signature kept on one page, so the issuer never stands alone on a page
    gridParagraph([], { keepNext: true }),
    gridParagraph([body(doc.attachmentNote)], { indent: indent2, keepNext: true }),
    // room for the seal over the issuer and the date
    gridParagraph([], { keepNext: true }),
    gridParagraph([], { keepNext: true }),
    gridParagraph([body(doc.issuer)], { alignment: AlignmentType.RIGHT, indent: { right: sig.issuer }, keepNext: true }),
    gridParagraph([body(doc.date)], { alignment: AlignmentType.RIGHT, indent: { right: sig.date } }),
    // 附件: "附件" in 3号 黑体 top left on a new page, its title centred on the third line (8.1)
    gridParagraph([run('附件', fonts.heading, SIZE.三号)], { pageBreakBefore: true }),
    blankLine(),
    gridParagraph([run(doc.attachment.title, fonts.title, SIZE.二号)], { alignment: AlignmentType.CENTER }),
    blankLine(),
    documentTable(doc.attachment.ranked, fonts.body, fonts.heading),
  ];
  if (doc.attachment.incomplete && doc.attachment.incompleteTitle) {
    children.push(
      blankLine(),
      gridParagraph([run(doc.attachment.incompleteTitle, fonts.heading, SIZE.三号)]),
      documentTable(doc.attachment.incomplete, fonts.body, fonts.heading),
    );
  }

  return new Document({
    title: doc.title,
    creator: doc.issuer,
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

export async function renderNotification(doc: NotificationDocument): Promise<Uint8Array> {
  return packDocx(notificationDocx(doc));
}
