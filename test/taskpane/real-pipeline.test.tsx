/** @jest-environment jsdom */
/**
 * The task pane on the real pipeline, with a small workbook built in code whose totals are computed by
 * hand: A all 优秀 → 100.0; B 组织考核 较好, 民主测评 一般 → 0.6×85 + 0.4×75 = 81.0 (较好); C has an invalid
 * rating and stays 待补充.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { defaultCatalogue } from '../../src/core/catalogue';
import type { CellValue } from '../../src/core/types';
import { App } from '../../src/taskpane/App';
import { renderApp, settle } from './pane';
import { fakeExcelHost, MemoryWorkbook, sheet } from './fixtures';

afterEach(cleanup);

const CODES = defaultCatalogue().indicators.map((i) => i.code);

function formsSheet(name: string, rows: [string, string][]): ReturnType<typeof sheet> {
  const values: CellValue[][] = [[`考核方式：${name}`], ['党支部', ...CODES]];
  for (const [branch, grade] of rows) values.push([branch, ...CODES.map(() => grade)]);
  return sheet(name, values);
}

function workbook(): MemoryWorkbook {
  const org = formsSheet('组织考核', [
    ['A支部', '优秀'],
    ['B支部', '较好'],
    ['C支部', '优秀'],
  ]);
  const dem = formsSheet('民主测评', [
    ...Array.from({ length: 5 }, () => ['A支部', '优秀'] as [string, string]),
    ...Array.from({ length: 5 }, () => ['B支部', '一般'] as [string, string]),
    ...Array.from({ length: 5 }, () => ['C支部', '优秀'] as [string, string]),
  ]);
  // C's first democratic form (row 13), indicator 2.3 (the 9th indicator, column J)
  dem.values[12][9] = '很好';
  const roster = sheet('支部名单', [['序号', '党支部'], [1, 'A支部'], [2, 'B支部'], [3, 'C支部']]);
  return new MemoryWorkbook({ sheets: [roster, org, dem] });
}

it('grades, shows the hand-computed totals, and points at the invalid rating', async () => {
  const wb = workbook();
  const { host, calls } = fakeExcelHost(wb);
  renderApp(<App host={host} lang="zh" today={() => '2026-12-31'} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();

  const rows = screen.getAllByTestId('branch-row').map((r) => Array.from(r.children, (c) => c.textContent));
  expect(rows).toEqual([
    ['A支部', '100.0', '优秀', '1', '已评定'],
    ['B支部', '81.0', '较好', '2', '已评定'],
    ['C支部', '—', '—', '—', expect.stringMatching(/^待补充./)],
  ]);
  // the pending branch says why
  expect(screen.getByTestId('incomplete-why').textContent).toBe('评分无效：工作表「民主测评」J13');
  expect(screen.getByTestId('count-0').textContent).toBe('1');
  expect(screen.getByTestId('count-1').textContent).toBe('1');

  // the four output sheets were written, marked as the product's
  const made = wb.snapshot.sheets.filter((s) => s.createdBy).map((s) => [s.name, s.createdBy]);
  expect(made).toEqual([
    ['考核汇总', 'summary'],
    ['考核结果通报', 'notification'],
    ['校验问题', 'checks'],
    ['计算明细', 'details'],
  ]);

  fireEvent.click(screen.getByRole('tab', { name: '校验' }));
  const section = screen.getByRole('region', { name: /^评分无效/ });
  const [finding] = within(section).getAllByTestId('finding');
  expect(finding.textContent).toContain('工作表「民主测评」J13');
  expect(finding.textContent).toContain('C支部');
  expect(finding.textContent).toContain('很好');
  fireEvent.click(finding);
  await settle();
  expect(calls.selectCell).toEqual([{ sheet: '民主测评', cell: 'J13' }]);

  // drop-downs go to both forms sheets' rating cells
  fireEvent.click(screen.getByRole('button', { name: '更多操作' }));
  fireEvent.click(screen.getByRole('menuitem', { name: /^为评分单元格添加下拉列表/ }));
  await settle();
  expect(calls.dropDowns).toHaveLength(1);
  expect(calls.dropDowns[0].map((r) => r.sheet)).toEqual(['组织考核', '民主测评']);
  expect(calls.dropDowns[0].every((r) => r.list.join() === '优秀,较好,一般,差')).toBe(true);
});

it('re-grading replaces its own sheets instead of adding new ones', async () => {
  const wb = workbook();
  const { host } = fakeExcelHost(wb);
  renderApp(<App host={host} lang="en" today={() => '2026-12-31'} />);
  fireEvent.click(screen.getByRole('button', { name: 'Calculate grades' }));
  await settle();
  fireEvent.click(screen.getByRole('button', { name: 'Calculate grades' }));
  await settle();
  expect(wb.applied).toHaveLength(2);
  expect(wb.snapshot.sheets.map((s) => s.name)).toEqual(['支部名单', '组织考核', '民主测评', '考核汇总', '考核结果通报', '校验问题', '计算明细']);
  expect(wb.applied[1].sheets.filter((s) => s.mode === 'new').map((s) => (s.mode === 'new' ? s.replaces : null))).toEqual([
    '考核汇总',
    '考核结果通报',
    '校验问题',
    '计算明细',
  ]);
});

it('settings: editing a default with no settings sheet adds the template settings sheet, then re-grades', async () => {
  const wb = workbook();
  const { host } = fakeExcelHost(wb);
  renderApp(<App host={host} lang="zh" today={() => '2026-12-31'} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: '设置' }));
  const input = screen.getByRole('spinbutton', { name: '优秀分数线' }) as HTMLInputElement;
  expect(input.value).toBe('90');
  expect(input.closest('[data-testid="setting-row"]')!.textContent).toContain('默认值');
  // 80.5: B's 81.0 becomes 优秀
  fireEvent.change(input, { target: { value: '80.5' } });
  fireEvent.click(screen.getByRole('button', { name: '保存并重新计算' }));
  await settle();
  expect(screen.getByTestId('notice').textContent).toContain('已保存“优秀分数线”，并已重新计算。');

  const added = wb.applied[1].sheets[0];
  expect(added.mode === 'new' && added.name).toBe('考核参数');
  if (added.mode === 'new') expect(added.values.find((r) => r[0] === '优秀分数线')?.[1]).toBe(80.5);
  expect(wb.applied).toHaveLength(3); // grade, settings sheet, grade again

  const row = screen.getByRole('spinbutton', { name: '优秀分数线' }).closest('[data-testid="setting-row"]')!;
  expect(row.textContent).toContain('来自工作表「考核参数」B10');
  fireEvent.click(screen.getByRole('tab', { name: '计算等级' }));
  const rows = screen.getAllByTestId('branch-row').map((r) => Array.from(r.children, (c) => c.textContent));
  expect(rows[1]).toEqual(['B支部', '81.0', '优秀', '2', '已评定']);

});
