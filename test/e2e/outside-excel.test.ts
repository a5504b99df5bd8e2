/**
 * The production taskpane.html opened in a plain browser, not in Excel (someone follows the add-in's URL,
 * or Office.js finds no host). Office.js is Microsoft's, served here from node_modules for the CDN URL
 * (no network). The page must not hang on its boot message or throw: it either renders or tells the
 * user where it works.
 */
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from './server';
import { BUILD_DIR, launchChromium, openPane, requireBuild, ROOT, screenshot, seriousAxeViolations } from './support';

const OFFICE_JS_DIR = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const BOOT_MESSAGE = '正在加载党支部考核';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  requireBuild('taskpane.html');
  // Each is kept as soon as it exists, so afterAll closes it even when the other failed.
  await Promise.all([startStaticServer(BUILD_DIR).then((x) => (server = x)), launchChromium().then((x) => (browser = x))]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test.each([320, 1280])('taskpane.html outside Excel at %i px does not hang on the boot message, and is axe clean', async (width) => {
  const { context, page, problems } = await openPane(browser, { width });
  try {
    // Office.js from its npm copy instead of appsforoffice.microsoft.com (routes added later win).
    await context.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = path.resolve(OFFICE_JS_DIR, rel);
      if (!file.startsWith(OFFICE_JS_DIR + path.sep)) return route.abort();
      return route.fulfill({ path: file });
    });
    await page.goto(`${server.url}taskpane.html`);
    // Office.onReady resolves outside Office too (with no host); give it time, then look.
    await page.waitForFunction((boot) => !document.body.innerText.includes(boot), BOOT_MESSAGE, { timeout: 10_000 }).catch(() => undefined);
    await screenshot(page, `40-taskpane-outside-excel-${width}px`);
    // Office.js frames its telemetry page from Microsoft (blocked by the CSP, and offline here): not ours.
    const ours = problems.filter((p) => !/telemetryservice\.firstpartyapps\.oaspapps\.com|blockedbyclient/.test(p));
    expect(ours).toEqual([]);
    expect(await page.locator('body').innerText()).not.toContain(BOOT_MESSAGE);
    // Styled, not the browser's bare Times New Roman.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
});
