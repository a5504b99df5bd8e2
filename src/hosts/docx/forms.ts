/**
 * Paper forms (SPEC §8): each form on one A4 page (a page break before every form but the first), the
 * indicators in 五号 (10.5 pt, readable at a meeting of older members) with the text column as wide as the
 * tick columns allow, so the 26 default rows still fit one page; a longer catalogue runs on to a second
 * page with the header row repeated. Tick boxes □ for identity, method and period; a framed box for the
 * 组织考核 form's 测评人 number.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Paragraph, TextRun, type Table, type TableRow } from 'docx';
import type { FormLine, FormsDocument, PaperForm } from '../../workbook/plans/documents/forms';
import { A4, SIZE, cell, fontOf, mm, packDocx, row, run, table } from './layout';

const MARGIN = { top: mm(13), bottom: mm(10), left: mm(15), right: mm(15) };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_FONT = '仿宋_GB2312';
const HEAD_FONT = '黑体';
const TITLE_FONT = '方正小标宋简体';

function lineRuns(fields: FormLine[], font: string, size: number, gap = '　　　　'): TextRun[] {
  const runs: TextRun[] = [];
  fields.forEach((f, i) => {
    const before = i ? gap : '';
    if (f.ticks) runs.push(run(`${before}${f.label}：${f.ticks.map((t) => `□${t}`).join('　')}`, font, size));
    else if (f.box) {
      runs.push(run(`${before}${f.label}：`, font, size));
      runs.push(new TextRun({ text: '　'.repeat(f.box), font: fontOf(font), size, border: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }));
    } else runs.push(run(`${before}${f.label}：${f.value ?? '＿＿＿＿＿＿＿＿＿＿＿＿＿＿'}`, font, size));
  });
  return runs;
}

function paragraph(children: TextRun[] | string, font: string, size: number, options: { center?: boolean; pageBreak?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    pageBreakBefore: options.pageBreak ?? false,
    spacing: { before: 0, after: options.after ?? 60, line: Math.round(size * 12), lineRule: LineRuleType.EXACT },
    children: typeof children === 'string' ? [run(children, font, size)] : children,
  });
}

/**
 * Column widths: the code, points and four tick columns just wide enough for two characters of 五号 and
 * the cell margins; the text column takes the rest (about 33 characters of 五号 a line).
 */
function columnWidths(): number[] {
  const code = mm(10);
  const points = mm(9);
  const tick = mm(9.5);
  return [code, WIDTH - code - points - 4 * tick, points, tick, tick, tick, tick];
}

function formTable(form: PaperForm): Table {
  const widths = columnWidths();
  // 五号 on an exact 12 pt line: two-line indicators stay compact enough for 26 rows on one page
  const line = 240;
  const size = SIZE.五号;
  // narrow columns: small side margins so that two characters of 五号 stay on one line
  const head = (text: string, i: number) => cell({ text, font: HEAD_FONT, size, line: 260, hpad: i === 1 ? 60 : 15 }, widths[i]);
  const c = form.columns;
  const rows: TableRow[] = [row([head(c.code, 0), head(c.text, 1), head(c.points, 2), ...c.grades.map((g, i) => head(g, 3 + i))], true)];
  for (const cat of form.categories) {
    const all = widths.reduce((a, b) => a + b, 0);
    rows.push(row([cell({ text: cat.heading, font: HEAD_FONT, size, line, pad: 15, align: AlignmentType.LEFT, span: widths.length }, all)]));
    for (const r of cat.rows) {
      rows.push(
        row([
          cell({ text: r.code, font: BODY_FONT, size, line, pad: 15, hpad: 15 }, widths[0]),
          cell({ text: r.text, font: BODY_FONT, size, line, pad: 15, align: AlignmentType.JUSTIFIED }, widths[1]),
          cell({ text: r.points, font: BODY_FONT, size, line, pad: 15 }, widths[2]),
          ...c.grades.map((_, i) => cell({ text: '', font: BODY_FONT, size, line, pad: 15 }, widths[3 + i])),
        ]),
      );
    }
  }
  return table(widths, rows);
}

function formBlocks(form: PaperForm, first: boolean): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    paragraph(form.title, TITLE_FONT, SIZE.二号, { center: true, pageBreak: !first, after: 0 }),
    paragraph(form.subtitle, BODY_FONT, SIZE.四号, { center: true, after: 60 }),
    ...form.lines.map((l) => paragraph(lineRuns(l, BODY_FONT, SIZE.四号), BODY_FONT, SIZE.四号)),
    formTable(form),
    paragraph(form.note, BODY_FONT, SIZE.五号, { after: 0 }),
  ];
  for (const l of form.footer) blocks.push(paragraph(lineRuns(l, BODY_FONT, SIZE.四号, '　　'), BODY_FONT, SIZE.四号, { after: 0 }));
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
