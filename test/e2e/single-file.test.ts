/**
 * The standalone page as ONE file opened from disk (file://), as a clerk would from a USB stick: no other
 * file and no request at all, a CSP by hashes, and the whole flow works (open, grade, findings, download).
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { BUILD_DIR, gradeAndWait, gridsFromXlsx, openPane, requireBuild, screenshot, seriousAxeViolations, useSuite } from './support';

const zh = stringsFor('zh');
const FILE = 'branch-assessment-standalone.html';
const suite = useSuite('web.html');

test('opens from disk with nothing else beside it, grades the sample and downloads the result', async () => {
  requireBuild(FILE);
  const html = await readFile(path.join(BUILD_DIR, FILE), 'utf8');
  // Self-contained: no script or stylesheet by URL, a policy that allows only its own inline scripts.
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).not.toMatch(/<link[^>]+href="?(?!data:)/);
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
  expect(csp).toContain("connect-src 'none'");

  suite.pane = await openPane(suite.browser, { width: 1280 });
  const { page, problems } = suite.pane;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(path.join(BUILD_DIR, FILE)).href}?lang=zh`);
  await page.getByTestId('first-run').waitFor();
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByText(zh.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  await screenshot(page, '60-single-file-graded');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zh.downloadGraded, exact: true }).click()]);
  const saved = path.join(suite.sample.dir, 'single-file-download.xlsx');
  await download.saveAs(saved);
  const grids = await gridsFromXlsx(new Uint8Array(await readFile(saved)));
  expect([...grids.keys()]).toEqual(expect.arrayContaining(['考核汇总', '考核结果通报', '校验问题', '计算明细']));

  // Nothing was fetched but the file itself (downloads are blob: links, not requests for a file).
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  expect(requests.filter((u) => u.startsWith('file:'))).toHaveLength(1);
  expect(problems).toEqual([]);
});
