/**
 * The settings form's unsaved typing on the standalone page (issue 23, item 3), at 1280 px: a weight typed
 * on 设置, a look at 校验, back on 设置 the typed values are still there (the tab says there are unsaved
 * changes), then 保存并重新计算 → the table shows the totals the command line computes for the workbook
 * with those weights in 考核参数.
 */
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { reportOf, settingCells, shownKeyColumns, withCells } from './clerk-loop';
import { expectedBranchRows, gradeAndWait, openPane, screenshot, useSuite } from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');

test('a typed weight survives a look at 校验, and saving it gives the new totals', async () => {
  const cells = await settingCells(suite.sample.bytes);
  const weighted = await withCells(suite.sample.bytes, [
    { sheet: '考核参数', cell: cells.get('组织考核权重')!, value: '20%' },
    { sheet: '考核参数', cell: cells.get('民主测评权重')!, value: '80%' },
  ]);
  const { mkdtemp } = await import('node:fs/promises');
  const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/ba-draft-`);
  const expected = expectedBranchRows(await reportOf(dir, 'weighted.xlsx', weighted), zh);

  suite.pane = await openPane(suite.browser, { width: 1280 });
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByTestId('notice').getByText(zh.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  const before = await shownKeyColumns(page, zh);
  expect(before).toEqual(expectedBranchRows(suite.sample.report, zh));
  expect(before).not.toEqual(expected);

  await page.getByRole('tab', { name: zh.tabs.settings, exact: true }).click();
  const org = page.getByRole('spinbutton', { name: zh.settingKeys.组织考核权重 });
  const dem = page.getByRole('spinbutton', { name: zh.settingKeys.民主测评权重 });
  await org.fill('20');
  await dem.fill('80');
  const dirtyTab = page.getByRole('tab', { name: zh.settingsTabDirtyLabel, exact: true });
  await dirtyTab.waitFor();
  expect(await dirtyTab.innerText()).toBe(zh.settingsTabDirty);

  await page.getByRole('tab', { name: zh.tabs.checks, exact: true }).click();
  await page.getByRole('tab', { name: zh.tabs.checks, exact: true, selected: true }).waitFor();
  expect(await org.count()).toBe(0);
  await dirtyTab.click();
  expect(await org.inputValue()).toBe('20');
  expect(await dem.inputValue()).toBe('80');
  await page.getByTestId('settings-draft-note').getByText(zh.settingsDraftNote).waitFor();
  await screenshot(page, '68-web-settings-draft-kept');

  await page.getByRole('button', { name: zh.saveAndGrade, exact: true }).click();
  await page.getByTestId('notice').getByText(zh.settingsSaved([zh.settingKeys.组织考核权重, zh.settingKeys.民主测评权重]), { exact: false }).waitFor();
  await page.getByRole('tab', { name: zh.tabs.settings, exact: true }).waitFor();
  expect(await org.inputValue()).toBe('20');
  await page.getByRole('tab', { name: zh.tabs.grade, exact: true }).click();
  expect(await shownKeyColumns(page, zh)).toEqual(expected);
  expect(problems).toEqual([]);
});
