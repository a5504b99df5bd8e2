/**
 * The clerk's loop on the standalone page (issue 23), at 1280 px, in one browser page from start to end:
 * open the sample → 计算等级 → open the corrected file → 计算等级 twice → change one setting of each kind
 * and save → the table, the downloaded 考核汇总 and the notification follow → grade again → every export,
 * read back → print to A4 and read the PDF's text. Each step checks what the clerk sees; the expected
 * figures are the command line's on the same files (clerk-loop.ts).
 */
import type { Page } from 'playwright-core';
import { GRADES } from '../../src/core/types';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { DATE, docxText, EDITS, ENGLISH_SENTENCE, gradedNotice, makeWorkbooks, pdfPages, pdfText, shownKeyColumns, statusText, totalsText, watchProgress, type Workbooks } from './clerk-loop';
import {
  expectedBranchRows,
  expectSheetsMatchReport,
  gridsFromXlsx,
  openPane,
  screenshot,
  shownGradeCounts,
  useSuite,
  type PaneSession,
  type Report,
} from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');
let wbs: Workbooks;
let session: PaneSession;
let page: Page;

beforeAll(async () => {
  wbs = await makeWorkbooks(suite.sample.bytes);
  session = await openPane(suite.browser, { width: 1280 });
  page = session.page;
  // The notification's date is the day of the run: the page's clock is set to the CLI's date.
  await page.clock.setFixedTime(new Date(`${DATE}T10:00:00`));
  await page.goto(`${suite.server.url}web.html?lang=zh`);
  await page.getByRole('button', { name: zh.openWorkbook, exact: true }).waitFor();
}, 120_000);

afterAll(async () => {
  await session?.context.close();
});

const gradeButton = () => page.getByRole('button', { name: zh.gradeButton, exact: true });

/** Open a file as the clerk does (the open button has focus), and wait until the page says it is open. */
async function open(name: string, bytes: Uint8Array): Promise<void> {
  const button = page.getByRole('button', { name: zh.openWorkbook, exact: true });
  await button.focus();
  const progress = await watchProgress(page);
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.getByTestId('notice').getByText(zh.openedFile(name)).waitFor();
  const shown = await progress();
  expect(shown.seen).toBe(true);
  expect(shown.gaps).toBe(0);
  // Focus stays on the action, not dropped to the page.
  expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
}

/** 计算等级 from the grade tab (keyboard focus on the button), until idle; the table then shows `report`. */
async function grade(report: Report, decimals = 1): Promise<void> {
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await gradeButton().focus();
  const progress = await watchProgress(page);
  await gradeButton().press('Enter');
  const shown = await progress();
  expect(shown.seen).toBe(true);
  expect(shown.gaps).toBe(0);
  for (const l of shown.labels) expect(l).not.toMatch(/第\s*\d+\s*\/\s*\d+\s*步/);
  // The branch count is in the progress once it is known.
  expect(shown.labels.some((l) => l.includes(String(report.branches.length)))).toBe(true);
  expect(await gradeButton().evaluate((b) => b === document.activeElement)).toBe(true);
  const status = await statusText(page);
  expect(status).toContain(gradedNotice(report, zh, true));
  expect(status).not.toMatch(ENGLISH_SENTENCE);
  expect(await shownKeyColumns(page, zh)).toEqual(expectedBranchRows(report, zh, decimals));
  expect(await shownGradeCounts(page)).toEqual(GRADES.map((g) => report.gradeCounts[g]));
}

/** Click a download button on the export tab; the file's bytes. */
async function download(label: string, name: string): Promise<Uint8Array> {
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  expect(file.suggestedFilename()).toBe(name);
  const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile((await file.path())!));
  await page.getByTestId('notice').getByText(zh.downloaded(name)).waitFor();
  return bytes;
}

/** The notification preview's text (export tab, desktop layout). */
async function previewText(): Promise<string> {
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  return page.getByTestId('notification-preview').locator('[data-print-area]').innerText();
}

const gradedNames = (r: Report) => r.branches.filter((b) => b.status === 'graded').map((b) => b.name);

