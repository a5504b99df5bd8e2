/**
 * The standalone page (web.html, the production build) in Chromium: open the sample workbook, 计算等级,
 * see the grade counts, branch rows and checks, click a check to see its cell address, download the
 * graded workbook and read it back with ExcelJS; everything compared with the CLI's --json report.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { GRADES } from '../../src/core/types';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import {
  checkRows,
  expectedBranchRows,
  expandAllFindings,
  expectSheetsMatchReport,
  gradeAndWait,
  gradeNoticeText,
  gridsFromXlsx,
  openPane,
  screenshot,
  shownBranchRows,
  shownGradeCounts,
  useSuite,
} from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');

test('opens, grades, shows checks and downloads the graded sample workbook', async () => {
  suite.pane = await openPane(suite.browser);
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByRole('button', { name: zh.openWorkbook, exact: true }).waitFor();
  // Nothing to grade before a workbook is open.
  await expect(page.getByRole('button', { name: zh.gradeButton, exact: true }).isDisabled()).resolves.toBe(true);
  await screenshot(page, '10-web-zh-start');

  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByText(zh.openedFile('sample.xlsx')).waitFor();
  await screenshot(page, '11-web-zh-opened');

  const report = suite.sample.report;
  await gradeAndWait(page, zh, report.branches.length);
  await screenshot(page, '12-web-zh-graded');
  expect(await shownGradeCounts(page)).toEqual(GRADES.map((g) => report.gradeCounts[g]));
  expect(await shownBranchRows(page)).toEqual(expectedBranchRows(report, zh));
  expect(await page.getByTestId('notice').innerText()).toContain(gradeNoticeText(report, zh, true));

  // The checks: every finding of the report is listed (the error group is open; open the others).
  await page.getByRole('tab', { name: zh.tabs.checks }).click();
  await page.getByTestId('finding').first().waitFor();
  await expandAllFindings(page);
  await page.locator('[data-testid="finding"]').nth(report.issues.length - 1).waitFor();
  expect(await page.getByTestId('finding').count()).toBe(report.issues.length);
  await screenshot(page, '13-web-zh-checks');

  // Standalone there is no Excel to select the cell in: the address is shown prominently instead.
  const target = report.issues.find((i) => i.severity === 'error' && i.sheet && i.cell) ?? report.issues.find((i) => i.sheet && i.cell);
  expect(target).toBeDefined();
  const label = zh.place(target!.sheet!, target!.cell!);
  await page.getByTestId('finding').filter({ has: page.getByTestId('finding-place').getByText(label, { exact: true }) }).first().click();
  await expect(page.getByTestId('selected-address').innerText()).resolves.toBe(label);
  await screenshot(page, '14-web-zh-check-selected');

  // Download the graded workbook (the export tab's primary action) and read it as Excel would.
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: zh.downloadGraded, exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(zh.gradedFileName('sample'));
  const saved = path.join(suite.sample.dir, 'downloaded.xlsx');
  await download.saveAs(saved);
  await page.getByText(zh.downloaded(zh.gradedFileName('sample'))).waitFor();
  const grids = await gridsFromXlsx(new Uint8Array(await readFile(saved)));
  for (const name of ['考核汇总', '考核结果通报', '校验问题', '计算明细']) expect([...grids.keys()]).toContain(name);
  expectSheetsMatchReport(grids.get('考核汇总')!, grids.get('考核结果通报')!, report);
  expect(checkRows(grids.get('校验问题')!).map((r) => `${r.code} ${r.sheet}!${r.cell}`).sort()).toEqual(
    report.issues.map((i) => `${i.code} ${i.sheet ?? ''}!${i.cell ?? ''}`).sort(),
  );
  // Every graded branch can be traced in 计算明细.
  const details = JSON.stringify(grids.get('计算明细'));
  for (const b of report.branches.filter((x) => x.status === 'graded')) expect(details).toContain(b.name);
  // The ratings the office entered are untouched.
  const original = await gridsFromXlsx(suite.sample.bytes);
  for (const [name, grid] of original) expect(grids.get(name)).toEqual(grid);

  expect(problems).toEqual([]);
});

test('a file that is not a workbook gives a readable error, and the page keeps working', async () => {
  suite.pane = await openPane(suite.browser);
  const { page } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByRole('button', { name: zh.openWorkbook, exact: true }).waitFor();
  await page.getByTestId('file-input').setInputFiles({ name: 'notes.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from('not a zip file') });
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  const text = await notice.innerText();
  expect(text).toMatch(/[\u4e00-\u9fff]/); // said in the user's language
  expect(text).not.toMatch(/at \w+ \(|TypeError|undefined/); // no stack trace or internals
  await screenshot(page, '15-web-zh-bad-file');
  // Then a real workbook still opens.
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByText(zh.openedFile('sample.xlsx')).waitFor();
});
