/**
 * 考核反馈单 as a Word document (SPEC §8 --feedback): one A4 page per branch (a page break before each
 * but the first), title in 方正小标宋简体, headings in 黑体, body in the 公文字体 (仿宋_GB2312) at 小四 so
 * that the tables and the lists of a busy branch still fit one page; tables in 五号.
 */
import { AlignmentType, Document, LineRuleType, Paragraph, type Table } from 'docx';
import type { FeedbackDocument, FeedbackPage, FeedbackSection } from '../../workbook/plans/documents/feedback';
import type { DocumentTable } from '../../workbook/plans/documents/notification';
import { A4, SIZE, cell, fontOf, mm, packDocx, proportional, row, run, table } from './layout';

const MARGIN = { top: mm(25), bottom: mm(20), left: mm(28), right: mm(26) };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** 小四 on an exact 18 pt line */
const BODY_LINE = 360;
const TWO_CHARS = SIZE.小四 * 20;

function para(
  text: string,
  font: string,
  size: number,
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; pageBreak?: boolean; before?: number; after?: number; line?: number; right?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    pageBreakBefore: o.pageBreak ?? false,
    indent: { ...(o.indent ? { firstLine: TWO_CHARS } : {}), ...(o.right ? { right: o.right } : {}) },
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? BODY_LINE, lineRule: LineRuleType.EXACT },
    children: [run(text, font, size)],
  });
}

function feedbackTable(t: DocumentTable, body: string, headingFont: string): Table {
  const widths = proportional(t.widths, WIDTH);
  const line = 260;
  const header = row(t.columns.map((c, i) => cell({ text: c, font: headingFont, size: SIZE.五号, line, hpad: 20 }, widths[i])), true);
  const rows = t.rows.map((r) =>
    row(r.map((v, i) => cell({ text: v, font: body, size: SIZE.五号, line, pad: 10, align: t.columns[i] === '考核内容' || i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER }, widths[i]))),
  );
  return table(widths, [header, ...rows]);
}

function sectionBlocks(s: FeedbackSection, doc: FeedbackDocument): (Paragraph | Table)[] {
  const { fonts } = doc;
  const blocks: (Paragraph | Table)[] = [para(s.heading, fonts.heading, SIZE.小四, { before: 60, indent: true })];
  for (const p of s.paragraphs) blocks.push(para(p, fonts.body, SIZE.小四, { indent: true }));
  if (s.table) blocks.push(feedbackTable(s.table, fonts.body, fonts.heading));
  for (const item of s.items ?? []) blocks.push(para(`· ${item}`, fonts.body, SIZE.小四, { indent: true }));
  return blocks;
}

function pageBlocks(page: FeedbackPage, doc: FeedbackDocument, first: boolean): (Paragraph | Table)[] {
  const { fonts } = doc;
  return [
    para(doc.title, fonts.title, SIZE.小二, { align: AlignmentType.CENTER, pageBreak: !first, line: 520, after: 60 }),
    para(page.addressee, fonts.body, SIZE.四号, { align: AlignmentType.LEFT, line: 400 }),
    ...page.sections.flatMap((s) => sectionBlocks(s, doc)),
    para(page.closing, fonts.body, SIZE.小四, { indent: true, before: 60 }),
    para(doc.issuer, fonts.body, SIZE.小四, { align: AlignmentType.RIGHT, before: 160, right: TWO_CHARS }),
    para(doc.date, fonts.body, SIZE.小四, { align: AlignmentType.RIGHT, right: TWO_CHARS }),
  ];
}

export function feedbackDocx(doc: FeedbackDocument): Document {
  return new Document({
    title: doc.title,
    creator: doc.issuer,
    styles: { default: { document: { run: { font: fontOf(doc.fonts.body), size: SIZE.小四 } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { ...MARGIN, header: mm(12), footer: mm(12), gutter: 0 } } },
        children: doc.pages.flatMap((p, i) => pageBlocks(p, doc, i === 0)),
      },
    ],
  });
}

export async function renderFeedback(doc: FeedbackDocument): Promise<Uint8Array> {
  return packDocx(feedbackDocx(doc));
}