test('open the sample and grade it: the CLI report on screen', async () => {
  await open('sample.xlsx', suite.sample.bytes);
  await grade(suite.sample.report);
  await screenshot(page, '60-loop-web-graded');
});

test('open the corrected file and grade it twice: the fixed branch is graded, the second run replaces the first', async () => {
  await open('fixed.xlsx', wbs.fixed);
  await grade(wbs.fixedReport);
  // 化学研究室党支部 was 待补充 for its "优良"; corrected, it has a grade now.
  expect(wbs.fixedReport.branches.find((b) => b.name === '化学研究室党支部')?.status).toBe('graded');
  await grade(wbs.fixedReport);
  await grade(wbs.fixedReport);
  // The downloaded workbook holds one set of the product's sheets, agreeing with the screen.
  const grids = await gridsFromXlsx(await download(zh.downloadGraded, zh.gradedFileName('fixed')));
  expect([...grids.keys()].filter((n) => /考核汇总|考核结果通报|校验问题|计算明细/.test(n))).toEqual(['考核汇总', '考核结果通报', '校验问题', '计算明细']);
  expectSheetsMatchReport(grids.get('考核汇总')!, grids.get('考核结果通报')!, wbs.fixedReport);
});

test('change one setting of each kind and save: new totals on screen, in 考核汇总 and in the notification', async () => {
  await page.getByRole('tab', { name: zh.tabs.settings }).click();
  for (const [key, v] of Object.entries(EDITS)) {
    const field = page.locator(`[data-setting="${key}"]`);
    if (key === '排名方式' || key === '总分小数位') {
      await field.click();
      const label = key === '排名方式' ? zh.rankingOptions[v.typed] : v.typed;
      await page.getByRole('option', { name: label, exact: true }).click();
    } else {
      await field.fill(v.typed);
    }
  }
  const save = page.getByRole('button', { name: zh.saveAndGrade, exact: true });
  await save.focus();
  await save.press('Enter');
  const settled = wbs.settledReport;
  await page.getByTestId('notice').getByText(gradedNotice(settled, zh, true)).waitFor();
  const status = await statusText(page);
  expect(status).toContain(zh.settingsSaved(Object.keys(EDITS).map((k) => zh.settingKeys[k as keyof typeof zh.settingKeys])));
  expect(status).not.toMatch(ENGLISH_SENTENCE);
  // The form shows what was saved, as saved.
  expect(await page.locator('[data-setting="组织考核权重"]').inputValue()).toBe('20');
  expect(await page.locator('[data-setting="发文单位"]').inputValue()).toBe(EDITS.发文单位.typed);
  // The totals moved (20/80 is not 60/40) and are what the CLI computes from the same settings.
  expect(totalsText(settled, 2)).not.toEqual(totalsText(wbs.fixedReport, 2));
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  expect(await shownKeyColumns(page, zh)).toEqual(expectedBranchRows(settled, zh, 2));
  expect(await shownGradeCounts(page)).toEqual(GRADES.map((g) => settled.gradeCounts[g]));

  // The notification preview: the new issuer, and every graded branch with its new total.
  const preview = await previewText();
  expect(preview).toContain(EDITS.发文单位.typed);
  for (const b of settled.branches.filter((x) => x.status === 'graded')) expect(preview).toContain(`${b.name}`);
  for (const b of settled.branches.filter((x) => x.status === 'graded')) expect(preview).toContain(b.total!.toFixed(2));

  // The downloaded workbook agrees with itself: 考核参数 as saved, 考核汇总 graded from it.
  const grids = await gridsFromXlsx(await download(zh.downloadGraded, zh.gradedFileName('fixed')));
  expectSheetsMatchReport(grids.get('考核汇总')!, grids.get('考核结果通报')!, settled);
  const ruleset = String(grids.get('考核汇总')![1][0]);
  for (const part of ['组织考核 20%', '民主测评 80%', '优秀 ≥85', '较好 0.8', '总分保留 2 位小数', '并列不占位']) expect(ruleset).toContain(part);
  await screenshot(page, '61-loop-web-settings-saved');
});

