/**
 * Namespace-correct package edits (issue 21 item 1): whatever prefixes and declaration style the input
 * uses — on the root, per element (openpyxl 3.0 declares r: on each <sheet>), the default namespace,
 * x: or ns0: prefixes, Strict OOXML — every part the writer creates or extends parses strictly with
 * libxml2, and what it inserts is in the right namespace.
 */
import { strToU8, zipSync } from 'fflate';
import { fit, NS, rootNamespace, Scope } from '../../../src/hosts/xlsx/ns';
import { writePackage } from '../../../src/hosts/xlsx/package-write';
import { openZip } from '../../../src/hosts/xlsx/zip';
import type { SheetPlan } from '../../../src/workbook/plan';
import { expectStrictPackage, strictProblems } from '../../support/strict';

const EP = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';
const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const STRICT_EP = 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties';
const STRICT_VT = 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Dialect {
  workbook: string;
  rels: string;
  types: string;
  styles: string;
  app: string;
  /** the office's own 考核汇总, filled in place */
  summary: string;
  main: string;
  rel: string;
}

/** The parts of one two-sheet workbook (数据, 考核汇总) as a producer writes them. */
function dialect(name: string): Dialect {
  const M = NS.main;
  const R = NS.rel;
  const rels = (p: string, d = `xmlns${p ? ':' + p : ''}="${NS.pkgRel}"`, rel: string = R) =>
    `${XML}<${p ? p + ':' : ''}Relationships ${d}><${p ? p + ':' : ''}Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><${p ? p + ':' : ''}Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><${p ? p + ':' : ''}Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></${p ? p + ':' : ''}Relationships>`;
  const types = (p: string) => {
    const q = p ? p + ':' : '';
    return `${XML}<${q}Types xmlns${p ? ':' + p : ''}="${NS.types}"><${q}Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><${q}Default Extension="xml" ContentType="application/xml"/><${q}Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><${q}Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><${q}Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><${q}Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><${q}Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></${q}Types>`;
  };
  const styles = (open: string, q: string, close: string) =>
    `${XML}${open}<${q}fonts count="1"><${q}font><${q}sz val="11"/><${q}name val="宋体"/></${q}font></${q}fonts><${q}fills count="2"><${q}fill><${q}patternFill patternType="none"/></${q}fill><${q}fill><${q}patternFill patternType="gray125"/></${q}fill></${q}fills><${q}borders count="1"><${q}border/></${q}borders><${q}cellXfs count="1"><${q}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${q}cellXfs>${close}`;
  const app = (open: string, vOpen: string, v: string, close: string) =>
    `${XML}${open}<HeadingPairs>${vOpen.replace('$', 'size="2" baseType="variant"')}<${v}variant><${v}lpstr>工作表</${v}lpstr></${v}variant><${v}variant><${v}i4>2</${v}i4></${v}variant></${v}vector></HeadingPairs><TitlesOfParts>${vOpen.replace('$', 'size="2" baseType="lpstr"')}<${v}lpstr>数据</${v}lpstr><${v}lpstr>考核汇总</${v}lpstr></${v}vector></TitlesOfParts>${close}`;
  const summary = (open: string, q: string, close: string) =>
    `${XML}${open}<${q}sheetData><${q}row r="1"><${q}c r="A1" t="inlineStr"><${q}is><${q}t>党支部</${q}t></${q}is></${q}c><${q}c r="B1" t="inlineStr"><${q}is><${q}t>得分</${q}t></${q}is></${q}c></${q}row><${q}row r="2"><${q}c r="A2" t="inlineStr"><${q}is><${q}t>机关第一党支部</${q}t></${q}is></${q}c></${q}row></${q}sheetData>${close}`;
  switch (name) {
    case 'openpyxl 3.0 (r: declared on each <sheet>)':
      return {
        workbook: `${XML}<workbook xmlns="${M}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet xmlns:r="${R}" name="数据" sheetId="1" state="visible" r:id="rId1"/><sheet xmlns:r="${R}" name="考核汇总" sheetId="2" state="visible" r:id="rId2"/></sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
        rels: rels(''),
        types: types(''),
        styles: styles(`<styleSheet xmlns="${M}">`, '', '</styleSheet>'),
        app: app(`<Properties xmlns="${EP}">`, `<vt:vector xmlns:vt="${VT}" $>`, 'vt:', '</Properties>'),
        summary: summary(`<worksheet xmlns="${M}">`, '', '</worksheet>'),
        main: M,
        rel: R,
      };
    case 'default namespace, r: on the root (Excel)':
      return {
        workbook: `${XML}<workbook xmlns="${M}" xmlns:r="${R}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="考核汇总" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="x">数据!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
        rels: rels(''),
        types: types(''),
        styles: styles(`<styleSheet xmlns="${M}">`, '', '</styleSheet>'),
        app: app(`<Properties xmlns="${EP}" xmlns:vt="${VT}">`, '<vt:vector $>', 'vt:', '</Properties>'),
        summary: summary(`<worksheet xmlns="${M}" xmlns:r="${R}">`, '', '</worksheet>'),
        main: M,
        rel: R,
      };
    case 'x: prefix everywhere, r: declared on <sheets>':
      return {
        workbook: `${XML}<x:workbook xmlns:x="${M}"><x:sheets xmlns:r="${R}"><x:sheet name="数据" sheetId="1" r:id="rId1"/><x:sheet name="考核汇总" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`,
        rels: rels(''),
        types: types(''),
        styles: styles(`<x:styleSheet xmlns:x="${M}">`, 'x:', '</x:styleSheet>'),
        app: app(`<ep:Properties xmlns:ep="${EP}">`.replace(/<ep:Properties([^>]*)>/, '<Properties xmlns="' + EP + '">'), `<vt:vector xmlns:vt="${VT}" $>`, 'vt:', '</Properties>'),
        summary: summary(`<x:worksheet xmlns:x="${M}">`, 'x:', '</x:worksheet>'),
        main: M,
        rel: R,
      };
    case 'ns0: prefixes in every part (ElementTree)':
      return {
        workbook: `${XML}<ns0:workbook xmlns:ns0="${M}" xmlns:ns1="${R}"><ns0:sheets><ns0:sheet name="数据" sheetId="1" ns1:id="rId1"/><ns0:sheet name="考核汇总" sheetId="2" ns1:id="rId2"/></ns0:sheets></ns0:workbook>`,
        rels: rels('ns0'),
        types: types('ns0'),
        styles: styles(`<ns0:styleSheet xmlns:ns0="${M}">`, 'ns0:', '</ns0:styleSheet>'),
        app: app(`<ns0:Properties xmlns:ns0="${EP}" xmlns:ns1="${VT}">`, '<ns1:vector $>', 'ns1:', '</ns0:Properties>').replace(/<(\/?)(HeadingPairs|TitlesOfParts)>/g, '<$1ns0:$2>'),
        summary: summary(`<ns0:worksheet xmlns:ns0="${M}">`, 'ns0:', '</ns0:worksheet>'),
        main: M,
        rel: R,
      };
    case 'Strict OOXML (purl.oclc.org namespaces)':
      return {
        workbook: `${XML}<workbook xmlns="${NS.strictMain}" xmlns:r="${NS.strictRel}" conformance="strict"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="考核汇总" sheetId="2" r:id="rId2"/></sheets></workbook>`,
        rels: rels('', undefined, NS.strictRel),
        types: types(''),
        styles: styles(`<styleSheet xmlns="${NS.strictMain}">`, '', '</styleSheet>'),
        app: app(`<Properties xmlns="${STRICT_EP}" xmlns:vt="${STRICT_VT}">`, '<vt:vector $>', 'vt:', '</Properties>'),
        summary: summary(`<worksheet xmlns="${NS.strictMain}">`, '', '</worksheet>'),
        main: NS.strictMain,
        rel: NS.strictRel,
      };
    case 'declared per element, sheets re-declaring the default':
      return {
        workbook: `${XML}<s:workbook xmlns:s="${M}"><sheets xmlns="${M}"><sheet xmlns:rr="${R}" name="数据" sheetId="1" rr:id="rId1"/><sheet xmlns:rr="${R}" name="考核汇总" sheetId="2" rr:id="rId2"/></sheets><s:definedNames><s:definedName name="x">数据!$A$1</s:definedName></s:definedNames></s:workbook>`,
        rels: rels(''),
        types: types(''),
        styles: styles(`<styleSheet xmlns="${M}">`, '', '</styleSheet>').replace('<cellXfs count="1">', `<s:cellXfs xmlns:s="${M}" count="1">`).replace('</cellXfs>', '</s:cellXfs>'),
        app: app(`<Properties xmlns="${EP}">`, `<v:vector xmlns:v="${VT}" $>`, 'v:', '</Properties>').replace(/<v:lpstr>数据/, `<w:lpstr xmlns:w="${VT}">数据`).replace('数据</v:lpstr>', '数据</w:lpstr>'),
        summary: summary(`<worksheet xmlns="${M}">`, '', '</worksheet>').replace('<sheetData>', `<d:sheetData xmlns:d="${M}">`).replace('</sheetData>', '</d:sheetData>').replace(/<row r="2">/, `<e:row xmlns:e="${M}" r="2">`).replace(/<\/row><\/d:sheetData>/, '</e:row></d:sheetData>'),
        main: M,
        rel: R,
      };
    default:
      throw new Error(name);
  }
}

