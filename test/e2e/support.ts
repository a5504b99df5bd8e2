/**
 * Shared pieces of the browser tests: the build under test, Chromium, the sample workbook and its CLI
 * report, reading result sheets, screenshots, and the "no Chinese left in the chrome" scan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runCli, type CliIo } from '../../src/cli/commands';
import { identify, writeFileSafely } from '../../src/cli/files';
import { GRADES, type Grade } from '../../src/core/types';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import type { E2eSheet } from '../../src/taskpane/e2e/taskpane-e2e';
import type { Strings } from '../../src/taskpane/i18n';
import { address } from '../../src/workbook/snapshot';
import { startStaticServer, type StaticServer } from './server';

export const ROOT = path.resolve(__dirname, '../..');
/** Where `E2E=1 webpack --mode production` puts the build (webpack.config.js); never dist/. */
export const BUILD_DIR = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'test-results/e2e-dist');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'e2e');
export const METRICS_FILE = path.join(RESULTS_DIR, 'e2e-metrics.json');

/** The task pane's width in Excel is about 320–400 px. */
export const PANE = { width: 360, height: 900 };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with the command to run when the e2e build is missing. */
export function requireBuild(...pages: string[]): void {
  for (const p of pages) {
    if (!existsSync(path.join(BUILD_DIR, p))) {
      throw new Error(`${p} is missing from ${BUILD_DIR}: run \`bash scripts/e2e.sh\` (it builds with E2E=1 webpack --mode production first)`);
    }
  }
}

/** Debian's Chromium, headless, with a fresh temporary profile (Playwright's default for launch()). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A page at task-pane size; every uncaught error, console error and CSP violation is collected. */
export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** page errors and console errors, in order */
  problems: string[];
}

export async function openPane(browser: Browser, opts: { width?: number; locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? PANE.width, height: PANE.height },
    deviceScaleFactor: 1,
    locale: opts.locale ?? 'zh-CN',
    acceptDownloads: true,
    // Both pages follow prefers-color-scheme outside Office (the pane reads Office's theme, the stand-in the page's).
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  // Nothing may leave the machine: any request that is not to the local server is an error.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)(?!blob:)(?!data:)(?!file:)/, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  // Fail well inside the 60 s test timeout, with Playwright's own account of what it waited for.
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return { context, page, problems };
}

// ---------------------------------------------------------------------------------------------
// The sample workbook and the CLI's report on it

/** What one test file shares: a static server on the build, Chromium, the sample, and the open pane. */
export interface Suite {
  server: StaticServer;
  browser: Browser;
  sample: Sample;
  pane?: PaneSession;
}

/**
 * Opens the suite before the file's tests and closes it after; the pane is closed after each test.
 * Each resource is kept as soon as it exists, so afterAll closes it even when another one failed to start.
 */
export function useSuite(...pages: string[]): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    requireBuild(...pages);
    await Promise.all([
      startStaticServer(BUILD_DIR).then((x) => (suite.server = x)),
      launchChromium().then((x) => (suite.browser = x)),
      makeSample().then((x) => (suite.sample = x)),
    ]);
  });
  afterEach(async () => {
    await suite.pane?.context.close();
    suite.pane = undefined;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

export interface Report {
  schemaVersion: number;
  year: number;
  branches: {
    name: string;
    group: string | null;
    status: 'graded' | 'incomplete';
    total: number | null;
    grade: string | null;
    rank: number | null;
  }[];
  gradeCounts: Record<string, number>;
  issues: { severity: string; code: string; sheet: string | null; cell: string | null; branch: string | null; message: string }[];
}

export interface Sample {
  dir: string;
  file: string;
  bytes: Uint8Array;
  /** `grade <file> --json` on the same file */
  report: Report;
  gradeExitCode: number;
}

/** The CLI, in process, on the real file system; output captured. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: async (f) => new Uint8Array(await readFile(f)),
    writeFile: (f, d, replace) => writeFileSafely(f, d, replace),
    identify,
    env: { BA_DATE: '2026-12-28' },
    today: () => '2026-12-28',
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** `cli sample` (or E2E_SAMPLE) into a fresh temporary folder, then `cli grade --json` on it. */
export async function makeSample(): Promise<Sample> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ba-e2e-'));
  const file = path.join(dir, 'sample.xlsx');
  // E2E_SAMPLE: a sample made by another build's `cli sample` (with E2E_DIST, to run today's tests on an
  // old build with a sample that build understands); the expected figures still come from today's CLI.
  if (process.env.E2E_SAMPLE) await writeFile(file, await readFile(process.env.E2E_SAMPLE));
  else {
    const made = await cli(['sample', file]);
    if (made.code !== 0) throw new Error(`cli sample failed (${made.code}): ${made.stderr}`);
  }
  const json = path.join(dir, 'report.json');
  const graded = await cli(['grade', file, '--out', path.join(dir, 'cli-out.xlsx'), '--json', json]);
  if (graded.code === 2) throw new Error(`cli grade failed: ${graded.stderr}`);
  const report = JSON.parse(await readFile(json, 'utf8')) as Report;
  return { dir, file, bytes: new Uint8Array(await readFile(file)), report, gradeExitCode: graded.code };
}

// ---------------------------------------------------------------------------------------------
// Reading the product's sheets (as grids of values, from ExcelJS or from the stand-in)

export type Grid = unknown[][];

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
}