test('grade again after saving settings: the same results', async () => {
  await grade(wbs.settledReport, 2);
});

test('every export, read back: xlsx, Word and both CSVs carry the new results', async () => {
  const settled = wbs.settledReport;
  const year = settled.year;
  const xlsx = await gridsFromXlsx(await download(zh.downloadXlsx, `${zh.exportFileStem}-${year}.xlsx`));
  expectSheetsMatchReport(xlsx.get('考核汇总')!, xlsx.get('考核结果通报')!, settled);

  const word = await docxText(await download(zh.downloadDocx, `${zh.notificationFileStem}-${year}.docx`));
  // The title is set in balanced lines (GB/T 9704): the words, read across the break.
  expect(word.replace(/\s+/g, '')).toContain(`关于${year}年度党支部工作目标管理考核结果的通报`);
  expect(word).toContain(EDITS.发文单位.typed);
  for (const name of gradedNames(settled)) expect(word).toContain(name);

  const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).replace(/^\uFEFF/, '');
  // Each graded branch's line carries its total (numbers as numbers: 82.6 is 82.60).
  const lineOf = (csv: string, name: string) => csv.split(/\r?\n/).find((l) => l.split(',').includes(name)) ?? '';
  const hasTotal = (line: string, total: number) => line.split(',').some((f) => f.trim() !== '' && Number(f) === total);
  const notificationCsv = decode(await download(zh.downloadNotificationCsv, `${zh.notificationFileStem}-${year}.csv`));
  for (const b of settled.branches.filter((x) => x.status === 'graded')) expect([b.name, hasTotal(lineOf(notificationCsv, b.name), b.total!)]).toEqual([b.name, true]);
  const summaryCsv = decode(await download(zh.downloadSummaryCsv, `${zh.summaryFileStem}-${year}.csv`));
  for (const b of settled.branches) expect(lineOf(summaryCsv, b.name)).not.toBe('');
  for (const b of settled.branches.filter((x) => x.status === 'graded')) expect([b.name, hasTotal(lineOf(summaryCsv, b.name), b.total!)]).toEqual([b.name, true]);
});

/** Print the page as it is now to an A4 PDF; its text (runs of blanks as one space) and its page count. */
async function printNow(name: string): Promise<{ text: string; pages: number }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return { text: (await pdfText(pdf, wbs.dir, name)).replace(/[ \t]+/g, ' '), pages: pdfPages(pdf) };
}

function expectNotificationOnPaper(printed: { text: string; pages: number }): void {
  const settled = wbs.settledReport;
  expect(printed.text.replace(/\s+/g, '')).toContain(`关于${settled.year}年度党支部工作目标管理考核结果的通报`);
  for (const name of gradedNames(settled)) expect(printed.text).toContain(name);
  expect(printed.text).toContain(EDITS.发文单位.typed);
  // The notification only: no tabs, buttons or table of the page.
  expect(printed.text).not.toContain(zh.gradeButton);
  expect(printed.text).not.toContain(zh.printNotice);
  // Paper starts with the notice itself (the body, then its 附件 table over as many A4 pages as it needs).
  expect(printed.pages).toBeGreaterThan(0);
  expect(printed.text.replace(/\s+/g, '').startsWith(`关于${settled.year}年度`)).toBe(true);
}

test('print at A4 (media print, 794 px wide): the notification, with every graded branch, on paper', async () => {
  // From the grade tab, as a clerk presses Ctrl+P anywhere; at paper width the desktop layout is gone.
  await page.getByRole('tab', { name: zh.tabs.grade }).click();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.locator('main[data-layout="pane"]').waitFor();
  expectNotificationOnPaper(await printNow('notice-794.pdf'));
  // And with the preview on screen (the export tab of the desktop layout): 打印通报's own path.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('main[data-layout="wide"]').waitFor();
  await page.getByRole('tab', { name: zh.tabs.export }).click();
  await page.getByTestId('notification-preview').waitFor();
  expectNotificationOnPaper(await printNow('notice-1280.pdf'));
  expect(session.problems).toEqual([]);
});
