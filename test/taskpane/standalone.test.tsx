/** @jest-environment jsdom */
/**
 * The standalone page: the real fileAppHost (xlsx host loaded on demand), a workbook "opened from disk",
 * graded in memory and downloaded through a Blob URL and an <a download>.
 */
import { fireEvent, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { captureDownloads } from './downloads';
import { renderApp, settle } from './pane';
import { fileAppHost } from '../../src/taskpane/app-host';
import { buildWorkbook } from '../../src/taskpane/xlsx-lazy';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { planSample } from '../../src/workbook/plans';

const { clicked, bytesOf } = captureDownloads();

async function open(name: string, bytes: Uint8Array) {
  const input = screen.getByTestId('file-input');
  fireEvent.change(input, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name)] } });
}

it('opens a workbook from disk, grades it, shows a finding address, and downloads the graded workbook', async () => {
  const sample = await buildWorkbook(planSample());
  renderApp(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);

  const gradeButton = screen.getByRole('button', { name: '计算等级' }) as HTMLButtonElement;
  expect(gradeButton.disabled).toBe(true);
  // first-run guidance where a new clerk looks
  expect(screen.getByTestId('first-run').textContent).toContain('没有工作簿？');

  await open('2026考核.xlsx', sample);
  await settle();
  expect(screen.getByText('已打开：2026考核.xlsx')).toBeTruthy();
  await settle();
  expect(gradeButton.disabled).toBe(false);

  fireEvent.click(gradeButton);
  await settle();
  expect(screen.getAllByTestId('branch-row')).toHaveLength(15);
  expect(screen.getByTestId('notice').textContent).toMatch(/导出与模板/);
  expect(screen.queryByText(/已写入/)).toBeNull();

  // Standalone there is no Excel to select in: the address is shown prominently instead.
  fireEvent.click(screen.getByRole('tab', { name: '校验' }));
  const [first] = screen.getAllByTestId('finding').filter((f) => f.tagName === 'BUTTON');
  fireEvent.click(first);
  const shown = screen.getByTestId('selected-address').textContent!;
  expect(first.textContent).toContain(shown);
  expect(shown).toMatch(/^工作表「.+」[A-Z]+\d+(:[A-Z]+\d+)?$/);

  // the results are not in any file yet: the page says so, and the export tab's primary action downloads them
  expect(screen.queryByText(/结果已写入工作簿/)).toBeNull();
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  const primary = screen.getByRole('button', { name: '下载考核结果' });
  expect(primary.closest('[data-export]')!.textContent).toContain('2026考核-考核结果.xlsx');
  expect(screen.queryByText(/文件 → 导出/)).toBeNull();
  fireEvent.click(primary);
  await settle();
  expect(screen.getByText('已下载：2026考核-考核结果.xlsx')).toBeTruthy();
  expect(clicked.map((c) => c.name)).toEqual(['2026考核-考核结果.xlsx']);
  const out = snapshotOf(await loadWorkbook(await bytesOf(clicked[0].href)));
  const names = out.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['考核汇总', '考核结果通报', '校验问题', '计算明细', '民主测评']));
  expect(out.sheets.find((s) => s.name === '考核汇总')!.createdBy).toBe('summary');
});

it('says in the user language why a file cannot be opened', async () => {
  renderApp(<App host={fileAppHost(document)} lang="en" />);
  await open('notes.xlsx', Uint8Array.from('just some text', (c) => c.charCodeAt(0)));
  await settle();
  expect(screen.getByText(/^Not a workbook this tool can read: choose an \.xlsx, \.xlsm, \.xls, \.et, \.ods or \.csv file/)).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Calculate grades' }) as HTMLButtonElement).disabled).toBe(true);
});
