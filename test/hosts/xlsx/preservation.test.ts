/**
 * Preservation on real packages: the product's grade added to a workbook keeps every input part byte
 * for byte (raw compressed bytes and CRC included), the extended parts keep every entry they had, a
 * second grade of the output replaces only the product's sheets, and openpyxl and LibreOffice open the
 * result. The public workbooks (test/fixtures/public, see ORIGIN.md) first get rating sheets added.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XlsxHost, loadWorkbook } from '../../../src/hosts/xlsx';
import { openZip } from '../../../src/hosts/xlsx/zip';
import { writePackage } from '../../../src/hosts/xlsx/package-write';
import type { SheetPlan } from '../../../src/workbook/plan';
import { runAssessment } from '../../../src/workbook/pipeline';
import { planSample } from '../../../src/workbook/plans';
import { expectStrictPackage } from '../../support/strict';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const EXTENDED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml']);

async function grade(input: Uint8Array): Promise<{ out: Uint8Array; sheets: string[] }> {
  const host = new XlsxHost(await loadWorkbook(input));
  const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  return { out: await host.save(), sheets: outcome.plan.sheets.map((s) => s.name) };
}

const text = (bytes: Uint8Array, name: string) => openZip(bytes).get(name)!.text();
const tags = (xml: string, local: string) => [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>`, 'g'))].map((m) => m[0]);

describe.each(['office-2026.xlsx', 'features-lo.xlsx'])('grading %s', (file) => {
  const input = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  let out: Uint8Array;
  let added: string[];
  beforeAll(async () => {
    ({ out, sheets: added } = await grade(input));
  });

  it('is strictly well-formed XML in every part, every namespace prefix declared', async () => {
    await expectStrictPackage(out);
  });

  it('keeps every input part, raw bytes and CRC, except the extended ones', () => {
    const after = new Map(openZip(out).entries.map((p) => [p.name, p]));
    for (const p of openZip(input).entries) {
      const q = after.get(p.name);
      expect(q).toBeDefined();
      if (EXTENDED.has(p.name)) continue;
      expect(q!.crc32).toBe(p.crc32);
      expect(Buffer.from(q!.raw()).equals(Buffer.from(p.raw()))).toBe(true);
    }
  });

  it('extends the index, workbook, relationships and styles without losing an entry', () => {
    for (const [part, local] of [
      ['xl/workbook.xml', 'sheet'],
      ['xl/workbook.xml', 'definedName'],
      ['xl/_rels/workbook.xml.rels', 'Relationship'],
      ['[Content_Types].xml', 'Override'],
      ['[Content_Types].xml', 'Default'],
    ] as const) {
      const now = tags(text(out, part), local);
      for (const t of tags(text(input, part), local)) expect(now).toContain(t);
    }
    // Style records keep their index: the old cellXfs are a prefix of the new ones.
    const xfs = (b: Uint8Array) => tags(/<cellXfs[\s\S]*?<\/cellXfs>/.exec(text(b, 'xl/styles.xml'))![0], 'xf');
    expect(xfs(out).slice(0, xfs(input).length)).toEqual(xfs(input));
  });

  it('a second grade of its own output replaces its sheets and gives identical sheets', async () => {
    const again = await grade(out);
    const sheetsOf = async (b: Uint8Array) => (await new XlsxHost(await loadWorkbook(b)).readSnapshot()).sheets;
    const first = await sheetsOf(out);
    const second = await sheetsOf(again.out);
    expect(second.map((s) => s.name)).toEqual(first.map((s) => s.name));
    for (const name of added) expect(second.find((s) => s.name === name)).toEqual(first.find((s) => s.name === name));
  });

  const python = '/usr/bin/python3';
  const hasOpenpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl'], { timeout: 120_000 }).status === 0;
  (hasOpenpyxl ? it : it.skip)('opens in openpyxl with the product sheets and their values', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ba-preserve-'));
    try {
      const f = path.join(dir, 'out.xlsx');
      writeFileSync(f, out);
      const script = 'import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({n:[[c for c in r] for r in wb[n].iter_rows(values_only=True, max_row=3)] for n in wb.sheetnames}, default=str))';
      const r = spawnSync(python, ['-c', script, f], { encoding: 'utf8', timeout: 300_000 });
      expect(r.stderr).toBe('');
      const sheets = JSON.parse(r.stdout) as Record<string, unknown[][]>;
      for (const name of added) expect(Object.keys(sheets)).toContain(name);
      expect(JSON.stringify(sheets[added[0]])).toContain('考核');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Public workbooks from Excel, WPS, LibreOffice, Google Sheets, openpyxl and others (ORIGIN.md), with
// rating sheets added

const PUBLIC = path.join(FIXTURES, 'public');
const publicFiles = ['sheetjs-BlankSheetTypes.xlsm', 'sheetjs-pivot_table_test.xlsm', 'sheetjs-comments_stress_test.xlsx', 'sheetjs-custom_properties.xlsx', 'sheetjs-defined_names_unicode.xlsx', 'sheetjs-sheet_visibility_strict.xlsx', 'exceljs-chart-sheet.xlsx', 'exceljs-images.xlsx', 'exceljs-google-sheets.xlsx', 'exceljs-test-pr-1204.xlsx',
  // WPS Office, LibreOffice (public corpora), openpyxl, ActiveX and custom XML: see ORIGIN.md
  'phpspreadsheet-issue.3613-wps.xlsx', 'sheetjs-wps-fn.xlsx', 'phpspreadsheet-issue.2506-lo.xlsx', 'phpspreadsheet-grouped_images-lo.xlsx', 'closedxml-lo-autofilter.xlsx', 'phpspreadsheet-openpyxl-bubble-chart.xlsx', 'closedxml-activex_checkbox.xlsx', 'closedxml-customxml.xlsx', 'derived-lo-autofilter-iconfilter.xlsx', 'poi-stress020-wps.xlsx',
  'closedxml-lo-pivot_table_first_header_row.xlsx', 'closedxml-lo-universal-content.xlsx', 'closedxml-lo-tdf104310.xlsx', 'closedxml-lo-databar.xlsx', 'closedxml-CommentAndButton.xlsx', 'phpspreadsheet-form_pass_print.xlsm',
  // One office workbook as openpyxl 3.0, XlsxWriter, LibreOffice, ExcelJS and SheetJS write it (test/fixtures/producers/ORIGIN.md)
  'producer-openpyxl.xlsx', 'producer-xlsxwriter.xlsx', 'producer-libreoffice.xlsx', 'producer-exceljs.xlsx', 'producer-sheetjs.xlsx'];
const sourceOf = (file: string) => (file.startsWith('producer-') ? path.join(FIXTURES, 'producers', file.slice('producer-'.length)) : path.join(PUBLIC, file));
/** The sample's roster and forms sheets: what an office adds to its workbook before grading. */
const RATING_SHEETS = (planSample().sheets as SheetPlan[]).filter((s) => ['支部名单', '组织考核', '民主测评'].includes(s.name));

