/**
 * The standalone page's states around the loop (issue 23): an empty template says there is nothing to
 * grade yet and what to do, offers no export and nothing to print; the template's 填表说明 is never listed
 * as unrecognised; the layout fits 360, 1024, 1160 and 1280 px without sideways scrolling (the settings
 * in two columns on the desktop; branch names whole: page-widths.test.ts); a message stays on its own tab; Chinese
 * text has no spaces around its quotes, English no "yet?Download".
 */
import type { Page } from 'playwright-core';
import { buildWorkbook } from '../../src/hosts/xlsx';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { planTemplate } from '../../src/workbook/plans';
import { gradeAndWait, openPane, screenshot, useSuite } from './support';

const zh = stringsFor('zh');
const en = stringsFor('en');
const suite = useSuite('web.html');

async function openPage(width: number, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  suite.pane = await openPane(suite.browser, { width });
  const page = suite.pane.page;
  await page.goto(`${suite.server.url}web.html?lang=${lang}`);
  await page.getByRole('button', { name: stringsFor(lang).openWorkbook, exact: true }).waitFor();
  return page;
}

async function openFile(page: Page, name: string, bytes: Uint8Array, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.getByTestId('notice').getByText(stringsFor(lang).openedFile(name)).waitFor();
}

/** Click 计算等级 and wait until the app is idle again (any outcome). */
async function gradeOnce(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __busySeen: boolean };
    w.__busySeen = false;
    const main = document.querySelector('main')!;
    new MutationObserver((_, o) => {
      if (main.getAttribute('aria-busy') === 'true') {
        w.__busySeen = true;
        o.disconnect();
      }
    }).observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  await page.getByRole('button', { name: zh.gradeButton, exact: true }).click();
  await page.waitForFunction(() => (window as unknown as { __busySeen: boolean }).__busySeen && document.querySelector('main')?.getAttribute('aria-busy') === 'false');
}

test('a blank template: "no ratings yet" with the next step, no chart, no export, nothing to print, 填表说明 not listed', async () => {
  const page = await openPage(1280);
  await openFile(page, 'template.xlsx', buildWorkbook(planTemplate(2026)));
  await gradeOnce(page);
  const notice = page.getByTestId('notice');
  expect(await notice.innerText()).toContain(zh.noRatingsTitle);
  expect(await notice.innerText()).toContain(zh.noRatingsStandalone);
  await notice.getByRole('button', { name: zh.actionDownloadTemplate }).waitFor();
  expect(await notice.innerText()).not.toContain(zh.doneOkStandalone(0, 0));
  // No success, no chart or table of nothing, nothing offered to download or print.
  expect(await page.locator('[data-testid="notice"][class*="success"], [data-testid="count-0"], [data-testid="branch-table"]').count()).toBe(0);
  expect(await page.getByTestId('print-copy').count()).toBe(0);
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  expect(await page.getByRole('button', { name: zh.downloadGraded, exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: zh.downloadDocx, exact: true }).count()).toBe(0);
  expect(await page.getByTestId('notification-preview').count()).toBe(0);
  // The checks: the no-ratings warning, and no "unrecognised sheet" for the template's own 填表说明.
  await page.getByRole('tab', { name: zh.tabs.checks }).click();
  await page.getByTestId('finding').first().waitFor();
  const checks = await page.getByRole('tabpanel').innerText();
  expect(checks).not.toContain('填表说明');
  await screenshot(page, '63-web-blank-template');
});

/** How far the page scrolls sideways (0 when it fits). */
const sideways = (page: Page) => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

test.each([360, 1024, 1160, 1280])('at %i px every tab fits without sideways scrolling', async (width) => {
  const page = await openPage(width);
  await openFile(page, 'sample.xlsx', suite.sample.bytes);
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  for (const tab of ['grade', 'checks', 'export', 'settings'] as const) {
    await page.getByRole('tab', { name: zh.tabs[tab] }).click();
    await page.locator('[role="tabpanel"] > *').first().waitFor();
    expect([tab, await sideways(page)]).toEqual([tab, 0]);
  }
  if (width >= 1024) {
    // The settings form in two columns: the first two groups side by side.
    await page.getByRole('tab', { name: zh.tabs.settings }).click();
    const tops = await page.locator('fieldset[data-group]').evaluateAll((f) => f.map((x) => Math.round(x.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
  }
  await screenshot(page, `64-web-${width}px-settings`);
});

test('a message stays on its tab; Chinese quotes without spaces; English "No workbook yet? Download"', async () => {
  const page = await openPage(1280);
  await openFile(page, 'sample.xlsx', suite.sample.bytes);
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  const notice = page.getByTestId('notice');
  await notice.getByRole('button', { name: zh.actionShowChecks }).waitFor();
  await page.getByRole('tab', { name: zh.tabs.checks }).click();
  // On 校验 itself, no "查看校验问题".
  expect(await page.getByRole('button', { name: zh.actionShowChecks }).count()).toBe(0);
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await notice.getByRole('button', { name: zh.actionShowChecks }).waitFor();
  // 名单外的名称“机关第二支部”可能指本支部: no space either side of a Chinese quote.
  const text = await page.locator('main').innerText();
  expect(text).toContain('“机关第二支部”');
  expect(text).not.toMatch(/ “|” (?=[\u4e00-\u9fff])/);
  expect(text).not.toMatch(/[\u4e00-\u9fff]\d*%?, [\u4e00-\u9fff]/);
  await suite.pane?.context.close();
  suite.pane = undefined;
  const english = await openPage(1280, 'en');
  expect(await english.getByTestId('first-run').innerText()).toContain(`${en.noWorkbookQuestion.trim()} ${en.downloadTemplate}`);
});
