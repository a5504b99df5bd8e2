/**
 * The task pane (taskpane-e2e.html: the real App wired through officeAppHost to the strict stand-in
 * Excel) in Chromium: sample workbook into the stand-in, 计算等级, results, a finding selects its cell
 * in the stand-in, and the product's sheets exist there with the CLI's totals.
 */
import type { Page } from 'playwright-core';
import { GRADES } from '../../src/core/types';
import { stringsFor } from '../../src/taskpane/i18n';
import {
  checkRows,
  expectedBranchRows,
  expectSheetsMatchReport,
  gradeNoticeText,
  gradeAndWait,
  openPane,
  recordMetrics,
  screenshot,
  seedsFromXlsx,
  shownBranchRows,
  shownGradeCounts,
  useSuite,
} from './support';
import { reportTiming } from '../support/timing';

const zh = stringsFor('zh');
const suite = useSuite('taskpane-e2e.html');

// 1.17: current Excel; 1.7: the oldest the add-in supports (no merged-area reads, validation, page layout).
test.each(['1.17', '1.7'])('ExcelApi %s: grades the sample in the stand-in Excel; results, sheets, findings select their cell', async (api) => {
  suite.pane = await openPane(suite.browser);
  const { page, problems } = suite.pane;
  const shot = (name: string) => (api === '1.17' ? screenshot(page, name) : Promise.resolve(''));
  await page.goto(`${suite.server.url}taskpane-e2e.html?lang=zh&api=${api}`);
  const gradeButton = page.getByRole('button', { name: zh.gradeButton, exact: true });
  await gradeButton.waitFor();
  await shot('20-taskpane-zh-start');

  // The workbook as the office keeps it, put into the stand-in before grading.
  const seeds = await seedsFromXlsx(suite.sample.bytes);
  await page.evaluate((sheets) => window.__e2e!.seed(sheets), seeds);
  expect(await page.evaluate(() => window.__e2e!.sheetNames())).toEqual(seeds.map((s) => s.name));
  await page.evaluate(() => window.__e2e!.resetStats());

  const report = suite.sample.report;
  const started = Date.now();
  await gradeAndWait(page, zh, report.branches.length);
  const gradeMs = Date.now() - started;
  const syncs = await page.evaluate(() => window.__e2e!.syncCount());
  await shot('21-taskpane-zh-graded');

  // What the pane shows equals the CLI's report on the same file.
  expect(await shownGradeCounts(page)).toEqual(GRADES.map((g) => report.gradeCounts[g]));
  expect(await shownBranchRows(page)).toEqual(expectedBranchRows(report, zh));
  expect(await page.getByTestId('notice').innerText()).toContain(gradeNoticeText(report, zh));

  // Reading the workbook and writing four sheets: at most three round trips to Excel.
  expect(syncs).toBeGreaterThanOrEqual(1);
  expect(syncs).toBeLessThanOrEqual(3);

  // The product's sheets are in the stand-in, with the report's totals and ranking.
  const names = await page.evaluate(() => window.__e2e!.sheetNames());
  expect(names).toEqual(expect.arrayContaining(['考核汇总', '考核结果通报', '校验问题', '计算明细']));
  const [summary, notification, checks] = await page.evaluate(
    () => ['考核汇总', '考核结果通报', '校验问题'].map((n) => window.__e2e!.usedValues(n)),
  );
  expectSheetsMatchReport(summary, notification, report);
  expect(checkRows(checks)).toHaveLength(report.issues.length);

  // A finding that points at a cell selects that cell in Excel.
  await page.getByRole('tab', { name: zh.tabs.checks }).click();
  const target = report.issues.find((i) => i.severity === 'error' && i.sheet && i.cell) ?? report.issues.find((i) => i.sheet && i.cell);
  expect(target).toBeDefined();
  const label = zh.place(target!.sheet!, target!.cell!);
  const finding = page.getByTestId('finding').filter({ has: page.getByTestId('finding-place').getByText(label, { exact: true }) }).first();
  await finding.click();
  await page.waitForFunction(() => window.__e2e!.selection() !== null);
  expect(await page.evaluate(() => window.__e2e!.selection())).toEqual({ sheet: target!.sheet, address: target!.cell });
  expect(await page.evaluate(() => window.__e2e!.activeSheet())).toBe(target!.sheet);
  // Inside Excel the cell itself is selected, so the standalone "find this cell" box is not shown.
  expect(await page.getByTestId('selected-address').count()).toBe(0);
  await shot('22-taskpane-zh-checks');

  if (api === '1.17') await recordMetrics({ taskpaneGrade: { branches: report.branches.length, syncs, clickToResultsMs: gradeMs } });
  reportTiming(`task pane (ExcelApi ${api}): grading the sample (${report.branches.length} branches) took ${gradeMs} ms click→results, ${syncs} syncs`);
  expect(problems).toEqual([]);
});

/** How far an element's content is wider than its box (0 when it fits). */
const overflowOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Math.max(0, el.scrollWidth - el.clientWidth));

test.each(['zh', 'en'] as const)('at 320 px (%s) the pane and its branch table fit without horizontal scrolling', async (lang) => {
  const s = stringsFor(lang);
  suite.pane = await openPane(suite.browser, { width: 320 });
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}taskpane-e2e.html?lang=${lang}`);
  await page.getByRole('button', { name: s.gradeButton, exact: true }).waitFor();
  await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));
  await gradeAndWait(page, s, suite.sample.report.branches.length);
  await screenshot(page, `23-taskpane-${lang}-320px-graded`);
  await page.getByRole('tab', { name: s.tabs.checks }).click();
  await page.getByTestId('finding').first().waitFor();
  await screenshot(page, `24-taskpane-${lang}-320px-checks`);
  expect(await overflowOf(page, 'html')).toBe(0);
  await page.getByRole('tab', { name: s.tabs.grade }).click();
  // The table scrolls inside its wrapper when too wide, which hides the last column (状态 / Status).
  const table = await page.locator('table').first().evaluate((t) => ({ needs: t.scrollWidth, has: t.parentElement!.clientWidth }));
  expect(table.needs).toBeLessThanOrEqual(table.has);
  expect(problems).toEqual([]);
});
