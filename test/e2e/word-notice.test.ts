/**
 * The standalone page (web.html, the production build) in Chromium makes the Word notice: open the sample,
 * 计算等级, 导出与模板 → 下载通报 (Word); the download is unzipped and word/document.xml must hold the
 * notice's title and every graded branch of the CLI's report on the same file. The docx library arrives
 * as a lazily loaded chunk, under the page's Content-Security-Policy.
 */
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { runAssessment } from '../../src/workbook/pipeline';
import { gradeAndWait, openPane, useSuite } from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');

/** The text of each paragraph of the document part, runs joined (a title may span several runs). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

test('grades the sample and downloads the 通报 as Word holding its title and every graded branch', async () => {
  suite.pane = await openPane(suite.browser);
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByText(zh.openedFile('sample.xlsx')).waitFor();
  const report = suite.sample.report;
  await gradeAndWait(page, zh, report.branches.length);

  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const name = `${zh.notificationFileStem}-${report.year}.docx`;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zh.downloadDocx, exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(name);
  const saved = path.join(suite.sample.dir, name);
  await download.saveAs(saved);
  await page.getByText(zh.downloaded(name)).waitFor();

  const zip = await JSZip.loadAsync(await readFile(saved));
  const part = zip.file('word/document.xml');
  expect(part).not.toBeNull();
  const text = paragraphs(await part!.async('string')).join('\n');
  const title = runAssessment(snapshotOf(await loadWorkbook(suite.sample.bytes)), { lang: 'zh', date: '2026-12-28' }).notification.title;
  expect(title.length).toBeGreaterThan(0);
  // The title is set in balanced lines (GB/T 9704): its words, read across the break.
  expect(text.replace(/\s+/g, '')).toContain(title);
  const graded = report.branches.filter((b) => b.status === 'graded');
  expect(graded.length).toBeGreaterThan(0);
  for (const b of graded) expect(text).toContain(b.name);

  expect(problems).toEqual([]);
});
