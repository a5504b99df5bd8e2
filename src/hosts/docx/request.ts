/**
 * The request for approval as a Word document (SPEC §8), in the layout of the 通报 (GB/T 9704-2012):
 * title, 主送 (请示主送), the body ending "妥否，请批示。", the 附件说明, the 落款 laid out for the seal, the
 * 附注 with the contact line, and the full ranking as 附件 on a page of its own; with 发文机关标志 the red 版头,
 * 发文字号 at the left and 签发人 at the right on one line (上行文, GB/T 9704-2012 7.2.3).
 */
import { AlignmentType, type Document, type Paragraph, type Table } from 'docx';
import type { RequestDocument } from '../../workbook/plans/documents/request';
import { CHAR_PITCH, SIZE, blankLine, gridParagraph, packDocx, run } from './layout';
import { attachmentBlocks, bodyRun, letterheadParagraphs, officialDocument, signatureParagraphs } from './notification';

export function requestDocx(doc: RequestDocument): Document {
  const { fonts, request } = doc;
  const indent2 = { firstLine: Math.round(2 * CHAR_PITCH) };
  const last = request.paragraphs.length - 1;
  const children: (Paragraph | Table)[] = [
    // with 发文机关标志 the red 版头 (with 签发人 when set), the title two lines under the red line
    ...(request.letterhead ? letterheadParagraphs(request.letterhead, fonts) : [blankLine()]),
    ...request.titleLines.map((line) => gridParagraph([run(line, fonts.title, SIZE.二号)], { alignment: AlignmentType.CENTER, keepNext: true })),
    blankLine(),
    gridParagraph([bodyRun(request.addressee, fonts)]),
    // "妥否，请批示。" and the paragraph before it go with the 落款 (7.3.5.4)
    ...request.paragraphs.map((p, i) =>
      gridParagraph([bodyRun(p, fonts)], { indent: indent2, alignment: AlignmentType.JUSTIFIED, keepNext: i >= last - 1, keepLines: i >= last - 1 }),
    ),
    ...signatureParagraphs(request.issuer, request.dateText, request.attachmentNote, fonts),
    // 附注: under the date, two characters in, in parentheses (7.3.7)
    gridParagraph([bodyRun(request.remark, fonts)], { indent: indent2 }),
    ...attachmentBlocks(request.attachment, doc.widths, fonts),
  ];
  return officialDocument(request.title, request.issuer, fonts, children);
}

export async function renderRequest(doc: RequestDocument): Promise<Uint8Array> {
  return packDocx(requestDocx(doc));
}
