/**
 * The writer by package surgery on hand-made packages: namespace prefixes kept (x:), the document
 * properties' sheet list, the calculation chain of a replaced sheet, styles appended after the
 * workbook's own, and the office's sheet patched cell by cell.
 */
import { zipSync, strToU8 } from 'fflate';
import { patchCells } from '../../../src/hosts/xlsx/fill';
import { PlanConflict, writePackage } from '../../../src/hosts/xlsx/package-write';
import { openZip } from '../../../src/hosts/xlsx/zip';
import { useDeflater } from '../../../src/hosts/xlsx/zip-write';
import { useNodeDeflate } from '../../../src/hosts/xlsx/zip-write-node';
import type { SheetPlan } from '../../../src/workbook/plan';

const X = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook written with an x: prefix everywhere, as some generators do. */
function prefixedPackage(extra: Record<string, string> = {}, names = ''): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/app.xml': `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>数据</vt:lpstr><vt:lpstr>得分</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${X}" xmlns:rel="${R}"><x:sheets><x:sheet name="数据" sheetId="3" rel:id="rId7"/></x:sheets>${names}<x:calcPr calcId="1"/></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}"><Relationship Id="rId7" Type="${R}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId8" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="${X}"><x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="2" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
    'xl/worksheets/data.xml': `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${X}"><x:dimension ref="A1:B2"/><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>党支部</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>总分</x:t></x:is></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>机关</x:t></x:is></x:c><x:c s="1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

function plan(over: Partial<SheetPlan> & { name: string }): SheetPlan {
  return { mode: 'new', kind: 'summary', values: [['结果']], styles: [{ range: 'A1', style: { bold: true, fill: '#FFEEAA', numberFormat: '0.0', border: true } }], merges: [], columnWidths: [], links: [], validations: [], ...over };
}

const text = (b: Uint8Array, name: string) => openZip(b).find(name)!.text();

describe('a prefixed workbook (x:)', () => {
  const input = prefixedPackage();
  const out = writePackage([...openZip(input).entries], [{ sheets: [plan({ name: '考核汇总', print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: '1:1' } })] }]);

  it('adds the sheet, its relationship and its names with the workbook\'s own prefixes', () => {
    const wb = text(out, 'xl/workbook.xml');
    expect(wb).toContain('<x:sheet name="数据" sheetId="3" rel:id="rId7"/><x:sheet name="考核汇总" sheetId="4" rel:id="rId9"/></x:sheets>');
    expect(wb).toContain(`<x:definedNames><x:definedName name="BranchAssessment_summary" localSheetId="1">&apos;考核汇总&apos;!$A$1</x:definedName><x:definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;考核汇总&apos;!$1:$1</x:definedName></x:definedNames><x:calcPr`);
    expect(text(out, 'xl/_rels/workbook.xml.rels')).toContain(`<Relationship Id="rId9" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`);
    expect(text(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
  });

  it('appends styles after the workbook\'s own, in its prefix, counts updated', () => {
    const styles = text(out, 'xl/styles.xml');
    expect(styles).toContain('<x:fonts count="2"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font><x:font><x:b/><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>');
    expect(styles).toContain('<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFEEAA"/>');
    expect(styles).toMatch(/<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"\/><x:xf numFmtId="2" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"\/><x:xf numFmtId="164" fontId="1" fillId="2" borderId="1"/);
    expect(styles).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0"/></x:numFmts><x:fonts');
    expect(text(out, 'xl/worksheets/sheet1.xml')).toContain('<c r="A1" s="2" t="inlineStr"><is><t>结果</t></is></c>');
  });

  it('lists the new sheet among the worksheets of the document properties', () => {
    const app = text(out, 'docProps/app.xml');
    expect(app).toContain('<vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>');
    expect(app).toContain('<vt:vector size="3" baseType="lpstr"><vt:lpstr>数据</vt:lpstr><vt:lpstr>考核汇总</vt:lpstr><vt:lpstr>得分</vt:lpstr></vt:vector>');
  });

  it('copies the untouched sheet part as it was', () => {
    expect(text(out, 'xl/worksheets/data.xml')).toBe(text(input, 'xl/worksheets/data.xml'));
  });

  it('refuses to replace or overwrite a sheet the user made, writing nothing', () => {
    const parts = [...openZip(input).entries];
    expect(() => writePackage(parts, [{ sheets: [plan({ name: '结果', replaces: '数据' })] }])).toThrow(PlanConflict);
    expect(() => writePackage(parts, [{ sheets: [plan({ name: '数据' })] }])).toThrow(/already exists/);
  });
});

describe('replacing the product\'s own sheet', () => {
  it('removes its part, relationship, override, scoped names and calcChain entries; the replacement takes its tab', () => {
    const first = writePackage([...openZip(prefixedPackage()).entries], [{ sheets: [plan({ name: '考核汇总', values: [['明细']], links: [{ cell: 'A1', sheet: '数据', target: 'A1' }] })] }]);
    // Excel, saving that file, would chain the link's formula: entries for sheetId 4 (ours) and 3 (the user's).
    const withChain = [...openZip(first).entries].map((e) => ({ name: e.name, data: e.bytes() }));
    const files: Record<string, Uint8Array> = Object.fromEntries(withChain.map((e) => [e.name, e.data]));
    files['xl/calcChain.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="${X}"><c r="B2" i="3"/><c r="A1" i="4"/><c r="A2"/></calcChain>`);
    const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']).replace('</Relationships>', `<Relationship Id="rId50" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`);
    files['xl/_rels/workbook.xml.rels'] = strToU8(rels);
    const again = writePackage([...openZip(zipSync(files)).entries], [{ sheets: [plan({ name: '考核汇总', replaces: '考核汇总', values: [['新']] })] }]);
    const wb = text(again, 'xl/workbook.xml');
    expect(wb).toContain('<x:sheet name="数据" sheetId="3" rel:id="rId7"/><x:sheet name="考核汇总" sheetId="5" rel:id="rId51"/>');
    expect(wb.match(/BranchAssessment_summary/g)).toHaveLength(1);
    // The old part is gone; the new one may take its free name, with one relationship and one override.
    expect(openZip(again).entries.filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => e.name)).toEqual(['xl/worksheets/data.xml', 'xl/worksheets/sheet1.xml']);
    expect(text(again, 'xl/worksheets/sheet1.xml')).toContain('<t>新</t>');
    expect(text(again, '[Content_Types].xml').match(/\/xl\/worksheets\/sheet1\.xml/g)).toHaveLength(1);
    expect(text(again, 'xl/_rels/workbook.xml.rels').match(/Target="worksheets\/sheet1\.xml"/g)).toHaveLength(1);
    expect(text(again, 'xl/_rels/workbook.xml.rels')).not.toContain('rId9"');
    expect(text(again, 'xl/calcChain.xml')).toContain('<calcChain xmlns="' + X + '"><c r="B2" i="3"/></calcChain>');
  });
});

