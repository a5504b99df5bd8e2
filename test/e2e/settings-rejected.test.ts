/**
 * Settings the engine rejects, on the standalone page (issue 23 Build 3): weights that do not add up to
 * 100 % and thresholds out of order keep the form as typed, with the reason under the field (or under its
 * group, for a rule about several fields), nothing written to 考核参数 and no re-grade; a valid change then
 * saves and grades as usual.
 */
import type { Page } from 'playwright-core';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { shownKeyColumns } from './clerk-loop';
import { expectedBranchRows, gradeAndWait, gridsFromXlsx, openPane, screenshot, useSuite } from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');

/** The 考核参数 value (column B) of a key in a downloaded workbook, as text. */
async function savedSetting(page: Page, key: string): Promise<string> {
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zh.downloadGraded, exact: true }).click()]);
  const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile((await file.path())!));
  const grid = (await gridsFromXlsx(bytes)).get('考核参数')!;
  const row = grid.find((r) => r?.[0] === key);
  await page.getByRole('tab', { name: zh.tabs.settings }).click();
  return String(row?.[1] ?? '');
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: zh.saveAndGrade, exact: true }).click();
}

test('weights that do not add up, then thresholds out of order: the form keeps what was typed, the reason under it, nothing saved', async () => {
  suite.pane = await openPane(suite.browser, { width: 1280 });
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html`);
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByTestId('notice').getByText(zh.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  const graded = expectedBranchRows(suite.sample.report, zh);
  expect(await shownKeyColumns(page, zh)).toEqual(graded);
  const weightBefore = await savedSetting(page, '组织考核权重');
  const thresholdBefore = await savedSetting(page, '较好分数线');

  // 50 + 40 + 0 = 90 %: said under 组织考核权重, the 50 stays in the field.
  const org = page.getByRole('spinbutton', { name: zh.settingKeys.组织考核权重 });
  await org.fill('50');
  await save(page);
  await page.getByText(zh.settingsInvalid(1)).waitFor();
  const orgField = page.getByTestId('setting-row').filter({ has: page.locator('[data-setting="组织考核权重"]') });
  expect(await orgField.innerText()).toMatch(/权重合计为 ?90%.*应恰好为 ?100%/);
  expect(await org.getAttribute('aria-invalid')).toBe('true');
  expect(await org.inputValue()).toBe('50');
  await screenshot(page, '66-web-settings-weights-rejected');
  // Nothing written, nothing graded again: 考核参数 and the table as before.
  expect(await savedSetting(page, '组织考核权重')).toBe(weightBefore);
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  expect(await shownKeyColumns(page, zh)).toEqual(graded);
  await page.getByRole('tab', { name: zh.tabs.settings }).click();
  // What was typed and not saved outlasts the look at other tabs, with its reason.
  expect(await org.inputValue()).toBe('50');
  expect(await org.getAttribute('aria-invalid')).toBe('true');

  // Back to 60, and 较好分数线 95 above 优秀 90: the reason under 分数线 (not under 权重), the 95 kept.
  await org.fill('60');
  const good = page.getByRole('spinbutton', { name: zh.settingKeys.较好分数线 });
  await good.fill('95');
  await save(page);
  await page.getByText(zh.settingsInvalid(1)).waitFor();
  const thresholds = page.locator('fieldset[data-group="thresholds"]');
  expect(await thresholds.getByTestId('setting-group-problem').innerText()).toContain('分数线的顺序不对');
  expect(await page.locator('fieldset[data-group="weights"]').getByTestId('setting-group-problem').count()).toBe(0);
  expect(await good.getAttribute('aria-invalid')).toBe('true');
  expect(await good.inputValue()).toBe('95');
  expect(await org.inputValue()).toBe('60');
  expect(await org.getAttribute('aria-invalid')).not.toBe('true');
  await screenshot(page, '67-web-settings-thresholds-rejected');
  expect(await savedSetting(page, '较好分数线')).toBe(thresholdBefore);

  // A valid value: saved, graded again, no reason left on the form.
  await good.fill('85');
  await save(page);
  await page.getByTestId('notice').getByText(zh.settingsSaved([zh.settingKeys.较好分数线]), { exact: false }).waitFor();
  expect(await page.getByTestId('setting-group-problem').count()).toBe(0);
  expect(await good.getAttribute('aria-invalid')).not.toBe('true');
  expect(await good.inputValue()).toBe('85');
  expect(await savedSetting(page, '较好分数线')).toBe('85');
  expect(problems).toEqual([]);
});