/** The first row (0-based) that holds every one of `labels`, with each label's column. */
export function findHeader(grid: Grid, labels: string[]): { row: number; cols: Map<string, number> } {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const cols = new Map<string, number>();
    for (const l of labels) {
      const c = row.findIndex((v) => text(v) === l);
      if (c >= 0) cols.set(l, c);
    }
    if (cols.size === labels.length) return { row: r, cols };
  }
  throw new Error(`no header row with ${labels.join(', ')}`);
}

/** Rows under a header, as label → value, until the first row whose `key` column is empty. */
export function tableRows(grid: Grid, labels: string[], key: string): Map<string, unknown>[] {
  const { row, cols } = findHeader(grid, labels);
  const out: Map<string, unknown>[] = [];
  for (let r = row + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (text(cells[cols.get(key)!]) === '') break;
    out.push(new Map(labels.map((l) => [l, cells[cols.get(l)!] ?? null])));
  }
  return out;
}

/** A number cell as a number (ExcelJS may hand back a formula result object). */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof (v as { result: unknown }).result === 'number') return (v as { result: number }).result;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * What the 考核汇总 and 考核结果通报 sheets must say, from the CLI's report: per branch its total and
 * grade (null when incomplete), and the ranked list in rank order.
 */
export function expectSheetsMatchReport(summary: Grid, notification: Grid, report: Report): void {
  const rows = tableRows(summary, ['党支部', '总分', '等级', '排名', '状态'], '党支部');
  expect(rows.map((r) => text(r.get('党支部')))).toEqual(report.branches.map((b) => b.name));
  rows.forEach((r, i) => {
    const b = report.branches[i];
    expect({ name: b.name, total: num(r.get('总分')), grade: text(r.get('等级')) || null, rank: num(r.get('排名')) }).toEqual({
      name: b.name,
      total: b.total,
      grade: b.grade,
      rank: b.rank,
    });
  });
  const ranked = tableRows(notification, ['名次', '党支部', '总分', '等级'], '党支部').filter((r) => num(r.get('名次')) !== null);
  const expected = report.branches
    .filter((b) => b.status === 'graded')
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((b) => ({ rank: b.rank, name: b.name, total: b.total, grade: b.grade }));
  expect(ranked.map((r) => ({ rank: num(r.get('名次')), name: text(r.get('党支部')), total: num(r.get('总分')), grade: text(r.get('等级')) }))).toEqual(expected);
}

