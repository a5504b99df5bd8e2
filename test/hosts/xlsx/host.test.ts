import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  applyPlan,
  createWorkbook,
  loadWorkbook,
  saveWorkbook,
  snapshotOf,
  XlsxError,
  XlsxHost,
  type XlsxWorkbook,
} from '../../../src/hosts/xlsx';
import { sheetOfRange } from '../../../src/hosts/xlsx/markers';
import type { FillPlan, SheetPlan } from '../../../src/workbook/plan';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

async function roundTrip(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

/** A workbook the office made, built with ExcelJS (a test tool only) and loaded as a file. */
async function officeWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  return loadWorkbook(await officeBytes(build));
}

async function officeBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The file as ExcelJS sees it, to check styles and print setup (the host's reader keeps values only). */
async function excelOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async('string');
}

function sheetPlan(over: Partial<SheetPlan> & { name: string }): SheetPlan {
  return { mode: 'new', kind: 'summary', values: [], styles: [], merges: [], columnWidths: [], links: [], validations: [], ...over };
}

describe('snapshotOf', () => {
  let wb: XlsxWorkbook;
  beforeAll(async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('数据');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 3;
    ws.getCell('B2').value = { formula: 'A2*2', result: 6 };
    ws.getCell('C2').value = { richText: [{ text: '优' }, { font: { bold: true }, text: '秀' }] };
    ws.getCell('A3').value = new Date(Date.UTC(2026, 8, 15));
    ws.getCell('B3').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('C3').value = { error: '#N/A' };
    ws.getCell('D3').value = true;
    ws.getCell('E5').value = '  空格  ';
    ws.getCell('A6').value = { formula: 'VLOOKUP(1,A1:A2,2,0)', result: { error: '#N/A' } };
    const hidden = src.addWorksheet('隐藏');
    hidden.state = 'hidden';
    hidden.getCell('B2').value = 'x';
    wb = await loadWorkbook(new Uint8Array(await src.xlsx.writeBuffer()));
  });

  it('reads values from A1 with the right shapes', () => {
    const s = snapshotOf(wb).sheets[0];
    expect(s.name).toBe('数据');
    expect(s.values[0]).toEqual(['标题']); // B1, C1 are merged into A1: not echoed
    expect(s.values[1]).toEqual([3, 6, '优秀']);
    expect(s.values[2]).toEqual(['2026-09-15', '链接', { error: '#N/A' }, true]);
    expect(s.values[3]).toEqual([]);
    expect(s.values[4]).toEqual([null, null, null, null, '  空格  ']);
    expect(s.values[5]).toEqual([{ error: '#N/A' }]);
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.visible).toBe(true);
    expect(s.createdBy).toBeUndefined();
  });

  it('gives formulas in the same addressing, without "="', () => {
    const s = snapshotOf(wb).sheets[0];
    expect(s.formulas?.[1]).toEqual([null, 'A2*2']);
    expect(s.formulas?.[5]).toEqual(['VLOOKUP(1,A1:A2,2,0)']);
    expect(s.formulas?.[0]).toEqual([]);
  });

  it('keeps hidden sheets, marked invisible, and omits formulas when there are none', () => {
    const s = snapshotOf(wb).sheets[1];
    expect(s).toEqual({ name: '隐藏', values: [[], [null, 'x']], merges: [], visible: false });
  });

  it('reads a LibreOffice-saved workbook: merged titles, cached formula results, dates', () => {
    const snap = snapshotOf(awaitLoaded);
    const names = snap.sheets.map((s) => s.name);
    expect(names).toEqual(['说明', '支部名单', '考核参数', '民主测评', '组织考核汇总', '自评记录', '抽检记录']);
    const roster = snap.sheets[1];
    expect(roster.merges).toEqual(['A1:D1']);
    expect(roster.values[2]).toEqual([1, '机关第一党支部', '机关党总支', 6]);
    expect(roster.formulas?.[2]).toEqual([null, null, null, '3+3']);
    const checks = snap.sheets[6];
    expect(checks.values[1]).toEqual(['机关第二党支部', '专题抽检', '2026-09-15', '主题党日材料完整规范', 2]);
    expect(checks.values[2]).toEqual(['机关第一党支部', '日常抽检', '2026-05-20', '学习笔记抽查']);
    const forms = snap.sheets[3];
    expect(forms.values[13][14]).toBe('好的'); // O14
    expect(forms.values[14][17]).toBeNull(); // R15
    expect(snap.sheets[4].values[34]).toEqual(['1.1', '支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。', 2, 2, '√']);
  });
  let awaitLoaded: XlsxWorkbook;
  beforeAll(async () => {
    awaitLoaded = await loadWorkbook(fixture('office-2026.xlsx'));
  });
});

