/**
 * SPEC §5 output-referenced through the command line: the clerk grades the sample, adds a sheet of their
 * own that points at 考核汇总 (a cell formula and a defined name, as Excel saves them, cached result
 * included), and grades again: the JSON report and the 校验问题 sheet carry the warning.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bytesOf, run } from './helpers';

type Issue = { severity: string; code: string; sheet?: string; cell?: string; message: string; suggestion?: string };

/** The graded workbook with a sheet 我的统计 and a workbook name added, as Excel would save them. */
async function withUserReferences(graded: Uint8Array, cached: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(graded);
  const sheetXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    `<row r="1"><c r="A1" t="inlineStr"><is><t>第一支部总分</t></is></c><c r="B1"><f>考核汇总!K5</f><v>${cached}</v></c></row>` +
    // a sheet name inside a string literal is text, not a reference
    '<row r="2"><c r="A2" t="inlineStr"><is><t>说明</t></is></c><c r="B2" t="str"><f>"见考核汇总!K5"</f><v>见考核汇总!K5</v></c></row>' +
    '</sheetData></worksheet>';
  zip.file('xl/worksheets/mine.xml', sheetXml);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace('</Types>', '<Override PartName="/xl/worksheets/mine.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace('</Relationships>', '<Relationship Id="rIdMine" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/mine.xml"/></Relationships>'),
  );
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  expect(wb).toContain('</sheets><definedNames>');
  zip.file(
    'xl/workbook.xml',
    wb
      .replace('</sheets>', '<sheet name="我的统计" sheetId="99" r:id="rIdMine"/></sheets>')
      .replace('<definedNames>', '<definedNames><definedName name="第一支部总分">考核汇总!$K$5</definedName>'),
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

function issuesOf(report: string | Uint8Array | undefined): Issue[] {
  return (JSON.parse(report as string) as { issues: Issue[] }).issues;
}

describe('output-referenced', () => {
  let sample: Uint8Array;
  let graded: Uint8Array;
  let first: Issue[];
  beforeAll(async () => {
    sample = bytesOf(await run(['sample', 'sample.xlsx']), 'sample.xlsx');
    const r = await run(['grade', 'sample.xlsx', '--out', 'graded.xlsx', '--json', 'first.json'], { 'sample.xlsx': sample });
    graded = bytesOf(r, 'graded.xlsx');
    first = issuesOf(r.files.get('first.json'));
  }, 60_000);

  test('a first grade on a workbook with no product sheet raises nothing; grading the product\'s own output again raises nothing', async () => {
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((i) => i.code === 'output-referenced')).toEqual([]);
    const again = await run(['grade', 'graded.xlsx', '--out', 'again.xlsx', '--json', 'again.json'], { 'graded.xlsx': graded });
    expect(issuesOf(again.files.get('again.json')).filter((i) => i.code === 'output-referenced')).toEqual([]);
  });

  test('a sheet of the user\'s with =考核汇总!K5 and a name on 考核汇总: warnings in the JSON report and the 校验问题 sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(graded as unknown as ArrayBuffer);
    const k5 = book.getWorksheet('考核汇总')!.getCell('K5').value;
    const input = await withUserReferences(graded, typeof k5 === 'number' ? k5 : 0);

    const r = await run(['grade', 'mine.xlsx', '--out', 'out.xlsx', '--json', 'report.json'], { 'mine.xlsx': input });
    expect(r.code).toBe(1); // the sample's two incomplete branches, by design: warnings do not change the status
    const found = issuesOf(r.files.get('report.json')).filter((i) => i.code === 'output-referenced');
    expect(found.map((i) => [i.severity, i.sheet ?? null, i.cell ?? null])).toEqual([
      ['warning', null, null],
      ['warning', '我的统计', 'B1'],
    ]);
    expect(found[1].message).toBe(
      '工作表“我的统计”中有 1 个单元格的公式引用了本程序生成的工作表“考核汇总”（B1）。每次计算等级时，本程序都会就地改写该表：引用仍指向同一张表，但表中的行随名单和考核结果而变，同一个单元格以后可能对应另一个党支部或另一项数字。请核对这些引用是否仍指向原本想要的内容。',
    );
    expect(found[0].message).toContain('名称“第一支部总分”引用了本程序生成的工作表“考核汇总”');
    expect(found[1].suggestion).toContain('“党支部”列');

    // the 校验问题 sheet: the count table and one row per finding, with the sheet and cell
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(bytesOf(r, 'out.xlsx') as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    const links: string[] = [];
    // a cell of 单元格 is a link to the cell (a HYPERLINK formula): read what it shows, keep where it goes
    const shown = (v: unknown): unknown => {
      if (v && typeof v === 'object' && 'formula' in v) links.push(String((v as { formula: unknown }).formula));
      return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
    };
    out.getWorksheet('校验问题')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(shown)));
    expect(rows).toContainEqual(['警告', 'output-referenced', '引用了程序生成的表', 2]);
    const listed = rows.filter((row) => row[1] === 'output-referenced' && row.length > 4);
    expect(listed.map((row) => [row[0], row[2] ?? null, row[3] ?? null])).toEqual([
      ['警告', null, null],
      ['警告', '我的统计', 'B1'],
    ]);
    expect(listed.some((row) => row.some((v) => typeof v === 'string' && v.includes('就地改写该表')))).toBe(true);
    expect(links).toContain(`HYPERLINK("#'我的统计'!B1","B1")`);

    // the user's sheet and name are kept as they were: the reference still reads 考核汇总!K5
    const zip = await JSZip.loadAsync(bytesOf(r, 'out.xlsx'));
    expect(await zip.file('xl/worksheets/mine.xml')!.async('string')).toContain('<f>考核汇总!K5</f>');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('<definedName name="第一支部总分">考核汇总!$K$5</definedName>');
  });

  test('validate says the same, in English when asked', async () => {
    const input = await withUserReferences(graded, 0);
    const r = await run(['validate', 'mine.xlsx', '--json', 'report.json', '--lang', 'en'], { 'mine.xlsx': input });
    const found = issuesOf(r.files.get('report.json')).filter((i) => i.code === 'output-referenced');
    expect(found.map((i) => i.message.split('.')[0])).toEqual(['The defined name "第一支部总分" refers to "考核汇总", written by this product', '1 cell on sheet "我的统计" holds a formula referring to "考核汇总", written by this product (B1)']);
  });
});
