/**
 * The office workbook graded by the command line and read back as Excel would: the 考核结果通报 sheet in a
 * printed notice's faces, 计算明细's figures in number formats that show what each cell holds.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bytesOf, fixture, run } from '../../cli/helpers';

let xl: ExcelJS.Workbook;
let stylesXml: string;
let stylesBefore: string;

beforeAll(async () => {
  const input = fixture('office-2026.xlsx');
  const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx'], { 'in.xlsx': input });
  // 1: the fixture has one error (研究所第一党支部 is left ungraded); the output is written all the same
  expect(r.code).toBe(1);
  const out = bytesOf(r, 'out.xlsx');
  xl = new ExcelJS.Workbook();
  await xl.xlsx.load(out as unknown as ArrayBuffer);
  stylesXml = await (await JSZip.loadAsync(out)).file('xl/styles.xml')!.async('text');
  stylesBefore = await (await JSZip.loadAsync(input)).file('xl/styles.xml')!.async('text');
});

/** Row number of the first cell in column A of `sheet` whose text is `text`. */
function rowOf(ws: ExcelJS.Worksheet, text: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`${text} not in ${ws.name}`);
}

describe('考核结果通报: the faces of a printed notice', () => {
  test('title in 宋体, table header in 黑体, body in 仿宋 (公文字体 default 仿宋_GB2312 is not on today’s Windows)', () => {
    const ws = xl.getWorksheet('考核结果通报')!;
    // The title in the document's balanced lines (one cell, wrapped): the same words as the Word notice.
    expect(String(ws.getCell('A1').value).replace(/\n/g, '')).toBe('关于2026年度党支部工作目标管理考核结果的通报');
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', bold: true, charset: 134 });
    const h = rowOf(ws, '名次');
    expect(['A', 'B', 'E'].map((c) => ws.getCell(`${c}${h}`).font.name)).toEqual(['黑体', '黑体', '黑体']);
    // the lead line, a ranked row and the issuer line below the table
    expect(ws.getCell('A2').font.name).toBe('仿宋');
    expect(ws.getCell(`B${h + 1}`).value).toBe('机关第一党支部');
    expect(ws.getCell(`B${h + 1}`).font.name).toBe('仿宋');
    expect(ws.getCell(`D${h + 1}`).font.name).toBe('仿宋');
    // the date line under the issuer (the 附件 table follows it, as in the Word notice)
    const dateRow = Array.from({ length: ws.rowCount }, (_, i) => i + 1).find((r) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(String(ws.getCell(`A${r}`).value)));
    expect(dateRow).toBeDefined();
    const date = ws.getCell(`A${dateRow}`);
    expect(date.font.name).toBe('仿宋');
  });

  test('the faces are new font records: no theme scheme to override them, the workbook’s fonts kept byte for byte', () => {
    const fonts = (xml: string) => /<fonts[\s\S]*?<\/fonts>/.exec(xml)![0].match(/<font>[\s\S]*?<\/font>|<font\/>/g)!;
    const before = fonts(stylesBefore);
    const after = fonts(stylesXml);
    expect(after.slice(0, before.length)).toEqual(before);
    const named = after.slice(before.length).filter((f) => /val="(宋体|黑体|仿宋)"/.test(f));
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const f of named) expect(f).not.toContain('scheme');
  });
});

describe('计算明细: each column in the format of what it holds', () => {
  test('points and form counts whole, means and scores with 2 to 4 decimals, adjustment signed, total as banded', () => {
    const ws = xl.getWorksheet('计算明细')!;
    const first = rowOf(ws, '机关第二党支部');
    // 1.1 of 机关第二党支部: 组织考核 (2 × 1 + 2 × 0.85 + 0.75) / 5 = 0.89
    const cells = (r: number, cols: string[]) => cols.map((c) => ({ v: ws.getCell(`${c}${r}`).value, f: ws.getCell(`${c}${r}`).numFmt }));
    const [points, forms, mean] = cells(first, ['D', 'E', 'F']);
    expect(typeof points.v).toBe('number');
    expect(points.f).toBe('0');
    expect(forms).toEqual({ v: 5, f: '0' });
    expect(mean).toEqual({ v: 0.89, f: '0.00##' });
    expect(ws.getCell(`M${first}`).numFmt).toBe('0.00##');
  });

  test('the 合计 row: the half-year self score with its form count; 2 of 专题抽检 signed', () => {
    const ws = xl.getWorksheet('计算明细')!;
    let total = rowOf(ws, '机关第二党支部');
    while (ws.getCell(`C${total}`).value !== '合计') total++;
    const at = (c: string) => ({ v: ws.getCell(`${c}${total}`).value, f: ws.getCell(`${c}${total}`).numFmt });
    // 组织考核 89 (5 votes), 民主测评 85.6 (5 forms), 自评 85.6 (1 form), 自评(半年) 75 (1 form, all 一般)
    expect(['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => at(c).v)).toEqual([5, 89, 5, 85.6, 1, 85.6, 1, 75]);
    expect(at('K').f).toBe('0');
    expect(at('L').f).toBe('0.00##');
    // 0.6 × 89 + 0.4 × 85.6 = 87.64, + 2 = 89.64 → 89.6
    expect(at('M')).toEqual({ v: 87.64, f: '0.00##' });
    expect(at('N').v).toBe(2);
    expect(at('N').f).toMatch(/^\+0(\.0+)?;-0(\.0+)?;0$/);
    expect(at('O')).toEqual({ v: 89.6, f: '0.0' });
  });
});