const DIALECTS = [
  'openpyxl 3.0 (r: declared on each <sheet>)',
  'default namespace, r: on the root (Excel)',
  'x: prefix everywhere, r: declared on <sheets>',
  'ns0: prefixes in every part (ElementTree)',
  'Strict OOXML (purl.oclc.org namespaces)',
  'declared per element, sheets re-declaring the default',
];

function pack(d: Dialect): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': d.types,
    '_rels/.rels': `${XML}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${d.rel}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${d.rel}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/app.xml': d.app,
    'xl/workbook.xml': d.workbook,
    'xl/_rels/workbook.xml.rels': d.rels,
    'xl/styles.xml': d.styles,
    'xl/worksheets/sheet1.xml': `${XML}<worksheet xmlns="${d.main}"><sheetData/></worksheet>`,
    'xl/worksheets/sheet2.xml': d.summary,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const plan = (name: string): SheetPlan => ({
  mode: 'new',
  name,
  kind: 'notification',
  values: [['通报'], [1.5]],
  styles: [{ range: 'A1', style: { bold: true, fill: '#FFEEAA', numberFormat: '0.0', border: true, fontName: '仿宋' } }],
  merges: [],
  columnWidths: [],
  links: [],
  validations: [],
  print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: '1:1' },
});

/** Element and attribute names of a part, resolved: "{uri}local" for each start tag and its attributes. */
function resolvedNames(xml: string): string[] {
  const out: string[] = [];
  const re = /<([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const scope = Scope.at(xml, m.index).enter(m[0]);
    out.push(`{${scope.uriOfName(m[1]) ?? ''}}${m[1].replace(/^.*:/, '')}`);
    for (const a of m[2].matchAll(/([\w.:-]+)\s*=/g)) {
      if (a[1].startsWith('xmlns')) continue;
      if (a[1].includes(':')) out.push(`@{${scope.uriOfName(a[1], true) ?? '?'}}${a[1].replace(/^.*:/, '')}`);
    }
  }
  return out;
}

describe.each(DIALECTS)('a workbook written with %s', (name) => {
  const d = dialect(name);
  const input = pack(d);
  const out = writePackage(
    [...openZip(input).entries],
    [{ sheets: [plan('通报'), { mode: 'fill', kind: 'summary', name: '考核汇总', cells: [{ cell: 'B2', value: 95.5 }, { cell: 'A3', value: '机关第二党支部' }, { cell: 'C1', value: '等次' }] }] }],
  );
  const text = (part: string) => openZip(out).find(part)!.text();

  it('is checked by a parser that sees the fault this issue is about', async () => {
    // The check itself: the input with r:id unbound must fail it (what the old writer produced).
    const broken = { ...d, workbook: d.workbook.replace('sheetId="1"', 'sheetId="1" zz:id="rId1"') };
    expect((await strictProblems(pack(broken))).join('\n')).toMatch(/xl\/workbook\.xml:\d+: namespace error : Namespace prefix zz for id on sheet is not defined/);
    await expectStrictPackage(input);
  });

  it('writes every part strictly well-formed, every prefix declared', async () => {
    await expectStrictPackage(out);
  });

  it('puts the new sheet, its names, relationship, override, styles, title and filled cells in the right namespaces', () => {
    const wb = resolvedNames(text('xl/workbook.xml'));
    expect(wb.filter((n) => n === `{${d.main}}sheet`)).toHaveLength(3);
    expect(wb.filter((n) => n === `@{${d.rel}}id`)).toHaveLength(3);
    expect(wb).toContain(`{${d.main}}definedName`);
    expect(wb.every((n) => n.startsWith(`{${d.main}}`) || n === `@{${d.rel}}id`)).toBe(true);
    expect(text('xl/workbook.xml')).toMatch(/name="通报" sheetId="3"/);
    expect(resolvedNames(text('xl/_rels/workbook.xml.rels')).filter((n) => n === `{${NS.pkgRel}}Relationship`)).toHaveLength(4);
    expect(resolvedNames(text('[Content_Types].xml')).filter((n) => n === `{${NS.types}}Override`)).toHaveLength(6);
    const styles = resolvedNames(text('xl/styles.xml'));
    expect(styles.every((n) => n.startsWith(`{${d.main}}`))).toBe(true);
    expect(styles.filter((n) => n === `{${d.main}}font`)).toHaveLength(2);
    const app = text('docProps/app.xml');
    expect(resolvedNames(app).filter((n) => n.endsWith('}lpstr')).every((n) => /docPropsVTypes\}lpstr$/.test(n))).toBe(true);
    expect(app).toMatch(/>数据<\/[\w:]*lpstr><[\w:]*lpstr>考核汇总<\/[\w:]*lpstr><[\w:]*lpstr>通报</);
    const summary = text('xl/worksheets/sheet2.xml');
    expect(resolvedNames(summary).every((n) => n.startsWith(`{${d.main}}`))).toBe(true);
    expect(summary).toMatch(/r="B2"[^>]*><(\w+:)?v>95\.5</);
    expect(summary).toMatch(/机关第二党支部/);
  });
});

describe('fit', () => {
  it('takes the prefix bound at the insertion point, or declares one on each top-level element', () => {
    const xml = `<a:root xmlns:a="urn:a"><a:list xmlns:b="urn:b"></a:list><a:other/></a:root>`;
    const inList = Scope.at(xml, xml.indexOf('</a:list>'));
    expect(fit('<item b:id="1"><sub/></item>', inList, { '': 'urn:a', b: 'urn:b' })).toBe('<a:item b:id="1"><a:sub/></a:item>');
    const inRoot = Scope.at(xml, xml.indexOf('<a:other'));
    expect(fit('<item r:id="1"/><item r:id="2"/>', inRoot, { '': 'urn:a', r: 'urn:b' })).toBe('<a:item xmlns:r="urn:b" r:id="1"/><a:item xmlns:r="urn:b" r:id="2"/>');
  });

  it('never reuses a prefix bound to another namespace, and keeps xml:space', () => {
    const xml = `<root xmlns="urn:a" xmlns:r="urn:other"><x/></root>`;
    const at = Scope.at(xml, xml.indexOf('<x/>'));
    expect(fit('<t xml:space="preserve" r:id="1"/>', at, { '': 'urn:a', r: 'urn:b' })).toBe('<t xmlns:r0="urn:b" xml:space="preserve" r0:id="1"/>');
  });

  it('sees declarations only while their element is open, and ignores comments and CDATA', () => {
    const xml = `<?xml version="1.0"?><!-- <z xmlns="urn:z"> --><r xmlns="urn:a"><e xmlns:p="urn:p"/><f xmlns="urn:f"><![CDATA[<g xmlns:q="urn:q">]]></f><here/></r>`;
    const s = Scope.at(xml, xml.indexOf('<here/>'));
    expect(s.uri('')).toBe('urn:a');
    expect(s.uri('p')).toBeUndefined();
    expect(s.uri('q')).toBeUndefined();
    expect(rootNamespace(xml)).toBe('urn:a');
  });
});
