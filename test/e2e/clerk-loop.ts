/**
 * The clerk's loop (issue 23), shared by the page's and the pane's scenario tests: the workbooks each
 * step starts from, what the CLI says about them (the expected figures), and what the screen must show.
 * The expected figures always come from the command line on a file written here, never from the app.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { runCli, type CliIo } from '../../src/cli/commands';
import { identify, writeFileSafely } from '../../src/cli/files';
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import type { Strings } from '../../src/taskpane/i18n';
import type { Report } from './support';

export const DATE = '2026-12-28';

/** The rating the sample gets wrong on purpose (民主测评!J102 "优良"), and the clerk's correction. */
export const FIX = { sheet: '民主测评', cell: 'J102', value: '较好' } as const;

/**
 * One change of each kind the 设置 tab offers: weights, a threshold, a coefficient, decimals, 排名方式 and
 * 发文单位, as typed into the form and as the same values written into 考核参数 for the CLI.
 */
export const EDITS = {
  组织考核权重: { typed: '20', cell: '20%' },
  民主测评权重: { typed: '80', cell: '80%' },
  优秀分数线: { typed: '85', cell: 85 },
  较好系数: { typed: '0.8', cell: 0.8 },
  总分小数位: { typed: '2', cell: 2 },
  排名方式: { typed: '并列不占位', cell: '并列不占位' },
  发文单位: { typed: '中共测试研究院党委办公室', cell: '中共测试研究院党委办公室' },
} as const;

async function cli(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (s) => void (stderr += s),
    readFile: async (f) => new Uint8Array(await readFile(f)),
    writeFile: (f, d, replace) => writeFileSafely(f, d, replace),
    identify,
    env: { BA_DATE: DATE },
    today: () => DATE,
  };
  return { code: await runCli(argv, io), stderr };
}

/** `grade --json` on the bytes: the report the screen and the files are compared with. */
export async function reportOf(dir: string, name: string, bytes: Uint8Array): Promise<Report> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const json = path.join(dir, `${name}.json`);
  const r = await cli(['grade', file, '--out', path.join(dir, `${name}-out.xlsx`), '--json', json, '--force']);
  if (r.code >= 2) throw new Error(`cli grade ${name}: ${r.stderr}`);
  return JSON.parse(await readFile(json, 'utf8')) as Report;
}

/** The workbook with cells typed over (values only), as the clerk would save it from Excel or WPS. */
export async function withCells(bytes: Uint8Array, edits: { sheet: string; cell: string; value: string | number }[]): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes);
  const bySheet = new Map<string, { cell: string; value: string | number }[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), { cell: e.cell, value: e.value }]);
  applyPlan(wb, { sheets: [...bySheet].map(([name, cells]) => ({ mode: 'fill' as const, kind: 'settings' as const, name, cells })) });
  return saveWorkbook(wb);
}

/** 考核参数's value cell (B) of each key, read from the workbook. */
export async function settingCells(bytes: Uint8Array): Promise<Map<string, string>> {
  const sheet = snapshotOf(await loadWorkbook(bytes)).sheets.find((s) => s.name === '考核参数');
  if (!sheet) throw new Error('no 考核参数');
  const out = new Map<string, string>();
  sheet.values.forEach((row, r) => {
    if (typeof row[0] === 'string') out.set(row[0], `B${r + 1}`);
  });
  return out;
}

export interface Workbooks {
  dir: string;
  fixed: Uint8Array;
  fixedReport: Report;
  settled: Uint8Array;
  settledReport: Report;
}

/** The corrected sample, and the corrected sample with EDITS in 考核参数, each with the CLI's report. */
export async function makeWorkbooks(sample: Uint8Array): Promise<Workbooks> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ba-loop-'));
  const fixed = await withCells(sample, [FIX]);
  const cells = await settingCells(sample);
  const settled = await withCells(
    fixed,
    Object.entries(EDITS).map(([key, v]) => ({ sheet: '考核参数', cell: cells.get(key)!, value: v.cell })),
  );
  const [fixedReport, settledReport] = [await reportOf(dir, 'fixed.xlsx', fixed), await reportOf(dir, 'settled.xlsx', settled)];
  return { dir, fixed, fixedReport, settled, settledReport };
}

