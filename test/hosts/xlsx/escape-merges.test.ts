/**
 * Text XML cannot carry (saved as Excel's _xHHHH_ escapes), and huge merged ranges (kept away from
 * ExcelJS's per-cell merge; the sheet's part is copied untouched on save).
 */
import JSZip from 'jszip';
import { buildWorkbook, loadWorkbook, saveWorkbook, snapshotOf } from '../../../src/hosts/xlsx';
import { escapeIllegal, escapeXstring } from '../../../src/hosts/xlsx/escape';
import type { SheetPlan } from '../../../src/workbook/plan';

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}

describe('escapeXstring', () => {
  it('escapes what XML forbids as _xHHHH_, as Excel does', () => {
    expect(escapeXstring('a\u0001b')).toBe('a_x0001_b');
    expect(escapeXstring('甲\uFFFE乙\uFFFF')).toBe('甲_xFFFE_乙_xFFFF_');
    expect(escapeXstring('x\uD800y')).toBe('x_xD800_y');
    expect(escapeXstring('\uDC00')).toBe('_xDC00_');
    expect(escapeXstring('r\r\n')).toBe('r_x000D_\n');
    expect(escapeXstring('del\u007F')).toBe('del_x007F_');
  });

  it('escapes the underscore of a literal "_xHHHH_" and nothing else', () => {
    expect(escapeXstring('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeXstring('a_xfffe_b')).toBe('a_x005F_xfffe_b');
    expect(escapeXstring('_x00G1_ _x123_ snake_case')).toBe('_x00G1_ _x123_ snake_case');
  });

  it('leaves legal text alone: tab, line feed, CJK, a surrogate pair', () => {
    for (const s of ['', 'a\tb\nc', '第一党支部', '😀 ok', '_x']) expect(escapeXstring(s)).toBe(s);
  });

  it('escapeIllegal (formula results) keeps a literal _xHHHH_', () => {
    expect(escapeIllegal('_x0041_\uFFFE')).toBe('_x0041__xFFFE_');
  });
});

describe('saving text XML cannot carry', () => {
  const texts = ['甲\uFFFE支部', 'a\u0001b\u001Fc', '_x0041_ literal', 'lone \uD83D surrogate', 'crlf\r\nline', 'tab\there'];

  it('writes every text as Excel stores it (inline strings, _xHHHH_ escapes), and the file reopens', async () => {
    const plan: SheetPlan = {
      mode: 'new',
      kind: 'checks',
      name: '文本',
      values: texts.map((t) => [t]),
      styles: [],
      merges: [],
      columnWidths: [],
      links: [{ cell: 'B1', sheet: '文本', target: 'A1' }],
      validations: [],
    };
    plan.values[0].push('r\uFFFE');
    const saved = buildWorkbook({ sheets: [plan] });
    const sheet = await part(saved, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('甲_xFFFE_支部');
    expect(sheet).toContain('a_x0001_b_x001F_c');
    expect(sheet).toContain('_x005F_x0041_ literal');
    expect(sheet).toContain('lone _xD83D_ surrogate');
    expect(sheet).not.toMatch(/[\uFFFE\uFFFF\u0001]/);
    // A formula's cached text keeps only the XML-required escapes.
    expect(sheet).toContain('<v>r_xFFFE_</v>');

    expect(sheet).toContain('<t xml:space="preserve">crlf_x000D_\nline</t>');
    // ExcelJS (the reader until it is replaced) decodes escapes only in shared strings; legal text comes back as it was.
    const values = snapshotOf(await loadWorkbook(saved)).sheets[0].values;
    expect(values[5][0]).toBe('tab\there');
  });
});

/** A one-sheet workbook from raw sheet XML parts. */
async function sheetFile(rows: string, after: string): Promise<Uint8Array> {
  const z = new JSZip();
  z.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  z.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  z.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="封面" sheetId="1" r:id="rId1"/></sheets></workbook>');
  z.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  z.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`);
  return z.generateAsync({ type: 'uint8array' });
}

describe('huge merged ranges', () => {
  it('a merge over the whole sheet (A1:XFD1048576) loads quickly; the snapshot has it and only its top-left value', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>封面标题</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>被合并遮住</t></is></c></row>';
    const wb = await loadWorkbook(await sheetFile(rows, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    const sheet = snapshotOf(wb).sheets[0];
    expect(sheet.merges).toEqual(['A1:XFD1048576']);
    expect(sheet.values).toEqual([['封面标题']]); // B2 lies under the merge, as it would in Excel
  });

  it('saves it back as it was, and the saved file reloads the same', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>封面标题</t></is></c></row><row r="200"><c r="A200" t="inlineStr"><is><t>小合并</t></is></c></row>';
    const after = '<mergeCells count="2"><mergeCell ref="A1:XFD100"/><mergeCell ref="A200:B200"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    const input = await sheetFile(rows, after);
    const wb = await loadWorkbook(input);
    expect(snapshotOf(wb).sheets[0].merges).toEqual(['A1:XFD100', 'A200:B200']);
    const saved = await saveWorkbook(wb);
    // The sheet's part is copied as it was.
    expect(await part(saved, 'xl/worksheets/sheet1.xml')).toBe(await part(input, 'xl/worksheets/sheet1.xml'));
    const again = snapshotOf(await loadWorkbook(saved)).sheets[0];
    expect(again.merges).toEqual(['A1:XFD100', 'A200:B200']);
    expect(again.values[0]).toEqual(['封面标题']);
    expect(again.values[199]).toEqual(['小合并']);
  });
});