interface Graded {
  original: Uint8Array;
  out: Uint8Array;
  added: string[];
  branch: string;
}

const graded = new Map<string, Graded>();
const python = '/usr/bin/python3';
const hasOpenpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl'], { timeout: 120_000 }).status === 0;
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { timeout: 60_000 }).status === 0;
let dir: string;
let openpyxlSeen: Record<string, { sheets: string[]; first: unknown[][] } | { error: string }> = {};
const libreCsv = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ba-public-'));
  for (const file of publicFiles) {
    const original = new Uint8Array(readFileSync(sourceOf(file)));
    const withRatings = writePackage([...openZip(original).entries], [{ sheets: RATING_SHEETS }]);
    const { out, sheets } = await grade(withRatings);
    const branch = String(RATING_SHEETS.find((s) => s.name === '支部名单')!.values[1][1]);
    graded.set(file, { original, out, added: sheets, branch });
    writeFileSync(path.join(dir, file.replace(/\.xls[xm]$/, '') + '-out' + path.extname(file)), out);
  }
  const outs = publicFiles.map((f) => path.join(dir, f.replace(/\.xls[xm]$/, '') + '-out' + path.extname(f)));
  if (hasOpenpyxl) {
    const script = [
      'import json,sys,openpyxl',
      'res={}',
      'for f in sys.argv[1:]:',
      '  try:',
      '    wb=openpyxl.load_workbook(f, keep_vba=f.endswith(".xlsm"))',
      '    first=[list(r) for r in wb[wb.sheetnames[-4]].iter_rows(values_only=True,max_row=4)] if len(wb.sheetnames) >= 4 else []',
      '    res[f]={"sheets":wb.sheetnames,"first":first}',
      '  except Exception as e:',
      '    res[f]={"error":repr(e)}',
      'print(json.dumps(res,default=str))',
    ].join('\n');
    const r = spawnSync(python, ['-c', script, ...outs], { encoding: 'utf8', timeout: 600_000 });
    openpyxlSeen = JSON.parse(r.stdout) as typeof openpyxlSeen;
  }
  if (hasSoffice) {
    // One LibreOffice run for every file, each sheet to its own CSV (filter option 12: sheet -1 = all).
    const profile = path.join(dir, 'lo-profile');
    spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', path.join(dir, 'csv'), ...outs],
      { timeout: 900_000, encoding: 'utf8' },
    );
    const csvDir = path.join(dir, 'csv');
    if (existsSync(csvDir)) for (const f of readdirSync(csvDir)) libreCsv.set(f, readFileSync(path.join(csvDir, f), 'utf8'));
  }
}, 1_200_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(publicFiles)('public workbook %s, rating sheets added and graded', (file) => {
  it('is strictly well-formed XML in every part, every namespace prefix declared', async () => {
    await expectStrictPackage(graded.get(file)!.out);
  });

  it('keeps every part of the original, raw bytes and CRC, except the extended ones', () => {
    const { original, out } = graded.get(file)!;
    const after = new Map(openZip(out).entries.map((p) => [p.name, p]));
    for (const p of openZip(original).entries) {
      if (p.name.endsWith('/')) continue;
      const q = after.get(p.name);
      expect(q).toBeDefined();
      if (EXTENDED.has(p.name)) continue;
      expect({ part: p.name, crc: q!.crc32, same: Buffer.from(q!.raw()).equals(Buffer.from(p.raw())) }).toEqual({ part: p.name, crc: p.crc32, same: true });
    }
  });

  it('the extended parts keep every sheet, name, relationship, content type and style record', () => {
    const { original, out } = graded.get(file)!;
    const zin = openZip(original);
    const zout = openZip(out);
    for (const [part, local] of [
      ['xl/workbook.xml', 'sheet'],
      ['xl/workbook.xml', 'definedName'],
      ['xl/_rels/workbook.xml.rels', 'Relationship'],
      ['[Content_Types].xml', 'Override'],
      ['[Content_Types].xml', 'Default'],
    ] as const) {
      const before = zin.find(part);
      if (!before) continue;
      const now = tags(zout.find(part)!.text(), local);
      for (const t of tags(before.text(), local)) expect(now).toContain(t);
    }
    const xfs = (xml: string) => tags(/<(?:\w+:)?cellXfs[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '', 'xf');
    const stylesIn = zin.find('xl/styles.xml');
    if (stylesIn) expect(xfs(zout.find('xl/styles.xml')!.text()).slice(0, xfs(stylesIn.text()).length)).toEqual(xfs(stylesIn.text()));
  });

  it('a second grade replaces only its own sheets and gives identical ones', async () => {
    const { out, added } = graded.get(file)!;
    const again = await grade(out);
    const sheetsOf = async (b: Uint8Array) => (await new XlsxHost(await loadWorkbook(b)).readSnapshot()).sheets;
    const first = await sheetsOf(out);
    const second = await sheetsOf(again.out);
    expect(second.map((s) => s.name)).toEqual(first.map((s) => s.name));
    for (const name of added) expect(second.find((s) => s.name === name)).toEqual(first.find((s) => s.name === name));
  });

  // openpyxl does not read Strict OOXML (it sees no sheet of the original, and then trips over any
  // sheet-scoped name): LibreOffice checks that file.
  (hasOpenpyxl && !/strict/.test(file) ? it : it.skip)('openpyxl opens it, with the summary among its sheets', () => {
    const { added, branch } = graded.get(file)!;
    const seen = Object.entries(openpyxlSeen).find(([f]) => path.basename(f).startsWith(file.replace(/\.xls[xm]$/, '') + '-out'))?.[1];
    expect(seen).toBeDefined();
    expect(seen).not.toHaveProperty('error');
    const ok = seen as { sheets: string[]; first: unknown[][] };
    for (const name of added) expect(ok.sheets).toContain(name);
    expect(JSON.stringify(ok.first)).toContain(branch);
  });

  (hasSoffice ? it : it.skip)("LibreOffice opens it and shows the summary's values", () => {
    const { added, branch } = graded.get(file)!;
    const stem = file.replace(/\.xls[xm]$/, '') + '-out';
    const csv = [...libreCsv].find(([f]) => f.startsWith(stem) && f.includes(added[0]))?.[1];
    expect(csv).toBeDefined();
    expect(csv).toContain(branch);
  });
});

describe("a user's own sheet named 考核汇总", () => {
  it('is never replaced: the summary goes to 考核汇总 (2), the user\'s sheet part stays byte for byte', async () => {
    const original = new Uint8Array(readFileSync(path.join(PUBLIC, 'exceljs-images.xlsx')));
    const mine: SheetPlan = { mode: 'new', kind: 'template', name: '考核汇总', values: [['会议纪要'], ['2026年12月，支委会讨论年度考核安排。']], styles: [], merges: [], columnWidths: [], links: [], validations: [] };
    const input = writePackage([...openZip(original).entries], [{ sheets: [...RATING_SHEETS, mine] }]);
    const first = await grade(input);
    expect(first.sheets[0]).toBe('考核汇总 (2)');
    const second = await grade(first.out);
    expect(second.sheets[0]).toBe('考核汇总 (2)');
    const snap = await new XlsxHost(await loadWorkbook(second.out)).readSnapshot();
    const user = snap.sheets.find((s) => s.name === '考核汇总')!;
    expect(user.createdBy).toBeUndefined();
    expect(user.values[0]).toEqual(['会议纪要']);
    expect(snap.sheets.find((s) => s.name === '考核汇总 (2)')!.createdBy).toBe('summary');
    expect(snap.sheets.filter((s) => s.name.startsWith('考核汇总'))).toHaveLength(2);
    // The user's sheet part, found through the input's relationships, is the same bytes in both outputs.
    const partOf = (b: Uint8Array) => {
      const z = openZip(b);
      const rid = /<sheet name="考核汇总" sheetId="\d+" r:id="(rId\d+)"/.exec(z.find('xl/workbook.xml')!.text())![1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(z.find('xl/_rels/workbook.xml.rels')!.text())![1];
      return Buffer.from(z.find('xl/' + target)!.raw());
    };
    expect(partOf(second.out).equals(partOf(input))).toBe(true);
  });
});
