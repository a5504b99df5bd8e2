/**
 * Platforms: what the pane may offer on Windows, Mac and the web, from Office.context.diagnostics.platform
 * and the requirement sets (the stand-in's `office` reports them as real Office does).
 */
import { ExcelHost, excelCapabilities, platformOf } from '../../../src/hosts/excel';
import { createFakeExcel, FakePlatform } from '../../support/fake-excel';

const cases: [FakePlatform, { canDownload: boolean; pdfExport: boolean; newWorkbookBehind: boolean }][] = [
  ['windows', { canDownload: true, pdfExport: true, newWorkbookBehind: false }],
  ['mac', { canDownload: false, pdfExport: false, newWorkbookBehind: true }],
  // Office.PlatformType.iOS is its own platform: no downloads (WKWebView, as Mac), no window behind
  ['ipad', { canDownload: false, pdfExport: false, newWorkbookBehind: false }],
  ['web', { canDownload: true, pdfExport: true, newWorkbookBehind: false }],
];

test.each(cases)('%s: capabilities follow what that Excel really does', (platform, expected) => {
  const fake = createFakeExcel({ platform });
  const caps = excelCapabilities(fake.office);
  expect(caps).toMatchObject({ ...expected, createWorkbook: true, pdfScope: 'workbook' });
  // the stand-in's own notion of whether a download link works agrees with what the pane is told
  expect(caps.canDownload).toBe(fake.downloadsWork);
});

test('an unknown platform or no Office at all is "other", with downloads allowed', () => {
  expect(platformOf(undefined)).toBe('other');
  expect(excelCapabilities(undefined)).toMatchObject({ platform: 'other', canDownload: true, pdfExport: false, createWorkbook: false });
});

test('on Mac, exporting a workbook says where the new window is (it opens behind)', async () => {
  const fake = createFakeExcel({ platform: 'mac' });
  fake.seed('Sheet1');
  const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported, platform: 'mac' });
  const r = await host.exportWorkbook('UEsDBA==');
  expect(fake.createdWorkbookBehind).toEqual([true]);
  expect(r.unsupported).toBe(false);
  expect(r.note?.zh).toContain('当前窗口后面');
  expect(r.note?.en).toContain('Window menu');
});

test('on Windows the new workbook comes to the front: nothing more to say', async () => {
  const fake = createFakeExcel({ platform: 'windows' });
  const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported, platform: 'windows' });
  expect(await host.exportWorkbook('UEsDBA==')).toEqual({ unsupported: false });
  expect(fake.createdWorkbookBehind).toEqual([false]);
});
