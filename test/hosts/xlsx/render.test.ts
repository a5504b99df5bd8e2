/**
 * Wrapped text in the sheets the product writes, as LibreOffice lays it out (issue 24): the forms sheets'
 * headers carry each indicator's whole text, and 考核汇总's 备注 of 待补充 rows wraps. Neither Excel nor
 * LibreOffice grows a generated row to its text, so the plans give explicit heights; here LibreOffice
 * renders the sheets to PDF and poppler reads each word's box back (pdftotext -bbox). A row too short shows
 * as text cut off at the page edge or spilling over the next row's text (LibreOffice draws wrapped text
 * past its cell instead of clipping it). Waits on process exits only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyPlan, createWorkbook, loadWorkbook, saveWorkbook, snapshotOf } from '../../../src/hosts/xlsx';
import type { SheetPlan, WorkbookPlan } from '../../../src/workbook/plan';
import { planSample } from '../../../src/workbook/plans';
import { runAssessment } from '../../../src/workbook/pipeline';
import { defaultCatalogue } from '../../../src/core/catalogue';

const ROOT = path.join(__dirname, '..', '..', '..');

function exec(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}: ${err.slice(-2000)}`))));
  });
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Text read back from the PDF against the text written: poppler sometimes cannot map a CJK glyph of the
 * embedded font back to its character and gives U+FFFD, which stands for any one or two characters here.
 */
function sameText(read: string, written: string): boolean {
  if (!read.includes('\uFFFD')) return read === written;
  const pattern = read.split(/\uFFFD+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.{1,2}');
  return new RegExp(`^${pattern}$`, 'su').test(written);
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every page's words with their boxes, from pdftotext -bbox (XHTML). */
async function pages(pdf: string): Promise<Word[][]> {
  const html = await exec('pdftotext', ['-bbox', pdf, '-']);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: +m[1],
      yMin: +m[2],
      xMax: +m[3],
      yMax: +m[4],
      text: unescape(m[5]),
    })),
  );
}

/** A whole sheet of the product's (not a fill of cells in the office's own summary). */
const isSheet = (p: WorkbookPlan['sheets'][number]): p is SheetPlan => 'values' in p;

/** A workbook holding only the given sheets, as the product writes them. */
async function bookOf(sheets: SheetPlan[]): Promise<Uint8Array> {
  const wb = createWorkbook();
  applyPlan(wb, { sheets });
  return saveWorkbook(wb);
}

