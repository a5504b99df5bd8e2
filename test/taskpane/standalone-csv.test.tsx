/** @jest-environment jsdom */
/**
 * The standalone page opens a questionnaire platform's CSV download (GBK, as Excel on Chinese Windows and
 * 问卷星 save it, and UTF-8): graded like a workbook, the results downloaded as a new .xlsx.
 */
import { fireEvent, screen } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { defaultCatalogue } from '../../src/core/catalogue';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { App } from '../../src/taskpane/App';
import { fileAppHost } from '../../src/taskpane/app-host';
import { encodeGbk } from '../support/gbk';
import { captureDownloads } from './downloads';
import { renderApp, settle } from './pane';

const { clicked, bytesOf } = captureDownloads();
beforeAll(() => {
  // Browsers have these; jest's jsdom does not (the CSV reader decodes GBK with TextDecoder).
  globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
  globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;
});

const CODES = defaultCatalogue().indicators.map((i) => i.code);
const BRANCHES = ['甲支部', '乙支部'];

/** One sheet of forms with a source column: 5 democratic and 2 organisational forms for each branch. */
function csvText(): string {
  const grades = ['优秀', '较好', '一般'];
  const rows: string[][] = [['考核方式', '党支部', '测评人身份', ...CODES]];
  BRANCHES.forEach((branch, b) => {
    for (let i = 0; i < 7; i++) rows.push([i < 5 ? '民主测评' : '组织考核', branch, i === 4 ? '党外群众' : '党员', ...CODES.map((_, k) => grades[(b + i + k) % 3])]);
  });
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

test.each([
  ['GBK', () => encodeGbk(csvText())],
  ['UTF-8', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvText())])],
])('opens a %s CSV download, grades it and downloads the results as .xlsx', async (_encoding, bytes) => {
  renderApp(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
  const input = screen.getByTestId('file-input');
  expect(input.getAttribute('accept')?.split(',')).toEqual(expect.arrayContaining(['.csv', '.xls', '.et', '.ods', '.xlsx', '.xlsm']));
  fireEvent.change(input, { target: { files: [new File([bytes() as Uint8Array<ArrayBuffer>], '答卷.csv')] } });
  await settle();
  expect(screen.getByText('已打开：答卷.csv')).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
  const rows = screen.getAllByTestId('branch-row');
  expect(rows.map((r) => BRANCHES.find((b) => r.textContent?.includes(b)))).toEqual(BRANCHES);

  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  fireEvent.click(screen.getByRole('button', { name: '下载考核结果' }));
  await settle();
  expect(clicked.map((c) => c.name)).toEqual(['答卷-考核结果.xlsx']);
  const out = snapshotOf(await loadWorkbook(await bytesOf(clicked[0].href)));
  const summary = out.sheets.find((s) => s.name === '考核汇总');
  expect(summary).toBeDefined();
  const text = JSON.stringify(summary!.values);
  for (const b of BRANCHES) expect(text).toContain(b);
  // the answers themselves are in the new workbook too, as read from the CSV
  expect(out.sheets.map((s) => s.name)).toContain('答卷');
});
