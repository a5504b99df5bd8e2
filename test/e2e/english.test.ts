/**
 * English: with the UI in English, no Chinese character is left in the chrome on any tab, before and
 * after grading, on both pages. Workbook data (branch, sheet and file names, cell addresses: elements
 * marked data-wb) stays as written, and finding messages may quote workbook vocabulary (see chromeCjk).
 */
import type { Page } from 'playwright-core';
import { GRADES } from '../../src/core/types';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor, type TabId } from '../../src/taskpane/i18n';
import {
  chromeCjk,
  expandAllFindings,
  expectedBranchRows,
  gradeAndWait,
  openPane,
  screenshot,
  seedsFromXlsx,
  shownBranchRows,
  useSuite,
} from './support';

const en = stringsFor('en');
const zh = stringsFor('zh');
const TABS: TabId[] = ['grade', 'checks', 'export', 'settings'];

const suite = useSuite('web.html', 'taskpane-e2e.html');

/** Visit every tab (opening every group of findings) and collect the Chinese left in the chrome. */
async function scanAllTabs(page: Page, shotPrefix: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const tab of TABS) {
    await page.getByRole('tab', { name: en.tabs[tab], exact: true }).click();
    await page.locator(`[role="tab"][aria-selected="true"]`, { hasText: en.tabs[tab] }).waitFor();
    if (tab === 'checks') {
      await expandAllFindings(page);
    }
    const cjk = await chromeCjk(page);
    if (cjk.length) found[tab] = cjk;
    if (tab === 'checks' || tab === 'settings') await screenshot(page, `${shotPrefix}-${tab}`);
  }
  await page.getByRole('tab', { name: en.tabs.grade, exact: true }).click();
  return found;
}

test('standalone page in English (?lang=en): no Chinese in the chrome, before and after grading', async () => {
  suite.pane = await openPane(suite.browser, { locale: 'zh-CN' }); // ?lang= wins over the browser's language
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=en`);
  await page.getByRole('button', { name: en.openWorkbook, exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await scanAllTabs(page, '30-web-en-empty')).toEqual({});

  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByText(en.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, en, suite.sample.report.branches.length);
  await screenshot(page, '31-web-en-graded');
  // Grades are chrome here (translated), branch names are data (kept).
  expect(await shownBranchRows(page)).toEqual(expectedBranchRows(suite.sample.report, en));
  expect(await page.locator('ul li span[aria-hidden="true"]').first().innerText()).toBe(en.grades[GRADES[0]]);
  expect(await scanAllTabs(page, '32-web-en-graded')).toEqual({});
  expect(problems).toEqual([]);
});

test('task pane: the 中文/English switch turns every tab English, and back', async () => {
  suite.pane = await openPane(suite.browser);
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}taskpane-e2e.html?lang=zh`);
  await page.getByRole('button', { name: zh.gradeButton, exact: true }).waitFor();
  await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));
  await gradeAndWait(page, zh, suite.sample.report.branches.length);

  await page.locator('[data-lang-switch]').click();
  await page.getByRole('button', { name: en.gradeButton, exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await screenshot(page, '33-taskpane-en-graded');
  expect(await shownBranchRows(page)).toEqual(expectedBranchRows(suite.sample.report, en));
  expect(await scanAllTabs(page, '34-taskpane-en')).toEqual({});

  // Grading again in English leaves the pane English (messages are made in the UI's language).
  await gradeAndWait(page, en, suite.sample.report.branches.length);
  expect(await scanAllTabs(page, '35-taskpane-en-regraded')).toEqual({});

  // And back to Chinese.
  await page.locator('[data-lang-switch]').click();
  await page.getByRole('button', { name: zh.gradeButton, exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  expect(problems).toEqual([]);
});

test('the scan does find Chinese chrome (guards the guard)', async () => {
  suite.pane = await openPane(suite.browser);
  const { page } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByRole('button', { name: zh.openWorkbook, exact: true }).waitFor();
  const found = await chromeCjk(page);
  expect(found.join('\n')).toContain(zh.openWorkbook);
  expect(found.join('\n')).toContain(zh.tabs.checks);
});