describe('wrapped text rendered by LibreOffice', () => {
  let dir: string;
  let forms: SheetPlan;
  let summary: SheetPlan;

  beforeAll(async () => {
    await exec('bash', [path.join(ROOT, 'scripts', 'ensure-libreoffice.sh')]);
    dir = mkdtempSync(path.join(tmpdir(), 'ba-xlsx-render-'));
    const sample = planSample();
    const sheets = sample.sheets.filter(isSheet);
    forms = sheets.find((s) => s.name === '民主测评')!;
    const outcome = runAssessment(snapshotOf(await loadWorkbook(await bookOf(sheets))), { lang: 'zh', date: '2026-12-31' });
    summary = outcome.plan.sheets.filter(isSheet).find((s) => s.kind === 'summary')!;
    writeFileSync(path.join(dir, 'forms.xlsx'), await bookOf([forms]));
    writeFileSync(path.join(dir, 'summary.xlsx'), await bookOf([summary]));
    const profile = 'file://' + path.join(dir, 'profile'); // private: no clash with another LibreOffice
    await exec('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'forms.xlsx'), path.join(dir, 'summary.xlsx')]);
  }, 30 * 60 * 1000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a forms sheet\'s headers show every indicator\'s whole text within the header row', async () => {
    const catalogue = defaultCatalogue();
    const raw = squeeze(await exec('pdftotext', ['-raw', path.join(dir, 'forms.pdf'), '-']));
    // whole, nothing lost at the page edge ("1.4 按要求召开党员大会报告工作及" was all the old header showed)
    for (const i of catalogue.indicators) expect(raw).toContain(squeeze(`${i.code} ${i.text}`));
    // the data rows' values: on every page, no other text (a header spilling down) reaches their band
    const values = [...new Set(forms.values.slice(2).flat().filter((v) => v !== null && v !== '').map((v) => squeeze(String(v))))];
    const isData = (text: string) => values.some((v) => sameText(squeeze(text), v));
    const all = await pages(path.join(dir, 'forms.pdf'));
    let headerPages = 0;
    for (const words of all) {
      const dataWords = words.filter((w) => isData(w.text));
      if (dataWords.length === 0) continue;
      const top = Math.min(...dataWords.map((w) => w.yMin));
      const spilled = words.filter((w) => w.yMax > top + 0.5 && !isData(w.text));
      expect(spilled.map((w) => w.text)).toEqual([]);
      if (words.some((w) => /^\d\.\d$/.test(w.text))) headerPages++;
      // and none above the page either
      expect(words.filter((w) => w.yMin < 0)).toEqual([]);
    }
    expect(headerPages).toBeGreaterThan(0);
  });

  test('考核汇总: each 待补充 row\'s 备注 wraps within its own row', async () => {
    const header = summary.values[2];
    const notesCol = header.indexOf('备注');
    const indexCol = header.indexOf('序号');
    const rows = summary.values.slice(3).filter((r) => typeof r[indexCol] === 'number');
    const noted = rows.filter((r) => typeof r[notesCol] === 'string' && r[notesCol] !== '');
    expect(noted.length).toBeGreaterThanOrEqual(2); // the sample holds two 待补充 branches
    // long enough to wrap in the 36-wide column
    expect(Math.max(...noted.map((r) => String(r[notesCol]).length))).toBeGreaterThan(18);

    const pdf = path.join(dir, 'summary.pdf');
    const [words, ...more] = await pages(pdf);
    expect(more).toEqual([]); // one landscape page
    // The rows' borders, as LibreOffice drew them: horizontal lines across the table, in page coordinates.
    await exec('pdftocairo', ['-svg', pdf, path.join(dir, 'summary.svg')]);
    const svg = readFileSync(path.join(dir, 'summary.svg'), 'utf8');
    const lines = [...svg.matchAll(/<path style="fill:none;[^"]*" d="M ([\d.-]+) ([\d.-]+) L ([\d.-]+) ([\d.-]+) "(?: transform="matrix\(([^)]*)\)")?\/>/g)]
      .map((m) => {
        const [a, b, c, d, e, f] = m[5] ? m[5].split(',').map(Number) : [1, 0, 0, 1, 0, 0];
        const [x1, y1, x2, y2] = [+m[1], +m[2], +m[3], +m[4]];
        return { y1: b * x1 + d * y1 + f, y2: b * x2 + d * y2 + f, x1: a * x1 + c * y1 + e, x2: a * x2 + c * y2 + e };
      })
      .filter((l) => Math.abs(l.y1 - l.y2) < 0.01 && Math.abs(l.x2 - l.x1) > 100);
    const borders = [...new Set(lines.map((l) => Math.round(l.y1 * 100) / 100))].sort((p, q) => p - q);
    const band = (y: number) => {
      const i = borders.findIndex((b) => b > y);
      return i > 0 ? { top: borders[i - 1], bottom: borders[i] } : undefined;
    };
    // Each data row's band: the one holding the middle of its 序号. The 备注 column starts where the
    // 状态 column's values end.
    const centre = (w: Word) => (w.yMin + w.yMax) / 2;
    const indexWords = words.filter((w) => w.xMax < words.find((x) => x.text === '所属总支')!.xMin);
    const bands = rows.map((r) => band(centre(indexWords.find((w) => w.text === String(r[indexCol]))!))!);
    const statusEnd = Math.max(...words.filter((w) => w.text === '已评定' || w.text === '待补充').map((w) => w.xMax));
    const got: string[] = rows.map(() => '');
    const tolerance = 1; // a word's box takes in the font's ascent and descent, a little more than its line
    for (const w of words.filter((x) => x.xMin > statusEnd && x.yMin > bands[0].top - tolerance)) {
      const i = bands.findIndex((b) => centre(w) > b.top && centre(w) < b.bottom);
      expect(i).toBeGreaterThanOrEqual(0);
      // the whole word inside its row: nothing drawn over the border into the next row
      expect([w.text, w.yMin >= bands[i].top - tolerance, w.yMax <= bands[i].bottom + tolerance]).toEqual([w.text, true, true]);
      got[i] += w.text;
    }
    const want = rows.map((r) => squeeze(String(r[notesCol] ?? '')));
    got.forEach((text, i) => expect([i, sameText(text, want[i]) ? want[i] : text]).toEqual([i, want[i]]));
  });
});
