/** @jest-environment jsdom */
/**
 * The pane on each Excel platform, with the Excel stand-in (test/support/fake-excel) behind the real
 * officeAppHost: on Mac nothing is offered as a download and the .xlsx opens as a new workbook with
 * where its window went; on the web the PDF says it is the whole workbook, and Excel's empty PDF is
 * reported in the status area; layout Excel refused after grading shows as warnings.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { PLATFORM_TEXT } from '../../src/hosts/excel/platform';
import { App } from '../../src/taskpane/App';
import { officeAppHost } from '../../src/taskpane/app-host';
import { planSample } from '../../src/workbook/plans';
import { createFakeExcel, type FakeExcelOptions } from '../support/fake-excel';
import { snapshotOfPlan } from './fixtures';
import { renderApp, settle } from './pane';

afterEach(cleanup);

/** The sample workbook in the Excel stand-in, the pane on it, graded. */
async function gradedOn(options: FakeExcelOptions) {
  const fake = createFakeExcel(options);
  for (const sheet of snapshotOfPlan(planSample()).sheets) fake.seed(sheet.name, { values: sheet.values, merges: sheet.merges });
  const host = officeAppHost(fake.excel, fake.office as unknown as typeof Office);
  renderApp(<App host={host} lang="zh" today={() => '2026-12-31'} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
  return fake;
}

const status = () => screen.getByTestId('status');
const exportIds = () => Array.from(document.querySelectorAll('[data-export]')).map((e) => e.getAttribute('data-export'));

it('Excel for Mac: no download anywhere, the .xlsx opens as a new workbook and the pane says where it went', async () => {
  const fake = await gradedOn({ platform: 'mac', freezeRowsFails: true });
  // the results are written (the sample has two incomplete branches); what Excel refused of the layout is a warning beside it
  expect(within(status()).getByText(/结果已写入/)).toBeTruthy();
  const warnings = within(status()).getAllByTestId('notice-warning');
  expect(warnings.map((w) => w.textContent).join('\n')).toContain('未能冻结');

  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect(screen.getByText(PLATFORM_TEXT.noDownload.zh)).toBeTruthy();
  // only what works without a download: the new workbook, the next year's workbook, the missing sheets
  expect(exportIds().sort()).toEqual(['missing-sheets', 'new-workbook', 'next-year']);
  for (const name of ['下载汇总和通报 (.xlsx)', '下载通报 (Word)', '下载通报 (CSV)', '下载汇总 (CSV)', '导出通报 PDF', '下载空白模板', '下载示例工作簿', '下载纸质考评表 (Word)']) {
    expect(screen.queryByRole('button', { name })).toBeNull();
  }

  fireEvent.click(screen.getByRole('button', { name: '导出为新工作簿' }));
  await settle();
  expect(fake.createdWorkbooks).toHaveLength(1);
  expect(fake.createdWorkbookBehind).toEqual([true]);
  expect(within(status()).getByText(/当前窗口后面/)).toBeTruthy();
  expect(within(status()).queryByText(/失败/)).toBeNull();
});

it('Excel on iPad (Office.PlatformType.iOS) is its own platform: no download is offered, the new workbook opens in front', async () => {
  const fake = await gradedOn({ platform: 'ipad' });
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect(screen.getByText(PLATFORM_TEXT.noDownload.zh)).toBeTruthy();
  expect(exportIds().sort()).toEqual(['missing-sheets', 'new-workbook', 'next-year']);
  fireEvent.click(screen.getByRole('button', { name: '导出为新工作簿' }));
  await settle();
  expect(fake.createdWorkbooks).toHaveLength(1);
  expect(within(status()).queryByText(/当前窗口后面/)).toBeNull();
});

it('Excel on the web: the PDF says it is the whole workbook, and an empty PDF is reported, never saved', async () => {
  const fake = await gradedOn({ platform: 'web' });
  expect(within(status()).queryAllByTestId('notice-warning')).toEqual([]);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect(screen.queryByText(PLATFORM_TEXT.noDownload.zh)).toBeNull();
  expect(exportIds()).toEqual(expect.arrayContaining(['new-workbook', 'xlsx', 'notification-docx', 'pdf', 'notification-csv', 'template', 'forms']));
  const pdfItem = document.querySelector('[data-export="pdf"]')!;
  expect(pdfItem.textContent).toContain(PLATFORM_TEXT.pdfWholeWorkbook.zh);

  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click');
  fireEvent.click(screen.getByRole('button', { name: '导出通报 PDF' }));
  await settle();
  expect(fake.fileRequests).toEqual(['pdf']);
  expect(within(status()).getByText(/空的 PDF/)).toBeTruthy();
  expect(click).not.toHaveBeenCalled();
  click.mockRestore();
});
