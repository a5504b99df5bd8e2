/** @jest-environment jsdom */
/**
 * The Word files from 导出与模板: the 通报 (.docx) after grading, and the paper forms from the open
 * workbook's roster and catalogue. The docx library is loaded on demand, as in the built pane.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import JSZip from 'jszip';
import { App } from '../../src/taskpane/App';
import { DOCX_MIME } from '../../src/taskpane/host-util';
import { planSample } from '../../src/workbook/plans';
import { EVALUATION_TITLE, SELF_TITLE } from '../../src/workbook/plans/documents';
import { SAMPLE_BRANCHES } from '../../src/workbook/plans/sample';
import { runAssessment } from '../../src/workbook/pipeline';
import { fakeExcelHost, MemoryWorkbook, snapshotOfPlan } from './fixtures';
import { renderApp, settle } from './pane';
import { TextDecoder, TextEncoder } from 'node:util';

// Browsers have these; jest's jsdom does not, and the docx library encodes its parts with them.
beforeAll(() => {
  globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
  globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;
});
afterEach(cleanup);

const DATE = '2026-12-31';

/** The text of word/document.xml, runs joined per paragraph (a title may be split across runs). */
async function documentText(data: Uint8Array | string): Promise<string> {
  expect(typeof data).not.toBe('string');
  const zip = await JSZip.loadAsync(data as Uint8Array);
  expect(zip.file('[Content_Types].xml')).not.toBeNull();
  const part = zip.file('word/document.xml');
  expect(part).not.toBeNull();
  const xml = await part!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n');
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

it('downloads the 通报 as a Word document holding its title and every branch', async () => {
  const snapshot = snapshotOfPlan(planSample());
  const expected = runAssessment(snapshot, { lang: 'zh', date: DATE }).notification;
  const { host, calls } = fakeExcelHost(new MemoryWorkbook(snapshot));
  renderApp(<App host={host} lang="zh" today={() => DATE} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));

  // the choice says what file it makes
  const item = document.querySelector('[data-export="notification-docx"]');
  expect(item?.textContent).toContain('考核结果通报-2026.docx');
  fireEvent.click(screen.getByRole('button', { name: '下载通报 (Word)' }));
  await settle();

  expect(screen.getByText('已下载：考核结果通报-2026.docx')).toBeTruthy();
  expect(calls.downloads).toHaveLength(1);
  const file = calls.downloads[0];
  expect(file.name).toBe('考核结果通报-2026.docx');
  expect(file.mime).toBe(DOCX_MIME);
  const text = await documentText(file.data);
  for (const line of expected.titleLines) expect(text).toContain(line);
  expect(expected.titleLines.join('')).toBe(expected.title);
  expect(expected.ranked.length).toBeGreaterThan(0);
  for (const b of expected.ranked) expect(text).toContain(b.name);
  for (const b of expected.incomplete) expect(text).toContain(b.name);
});

it('downloads the paper forms: one 考评表 and one 自评表 per branch of the open workbook', async () => {
  const { host, calls } = fakeExcelHost(new MemoryWorkbook(snapshotOfPlan(planSample())));
  renderApp(<App host={host} lang="zh" today={() => DATE} />);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  fireEvent.click(screen.getByRole('button', { name: '下载纸质考评表 (Word)' }));
  await settle();

  const n = SAMPLE_BRANCHES.length;
  expect(calls.downloads).toHaveLength(1);
  const file = calls.downloads[0];
  expect(file.name).toMatch(/^\d{4}年度党支部考评表\.docx$/);
  expect(file.mime).toBe(DOCX_MIME);
  expect(screen.getByText(`已下载：${file.name}（${n} 个党支部，共 ${2 * n} 页）`)).toBeTruthy();
  const text = await documentText(file.data);
  expect(count(text, EVALUATION_TITLE)).toBe(n);
  expect(count(text, SELF_TITLE)).toBe(n);
  for (const b of SAMPLE_BRANCHES) expect(text).toContain(b.name);
});

it('without a workbook, the forms are one blank pair from the default indicators', async () => {
  const { host, calls } = fakeExcelHost(null);
  renderApp(<App host={host} lang="zh" today={() => DATE} />);
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect(screen.getByText(/党支部名称留空，复印后手写填入/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '下载纸质考评表 (Word)' }));
  await settle();
  const text = await documentText(calls.downloads[0].data);
  expect(count(text, EVALUATION_TITLE)).toBe(1);
  expect(count(text, SELF_TITLE)).toBe(1);
  expect(screen.getByText(/党支部名称留空待填，共 2 页/)).toBeTruthy();
});

it('downloads the request for approval of the advanced branches from the same menu', async () => {
  const snapshot = snapshotOfPlan(planSample());
  const expected = runAssessment(snapshot, { lang: 'zh', date: DATE }).request;
  expect(expected).not.toBeNull();
  const { host, calls } = fakeExcelHost(new MemoryWorkbook(snapshot));
  renderApp(<App host={host} lang="zh" today={() => DATE} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect(document.querySelector('[data-export="request-docx"]')?.textContent).toContain('先进党支部推荐请示-2026.docx');
  fireEvent.click(screen.getByRole('button', { name: '下载先进推荐请示 (Word)' }));
  await settle();
  expect(screen.getByText('已下载：先进党支部推荐请示-2026.docx')).toBeTruthy();
  const text = await documentText(calls.downloads[0].data);
  expect(text).toContain('关于2026年度先进党支部推荐名单的请示');
  expect(text).toContain('院党委：');
  for (const c of expected!.candidates) expect(text).toContain(c);
  expect(text).toContain('妥否，请批示。');
});

it('downloads the 考核反馈单: one page per branch, each branch named, 待补充 ones saying what to supply', async () => {
  const snapshot = snapshotOfPlan(planSample());
  const expected = runAssessment(snapshot, { lang: 'zh', date: DATE }).result;
  const { host, calls } = fakeExcelHost(new MemoryWorkbook(snapshot));
  renderApp(<App host={host} lang="zh" today={() => DATE} />);
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  expect(document.querySelector('[data-export="feedback-docx"]')?.textContent).toContain('考核反馈单-2026.docx');
  fireEvent.click(screen.getByRole('button', { name: '下载考核反馈单 (Word)' }));
  await settle();

  expect(screen.getByText('已下载：考核反馈单-2026.docx')).toBeTruthy();
  const file = calls.downloads[0];
  expect(file.mime).toBe(DOCX_MIME);
  const text = await documentText(file.data);
  expect(count(text, '2026年度党支部工作目标管理考核反馈单')).toBe(expected.branches.length);
  for (const b of expected.branches) expect(text).toContain(`${b.name}：`);
  expect(count(text, '需要补充或核对的材料')).toBe(expected.branches.filter((b) => b.status !== 'graded').length);
});
