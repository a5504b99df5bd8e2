/**
 * 上年结果（可选）(SPEC §8, issue 25) in Chromium: on the page (1280 px) and in the pane on the stand-in
 * Excel (360 px). Last year's graded workbook is made by the command line: the sample with 年度 2025 and one
 * spot check changed (so ranks move), graded. The expected figures are the CLI's reports of both years.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { DATE, gradedNotice, reportOf, settingCells, statusText, withCells } from './clerk-loop';
import { gridsFromXlsx, openPane, screenshot, seedsFromXlsx, tableRows, useSuite, type Report } from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html', 'taskpane-e2e.html');
const LAST_NAME = '2025考核-考核结果.xlsx';
let lastGraded: Uint8Array;
let lastReport: Report;

beforeAll(async () => {
  const sample = suite.sample.bytes;
  const spot = snapshotOf(await loadWorkbook(sample)).sheets.find((s) => s.name.includes('抽检'))!;
  const r = spot.values.findIndex((row) => row.includes('基建处党支部') && row.includes(-3));
  const c = spot.values[r].indexOf(-3);
  const last = await withCells(sample, [
    { sheet: '考核参数', cell: (await settingCells(sample)).get('年度')!, value: 2025 },
    { sheet: spot.name, cell: `${String.fromCharCode(65 + c)}${r + 1}`, value: 10 },
  ]);
  // `grade --out` as the office saved it last year
  lastReport = await reportOf(suite.sample.dir, 'last.xlsx', last);
  lastGraded = new Uint8Array(await readFile(path.join(suite.sample.dir, 'last.xlsx-out.xlsx')));
  expect(lastReport.year).toBe(2025);
}, 120_000);

/** Per branch of this year (roster order): last year's rank and the change, as the screen writes them. */
function expected(): { name: string; previousRank: string; change: string }[] {
  const before = new Map(lastReport.branches.map((b) => [b.name, b.rank]));
  return suite.sample.report.branches.map((b) => {
    const p = before.get(b.name) ?? null;
    const change = p !== null && b.rank !== null ? p - b.rank : null;
    return { name: b.name, previousRank: p === null ? '—' : String(p), change: change === null ? '—' : change > 0 ? `+${change}` : String(change) };
  });
}

/** The on-screen table's columns by header (first line of each cell). */
async function shownColumns(page: Page, labels: string[]): Promise<string[][]> {
  return page.getByTestId('branch-table').evaluate((table, wanted) => {
    const first = (el: Element) => (el as HTMLElement).innerText.trim().split('\n')[0].replace(/[▲▼]/g, '').trim();
    const heads = Array.from(table.querySelectorAll('thead th')).map(first);
    const at = wanted.map((l) => heads.indexOf(l));
    if (at.some((i) => i < 0)) throw new Error(`no column ${wanted[at.findIndex((i) => i < 0)]} (has ${heads.join(', ')})`);
    return Array.from(table.querySelectorAll('[data-testid="branch-row"]')).map((tr) => at.map((i) => first(tr.children[i])));
  }, labels);
}

async function pickPrevious(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('previous-input').setInputFiles({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
}

async function grade(page: Page, standalone: boolean): Promise<void> {
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await page.getByRole('button', { name: zh.gradeButton, exact: true }).click();
  await page.getByTestId('notice').getByText(gradedNotice(suite.sample.report, zh, standalone)).waitFor();
}

test('the page: open this year, pick last year, grade: 上年名次 and 名次变化 on screen and in the downloaded 考核汇总; grade again; a wrong file is one sentence', async () => {
  const session = await openPane(suite.browser, { width: 1280 });
  suite.pane = session;
  const page = session.page;
  await page.clock.setFixedTime(new Date(`${DATE}T10:00:00`));
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByTestId('notice').getByText(zh.openedFile('sample.xlsx')).waitFor();

  await pickPrevious(page, LAST_NAME, lastGraded);
  await page.getByTestId('notice').getByText(zh.previousFile.picked(LAST_NAME, 2025, lastReport.branches.length)).waitFor();
  expect(await page.getByTestId('previous-name').innerText()).toBe(LAST_NAME);
  expect(await page.getByTestId('previous-about').innerText()).toBe(zh.previousFile.about(2025, lastReport.branches.length));

  const want = expected();
  expect(want.some((w) => w.change.startsWith('+')) && want.some((w) => w.change.startsWith('-'))).toBe(true);
  await grade(page, true);
  const onScreen = () => shownColumns(page, [zh.colBranch, '上年名次', '名次变化']);
  expect(await onScreen()).toEqual(want.map((w) => [w.name, w.previousRank, w.change]));
  await screenshot(page, '70-previous-web-graded');

  // the downloaded workbook's 考核汇总 has the columns, with the same figures
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zh.downloadGraded, exact: true }).click()]);
  const grids = await gridsFromXlsx(new Uint8Array(await readFile((await file.path())!)));
  const rows = tableRows(grids.get('考核汇总')!, ['党支部', '上年总分', '上年等级', '上年名次', '名次变化'], '党支部');
  const before = new Map(lastReport.branches.map((b) => [b.name, b]));
  expect(rows.map((r) => [r.get('党支部'), r.get('上年总分'), r.get('上年等级'), r.get('上年名次'), r.get('名次变化') ?? null])).toEqual(
    want.map((w) => {
      const p = before.get(w.name)!;
      return [w.name, p.total, p.grade, p.rank, w.change === '—' ? null : Number(w.change)];
    }),
  );

  // grade again: still compared
  await grade(page, true);
  expect(await onScreen()).toEqual(want.map((w) => [w.name, w.previousRank, w.change]));

  // a wrong file (this year's ungraded workbook): one sentence naming it; last year's choice and the table stay
  await pickPrevious(page, '本年度.xlsx', suite.sample.bytes);
  await page.getByTestId('notice').getByText(/^上年结果：本年度\.xlsx 中没有本产品写入的“考核汇总”表/).waitFor();
  expect(await statusText(page)).not.toMatch(/Error|undefined|at \w+ \(/);
  expect(await page.getByTestId('previous-name').innerText()).toBe(LAST_NAME);
  await grade(page, true);
  expect(await onScreen()).toEqual(want.map((w) => [w.name, w.previousRank, w.change]));
  expect(session.problems).toEqual([]);
});

