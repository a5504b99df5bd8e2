/**
 * The standalone page as a clerk uses it, at 320 px (the pane's layout) and 1280 px (the desktop
 * workbench): first-run guidance, grading, a finding and its cell, an invalid setting that is not
 * written, the status of the latest run only, the export choices and the printable notification.
 * A screenshot per state and axe-core (no serious or critical violation) on each.
 */
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { expectNotificationPrintsAlone, gradeAndWait, openPane, screenshot, seriousAxeViolations, useSuite } from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');

test.each([320, 1280])('the standalone page at %i px: guidance, status, settings, findings and export', async (width) => {
  suite.pane = await openPane(suite.browser, { width });
  const { page, problems } = suite.pane;
  const shot = (name: string) => screenshot(page, `50-web-${width}px-${name}`);
  const layout = width >= 1024 ? 'wide' : 'pane';
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByTestId('first-run').waitFor();
  expect(await page.locator('main').getAttribute('data-layout')).toBe(layout);
  // First run: three steps, and where to get a workbook.
  expect(await page.getByTestId('first-run').locator('li').count()).toBe(3);
  expect(await page.getByTestId('first-run').innerText()).toContain(zh.noWorkbookQuestion);
  await shot('1-start');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByText(zh.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  const notice = page.getByTestId('notice');
  // The page does not claim a workbook was written: the results still have to be downloaded.
  expect(await notice.innerText()).not.toContain('结果已写入工作簿');
  expect(await notice.getByRole('button').count()).toBeGreaterThan(0);
  if (layout === 'wide') {
    // every column of 考核汇总, sortable
    expect(await page.locator('[data-testid="branch-table"] thead th').count()).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: zh.colTotal }).click();
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1);
  }
  await shot('2-graded');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A finding with a cell: marked when clicked; at desktop width its cell is highlighted in the preview.
  await page.getByRole('tab', { name: zh.tabs.checks }).click();
  const finding = page.locator('button[data-testid="finding"]').first();
  await finding.click();
  expect(await finding.getAttribute('aria-current')).toBe('true');
  const place = await finding.getByTestId('finding-place').innerText();
  if (layout === 'wide') {
    const cell = page.locator('[data-selected-cell]');
    await cell.waitFor();
    expect(place).toContain(await cell.getAttribute('data-cell'));
    expect(await cell.isVisible()).toBe(true);
  } else {
    expect(await page.getByTestId('selected-address').innerText()).toBe(place);
  }
  await shot('3-finding-selected');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // An invalid setting: said under its field, nothing written, no re-grade.
  await page.getByRole('tab', { name: zh.tabs.settings }).click();
  const coefficient = page.getByRole('spinbutton', { name: zh.settingKeys.较好系数 });
  await coefficient.fill('1.5');
  await page.getByRole('button', { name: zh.saveAndGrade }).click();
  await page.getByText(zh.settingsInvalid(1)).waitFor();
  expect(await coefficient.getAttribute('aria-invalid')).toBe('true');
  expect(await coefficient.inputValue()).toBe('1.5');
  await shot('4-setting-invalid');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The next run replaces that status: no stale message beside the new one.
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  expect(await page.getByText(zh.settingsInvalid(1)).count()).toBe(0);
  expect(await page.getByTestId('notice').count()).toBe(1);

  // Export: one primary action, a line under each saying what file it makes, no Excel menu path.
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const choices = page.locator('[data-export]');
  expect(await choices.count()).toBeGreaterThanOrEqual(4);
  expect(await page.locator('[data-export] button.fui-Button[class*="primary"], [data-export="graded"] button').count()).toBeGreaterThanOrEqual(1);
  expect(await page.locator('main').innerText()).not.toContain('文件 → 导出');
  if (layout === 'wide') {
    const preview = page.getByTestId('notification-preview');
    await preview.waitFor();
    // Printing shows only the notification page, on A4.
    await expectNotificationPrintsAlone(page);
  }
  await shot('5-export');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