/** Two Latin words in a row: an English sentence on a Chinese screen (cell addresses such as J102 pass). */
export const ENGLISH_SENTENCE = /[A-Za-z]{2,}[\s,.:;'"]+[A-Za-z]{2,}/;

/** Everything the status area says now. */
export async function statusText(page: Page): Promise<string> {
  return page.getByTestId('status').innerText();
}

/**
 * Watches one action from the click to idle: the progress line must appear, stay until the app is idle
 * again (never gone while busy), and never count steps ("第 n/4 步"). Returns the labels it showed.
 */
export async function watchProgress(page: Page): Promise<() => Promise<{ seen: boolean; gaps: number; labels: string[] }>> {
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const w = window as unknown as { __progress: { seen: boolean; gaps: number; labels: string[]; done: boolean } };
    w.__progress = { seen: false, gaps: 0, labels: [], done: false };
    const look = () => {
      const p = w.__progress;
      if (p.done) return;
      const busy = main.getAttribute('aria-busy') === 'true';
      const bar = document.querySelector('[data-testid="progress"]');
      if (bar) {
        p.seen = true;
        const label = (bar.textContent ?? '').trim();
        if (label && p.labels[p.labels.length - 1] !== label) p.labels.push(label);
      }
      if (busy && p.seen && !bar) p.gaps++;
      if (!busy && p.seen) p.done = true;
    };
    new MutationObserver(look).observe(main, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  return async () => {
    await page.waitForFunction(() => (window as unknown as { __progress: { done: boolean } }).__progress.done);
    return page.evaluate(() => {
      const p = (window as unknown as { __progress: { seen: boolean; gaps: number; labels: string[] } }).__progress;
      return { seen: p.seen, gaps: p.gaps, labels: p.labels };
    });
  };
}

/** The text of a Word document's body (word/document.xml, tags stripped, paragraphs on lines). */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** The PDF's text, as pdftotext (poppler-utils) reads it. */
export async function pdfText(pdf: Uint8Array, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, pdf);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return stdout;
}

/** The pages of a PDF (the /Type /Page objects). */
export function pdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The report's totals as the screen writes them. */
export function totalsText(report: Report, decimals: number): string[] {
  return report.branches.map((b) => (b.total === null ? '—' : b.total.toFixed(decimals)));
}

/** What a grade run must say, for the strings' language (errors, blocked, or all graded). */
export function gradedNotice(report: Report, s: Strings, standalone: boolean): string {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const blocked = report.branches.filter((b) => b.status === 'incomplete').length;
  const graded = report.branches.length - blocked;
  if (errors > 0) return standalone ? s.doneWithErrorsStandalone(errors, blocked) : s.doneWithErrors(errors, blocked);
  return standalone ? s.doneOkStandalone(graded, report.branches.length) : s.doneOk(graded, report.branches.length);
}

/**
 * The branch table's 党支部 / 总分 / 等级 / 名次 / 状态 columns as shown, whichever other columns the
 * layout adds (the desktop table has the subtotals and 备注 too); the same shape as expectedBranchRows.
 */
export async function shownKeyColumns(page: Page, s: Strings): Promise<string[][]> {
  const labels = [s.colBranch, s.colTotal, s.colGrade, s.colRank, s.colStatus];
  return page.getByTestId('branch-table').evaluate((table, wanted) => {
    const first = (el: Element) => (el as HTMLElement).innerText.trim().split('\n')[0].replace(/[▲▼]/g, '').trim();
    const heads = Array.from(table.querySelectorAll('thead th')).map(first);
    // 名次 or 排名 (the published summary's word): the rank column either way.
    const at = wanted.map((l, k) => (k === 3 && heads.indexOf(l) < 0 ? heads.indexOf('排名') : heads.indexOf(l)));
    if (at.some((i) => i < 0)) throw new Error(`the table has no column ${wanted[at.findIndex((i) => i < 0)]} (has ${heads.join(', ')})`);
    return Array.from(table.querySelectorAll('[data-testid="branch-row"]')).map((tr) => at.map((i) => first(tr.children[i])));
  }, labels);
}