describe('applyPlan → save → reload', () => {
  let bytes: Uint8Array;
  let wb: XlsxWorkbook;
  let xl: ExcelJS.Workbook;
  const plan: SheetPlan = sheetPlan({
    name: '考核汇总',
    values: [['2026年度汇总', null, null], ['序号', '党支部', '总分'], [1, '机关第一党支部', 95.8], [2, '机关第二党支部', null], [null, '明细', true]],
    styles: [
      { range: 'A1:C1', style: { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' } },
      { range: 'A2:C2', style: { bold: true, fill: '#D9E1F2', border: true, wrap: true } },
      { range: 'C3:C4', style: { numberFormat: '0.0', fontColor: '#C00000', hAlign: 'right' } },
    ],
    merges: ['A1:C1'],
    columnWidths: [6, 18, 8],
    rowHeights: [{ row: 0, height: 28 }],
    freeze: { rows: 2, columns: 1 },
    links: [{ cell: 'B5', sheet: '民主测评', target: 'F12' }],
    validations: [{ range: 'C3:C4', list: ['优秀', '较好', '一般', '差'] }],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: '2:2', area: 'A1:C5', centered: true },
    tabColor: '#70AD47',
  });

  beforeAll(async () => {
    const src = await officeWorkbook((w) => {
      w.addWorksheet('民主测评').getCell('A1').value = '原始';
    });
    applyPlan(src, { sheets: [plan], activate: '考核汇总' });
    bytes = await saveWorkbook(src);
    wb = await loadWorkbook(bytes);
    xl = await excelOf(bytes);
  });

  it('writes the values exactly, nulls left empty', () => {
    const s = snapshotOf(wb).sheets[1];
    expect(s.values).toEqual([['2026年度汇总'], ['序号', '党支部', '总分'], [1, '机关第一党支部', 95.8], [2, '机关第二党支部'], [null, '明细', true]]);
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.createdBy).toBe('summary');
    expect(snapshotOf(wb).sheets[0].createdBy).toBeUndefined();
  });

  it('writes fonts, fills, borders, number formats and alignment', () => {
    const ws = xl.getWorksheet('考核汇总')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('B2').border.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('C2').border.right).toMatchObject({ style: 'thin' });
    expect(ws.getCell('B2').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('C3').numFmt).toBe('0.0');
    expect(ws.getCell('C4').font.color).toEqual({ argb: 'FFC00000' });
    expect(ws.getCell('C3').alignment).toMatchObject({ horizontal: 'right' });
    expect(ws.getColumn(2).width).toBe(18);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF70AD47' });
  });

  it('writes an in-workbook link as a HYPERLINK formula showing the cell text', () => {
    const ws = xl.getWorksheet('考核汇总')!;
    expect(ws.getCell('B5').formula).toBe(`HYPERLINK("#'民主测评'!F12","明细")`);
    expect(ws.getCell('B5').result).toBe('明细');
    expect(ws.getCell('B5').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
  });

  it('writes the drop-down list as one rule over the range', async () => {
    const xml = await partText(bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<dataValidations count="1">');
    expect(xml).toMatch(/<dataValidation type="list" errorStyle="warning" allowBlank="1"[^>]*sqref="C3:C4"><formula1>&quot;优秀,较好,一般,差&quot;<\/formula1>/);
    // a warning that lets another spelling stay (the product checks it), never a stop that refuses it
    expect(xml).toContain('errorTitle="不在下拉列表中 / Not in the list"');
    expect(xml).toContain('error="建议从下拉列表中选择（优秀、较好、一般、差）。其他写法也可以保留：计算时会检查，无法识别的列入“校验问题”。&#10;');
    const ws = xl.getWorksheet('考核汇总')!;
    expect(ws.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['"优秀,较好,一般,差"'], errorStyle: 'warning', showErrorMessage: true });
  });

  it('writes the print setup: A4, portrait, one page wide, title rows, area, centred', async () => {
    const ws = xl.getWorksheet('考核汇总')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '2:2' });
    expect(ws.pageSetup.printArea).toBe('A1:C5');
    const xml = await partText(bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it('scopes the marker to its sheet (localSheetId) at $A$1', async () => {
    const xml = await partText(bytes, 'xl/workbook.xml');
    expect(xml).toContain(`<definedName name="BranchAssessment_summary" localSheetId="1">&apos;考核汇总&apos;!$A$1</definedName>`);
    // The office's workbook opens on the tab it was saved with: making another tab active would group it with the selected one.
    expect(await partText(bytes, 'xl/worksheets/sheet2.xml')).not.toContain('tabSelected');
  });

  it('keeps the marker through a second save', async () => {
    const again = await roundTrip(wb);
    expect(snapshotOf(again).sheets.map((s) => s.createdBy)).toEqual([undefined, 'summary']);
  });
});

describe('replacing and filling', () => {
  async function workbookWithOutputs(): Promise<XlsxWorkbook> {
    const wb = await officeWorkbook((w) => {
      w.addWorksheet('民主测评').getCell('A1').value = '党支部';
      w.addWorksheet('备注').getCell('A1').value = '用户的表';
    });
    applyPlan(wb, { sheets: [sheetPlan({ name: '考核汇总', values: [['旧结果'], ['x', 'y']], merges: ['A2:B2'] })] });
    applyPlan(wb, { sheets: [sheetPlan({ name: '校验问题', kind: 'checks', values: [['旧问题']] })] });
    return roundTrip(wb);
  }

  it('replaces a marked sheet in place, keeping its tab position and one marker (new sheets go after the workbook\'s own)', async () => {
    const wb = await workbookWithOutputs();
    applyPlan(wb, { sheets: [sheetPlan({ name: '考核汇总', replaces: '考核汇总', values: [['新结果']] })] });
    const bytes = await saveWorkbook(wb);
    const snap = snapshotOf(await loadWorkbook(bytes));
    expect(snap.sheets.map((s) => [s.name, s.createdBy ?? null])).toEqual([
      ['民主测评', null],
      ['备注', null],
      ['考核汇总', 'summary'],
      ['校验问题', 'checks'],
    ]);
    expect(snap.sheets[2].values).toEqual([['新结果']]);
    expect(snap.sheets[2].merges).toEqual([]);
    const xml = await partText(bytes, 'xl/workbook.xml');
    expect(xml.match(/BranchAssessment_summary/g)).toHaveLength(1);
    expect(xml).toContain(`<definedName name="BranchAssessment_summary" localSheetId="2">`);
    expect(xml).toContain(`<definedName name="BranchAssessment_checks" localSheetId="3">`);
  });

  it('refuses to replace a sheet without the marker, or to overwrite an existing name', async () => {
    const wb = await workbookWithOutputs();
    expect(() => applyPlan(wb, { sheets: [sheetPlan({ name: 'X', replaces: '备注' })] })).toThrow(/no BranchAssessment marker/);
    expect(() => applyPlan(wb, { sheets: [sheetPlan({ name: '备注' })] })).toThrow(/already exists/);
    expect(snapshotOf(wb).sheets.find((s) => s.name === '备注')!.values[0][0]).toBe('用户的表');
  });

  it('fills only the listed cells of the office summary, keeping styles and formulas', async () => {
    const wb = await officeWorkbook((w) => {
      const ws = w.addWorksheet('考核汇总');
      ws.getRow(1).values = ['党支部', '总分', '等级'];
      ws.getCell('B2').numFmt = '0.00';
      ws.getCell('B2').font = { bold: true };
      ws.getCell('A2').value = '机关第一党支部';
      ws.getCell('C2').value = { formula: 'IF(B2>=90,"优秀","")', result: '' };
    });
    const fill: FillPlan = { mode: 'fill', kind: 'summary', name: '考核汇总', cells: [{ cell: 'B2', value: 95.8 }, { cell: 'C2', value: '优秀' }, { cell: 'D9', value: 'x' }] };
    applyPlan(wb, { sheets: [fill] });
    const saved = await saveWorkbook(wb);
    const out = await loadWorkbook(saved);
    const o = (await excelOf(saved)).getWorksheet('考核汇总')!;
    expect(o.getCell('B2').value).toBe(95.8);
    expect(o.getCell('B2').numFmt).toBe('0.00');
    expect(o.getCell('B2').font).toMatchObject({ bold: true });
    expect(o.getCell('C2').formula).toBe('IF(B2>=90,"优秀","")');
    expect(o.getCell('D9').value).toBe('x');
    expect(snapshotOf(out).sheets[0].createdBy).toBeUndefined();
  });

  it('works behind the WorkbookHost interface', async () => {
    const host = new XlsxHost(
      await officeWorkbook((w) => {
        w.addWorksheet('数据').getCell('B2').value = 1;
      }),
    );
    await host.applyPlan({ sheets: [sheetPlan({ name: '计算明细', kind: 'details', values: [['明细']] })] });
    const snap = await new XlsxHost(await loadWorkbook(await host.save())).readSnapshot();
    expect(snap.sheets.map((s) => s.createdBy ?? null)).toEqual([null, 'details']);
  });

  it('a template sheet carries no marker', async () => {
    const wb = createWorkbook();
    applyPlan(wb, { sheets: [sheetPlan({ name: '民主测评', kind: 'template', values: [['党支部']] })] });
    expect(snapshotOf(await roundTrip(wb)).sheets[0].createdBy).toBeUndefined();
  });
});

describe('markers written by Excel', () => {
  it('recognises a sheet-scoped marker, quoted names included', async () => {
    expect(sheetOfRange("'考核汇总 (2)'!$A$1")).toBe('考核汇总 (2)');
    expect(sheetOfRange("'It''s'!$A$1")).toBe("It's");
    expect(sheetOfRange('Sheet1!$A$1')).toBe('Sheet1');
    // A workbook.xml as Excel writes it: the marker is local to the second sheet.
    const bytes = await officeBytes((w) => {
      w.addWorksheet('数据');
      w.addWorksheet('考核汇总 (2)');
    });
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="BranchAssessment_notification" localSheetId="1">'考核汇总 (2)'!$A$1</definedName><definedName name="BranchAssessment_bogus">'数据'!$A$1</definedName></definedNames>`,
    );
    zip.file('xl/workbook.xml', xml);
    const edited = await zip.generateAsync({ type: 'uint8array' });
    const snap = snapshotOf(await loadWorkbook(edited));
    expect(snap.sheets.map((s) => s.createdBy ?? null)).toEqual([null, 'notification']);
  });
});

describe('bad input', () => {
  async function reason(bytes: Uint8Array): Promise<string> {
    try {
      await loadWorkbook(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      const err = e as XlsxError;
      expect(err.text.zh).not.toMatch(/\n/);
      expect(err.text.en).not.toMatch(/\n/);
      return err.reason;
    }
    return 'loaded';
  }

  it('classifies empty, random, text, truncated, legacy and encrypted files', async () => {
    const good = fixture('office-2026.xlsx');
    expect(await reason(new Uint8Array(0))).toBe('empty');
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(await reason(random)).toBe('not-a-workbook');
    expect(await reason(new TextEncoder().encode('党支部,总分\n机关第一党支部,95.8\n'))).toBe('not-a-workbook');
    expect(await reason(good.slice(0, Math.floor(good.length / 2)))).toBe('corrupt');
    expect(await reason(good.slice(0, 100))).toBe('corrupt');
    expect(await reason(fixture('legacy.xls'))).toBe('loaded');
    expect(await reason(encryptedContainer())).toBe('encrypted');
  });

  it('says which: a password on an .xlsx or on an old .xls; an old .xls without one is read', async () => {
    await expect(loadWorkbook(encryptedContainer())).rejects.toMatchObject({ text: { zh: expect.stringContaining('密码') } });
    await expect(loadWorkbook(fixture('public/poi-password.xls'))).rejects.toMatchObject({ reason: 'encrypted', text: { zh: expect.stringContaining('旧版 .xls 工作簿设有打开密码'), en: expect.stringContaining('.xls') } });
    const old = snapshotOf(await loadWorkbook(fixture('legacy.xls')));
    expect(old.format).toBe('xls');
    expect(old.sheets.map((s) => [s.name, s.values])).toEqual([['旧表', [['党支部', '总分'], ['机关第一党支部', 95.8]]]]);
    expect(snapshotOf(await loadWorkbook(fixture('legacy.xls'), { fileName: '旧表.et' })).format).toBe('et');
  });

  it('a zip that holds no workbook is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect(await reason(await zip.generateAsync({ type: 'uint8array' }))).toBe('not-a-workbook');
  });
});

/** The header of an encrypted OOXML file: a Compound File whose directory names an EncryptionInfo stream. */
function encryptedContainer(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = 'EncryptionInfo';
  for (let i = 0; i < name.length; i++) bytes[1024 + 2 * i] = name.charCodeAt(i);
  return bytes;
}
