/**
 * The clerk's loop in the task pane (issue 23), on the stand-in Excel (taskpane-e2e.html), in one page:
 * the sample in the workbook → 计算等级 → the clerk corrects the rating in the sheet → 计算等级 twice →
 * one setting of each kind changed and saved → the pane, 考核汇总 and 考核结果通报 in the workbook follow →
 * 计算等级 again → every export the pane offers, read back. (Printing is Excel's own inside the add-in: the
 * pane has no print of its own; the page's print is tested in page-loop.test.ts.) Then the clerk clicks
 * 计算等级 while still typing in a cell: Excel on the web refuses (office-js #1393, #3019), Excel on Windows
 * waits until the edit ends, without limit (office-js #806); the pane says how to end the edit either way.
 */
import type { Page } from 'playwright-core';
import { GRADES } from '../../src/core/types';
import { stringsFor } from '../../src/taskpane/i18n';
import { DATE, docxText, EDITS, ENGLISH_SENTENCE, FIX, gradedNotice, makeWorkbooks, shownKeyColumns, statusText, watchProgress, type Workbooks } from './clerk-loop';
import { expectedBranchRows, expectSheetsMatchReport, gridsFromXlsx, openPane, screenshot, seedsFromXlsx, shownGradeCounts, useSuite, type PaneSession, type Report } from './support';

/** What the pane says while Excel holds or refuses its work for a cell being edited (terms module). */
const CELL_EDIT_WAIT = '请先按 Enter 或点击其他单元格，结束单元格编辑';

const zh = stringsFor('zh');
const suite = useSuite('taskpane-e2e.html');
let wbs: Workbooks;
let session: PaneSession;
let page: Page;

beforeAll(async () => {
  wbs = await makeWorkbooks(suite.sample.bytes);
  session = await openPane(suite.browser);
  page = session.page;
  await page.clock.setFixedTime(new Date(`${DATE}T10:00:00`));
  await page.goto(`${suite.server.url}taskpane-e2e.html?lang=zh`);
  await page.getByRole('button', { name: zh.gradeButton, exact: true }).waitFor();
  await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));
}, 120_000);

afterAll(async () => {
  await session?.context.close();
});

const gradeButton = () => page.getByRole('button', { name: zh.gradeButton, exact: true });

/** 计算等级 (focus on the button, Enter) until idle: progress all along, focus kept, the report on screen and in the workbook. */
async function grade(report: Report, decimals = 1): Promise<void> {
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await gradeButton().focus();
  const progress = await watchProgress(page);
  await gradeButton().press('Enter');
  const shown = await progress();
  expect(shown.seen).toBe(true);
  expect(shown.gaps).toBe(0);
  for (const l of shown.labels) expect(l).not.toMatch(/第\s*\d+\s*\/\s*\d+\s*步/);
  expect(await gradeButton().evaluate((b) => b === document.activeElement)).toBe(true);
  const status = await statusText(page);
  expect(status).toContain(gradedNotice(report, zh, false));
  expect(status).not.toMatch(ENGLISH_SENTENCE);
  expect(await shownKeyColumns(page, zh)).toEqual(expectedBranchRows(report, zh, decimals));
  expect(await shownGradeCounts(page)).toEqual(GRADES.map((g) => report.gradeCounts[g]));
  await expectWorkbook(report);
}

/** The product's sheets in the stand-in: one of each, with the report's figures. */
async function expectWorkbook(report: Report): Promise<void> {
  const names = await page.evaluate(() => window.__e2e!.sheetNames());
  expect(names.filter((n) => /考核汇总|考核结果通报|校验问题|计算明细/.test(n)).sort()).toEqual(['校验问题', '考核汇总', '考核结果通报', '计算明细'].sort());
  const [summary, notification] = await page.evaluate(() => ['考核汇总', '考核结果通报'].map((n) => window.__e2e!.usedValues(n)));
  expectSheetsMatchReport(summary, notification, report);
}

async function download(label: string, name: string): Promise<Uint8Array> {
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  expect(file.suggestedFilename()).toBe(name);
  const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile((await file.path())!));
  await page.getByTestId('notice').getByText(zh.downloaded(name)).waitFor();
  return bytes;
}

test('grade the sample in the workbook', async () => {
  await grade(suite.sample.report);
});

test('the clerk corrects the rating in the sheet, grades twice: the branch is graded, the sheets replaced', async () => {
  await page.evaluate((f) => window.__e2e!.setCell(f.sheet, f.cell, f.value), FIX);
  await grade(wbs.fixedReport);
  await grade(wbs.fixedReport);
  await screenshot(page, '62-loop-pane-regraded');
});

test('one setting of each kind changed and saved: the pane, 考核汇总 and 考核结果通报 follow', async () => {
  await page.getByRole('tab', { name: zh.tabs.settings }).click();
  for (const [key, v] of Object.entries(EDITS)) {
    const field = page.locator(`[data-setting="${key}"]`);
    if (key === '排名方式' || key === '总分小数位') {
      await field.click();
      await page.getByRole('option', { name: key === '排名方式' ? zh.rankingOptions[v.typed] : v.typed, exact: true }).click();
    } else {
      await field.fill(v.typed);
    }
  }
  await page.getByRole('button', { name: zh.saveAndGrade, exact: true }).click();
  const settled = wbs.settledReport;
  await page.getByTestId('notice').getByText(gradedNotice(settled, zh, false)).waitFor();
  expect(await statusText(page)).not.toMatch(ENGLISH_SENTENCE);
  expect(await page.locator('[data-setting="民主测评权重"]').inputValue()).toBe('80');
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  expect(await shownKeyColumns(page, zh)).toEqual(expectedBranchRows(settled, zh, 2));
  await expectWorkbook(settled);
  const summary = await page.evaluate(() => window.__e2e!.usedValues('考核汇总'));
  const ruleset = String(summary[1][0]);
  for (const part of ['组织考核 20%', '民主测评 80%', '优秀 ≥85', '较好 0.8', '总分保留 2 位小数', '并列不占位']) expect(ruleset).toContain(part);
  const notification = JSON.stringify(await page.evaluate(() => window.__e2e!.usedValues('考核结果通报')));
  expect(notification).toContain(EDITS.发文单位.typed);
});