// ---------------------------------------------------------------------------------------------
// Screenshots and metrics

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Merge `entry` into test-results/e2e-metrics.json (one key per measurement). */
export async function recordMetrics(entry: Record<string, unknown>): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(await readFile(METRICS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // first measurement of this run
  }
  await writeFile(METRICS_FILE, JSON.stringify({ ...current, ...entry }, null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------
// "No Chinese left in the English chrome"

export const CJK = /[\u4e00-\u9fff]/;

/**
 * Workbook vocabulary that English messages quote on purpose, because the user types or sees exactly
 * these words in the workbook (SPEC §3–§6): grade words, source names, header words, the product's
 * sheet names. Allowed only inside finding messages ([data-text="message"]), never in other chrome.
 */
export const WORKBOOK_VOCABULARY = [
  '优秀', '较好', '一般', '差', '优良', '良好',
  '组织考核', '民主测评', '自评', '自评(半年)', '抽检',
  '党支部', '党总支', '所属总支', '党员人数', '指标目录', '考核参数', '支部名单', '抽检记录',
  '考核汇总', '考核结果通报', '校验问题', '计算明细', '加减分', '备注', '等级', '总分',
];

/**
 * CJK text in the page's chrome, one entry per offending text node (with its nearest element's
 * description). Left out, by design:
 * - [data-wb] elements: workbook data (branch, sheet and file names, cell addresses, values);
 * - elements whose lang is Chinese (the language switch shows 中文 in Chinese);
 * - inside [data-text="message"] (finding messages): quoted values "…"/“…”, and WORKBOOK_VOCABULARY.
 * Scans every text node of <body> (visible or not) and the accessible names/labels (aria-label, title,
 * placeholder, alt, aria-valuetext). Not the document <title>: the pages' static titles are bilingual.
 */
export function chromeCjk(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ cjkSource, vocabulary }) => {
      const cjk = new RegExp(cjkSource);
      const found: string[] = [];
      const excluded = (el: Element | null): boolean => {
        for (let e = el; e; e = e.parentElement) {
          if (e.hasAttribute('data-wb')) return true;
          const lang = e.getAttribute('lang');
          if (lang !== null) return /^zh\b/i.test(lang) && e !== document.documentElement;
        }
        return false;
      };
      const inMessage = (el: Element | null) => Boolean(el?.closest('[data-text="message"]'));
      const cleanMessage = (s: string) => {
        let out = s.replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, '');
        for (const w of [...vocabulary].sort((a, b) => b.length - a.length)) out = out.split(w).join('');
        return out;
      };
      const describe = (el: Element) => {
        const tag = el.tagName.toLowerCase();
        const testid = el.getAttribute('data-testid');
        const cls = (el.getAttribute('class') ?? '').split(/\s+/)[0];
        return `<${tag}${testid ? ` data-testid=${testid}` : ''}${cls ? ` .${cls}` : ''}>`;
      };
      const root = document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || excluded(el)) continue;
        if (el.closest('script, style, noscript, template')) continue;
        const t = n.textContent ?? '';
        const checked = inMessage(el) ? cleanMessage(t) : t;
        if (cjk.test(checked)) found.push(`${describe(el)} text: ${t.trim().slice(0, 120)}`);
      }
      for (const el of Array.from(root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]'))) {
        if (excluded(el)) continue;
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
          const v = el.getAttribute(attr);
          if (!v) continue;
          // A finding button's label repeats its message (and the cell address, which is data).
          const isFinding = el.getAttribute('data-testid') === 'finding';
          const checked = isFinding ? cleanMessage(v.replace(/(?:'(?:[^']|'')*'|[^\s']+)![A-Z]+\d+/g, '')) : v;
          if (cjk.test(checked)) found.push(`${describe(el)} ${attr}: ${v.slice(0, 120)}`);
        }
      }
      return found;
    },
    { cjkSource: CJK.source, vocabulary: WORKBOOK_VOCABULARY },
  );
}

// ---------------------------------------------------------------------------------------------
// Workbooks on the Node side

/** The .xlsx as sheets for the stand-in Excel (values, formulas with cached results, merges, visibility). */
export async function seedsFromXlsx(bytes: Uint8Array): Promise<E2eSheet[]> {
  const wb = await loadWorkbook(bytes);
  const snap = snapshotOf(wb);
  return snap.sheets.map((s) => {
    const values: unknown[][] = s.values.map((row, r) =>
      row.map((v, c) => (s.formulas?.[r]?.[c] ? undefined : v)),
    );
    const formulas: Record<string, [string, unknown]> = {};
    s.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) formulas[address(r, c)] = [`=${f}`, s.values[r]?.[c] ?? null];
      }),
    );
    return {
      name: s.name,
      seed: {
        values,
        formulas,
        merges: s.merges,
        visibility: s.visible === false ? 'Hidden' : 'Visible',
      } as E2eSheet['seed'],
    };
  });
}

function cellText(v: unknown): unknown {
  if (v && typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((p) => p.text).join('');
    if ('result' in o) return o.result ?? null;
    if (typeof o.text === 'string') return o.text;
  }
  return v ?? null;
}

/** Every worksheet of an .xlsx as a grid of plain values from A1 (ExcelJS, as an Excel user would open it). */
export async function gridsFromXlsx(bytes: Uint8Array): Promise<Map<string, Grid>> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out = new Map<string, Grid>();
  for (const ws of wb.worksheets) {
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values = row.values as unknown[];
      grid[r - 1] = values.slice(1).map(cellText);
    });
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    out.set(ws.name, grid);
  }
  return out;
}

/** Rows of the 校验问题 sheet's finding list (under 级别 / 代码 / 工作表 / 单元格). */
export function checkRows(grid: Grid): { severity: string; code: string; sheet: string; cell: string }[] {
  return tableRows(grid, ['级别', '代码', '工作表', '单元格'], '代码').map((r) => ({
    severity: text(r.get('级别')),
    code: text(r.get('代码')),
    sheet: text(r.get('工作表')),
    cell: text(r.get('单元格')),
  }));
}

