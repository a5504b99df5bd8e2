/**
 * The streaming reader on real workbooks from public test corpora (test/fixtures/public, see ORIGIN.md)
 * and on hostile packages built here: what the snapshot holds, or the one-line error a user sees.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Deflate, zipSync, strToU8 } from 'fflate';
import { loadWorkbook, readWorkbook, snapshotOf, XlsxError } from '../../../src/hosts/xlsx';
import { UNPACKED_LIMIT } from '../../../src/hosts/xlsx/zip';

const PUBLIC = path.join(__dirname, '..', '..', 'fixtures', 'public');
const pub = (name: string) => readWorkbook(new Uint8Array(readFileSync(path.join(PUBLIC, name))));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Parts {
  [name: string]: string | Uint8Array;
}

/** A package from parts; `sheets` are [name, part name (relative to xl/), xml]. */
function pkg(sheets: [string, string, string][], extra: Parts = {}, workbookExtra = ''): Uint8Array {
  const parts: Parts = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${workbookExtra}<sheets>${sheets
      .map(([n], i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}">${sheets
      .map(([, p], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${p}"/>`)
      .join('')}</Relationships>`,
    ...Object.fromEntries(sheets.map(([, p, xml]) => [`xl/${p}`, xml])),
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
}

const sheetXml = (data: string, after = '') => `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData>${after}</worksheet>`;

function failure(f: () => unknown): XlsxError {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('public workbooks', () => {
  it('inline strings, numbers and formulas (Apache POI InlineStrings.xlsx)', () => {
    const s = pub('poi-InlineStrings.xlsx');
    expect(s.format).toBe('xlsx');
    expect(s.sheets.map((x) => x.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
    expect(s.sheets[0].values.slice(0, 3)).toEqual([
      ['Numbers', 'Strings', 'Inline Strings', 'Formulas'],
      [12, 'A', '1st Inline String', 12],
      [32, 'B', '2nd Inline String', 44],
    ]);
    expect(s.sheets[0].formulas![1][3]).toBe('A2');
  });

  it('rows and cells without numbers (Apache POI 59746_NoRowNums.xlsx)', () => {
    const s = pub('poi-59746_NoRowNums.xlsx');
    const rows = s.sheets[0].values;
    expect(rows).toHaveLength(71);
    expect(rows[0].slice(0, 3)).toEqual(['Checked', 'Ion', 'Charge']);
    expect(rows[1].slice(0, 3)).toEqual([true, '[M+Na]+1', 1]);
    expect(s.sheets[0].hiddenRows?.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('an Excel 2007 beta file (Apache POI sample-beta.xlsx)', () => {
    const s = pub('poi-sample-beta.xlsx');
    expect(s.sheets[0].values[0]).toEqual([null, 111]);
    expect(s.sheets[0].formulas!.find((r) => r.some((f) => f !== null))).toEqual([null, 'SUM(B1:B9)']);
  });

  it('1900 and 1904 date systems give the same days as before (SheetJS 1904/)', () => {
    expect(pub('sheetjs-1900.xlsx').sheets[0].values[2]).toEqual([111, '1900-04-20', '1900-04-20', '1900-04-20']);
    // In the 1904 file the same serials fall 1462 days later; typed text stays text.
    expect(pub('sheetjs-1904.xlsx').sheets[0].values[2]).toEqual([111, '1900-04-20', '1904-04-21', '1904-04-21']);
  });

  it('chart, macro and dialog sheets are listed (empty), not dropped (SheetJS BlankSheetTypes.xlsm)', () => {
    const s = pub('sheetjs-BlankSheetTypes.xlsm');
    expect(s.format).toBe('xlsm');
    expect(s.sheets.map((x) => [x.name, x.values.length])).toEqual([
      ['Sheet1', 0],
      ['Chart1', 0],
      ['Macro1', 0],
      ['Dialog1', 0],
    ]);
  });

  it('chart series and pivot sources become formulas outside cells, with their sheet', () => {
    expect(pub('poi-WithChart.xlsx').objectFormulas).toEqual([
      { kind: 'chart', label: 'Chart 1', sheet: 'Sheet2', formula: 'Sheet1!$A$1:$A$6' },
      { kind: 'chart', label: 'Chart 1', sheet: 'Sheet2', formula: 'Sheet1!$B$1:$B$6' },
    ]);
    const chartSheet = pub('exceljs-chart-sheet.xlsx');
    expect(chartSheet.sheets.map((x) => x.name)).toEqual(['Chart1', 'Sheet1']);
    expect(chartSheet.objectFormulas).toContainEqual({ kind: 'chart', label: 'Chart 1', sheet: 'Chart1', formula: 'Sheet1!$B$2:$B$7' });
    const pivot = pub('sheetjs-pivot_table_test.xlsm');
    expect(pivot.objectFormulas).toContainEqual({ kind: 'pivot', label: 'PivotTable1', sheet: 'PTCompact', formula: "'Data'!A1:C9" });
    expect(pivot.sheets[0].values[1]).toEqual(['Golf', 'Qtr3', 1500]);
  });

  it('defined names with any characters, hidden and very hidden sheets (Strict namespaces)', () => {
    expect(pub('sheetjs-defined_names_unicode.xlsx').objectFormulas).toContainEqual({ kind: 'name', label: '日本語', formula: 'NoContainsJapanese!$A$1' });
    const strict = pub('sheetjs-sheet_visibility_strict.xlsx');
    expect(strict.sheets.map((x) => [x.name, x.visible])).toEqual([
      ['Visible', true],
      ['Hidden', false],
      ['VeryHidden', false],
    ]);
    expect(strict.sheets[1].values[1]).toEqual([72, 105, 100, 100, 101, 110]);
    expect(strict.sheets[1].formulas![1][0]).toBe('CODE(A1)');
  });

  it('merges and validations stay ranges; Google Sheets hidden rows', () => {
    const pr = pub('exceljs-test-pr-1204.xlsx');
    expect(pr.sheets[0].values[0]).toEqual(['PROJECT NAME', null, null, null, '(Enter Name)']);
    expect(pr.sheets[0].merges.slice(0, 2)).toEqual(['A1:D3', 'E1:L3']);
    expect(pr.sheets[0].validations).toEqual(['E1', 'E4']);
    const g = pub('exceljs-google-sheets.xlsx');
    expect(g.sheets[0].values).toEqual([['BEGIN', 'HIDDEN', 'VISIBLE'], ['HIDDEN'], ['VISIBLE']]);
    expect(g.sheets[0].hiddenRows).toEqual([1]);
  });

  it('formula results keep Excel’s escapes decoded; every other public file reads', () => {
    const c = pub('sheetjs-comments_stress_test.xlsx');
    expect(c.sheets.map((x) => x.name)).toEqual(['Sheet2', 'Sheet1', 'Sheet3', 'Sheet4', 'Sheet7']);
    expect(c.sheets[2].values[0][1]).toBe('If I did this right,\r\rThis comment should be haiku:\r\rfive, seven, and five');
    for (const f of ['exceljs-images.xlsx', 'sheetjs-custom_properties.xlsx']) expect(pub(f).sheets.map((x) => x.name)).toEqual(['Sheet1']);
  });

  it('WPS Office: Chinese sheet names, a merged title, a date as its ISO day, numbers (PhpSpreadsheet issue.3613.xlsx)', () => {
    const w = pub('phpspreadsheet-issue.3613-wps.xlsx');
    expect(w.sheets.map((x) => x.name)).toEqual([...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), 'Sheet1']);
    expect(w.sheets[0].merges).toEqual(['A1:AD1']);
    expect(w.sheets[0].values[2].slice(0, 8)).toEqual(['员工姓名', '身份证号码', '银行账号', '性别', '入职日期', '离职日期', '电话号码', '本月应付工资']);
    expect(w.sheets[0].values[3].slice(0, 8)).toEqual(['AAA', 123456, 789456, '男', '2020-08-27', null, null, 5334]);
    expect(w.sheets[0].values[4][0]).toBe('合计');
  });

  it('WPS Spreadsheets: formula results, including an error, and formulas beside them (SheetJS wps/fn.xlsx)', () => {
    const f = pub('sheetjs-wps-fn.xlsx').sheets[0];
    expect(f.values).toEqual([
      ['Name', 'Example', 'Result'],
      ['EVALUATE', '=EVALUATE("1+1")', 2],
      ['FIELDVALUE', '=FIELDVALUE(A2,"Result")', { error: '#VALUE!' }],
    ]);
    expect(f.formulas?.[1][2]).toBe('EVALUATE("1+1")');
  });

  it('LibreOffice: rows hidden by an autofilter, with a custom or an icon filter (ClosedXML LO/xlsx/autofilter.xlsx)', () => {
    for (const file of ['closedxml-lo-autofilter.xlsx', 'derived-lo-autofilter-iconfilter.xlsx']) {
      const a = pub(file).sheets[0];
      expect(a.values).toEqual([['column1', 'column2', 'column3'], [1, 2, 3], [2, 3, 4], [3, 4, 3], [4, 5, 4]]);
      expect(a.hiddenRows).toEqual([1, 3]);
    }
  });

  it('openpyxl, ActiveX, custom XML and LibreOffice image and chart files read', () => {
    expect(pub('phpspreadsheet-openpyxl-bubble-chart.xlsx').sheets[0].values[1]).toEqual([14, 12200, 15]);
    expect(pub('closedxml-customxml.xlsx').sheets[0].values[0].slice(0, 3)).toEqual([1, 2, 3]);
    expect(pub('closedxml-activex_checkbox.xlsx').sheets.map((x) => x.name)).toEqual(['Sheet1']);
    expect(pub('phpspreadsheet-grouped_images-lo.xlsx').sheets.map((x) => x.name)).toEqual(['LMNP_page garde']);
    expect(pub('phpspreadsheet-issue.2506-lo.xlsx').sheets.map((x) => x.name)).toEqual(['Sheet1']);
  });
});

describe('legacy .xls', () => {
  const legacy = () => new Uint8Array(readFileSync(path.join(PUBLIC, '..', 'legacy.xls')));

  it('is read into the same snapshot, marked as xls', async () => {
    const s = snapshotOf(await loadWorkbook(legacy()));
    expect(s.format).toBe('xls');
    expect(s.sheets[0].values[1]).toEqual(['机关第一党支部', 95.8]);
  });

  it('is held to the same cell limit', async () => {
    await expect(loadWorkbook(legacy(), { cellLimit: 3 })).rejects.toMatchObject({ reason: 'too-many-cells', text: { en: expect.stringContaining('旧表') } });
  });
});

describe('packages built by other writers', () => {
  it('reads x:-prefixed parts with capitalised names and absolute targets', () => {
    const X = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const data = zipSync({
      '_rels/.rels': strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/XL/Workbook.xml"/></Relationships>`),
      'XL/Workbook.xml': strToU8(
        `<x:workbook xmlns:x="${X}" xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="考核" sheetId="1" r:id="R9"/></x:sheets><x:definedNames><x:definedName name="BranchAssessment_summary">'考核'!$A$1</x:definedName></x:definedNames></x:workbook>`,
      ),
      'XL/_rels/Workbook.xml.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="R9" Type="${REL}/worksheet" Target="/XL/Data/Ratings.XML"/><Relationship Id="R8" Type="${REL}/sharedStrings" Target="Strings.xml"/><Relationship Id="R7" Type="${REL}/styles" Target="Styles.xml"/></Relationships>`,
      ),
      'XL/Strings.xml': strToU8(`<x:sst xmlns:x="${X}"><x:si><x:t>党支部</x:t></x:si><x:si><x:r><x:t>优</x:t></x:r><x:r><x:t xml:space="preserve">秀 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ユウ</x:t></x:rPh></x:si></x:sst>`),
      'XL/Styles.xml': strToU8(`<x:styleSheet xmlns:x="${X}"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>`),
      'XL/Data/Ratings.XML': strToU8(
        `<x:worksheet xmlns:x="${X}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>` +
          `<x:row><x:c><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
    });
    const s = readWorkbook(data);
    expect(s.sheets).toHaveLength(1);
    expect(s.sheets[0].name).toBe('考核');
    expect(s.sheets[0].createdBy).toBe('summary');
    expect(s.sheets[0].values).toEqual([
      ['党支部', '优秀 '],
      [1, '1904-01-01', true, { error: '#N/A' }],
    ]);
  });

  it('reads ns0:-prefixed parts (Python ElementTree output) and cells without r after ones with it', () => {
    const data = pkg([['Sheet', 'worksheets/sheet.xml', `<ns0:worksheet xmlns:ns0="${MAIN}"><ns0:sheetData><ns0:row r="3" hidden="1"><ns0:c r="C3"><ns0:v>7</ns0:v></ns0:c><ns0:c><ns0:v>8</ns0:v></ns0:c></ns0:row></ns0:sheetData></ns0:worksheet>`]]);
    const s = readWorkbook(data).sheets[0];
    expect(s.values).toEqual([[], [], [null, null, 7, 8]]);
    expect(s.hiddenRows).toEqual([2]);
  });

  it('shared formulas: the master keeps its text, followers get theirs shifted', () => {
    const rows =
      '<row r="1"><c r="A1"><f>1</f><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A1:A2)&amp;"A1"</f><v>2</v></c></row>' +
      '<row r="2"><c r="B2"><f t="shared" si="0"/><v>3</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>';
    const s = readWorkbook(pkg([['S', 'worksheets/sheet1.xml', sheetXml(rows)]])).sheets[0];
    expect(s.formulas!.map((r) => r[1])).toEqual(['A1*2+$A$1+SUM(A1:A2)&"A1"', 'A2*2+$A$1+SUM(A2:A3)&"A1"', 'A3*2+$A$1+SUM(A3:A4)&"A1"']);
    expect(s.values.map((r) => r[1])).toEqual([2, 3, 4]);
  });

  it('a .docx (zip without a workbook) is not a workbook', () => {
    const docx = zipSync({ '_rels/.rels': strToU8(`<Relationships xmlns="${PKG}"/>`), 'word/document.xml': strToU8('<w:document/>') });
    expect(failure(() => readWorkbook(docx)).reason).toBe('not-a-workbook');
  });
});

describe('hostile files end with a correct read or one clear line', () => {
  it('a validation over A1:XFD1048576 is one range', () => {
    const s = readWorkbook(
      pkg([['S', 'worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>')]]),
    );
    expect(s.sheets[0].validations).toEqual(['A1:XFD1048576']);
    expect(s.sheets[0].values).toEqual([[1]]);
  });

  it('a drop-down on whole rating columns (C3:AB1048576) from a range is one range and one formula', () => {
    const s = readWorkbook(
      pkg([['评分', 'worksheets/sheet1.xml', sheetXml('<row r="3"><c r="C3" t="inlineStr"><is><t>优秀</t></is></c></row>', '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C3:AB1048576 AD3"><formula1>$AF$1:$AF$4</formula1></dataValidation></dataValidations>')]]),
    );
    expect(s.sheets[0].validations).toEqual(['C3:AB1048576', 'AD3']);
    expect(s.objectFormulas).toEqual([{ kind: 'validation', label: 'C3:AB1048576 AD3', sheet: '评分', formula: '$AF$1:$AF$4' }]);
    expect(s.sheets[0].values[2]).toEqual([null, null, '优秀']);
  });

  it('conditional formats: each rule formula once, plain and x14 (where Excel keeps rules over another sheet), with its ranges', () => {
    const plain = '<conditionalFormatting sqref="B2:B20 D2"><cfRule type="expression" dxfId="0" priority="1"><formula>$B2&gt;考核汇总!$K$5</formula></cfRule><cfRule type="cellIs" dxfId="1" priority="2" operator="equal"><formula>"优秀"</formula></cfRule></conditionalFormatting>';
    const x14 =
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>' +
      '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" priority="3" id="{00000000-0000-0000-0000-000000000001}"><xm:f>&apos;考核汇总&apos;!$L$3=&quot;优秀&quot;</xm:f><x14:dxf/></x14:cfRule><xm:sqref>C2:C20</xm:sqref></x14:conditionalFormatting>' +
      '</x14:conditionalFormattings></ext></extLst>';
    const s = readWorkbook(pkg([['我的统计', 'worksheets/sheet1.xml', sheetXml('<row r="2"><c r="B2"><v>90</v></c></row>', plain + x14)]]));
    expect(s.objectFormulas).toEqual([
      { kind: 'conditional-format', label: 'B2:B20 D2', sheet: '我的统计', formula: '$B2>考核汇总!$K$5' },
      { kind: 'conditional-format', label: 'B2:B20 D2', sheet: '我的统计', formula: '"优秀"' },
      { kind: 'conditional-format', label: 'C2:C20', sheet: '我的统计', formula: `'考核汇总'!$L$3="优秀"` },
    ]);
    expect(s.sheets[0].values[1]).toEqual([null, 90]);
  });

  it('50,000 merged ranges are kept as ranges, covered values dropped', () => {
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join('');
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>';
    const s = readWorkbook(pkg([['S', 'worksheets/sheet1.xml', sheetXml(rows, `<mergeCells count="50000">${merges}</mergeCells>`)]])).sheets[0];
    expect(s.merges).toHaveLength(50_000);
    expect(s.merges[49_999]).toBe('A99999:B99999');
    expect(s.values).toEqual([[1]]);
  });

  it('a zip bomb (a part inflating beyond its declared size) is refused', () => {
    const bomb = bombPackage(1000);
    const e = failure(() => readWorkbook(bomb));
    expect(e.reason).toBe('too-large');
    expect(e.text.zh).toContain('压缩炸弹');
    expect(e.text.en).toContain('xl/worksheets/sheet1.xml');
  });

  it('parts declaring more than 1 GiB unpacked are refused before inflating', () => {
    const e = failure(() => readWorkbook(bombPackage(UNPACKED_LIMIT + 1)));
    expect(e.reason).toBe('too-large');
    expect(e.text.zh).toContain('1 GiB');
    expect(e.text.en).toContain('1 GiB');
  });

  it('a workbook over 20,000,000 cells is refused while it is read, naming the limit', () => {
    // 20,000,001 empty cells, 16,384 per row (about 80 MB of XML): each row deflated once and its
    // byte-aligned blocks repeated, so the test builds a 0.3 MB file in no time.
    const head = strToU8(`<worksheet xmlns="${MAIN}"><sheetData>`);
    const row = strToU8(`<row>${'<c/>'.repeat(16_384)}</row>`);
    const tail = strToU8('</sheetData></worksheet>');
    const rows = Math.ceil(20_000_001 / 16_384);
    const h = stored(head);
    const r = flushed(row);
    const t = stored(tail);
    const raw = concat([h, ...Array.from({ length: rows }, () => r), t, new Uint8Array([1, 0, 0, 0xff, 0xff])]);
    const size = head.length + rows * row.length + tail.length;
    const data = pkgWithRawSheet(raw, size);
    const e = failure(() => readWorkbook(data));
    expect(e.reason).toBe('too-many-cells');
    expect(e.text.zh).toContain('20,000,000');
    expect(e.text.en).toContain('20,000,000-cell limit');
    expect(e.text.en).toContain('S');
  });
});

/** Bytes deflated into non-final, byte-aligned blocks that may be concatenated with others. */
function flushed(data: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (c) => out.push(c));
  d.push(data);
  d.flush(true);
  return concat(out);
}

/** A short text as one non-final stored deflate block (fflate's flush mangles some short inputs). */
function stored(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + data.length);
  out[0] = 0;
  out[1] = data.length & 0xff;
  out[2] = data.length >> 8;
  out[3] = ~data.length & 0xff;
  out[4] = (~data.length >> 8) & 0xff;
  out.set(data, 5);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The test package with its sheet part replaced by raw deflate bytes declaring `size` unpacked bytes. */
function pkgWithRawSheet(raw: Uint8Array, size: number): Uint8Array {
  const base = pkg([['S', 'worksheets/sheet1.xml', 'PLACEHOLDER']]);
  // Re-assemble: every entry of `base` stored as it is, except the sheet, which gets `raw`.
  const entries = readEntries(base);
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const isSheet = e.name === 'xl/worksheets/sheet1.xml';
    const data = isSheet ? raw : e.raw;
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, isSheet ? 8 : e.method, true);
    lv.setUint32(14, isSheet ? 0 : e.crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, isSheet ? size : e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cen = new Uint8Array(46 + name.length);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, isSheet ? 8 : e.method, true);
    cv.setUint32(16, isSheet ? 0 : e.crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, isSheet ? size : e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cen.set(name, 46);
    out.push(local, data);
    central.push(cen);
    offset += local.length + data.length;
  }
  const cd = concat(central);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, offset, true);
  return concat([...out, cd, end]);
}

function readEntries(zip: Uint8Array): { name: string; method: number; crc: number; size: number; raw: Uint8Array }[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    const csize = v.getUint32(p + 20, true);
    const size = v.getUint32(p + 24, true);
    const nl = v.getUint16(p + 28, true);
    const el = v.getUint16(p + 30, true);
    const cl = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nl));
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.push({ name, method, crc, size, raw: zip.subarray(start, start + csize) });
    p += 46 + nl + el + cl;
  }
  return out;
}

/** A bomb: 3 GB of zeros (one deflated megabyte repeated, about 3 MB), declaring `declared` bytes. */
function bombPackage(declared: number): Uint8Array {
  const mb = flushed(new Uint8Array(1024 * 1024));
  return pkgWithRawSheet(concat([...Array.from({ length: 3 * 1024 }, () => mb), new Uint8Array([1, 0, 0, 0xff, 0xff])]), declared);
}