test('grade again after saving: the same results', async () => {
  await grade(wbs.settledReport, 2);
});

test('every export the pane offers, read back', async () => {
  const settled = wbs.settledReport;
  const year = settled.year;
  const xlsx = await gridsFromXlsx(await download(zh.downloadXlsx, `${zh.exportFileStem}-${year}.xlsx`));
  expectSheetsMatchReport(xlsx.get('考核汇总')!, xlsx.get('考核结果通报')!, settled);
  const word = await docxText(await download(zh.downloadDocx, `${zh.notificationFileStem}-${year}.docx`));
  expect(word).toContain(EDITS.发文单位.typed);
  for (const b of settled.branches.filter((x) => x.status === 'graded')) expect(word).toContain(b.name);
  const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).replace(/^\uFEFF/, '');
  const lineOf = (csv: string, name: string) => csv.split(/\r?\n/).find((l) => l.split(',').includes(name)) ?? '';
  const hasTotal = (line: string, total: number) => line.split(',').some((f) => f.trim() !== '' && Number(f) === total);
  for (const [label, file] of [
    [zh.downloadNotificationCsv, `${zh.notificationFileStem}-${year}.csv`],
    [zh.downloadSummaryCsv, `${zh.summaryFileStem}-${year}.csv`],
  ]) {
    const csv = decode(await download(label, file));
    for (const b of settled.branches.filter((x) => x.status === 'graded')) expect([b.name, hasTotal(lineOf(csv, b.name), b.total!)]).toEqual([b.name, true]);
  }
  expect(session.problems).toEqual([]);
});

test('a cell still being edited on Excel on the web (office-js #1393, #3019): refused, the pane says how to end the edit, 计算等级 works again after', async () => {
  const settled = wbs.settledReport;
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await page.evaluate(() => window.__e2e!.editingCell(true));
  const before = await page.evaluate(() => [window.__e2e!.sheetNames(), window.__e2e!.usedValues('考核汇总')]);
  const runs = await page.evaluate(() => window.__e2e!.runCount());
  await gradeButton().click();
  await page.getByTestId('notice').getByText(zh.cellEditRetry).waitFor();
  expect(zh.cellEditRetry.startsWith(CELL_EDIT_WAIT)).toBe(true);
  // One Excel run, refused. There were two: the refused read was sent again without merged areas (the
  // retry meant for Excel's 512-merged-areas limit), and that second read was refused the same.
  expect(await page.evaluate(() => window.__e2e!.runCount())).toBe(runs + 1);
  // refused before anything was read: nothing written
  expect(await page.evaluate(() => [window.__e2e!.sheetNames(), window.__e2e!.usedValues('考核汇总')])).toEqual(before);
  expect(await gradeButton().getAttribute('aria-disabled')).not.toBe('true');
  await screenshot(page, '63-loop-pane-cell-edit-web');
  // the clerk presses Enter and clicks 计算等级 again: graded as before
  await page.evaluate(() => window.__e2e!.editingCell(false));
  await grade(settled, 2);
  expect(session.problems).toEqual([]);
});

test('a cell still being edited on Excel for Windows (office-js #806): after 3 s the pane says how to end the edit; when it ends, the grades come by themselves', async () => {
  const win = await openPane(suite.browser);
  suite.pane = win; // closed after this test
  const p = win.page;
  // The page's timers run on Playwright's clock: the test moves it on by 3 s instead of waiting for them.
  await p.clock.install({ time: new Date(`${DATE}T10:00:00`) });
  await p.goto(`${suite.server.url}taskpane-e2e.html?lang=zh&platform=windows`);
  const button = p.getByRole('button', { name: zh.gradeButton, exact: true });
  await button.waitFor();
  await p.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));
  await p.evaluate(() => window.__e2e!.editingCell(true));
  await button.click();
  // Excel holds the read (a state of the stand-in, polled, never a clock)
  await p.waitForFunction(() => window.__e2e!.waitingForCellEdit() === 1, undefined, { polling: 50 });
  await p.clock.fastForward(3000);
  const wait = p.getByTestId('cell-edit-wait');
  await wait.waitFor();
  expect((await wait.innerText()).trim()).toBe(CELL_EDIT_WAIT);
  expect(await p.getByTestId('progress').isVisible()).toBe(true);
  expect(await p.evaluate(() => window.__e2e!.sheetNames().includes('考核汇总'))).toBe(false);
  await screenshot(p, '64-pane-cell-edit-windows');
  // the clerk presses Enter: nothing to click, the message goes and the results come
  await p.evaluate(() => window.__e2e!.editingCell(false));
  const report = suite.sample.report;
  await p.getByTestId('notice').getByText(gradedNotice(report, zh, false)).waitFor();
  expect(await wait.count()).toBe(0);
  expect(await shownKeyColumns(p, zh)).toEqual(expectedBranchRows(report, zh));
  expect(await p.evaluate(() => window.__e2e!.sheetNames().includes('考核汇总'))).toBe(true);
  expect(win.problems).toEqual([]);
});