// ---------------------------------------------------------------------------------------------
// Driving the app

/**
 * Click 计算等级 (or 重新计算, in either language) and wait until that run has finished: the app went
 * busy (seen by a MutationObserver, so even a one-frame busy state counts) and is idle again, with
 * every branch row shown.
 */
export async function gradeAndWait(page: Page, s: Strings, branches: number): Promise<void> {
  await page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) throw new Error('the app is not rendered');
    const w = window as unknown as { __sawBusy: boolean };
    w.__sawBusy = false;
    new MutationObserver((_, observer) => {
      if (main.getAttribute('aria-busy') !== 'true') return;
      w.__sawBusy = true;
      observer.disconnect();
    }).observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  await page.getByRole('button', { name: s.gradeButton, exact: true }).click();
  await page.waitForFunction(
    () => (window as unknown as { __sawBusy: boolean }).__sawBusy && document.querySelector('main')?.getAttribute('aria-busy') === 'false',
  );
  await page.locator('[data-testid="branch-row"]').nth(branches - 1).waitFor();
  await expectCount(page.locator('[data-testid="branch-row"]'), branches);
}

export async function expectCount(locator: import('playwright-core').Locator, n: number): Promise<void> {
  expect(await locator.count()).toBe(n);
}

/** The grade chart's counts, in GRADES order. */
export async function shownGradeCounts(page: Page): Promise<number[]> {
  return Promise.all(GRADES.map((_, i) => page.getByTestId(`count-${i}`).innerText().then(Number)));
}

/** The branch table as shown: name, total text, grade text, rank text, status text. */
export async function shownBranchRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="branch-row"]').evaluateAll((rows) =>
    // A pending branch's status cell says why on a second line: the first line is the status.
    rows.map((tr) => Array.from(tr.children).map((c) => (c as HTMLElement).innerText.trim().split('\n')[0])),
  );
}

/** What the table must show for the report's branches (same formatting rules as the app's table). */
export function expectedBranchRows(report: Report, s: Strings, decimals = 1): string[][] {
  return report.branches.map((b) => [
    b.name,
    b.total === null ? '—' : b.total.toFixed(decimals),
    b.grade === null ? '—' : s.grades[b.grade as Grade],
    b.rank === null ? '—' : s.rankValue(b.rank, report.branches.filter((x) => x.rank === b.rank).length > 1),
    b.status === 'graded' ? s.statusGraded : s.statusIncomplete,
  ]);
}

/** The notice the app must show after grading the report's workbook (errors → how many, and blocked branches). */
export function gradeNoticeText(report: Report, s: Strings, standalone = false): string {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const blocked = report.branches.filter((b) => b.status === 'incomplete').length;
  const graded = report.branches.length - blocked;
  if (errors > 0) return standalone ? s.doneWithErrorsStandalone(errors, blocked) : s.doneWithErrors(errors, blocked);
  return standalone ? s.doneOkStandalone(graded, report.branches.length) : s.doneOk(graded, report.branches.length);
}

/** Open every collapsed group of findings on the checks tab. */
export async function expandAllFindings(page: Page): Promise<void> {
  const collapsed = page.locator('[role="tabpanel"] button[aria-expanded="false"]');
  for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) {
    await collapsed.first().click();
    await page.waitForFunction((left) => document.querySelectorAll('[role="tabpanel"] button[aria-expanded="false"]').length < left, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Accessibility

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Rules held to whatever impact axe gives them. */
const ALWAYS = new Set(['heading-order', 'label-content-name-mismatch']);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core run in the page (evaluated through the DevTools protocol, so the page's CSP stays as shipped):
 * the serious and critical violations of the project's own markup (and any of heading order or a label
 * not matching the visible text), with the elements concerned.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE};0`);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    // Tabster's focus guards (<i data-tabster-dummy>, inside Fluent's own components) are not the project's markup.
    // label-content-name-mismatch is experimental in axe (off unless asked): issue 12 names it.
    const r = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.map(String).join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`) }));
  });
  // Heading order is "moderate" to axe, but a review found h1 → h3 here once: kept out too.
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS.has(v.id));
}

/** Printing the page shows only the notification preview (the tabs hidden), and Chromium prints it on A4. */
export async function expectNotificationPrintsAlone(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ({
    tabs: getComputedStyle(document.querySelector('[role="tablist"]')!).visibility,
    page: getComputedStyle(document.querySelector('[data-print-area]')!).visibility,
  }));
  expect(shown).toEqual({ tabs: 'hidden', page: 'visible' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await page.emulateMedia({ media: 'screen' });
}