test('the pane on the stand-in Excel: last year\'s file from disk, 名次变化 in the narrow table, 考核汇总 in the workbook with the columns', async () => {
  const session = await openPane(suite.browser);
  suite.pane = session;
  const page = session.page;
  await page.clock.setFixedTime(new Date(`${DATE}T10:00:00`));
  await page.goto(`${suite.server.url}taskpane-e2e.html?lang=zh`);
  await page.getByRole('button', { name: zh.gradeButton, exact: true }).waitFor();
  await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));

  await pickPrevious(page, LAST_NAME, lastGraded);
  await page.getByTestId('notice').getByText(zh.previousFile.picked(LAST_NAME, 2025, lastReport.branches.length)).waitFor();
  await grade(page, false);
  const want = expected();
  expect(await shownColumns(page, [zh.colBranch, '名次变化'])).toEqual(want.map((w) => [w.name, w.change]));
  // the narrow pane still fits its width with the extra column
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, '71-previous-pane-graded');

  const summary = await page.evaluate(() => window.__e2e!.usedValues('考核汇总'));
  const rows = tableRows(summary, ['党支部', '上年名次', '名次变化'], '党支部');
  expect(rows.map((r) => [r.get('党支部'), r.get('上年名次'), r.get('名次变化') ?? null])).toEqual(
    want.map((w) => [w.name, w.previousRank === '—' ? null : Number(w.previousRank), w.change === '—' ? null : Number(w.change)]),
  );
  // grade again in the same session: still compared
  await grade(page, false);
  expect(await shownColumns(page, [zh.colBranch, '名次变化'])).toEqual(want.map((w) => [w.name, w.change]));
  expect(session.problems).toEqual([]);
});

/**
 * At the narrowest pane the table with 名次变化 fits: in Chinese as a table; in English the grade badges
 * ("Excellent") and "Needs data" leave no room for a sixth column beside whole names, so each branch is a
 * card (Results.tsx) — neither the pane nor the table scrolls sideways (README).
 */
test.each(['zh', 'en'] as const)('at 320 px (%s) with last year\'s results: neither the pane nor the table with 名次变化 scrolls sideways', async (lang) => {
  const s = stringsFor(lang);
  const session = await openPane(suite.browser, { width: 320 });
  suite.pane = session;
  const page = session.page;
  await page.goto(`${suite.server.url}taskpane-e2e.html?lang=${lang}`);
  await page.getByRole('button', { name: s.gradeButton, exact: true }).waitFor();
  await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));
  await pickPrevious(page, LAST_NAME, lastGraded);
  await page.getByTestId('notice').getByText(s.previousFile.picked(LAST_NAME, 2025, lastReport.branches.length)).waitFor();
  await page.getByRole('button', { name: s.gradeButton, exact: true }).click();
  await page.getByTestId('notice').getByText(gradedNotice(suite.sample.report, s, false)).waitFor();
  const rankChange = lang === 'zh' ? '名次变化' : 'Rank change';
  expect((await shownColumns(page, [s.colBranch, rankChange])).map((r) => r[1])).toEqual(expected().map((w) => w.change));
  await screenshot(page, `72-previous-pane-${lang}-320px`);
  expect(await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth))).toBe(0);
  const table = await page.getByTestId('branch-table').evaluate((t) => ({ needs: t.scrollWidth, has: t.parentElement!.clientWidth, layout: t.getAttribute('data-layout') }));
  expect(table.needs).toBeLessThanOrEqual(table.has);
  if (lang === 'en') expect(table.layout).toBe('cards');
  expect(session.problems).toEqual([]);
});
