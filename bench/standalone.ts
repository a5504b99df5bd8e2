/**
 * The standalone page (web.html of a production build) in headless Chromium, as an office without the
 * add-in uses it: navigate, open the benchmark workbook, 计算等级 until every branch row is shown, then
 * 下载考核结果 until the file is saved. Wall time of each step and of the whole, on the e2e harness
 * (test/e2e: the static server, Debian's Chromium).
 * Run directly: npx tsx bench/standalone.ts <dist-dir> <workbook.xlsx> <branches>
 * With BA_BENCH_PROFILE=<file.cpuprofile> the page's main thread is profiled while the workbook opens
 * (Chrome DevTools' format: open it in the Performance panel or read it with a script).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringsFor } from '../src/taskpane/i18n';
import { XLSX_MIME } from '../src/taskpane/host-util';
import { startStaticServer } from '../test/e2e/server';
import { launchChromium } from '../test/e2e/support';

export interface StandaloneRun {
  /** navigating until the page's open button is shown (its script parsed and run) */
  pageSeconds: number;
  /** navigating and opening the workbook: pageSeconds included */
  openSeconds: number;
  gradeSeconds: number;
  downloadSeconds: number;
  totalSeconds: number;
  downloadedMB: number;
  browser: string;
}

export async function benchStandalone(dist: string, workbook: string, branches: number): Promise<StandaloneRun> {
  const zh = stringsFor('zh');
  const bytes = await readFile(workbook);
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    const t0 = performance.now();
    await page.goto(`${server.url}web.html?lang=zh`);
    await page.getByRole('button', { name: zh.openWorkbook, exact: true }).waitFor();
    const tPage = performance.now();
    const profileTo = process.env.BA_BENCH_PROFILE;
    const cdp = profileTo ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.getByTestId('file-input').setInputFiles({ name: 'bench.xlsx', mimeType: XLSX_MIME, buffer: bytes });
    await page.getByText(zh.openedFile('bench.xlsx')).waitFor();
    if (cdp && profileTo) await writeFile(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const t1 = performance.now();
    // As test/e2e's gradeAndWait, without jest: the app goes busy, comes back idle, every row is shown.
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const w = window as unknown as { __sawBusy: boolean };
      w.__sawBusy = false;
      new MutationObserver((_, o) => {
        if (main.getAttribute('aria-busy') === 'true') {
          w.__sawBusy = true;
          o.disconnect();
        }
      }).observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    await page.getByRole('button', { name: zh.gradeButton, exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { __sawBusy: boolean }).__sawBusy && document.querySelector('main')?.getAttribute('aria-busy') === 'false', undefined, { polling: 50 });
    await page.locator('[data-testid="branch-row"]').nth(branches - 1).waitFor();
    const shown = await page.locator('[data-testid="branch-row"]').count();
    if (shown !== branches) throw new Error(`the page shows ${shown} branch rows, not ${branches}`);
    const t2 = performance.now();
    // The download is the export tab's primary action, as test/e2e/standalone.test.ts does it.
    await page.getByRole('tab', { name: zh.tabs.export }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zh.downloadGraded, exact: true }).click()]);
    const saved = path.join(os.tmpdir(), `ba-bench-download-${process.pid}.xlsx`);
    await download.saveAs(saved);
    const t3 = performance.now();
    const size = (await stat(saved)).size;
    await context.close();
    return {
      pageSeconds: (tPage - t0) / 1000,
      openSeconds: (t1 - t0) / 1000,
      gradeSeconds: (t2 - t1) / 1000,
      downloadSeconds: (t3 - t2) / 1000,
      totalSeconds: (t3 - t0) / 1000,
      downloadedMB: size / 1e6,
      browser: `Chromium ${browser.version()} headless`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  const [dist, workbook, branches] = process.argv.slice(2);
  benchStandalone(dist, workbook, Number(branches ?? 300)).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
