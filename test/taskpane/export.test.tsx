/** @jest-environment jsdom */
/**
 * Export and template actions end to end: real pipeline, real .xlsx building (the lazily loaded xlsx host),
 * a fake Excel that records what it is asked to open or download.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { renderApp, settle } from './pane';
import type { AppHost } from '../../src/taskpane/app-host';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { planSample } from '../../src/workbook/plans';
import { BOM } from '../../src/workbook/csv';
import { fakeExcelHost, MemoryWorkbook, snapshotOfPlan } from './fixtures';

afterEach(cleanup);

function base64Bytes(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

async function graded(host: AppHost) {
  renderApp(<App host={host} lang="zh" today={() => '2026-12-31'} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
}

it('exports the summary and notification as a new workbook of values, and as CSV', async () => {
  const wb = new MemoryWorkbook(snapshotOfPlan(planSample()));
  const { host, calls } = fakeExcelHost(wb);
  await graded(host);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));

  fireEvent.click(screen.getByRole('button', { name: '导出为新工作簿' }));
  await settle();
  expect(screen.getByText('已在新窗口中打开导出的工作簿。')).toBeTruthy();
  expect(calls.exported).toHaveLength(1);
  const exported = snapshotOf(await loadWorkbook(base64Bytes(calls.exported[0])));
  expect(exported.sheets.map((s) => s.name)).toEqual(['考核汇总', '考核结果通报']);
  // values only: no sheet of raw ratings, no formulas
  expect(exported.sheets.every((s) => !s.formulas)).toBe(true);
  const summaryText = JSON.stringify(exported.sheets[0].values);
  expect(summaryText).toContain('物理研究室党支部');
  expect(summaryText).toContain('96.3');

  fireEvent.click(screen.getByRole('button', { name: '下载通报 (CSV)' }));
  await settle();
  expect(screen.getByText('已下载：考核结果通报-2026.csv')).toBeTruthy();
  const csv = calls.downloads[0];
  expect(csv.mime).toBe('text/csv;charset=utf-8');
  expect(typeof csv.data).toBe('string');
  const lines = (csv.data as string).split('\r\n');
  expect(lines[0]).toBe(`${BOM}名次,党支部,所属总支,总分,等级,备注`);
  expect(lines[1]).toMatch(/^1,物理研究室党支部,[^,]*,96\.3,优秀,$/);
  // the incomplete branches come last, unranked
  expect(lines.filter((l) => l.includes('待补充')).map((l) => l.split(',')[0])).toEqual(['', '']);

  fireEvent.click(screen.getByRole('button', { name: '下载汇总 (CSV)' }));
  await settle();
  expect(screen.getByText('已下载：考核汇总-2026.csv')).toBeTruthy();
  expect((calls.downloads[1].data as string).split('\r\n')).toHaveLength(15 + 2); // header, 15 branches, final CRLF

  // no PDF from this host: the pane says how to make one in Excel
  expect(screen.getByText(/文件 → 导出 → 创建 PDF\/XPS/)).toBeTruthy();
  // one primary action, and each choice says what file it makes
  const items = Array.from(document.querySelectorAll('[data-export]'));
  expect(items.map((i) => i.getAttribute('data-export'))).toEqual(expect.arrayContaining(['new-workbook', 'xlsx', 'notification-csv', 'summary-csv']));
  expect(items.every((i) => (i.textContent ?? '').length > (i.querySelector('button')?.textContent ?? '').length + 5)).toBe(true);
});

it('offers PDF when the host can make one, and says what to do when it cannot', async () => {
  const wb = new MemoryWorkbook(snapshotOfPlan(planSample()));
  const { host, calls } = fakeExcelHost(wb);
  let pdf: Uint8Array | null = null;
  host.getPdf = async () => pdf;
  await graded(host);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  fireEvent.click(screen.getByRole('button', { name: '导出通报 PDF' }));
  await settle();
  expect(screen.getByText(/文件 → 导出 → 创建 PDF\/XPS/)).toBeTruthy();
  expect(calls.downloads).toEqual([]);
  pdf = new Uint8Array([37, 80, 68, 70]);
  await settle();
  fireEvent.click(screen.getByRole('button', { name: '导出通报 PDF' }));
  await settle();
  expect(screen.getByText('已下载：考核结果通报-2026.pdf')).toBeTruthy();
  expect(calls.downloads[0]).toEqual({ name: '考核结果通报-2026.pdf', data: pdf, mime: 'application/pdf' });
});

it("creates next year's workbook with this year's roster", async () => {
  const wb = new MemoryWorkbook(snapshotOfPlan(planSample()));
  const { host, calls } = fakeExcelHost(wb);
  await graded(host);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect((screen.getByRole('spinbutton', { name: '年度' }) as HTMLInputElement).value).toBe('2026');
  fireEvent.click(screen.getByRole('button', { name: '新建下一年度工作簿' }));
  await settle();
  expect(screen.getByText('已生成 2027 年度工作簿，并复制了 15 个党支部的名单。')).toBeTruthy();
  const next = snapshotOf(await loadWorkbook(base64Bytes(calls.exported[0])));
  const roster = next.sheets.find((s) => s.name === '支部名单')!;
  expect(roster.values[1].slice(0, 2)).toEqual([1, '机关第一党支部']);
  expect(roster.values[15][1]).toBe('院办企业党支部');
  const settings = next.sheets.find((s) => s.name === '考核参数')!;
  expect(settings.values.find((r) => r[0] === '年度')?.[1]).toBe(2027);
  // the forms sheets are empty: no ratings carried over
  expect(next.sheets.find((s) => s.name === '民主测评')!.values.length).toBeLessThanOrEqual(2);
});

it('adds only the missing standard sheets, never touching existing ones', async () => {
  const sample = snapshotOfPlan(planSample());
  sample.sheets = sample.sheets.filter((s) => s.name !== '自评' && s.name !== '抽检记录');
  const wb = new MemoryWorkbook(sample);
  const n = wb.snapshot.sheets.length;
  const before = JSON.stringify(wb.snapshot.sheets);
  const { host } = fakeExcelHost(wb);
  renderApp(<App host={host} lang="zh" />);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  fireEvent.click(screen.getByRole('button', { name: '添加缺少的标准工作表' }));
  await settle();
  expect(screen.getByText('已添加：自评、抽检记录')).toBeTruthy();
  expect(wb.applied).toHaveLength(1);
  expect(wb.applied[0].sheets.map((s) => s.name)).toEqual(['自评', '抽检记录']);
  expect(JSON.stringify(wb.snapshot.sheets.slice(0, n))).toBe(before);
  await settle();
  fireEvent.click(screen.getByRole('button', { name: '添加缺少的标准工作表' }));
  await settle();
  expect(screen.getByText('标准工作表都已存在，未作改动。')).toBeTruthy();
  expect(wb.applied).toHaveLength(1);
});

it('says under the year field why the template buttons are off', async () => {
  const wb = new MemoryWorkbook(snapshotOfPlan(planSample()));
  const { host } = fakeExcelHost(wb);
  renderApp(<App host={host} lang="zh" />);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  const year = screen.getByRole('spinbutton', { name: '年度' });
  fireEvent.change(year, { target: { value: '19' } });
  expect(year.getAttribute('aria-invalid')).toBe('true');
  expect(screen.getAllByText('请输入 2000–2100 之间的四位年份；修正后才能生成模板。').length).toBeGreaterThan(0);
  expect((screen.getByRole('button', { name: '下载空白模板' }) as HTMLButtonElement).disabled).toBe(true);
  // the sample needs no year
  expect((screen.getByRole('button', { name: '下载示例工作簿' }) as HTMLButtonElement).disabled).toBe(false);
});
