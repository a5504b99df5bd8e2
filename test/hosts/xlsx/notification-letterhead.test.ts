/**
 * The 考核结果通报 sheet with the 版头 (SPEC §6, §8; issue 25): the sample with 发文机关标志 and 发文字号 set,
 * graded by the command line into an .xlsx, read back through the file host (values) and as Excel reads
 * it (ExcelJS: faces, colours, alignment, the red line), parsed strictly, and printed by LibreOffice to
 * PDF: the red 标志, the 字号 and the title in that order on paper. Without the key, the plain layout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, readWorkbook } from '../../../src/hosts/xlsx';
import type { SheetPlan, WorkbookPlan } from '../../../src/workbook/plan';
import { planSample } from '../../../src/workbook/plans';
import { runAssessment, type RunOutcome } from '../../../src/workbook/pipeline';
import { bytesOf, run } from '../../cli/helpers';
import { expectStrictPackage } from '../../support/strict';
import { exec } from '../../support/exec';

const MARK = '中共××研究院委员会办公室文件';
const NUMBER = '院党办〔2026〕3号';
const TITLE = '关于2026年度党支部工作目标管理考核结果的通报';
const ROOT = path.join(__dirname, '..', '..', '..');

/** The sample workbook with settings rows filled in, as an .xlsx. */
function sampleWith(settings: Record<string, string>): Uint8Array {
  const plan = planSample();
  const sheets = (plan.sheets as SheetPlan[]).map((s) => {
    if (s.name !== '考核参数') return s;
    const values = s.values.map((r) => [...(r ?? [])]);
    for (const [key, value] of Object.entries(settings)) {
      const row = values.find((r) => r[0] === key);
      if (!row) throw new Error(`no settings row ${key}`);
      row[1] = value;
    }
    return { ...s, values };
  });
  return buildWorkbook({ ...plan, sheets } as WorkbookPlan);
}

let input: Uint8Array;
let output: Uint8Array;
let plain: Uint8Array;
let outcome: RunOutcome;

beforeAll(async () => {
  input = sampleWith({ 发文机关标志: MARK, 发文字号: NUMBER });
  const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx'], { 'in.xlsx': input }, { BA_DATE: '2026-12-31' });
  expect(r.code).toBe(1); // the sample's two incomplete branches, by design
  output = bytesOf(r, 'out.xlsx');
  const p = await run(['grade', 'in.xlsx', '--out', 'out.xlsx'], { 'in.xlsx': sampleWith({}) }, { BA_DATE: '2026-12-31' });
  plain = bytesOf(p, 'out.xlsx');
  outcome = runAssessment(readWorkbook(input), { lang: 'zh', date: '2026-12-31' });
}, 120_000);

async function excel(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet('考核结果通报')!;
}

describe('考核结果通报 sheet with 发文机关标志', () => {
  test('strictly well-formed, every part we wrote', async () => {
    await expectStrictPackage(output, input);
  });

  test('read through the file host: 标志, 字号, the red line row, then the title', () => {
    const sheet = readWorkbook(output).sheets.find((s) => s.name === '考核结果通报')!;
    const col = sheet.values.map((r) => r?.[0] ?? null);
    expect(col[0]).toBe(MARK);
    expect(col[1]).toBe(NUMBER);
    expect(col[2]).toBeNull(); // the red line is a row of its own
    const title = col.findIndex((v) => typeof v === 'string' && v.replace(/\n/g, '') === TITLE);
    expect(title).toBeGreaterThan(2);
    expect(col.slice(3, title).every((v) => v === null)).toBe(true);
  });

  test('as Excel reads it: the 标志 large, red and centred; the 字号 centred; a thin red row under the 字号', async () => {
    const ws = await excel(output);
    const mark = ws.getCell('A1');
    expect(mark.font.color?.argb).toMatch(/^(FF)?FF0000$/);
    expect(mark.font.size).toBeGreaterThanOrEqual(22);
    expect(mark.alignment?.horizontal).toBe('center');
    expect(ws.getCell('A2').value).toBe(NUMBER);
    expect(ws.getCell('A2').alignment?.horizontal).toBe('center');
    // each spans the printed width (A:E) so that centred is centred on the page
    expect(ws.getCell('E1').isMerged && ws.getCell('E2').isMerged && ws.getCell('E3').isMerged).toBe(true);
    const line = ws.getCell('A3');
    expect(line.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect((line.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^(FF)?FF0000$/);
    expect(ws.getRow(3).height).toBeLessThanOrEqual(4);
  });

  test('without 发文机关标志: no 版头, the title first, as before', async () => {
    const ws = await excel(plain);
    expect(String(ws.getCell('A1').value).replace(/\n/g, '')).toBe(TITLE);
    expect(ws.getCell('A1').font.color?.argb ?? '').not.toMatch(/FF0000$/);
  });

  test('on paper (LibreOffice to PDF): the red 标志, the 字号 and the title, in that order, on the first page', async () => {
    await exec('bash', [path.join(ROOT, 'scripts', 'ensure-libreoffice.sh')]);
    const dir = mkdtempSync(path.join(tmpdir(), 'ba-notice-'));
    try {
      // the notice's sheet alone, written by the same file host from the run's plan (printing the whole
      // graded workbook takes a minute and puts the settings sheet, which holds the 标志 too, first)
      const notice = (outcome.plan.sheets as SheetPlan[]).find((s) => s.name === '考核结果通报')!;
      writeFileSync(path.join(dir, 'out.xlsx'), buildWorkbook({ sheets: [notice] } as WorkbookPlan));
      await exec('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'out.xlsx')]);
      const pdf = path.join(dir, 'out.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(await exec('pdfinfo', [pdf]))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      const found = 1;
      const text = (await exec('pdftotext', ['-f', String(found), '-l', String(found), '-layout', pdf, '-'])).replace(/\s+/g, '');
      expect(text.indexOf(MARK)).toBe(0);
      expect(text.indexOf(NUMBER)).toBeGreaterThan(text.indexOf(MARK));
      expect(text.indexOf(TITLE)).toBeGreaterThan(text.indexOf(NUMBER));
      // red on paper: the page drawn as SVG paints in pure red (the 标志's glyphs and the line)
      const svg = await exec('pdftocairo', ['-svg', '-f', String(found), '-l', String(found), pdf, '-']);
      expect(svg).toMatch(/fill:rgb\(100%,0%,0%\)|fill="#ff0000"|rgb\(255,0,0\)/i);
      await exec('pdftoppm', ['-r', '50', '-png', '-f', String(found), '-l', String(found), pdf, path.join(process.env.BA_KEEP_PNG ?? dir, 'notice')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