describe('patchCells (the office summary, SPEC §4.6)', () => {
  const sheet = `<x:worksheet xmlns:x="${X}"><x:dimension ref="A1:B2"/><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c s="4"><x:v>1</x:v></x:c></x:row><x:row customFormat="1" s="7"><x:c><x:v>3</x:v></x:c><x:c s="1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData><x:mergeCells count="0"/></x:worksheet>`;

  it('replaces cells keeping their style, never a formula; numbers the rows and cells it had to', () => {
    const out = patchCells(sheet, [
      { cell: 'B1', value: '优秀' },
      { cell: 'B2', value: 95 },
      { cell: 'C2', value: true },
      { cell: 'A4', value: 88.5 },
    ]);
    expect(out).toBe(
      `<x:worksheet xmlns:x="${X}"><x:dimension ref="A1:C4"/><x:sheetData>` +
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="4" t="inlineStr"><x:is><x:t>优秀</x:t></x:is></x:c></x:row>` +
        `<x:row r="2" customFormat="1" s="7"><x:c r="A2"><x:v>3</x:v></x:c><x:c r="B2" s="1"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="C2" s="7" t="b"><x:v>1</x:v></x:c></x:row>` +
        `<x:row r="4"><x:c r="A4"><x:v>88.5</x:v></x:c></x:row>` +
        `</x:sheetData><x:mergeCells count="0"/></x:worksheet>`,
    );
  });

  it('fills an empty <sheetData/>', () => {
    expect(patchCells('<worksheet><sheetData/></worksheet>', [{ cell: 'B3', value: 'x' }])).toBe('<worksheet><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>');
  });
});

describe('the Node deflater (zlib)', () => {
  afterEach(() => useDeflater(undefined));

  it('writes the same parts, with the same checksums, as the portable one', () => {
    const parts = [...openZip(prefixedPackage()).entries];
    const plans = [{ sheets: [plan({ name: '考核汇总', values: Array.from({ length: 3000 }, (_, i) => [`第${i}党支部`, i * 1.5]) })] }];
    const portable = openZip(writePackage(parts, plans));
    useNodeDeflate();
    const native = openZip(writePackage(parts, plans));
    expect(native.entries.map((e) => [e.name, e.crc32, e.size])).toEqual(portable.entries.map((e) => [e.name, e.crc32, e.size]));
    for (const e of native.entries) expect(Buffer.from(e.bytes()).equals(Buffer.from(portable.find(e.name)!.bytes()))).toBe(true);
  });
});
