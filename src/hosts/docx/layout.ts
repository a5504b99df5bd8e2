/**
 * GB/T 9704-2012 page geometry and the small paragraph/table helpers both documents share. Lengths in
 * twips (1/1440 inch), font sizes in half-points as WordprocessingML stores them.
 */
import {
  AlignmentType,
  BorderStyle,
  Packer,
  type Document,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';

export const mm = (x: number): number => Math.round((x * 1440) / 25.4);

/** A4 portrait */
export const A4 = { width: 11906, height: 16838 };
/** GB/T 9704-2012 5.2.1: top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm. */
export const OFFICIAL_MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = A4.width - OFFICIAL_MARGINS.left - OFFICIAL_MARGINS.right;
const TEXT_HEIGHT = A4.height - OFFICIAL_MARGINS.top - OFFICIAL_MARGINS.bottom;
/** 22 lines a page: 225 mm / 22 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / 22);
/** 28 characters a line: 156 mm / 28, in twips */
export const CHAR_PITCH = TEXT_WIDTH / 28;

/** 号 → half-points */
export const SIZE = { 初号: 84, 小初: 72, 二号: 44, 小二: 36, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;
/** The red of 版头 (GB/T 9704-2012 7.2.3, 7.2.5). */
export const RED = 'FF0000';
/**
 * Character spacing of body text in twips, so that 28 characters of 3号 (16 pt) fill the 156 mm line:
 * −5. Set on the runs rather than as a docGrid character pitch, which LibreOffice and WPS read differently
 * from Word; the line grid (22 lines) is kept.
 */
export const BODY_CHAR_SPACING = Math.floor(CHAR_PITCH) - SIZE.三号 * 10;

export function fontOf(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export function run(text: string, font: string, size: number, extra: { bold?: boolean; characterSpacing?: number; color?: string } = {}): TextRun {
  return new TextRun({ text, font: fontOf(font), size, ...extra });
}

/** One paragraph on the 22-line grid (exact line pitch). */
export function gridParagraph(children: TextRun[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    ...options,
    children,
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0, ...(options.spacing ?? {}) },
  });
}

export function blankLine(): Paragraph {
  return gridParagraph([]);
}

/** Width of text in characters: CJK one, ASCII half. */
export function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
export const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

export interface CellText {
  /** top and bottom cell padding in twips (default 30) */
  pad?: number;
  /** left and right cell padding in twips (default 60) */
  hpad?: number;
  text: string;
  font: string;
  size: number;
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** exact line height in twips */
  line: number;
  span?: number;
}

export function cell(c: CellText, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    margins: { top: c.pad ?? 30, bottom: c.pad ?? 30, left: c.hpad ?? 60, right: c.hpad ?? 60 },
    ...(c.span && c.span > 1 ? { columnSpan: c.span } : {}),
    children: [
      new Paragraph({
        alignment: c.align ?? AlignmentType.CENTER,
        spacing: { line: c.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [run(c.text, c.font, c.size, c.bold ? { bold: true } : {})],
      }),
    ],
  });
}

/** A fixed-layout table of `widths` (twips) whose first row repeats on every page. */
export function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows,
  });
}

export function row(cells: TableCell[], header = false): TableRow {
  return new TableRow({ children: cells, tableHeader: header, cantSplit: true });
}

/** Split `total` twips in proportion to `parts`, the rounding left to the last column. */
export function proportional(parts: number[], total: number): number[] {
  const sum = parts.reduce((a, b) => a + b, 0);
  const out = parts.map((p) => Math.floor((p / sum) * total));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** The .docx bytes; the same call in Node and the browser. */
export async function packDocx(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
