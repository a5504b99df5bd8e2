/** @jest-environment jsdom */
/**
 * The standalone page: the real fileAppHost (xlsx host loaded on demand), a workbook "opened from disk",
 * graded in memory and downloaded through a Blob URL and an <a download>.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { fileAppHost } from '../../src/taskpane/app-host';
import { buildWorkbook } from '../../src/taskpane/xlsx-lazy';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { planSample } from '../../src/workbook/plans';

const blobs = new Map<string, Blob>();
const clicked: { name: string; href: string }[] = [];

beforeAll(() => {
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => {};
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.href });
  });
});
afterEach(() => {
  cleanup();
  clicked.length = 0;
});

function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(b);
  });
}

async function open(name: string, bytes: Uint8Array) {
  const input = screen.getByTestId('file-input');
  fireEvent.change(input, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name)] } });
}

it('opens a workbook from disk, grades it, shows a finding address, and downloads the graded workbook', async () => {
  const sample = await buildWorkbook(planSample());
  render(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);

  const gradeButton = screen.getByRole('button', { name: '计算等级' }) as HTMLButtonElement;
  expect(gradeButton.disabled).toBe(true);
  expect(screen.getByText('请先打开一个工作簿。')).toBeTruthy();

  await open('2026考核.xlsx', sample);
  await screen.findByText('已打开：2026考核.xlsx', undefined, { timeout: 10000 });
  await waitFor(() => expect(gradeButton.disabled).toBe(false));

  fireEvent.click(gradeButton);
  await waitFor(() => expect(screen.getAllByTestId('branch-row')).toHaveLength(15), { timeout: 10000 });

  // Standalone there is no Excel to select in: the address is shown prominently instead.
  fireEvent.click(screen.getByRole('tab', { name: '校验' }));
  const [first] = screen.getAllByRole('button', { name: /^转到单元格/ });
  fireEvent.click(first);
  const shown = screen.getByTestId('selected-address').textContent!;
  expect(first.textContent).toContain(shown);
  expect(shown).toMatch(/!([A-Z]+\d+)(:[A-Z]+\d+)?$/);

  fireEvent.click(screen.getByRole('button', { name: '下载考核结果' }));
  await screen.findByText('已下载：2026考核-考核结果.xlsx');
  expect(clicked.map((c) => c.name)).toEqual(['2026考核-考核结果.xlsx']);
  const out = snapshotOf(await loadWorkbook(await blobBytes(blobs.get(clicked[0].href)!)));
  const names = out.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['考核汇总', '考核结果通报', '校验问题', '计算明细', '民主测评']));
  expect(out.sheets.find((s) => s.name === '考核汇总')!.createdBy).toBe('summary');
});

it('says in the user language why a file cannot be opened', async () => {
  render(<App host={fileAppHost(document)} lang="en" />);
  await open('notes.xlsx', Uint8Array.from('just some text', (c) => c.charCodeAt(0)));
  await screen.findByText('Not an Excel workbook (.xlsx); choose an .xlsx file saved by Excel');
  expect((screen.getByRole('button', { name: 'Calculate grades' }) as HTMLButtonElement).disabled).toBe(true);
});

it('never suggests a download name equal to the opened file: the export gets " (2)", a macro workbook stays .xlsm', async () => {
  const sample = await buildWorkbook(planSample());
  const exportOnce = async (name: string): Promise<string> => {
    cleanup();
    clicked.length = 0;
    render(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
    await open(name, sample);
    await screen.findByText(`已打开：${name}`, undefined, { timeout: 10000 });
    const gradeButton = screen.getByRole('button', { name: '计算等级' }) as HTMLButtonElement;
    await waitFor(() => expect(gradeButton.disabled).toBe(false), { timeout: 10000 });
    fireEvent.click(gradeButton);
    await waitFor(() => expect(screen.getAllByTestId('branch-row').length).toBeGreaterThan(0), { timeout: 10000 });
    fireEvent.click(screen.getByRole('tab', { name: '导出' }));
    fireEvent.click(screen.getByRole('button', { name: '下载 .xlsx' }));
    await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 10000 });
    return clicked[0].name;
  };
  // The name the export suggests for an unrelated file, then a file opened under exactly that name.
  const usual = await exportOnce('2026考核.xlsx');
  const second = await exportOnce(usual);
  expect(second).not.toBe(usual);
  expect(second).toBe(usual.replace(/\.xlsx$/, ' (2).xlsx'));
  await screen.findByText(`已下载：${second}`, undefined, { timeout: 10000 });

  cleanup();
  clicked.length = 0;
  render(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
  await open('宏.xlsm', sample);
  await screen.findByText('已打开：宏.xlsm', undefined, { timeout: 10000 });
  const gradeButton = screen.getByRole('button', { name: '计算等级' }) as HTMLButtonElement;
  await waitFor(() => expect(gradeButton.disabled).toBe(false), { timeout: 10000 });
  fireEvent.click(gradeButton);
  await waitFor(() => expect(screen.getAllByTestId('branch-row').length).toBeGreaterThan(0), { timeout: 10000 });
  fireEvent.click(screen.getByRole('button', { name: '下载考核结果' }));
  await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 10000 });
  expect(clicked[0].name).toBe('宏-考核结果.xlsm');
}, 60000);
