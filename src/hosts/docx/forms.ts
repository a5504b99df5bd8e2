/**
 * Paper forms (SPEC §8): each form on one A4 page (a page break before every form but the first), the
 * indicators in 小五 so the 26 default rows fit; tick boxes □ for identity, method and period.
 */
import { AlignmentType, Document, LineRuleType, Paragraph, type Table, type TableRow } from 'docx';
import type { FormLine, FormsDocument, PaperForm } from '../../workbook/plans/documents/forms';
import { A4, SIZE, cell, fontOf, mm, packDocx, proportional, row, run, table } from './layout';

const MARGIN = { top: mm(15), bottom: mm(12), left: mm(18), right: mm(18) };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_FONT = '仿宋_GB2312';
const HEAD_FONT = '黑体';
const TITLE_FONT = '方正小标宋简体';

function lineText(fields: FormLine[]): string {
  return fields
    .map((f) => {
      if (f.ticks) return `${f.label}：${f.ticks.map((t) => `□${t}`).join('　')}`;
      return `${f.label}：${f.value ?? '＿＿＿＿＿＿＿＿＿＿＿＿＿＿'}`;
    })
    .join('　　　　');
}

function paragraph(text: string, font: string, size: number, options: { center?: boolean; pageBreak?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    pageBreakBefore: options.pageBreak ?? false,
    spacing: { before: 0, after: options.after ?? 60, line: Math.round(size * 12), lineRule: LineRuleType.EXACT },
    children: [run(text, font, size)],
  });
}

function formTable(form: PaperForm): Table {
  const widths = proportional([7, 62, 6, 6.25, 6.25, 6.25, 6.25], WIDTH);
  const line = 210;
  const head = (text: string, i: number) => cell({ text, font: HEAD_FONT, size: SIZE.五号, line: 260 }, widths[i]);
  const c = form.columns;
  const rows: TableRow[] = [row([head(c.code, 0), head(c.text, 1), head(c.points, 2), ...c.grades.map((g, i) => head(g, 3 + i))], true)];
  for (const cat of form.categories) {
    const all = widths.reduce((a, b) => a + b, 0);
    rows.push(row([cell({ text: cat.heading, font: HEAD_FONT, size: SIZE.小五, line, align: AlignmentType.LEFT, span: widths.length }, all)]));
    for (const r of cat.rows) {
      rows.push(
        row([
          cell({ text: r.code, font: BODY_FONT, size: SIZE.小五, line, pad: 15 }, widths[0]),
          cell({ text: r.text, font: BODY_FONT, size: SIZE.小五, line, pad: 15, align: AlignmentType.JUSTIFIED }, widths[1]),
          cell({ text: r.points, font: BODY_FONT, size: SIZE.小五, line }, widths[2]),
          ...c.grades.map((_, i) => cell({ text: '', font: BODY_FONT, size: SIZE.小五, line }, widths[3 + i])),
        ]),
      );
    }
  }
  return table(widths, rows);
}

function formBlocks(form: PaperForm, first: boolean): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    paragraph(form.title, TITLE_FONT, SIZE.二号, { center: true, pageBreak: !first, after: 0 }),
    paragraph(form.subtitle, BODY_FONT, SIZE.四号, { center: true, after: 120 }),
    ...form.lines.map((l) => paragraph(lineText(l), BODY_FONT, SIZE.四号)),
    formTable(form),
    paragraph(form.note, BODY_FONT, SIZE.五号, { after: 0 }),
  ];
  for (const l of form.footer) blocks.push(paragraph(lineText(l), BODY_FONT, SIZE.四号, { after: 0 }));
  return blocks;
}

export function formsDocx(doc: FormsDocument): Document {
  return new Document({
    title: '党支部工作目标管理考核表',
    styles: { default: { document: { run: { font: fontOf(BODY_FONT), size: SIZE.五号 } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { ...MARGIN, header: mm(8), footer: mm(8), gutter: 0 } } },
        children: doc.forms.flatMap((f, i) => formBlocks(f, i === 0)),
      },
    ],
  });
}

export async function renderForms(doc: FormsDocument): Promise<Uint8Array> {
  return packDocx(formsDocx(doc));
}
