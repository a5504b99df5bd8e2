/** @jest-environment jsdom */
/**
 * 上年结果（可选）(SPEC §8, issue 25): last year's graded workbook or JSON report chosen in the page and in
 * the pane; every grade run of the session compares with it; wrong files are one sentence naming the file.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import JSZip from 'jszip';
import { fireEvent, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { fileAppHost } from '../../src/taskpane/app-host';
import { filePickingSupported } from '../../src/taskpane/previous-file';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { captureDownloads } from './downloads';
import { fakeExcelHost, MemoryWorkbook } from './fixtures';
import { makeLastYear, type LastYear } from './previous-fixture';
import { renderApp, settle } from './pane';

const { clicked, bytesOf } = captureDownloads();
let last: LastYear;
beforeAll(async () => {
  // jsdom has no TextDecoder/TextEncoder (browsers do): the JSON report and the Word files use Node's
  globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;
  globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
  last = await makeLastYear();
}, 60_000);

const file = (name: string, bytes: Uint8Array | string) => new File([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], name);

async function openWorkbook(name: string, bytes: Uint8Array) {
  fireEvent.change(screen.getByTestId('file-input'), { target: { files: [file(name, bytes)] } });
  await settle();
}

async function pickPrevious(name: string, bytes: Uint8Array | string) {
  fireEvent.change(screen.getByTestId('previous-input'), { target: { files: [file(name, bytes)] } });
  await settle();
}

async function grade() {
  fireEvent.click(screen.getByRole('button', { name: '计算等级' }));
  await settle();
}

/** The on-screen table as header → text per row. */
function shownTable(): Map<string, string>[] {
  const table = screen.getByTestId('branch-table');
  const heads = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
  return screen.getAllByTestId('branch-row').map((tr) => new Map(Array.from(tr.children).map((td, i) => [heads[i], td.textContent!.trim()])));
}

/** The expected 名次变化 of each branch: last year's rank minus this year's (blank where either is missing). */
function expectedChanges(): Map<string, string> {
  const before = new Map(last.report.branches.map((b) => [b.name, b.rank]));
  return new Map(
    last.thisYear.branches.map((b) => {
      const p = before.get(b.name) ?? null;
      const change = p !== null && b.rank !== null ? p - b.rank : null;
      return [b.name, change === null ? '—' : change > 0 ? `+${change}` : String(change)];
    }),
  );
}

/** 考核汇总's branch rows as header → value (`branch`: the 党支部 header in the sheet's language). */
const summaryGrid = (values: unknown[][], branch = '党支部') => {
  const header = values.findIndex((r) => r.includes(branch));
  const heads = values[header] as unknown[];
  const at = heads.indexOf(branch);
  return values
    .slice(header + 1)
    .filter((r) => typeof r[at] === 'string' && r[at] !== '')
    .map((r) => new Map(heads.map((h, i) => [String(h), r[i] ?? null])));
};

it('standalone: pick last year\'s graded workbook, grade, see 名次变化, download 考核汇总 with the columns, grade again, open the next file: still compared', async () => {
  renderApp(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
  const picker = screen.getByTestId('previous-picker');
  expect(within(picker).getByText('上年结果（可选）')).toBeTruthy();

  await openWorkbook('2026考核.xlsx', last.sample);
  await pickPrevious('2025考核-考核结果.xlsx', last.graded);
  expect(screen.getByTestId('notice').textContent).toContain('已选择上年结果：2025考核-考核结果.xlsx（2025年度，15 个党支部）');
  expect(screen.getByTestId('previous-name').textContent).toBe('2025考核-考核结果.xlsx');
  expect(screen.getByTestId('previous-about').textContent).toBe('2025年度，15 个党支部');

  await grade();
  const changes = expectedChanges();
  // ranks moved between the two years (the changed spot check), in both directions
  expect([...changes.values()].some((c) => c.startsWith('+'))).toBe(true);
  expect([...changes.values()].some((c) => c.startsWith('-'))).toBe(true);
  const rows = shownTable();
  expect(rows.map((r) => [r.get('党支部'), r.get('名次变化')])).toEqual([...changes]);
  // the years follow each other: no warning
  expect(within(screen.getByTestId('previous-picker')).queryByRole('note')).toBeNull();

  // the downloaded workbook's 考核汇总 carries 上年总分, 上年等级, 上年名次, 名次变化
  fireEvent.click(screen.getByRole('tab', { name: '导出与模板' }));
  fireEvent.click(screen.getByRole('button', { name: '下载考核结果' }));
  await settle();
  const out = snapshotOf(await loadWorkbook(await bytesOf(clicked[0].href)));
  const summary = summaryGrid(out.sheets.find((s) => s.name === '考核汇总')!.values);
  const lastRank = new Map(last.report.branches.map((b) => [b.name, b]));
  expect(summary.map((r) => r.get('党支部'))).toEqual(last.thisYear.branches.map((b) => b.name));
  for (const r of summary) {
    const p = lastRank.get(r.get('党支部') as string)!;
    expect([r.get('党支部'), r.get('上年总分'), r.get('上年等级'), r.get('上年名次')]).toEqual([p.name, p.total, p.grade, p.rank]);
    const change = changes.get(p.name)!;
    expect(r.get('名次变化')).toBe(change === '—' ? null : Number(change));
  }

  // the feedback pages say last year's standing and the move, the summary CSV has the columns
  fireEvent.click(screen.getByRole('button', { name: '下载考核反馈单 (Word)' }));
  await settle();
  const xml = await (await JSZip.loadAsync(await bytesOf(clicked[1].href))).file('word/document.xml')!.async('string');
  const feedback = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const b of last.thisYear.branches.filter((x) => x.status === 'graded')) {
    const p = lastRank.get(b.name)!;
    const change = p.rank! - b.rank!;
    const move = change > 0 ? `，名次上升${change}位` : change < 0 ? `，名次下降${-change}位` : '，名次与上年持平';
    expect(feedback).toContain(`上年（2025年度）总分${p.total!.toFixed(1)}分，等级“${p.grade}”，第${p.rank}名${move}。`);
  }
  fireEvent.click(screen.getByRole('button', { name: '下载汇总 (CSV)' }));
  await settle();
  const csv = new TextDecoder('utf-8').decode(await bytesOf(clicked[2].href));
  expect(csv.split(/\r?\n/).find((l) => l.includes('党支部') && l.includes('排名'))).toMatch(/上年总分,上年等级,上年名次,名次变化/);

  // grade again: still compared
  fireEvent.click(screen.getByRole('tab', { name: '计算等级' }));
  await grade();
  expect(shownTable().map((r) => r.get('名次变化'))).toEqual([...changes.values()]);

  // the clerk fixes this year's file and opens it again: last year's choice stays (README), grading compares
  await openWorkbook('2026考核-改.xlsx', last.sample);
  expect(screen.getByTestId('previous-name').textContent).toBe('2025考核-考核结果.xlsx');
  await grade();
  expect(shownTable().map((r) => r.get('名次变化'))).toEqual([...changes.values()]);

  // a setting changed and saved: the re-grade compares too
  fireEvent.click(screen.getByRole('tab', { name: '设置' }));
  fireEvent.change(document.querySelector('[data-setting="发文单位"]')!, { target: { value: '中共测试研究院党委办公室' } });
  fireEvent.click(screen.getByRole('button', { name: '保存并重新计算' }));
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: '计算等级' }));
  expect(shownTable().map((r) => r.get('名次变化'))).toEqual([...changes.values()]);

  // removed: the next grading has no previous columns
  fireEvent.click(screen.getByRole('button', { name: '移除上年结果' }));
  await settle();
  expect(screen.getByTestId('notice').textContent).toContain('已移除上年结果：2025考核-考核结果.xlsx');
  expect(screen.queryByTestId('previous-name')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '重新计算等级' }));
  await settle();
  expect(shownTable()[0].has('名次变化')).toBe(false);
});

it('a JSON report with a renamed branch: previous-unmatched under 校验, both ways, naming the branches', async () => {
  renderApp(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
  await openWorkbook('2026考核.xlsx', last.sample);
  await grade();
  const renamed = JSON.stringify(last.report).replace(/"基建处党支部"/g, '"基建党支部"');
  await pickPrevious('2025报告.json', renamed);
  // results were on screen: the notice offers to grade again with last year's results
  fireEvent.click(screen.getByRole('button', { name: '重新计算等级' }));
  await settle();
  expect(shownTable().find((r) => r.get('党支部') === '基建处党支部')!.get('名次变化')).toBe('—');
  fireEvent.click(screen.getByRole('tab', { name: '校验' }));
  // the info group (提示) opens like the others
  for (const header of screen.getByRole('tabpanel').querySelectorAll('button[aria-expanded="false"]')) fireEvent.click(header);
  const text = screen.getByRole('tabpanel').textContent!;
  expect(text).toContain('与上年结果未对应');
  expect(text).toContain('党支部“基建处党支部”在2025年度结果（2025报告.json）中没有同名党支部');
  expect(text).toContain('2025年度结果（2025报告.json）中的党支部“基建党支部”不在本年度的党支部中');
});

it('wrong files: one Chinese sentence naming the file; the choice and the grading stay usable', async () => {
  renderApp(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
  await openWorkbook('2026考核.xlsx', last.sample);
  await pickPrevious('上年.json', JSON.stringify(last.report));
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['本年度.xlsx', last.sample, /^上年结果：本年度\.xlsx 中没有本产品写入的“考核汇总”表：请选择上年评定后保存的结果工作簿，或上年的 JSON 报告$/],
    ['坏文件.xlsx', 'just some text', /^无法读取上年结果 坏文件\.xlsx：.+/],
    ['坏报告.json', '{"schemaVersion": 1, "branches": [', /^上年报告 坏报告\.json 不是有效的 JSON 文件$/],
    ['别的.json', '{"rows": []}', /^上年结果：别的\.json 不是本产品的 JSON 报告/],
    ['问卷.csv', 'a,b\n1,2\n', /^上年结果应为评定后的工作簿（\.xlsx）或 JSON 报告，而不是 CSV：问卷\.csv$/],
  ];
  for (const [name, bytes, message] of cases) {
    await pickPrevious(name, bytes);
    const notice = screen.getByTestId('notice');
    expect(notice.textContent).toMatch(/(无法读取|上年)/);
    const body = within(notice).getByText(message);
    expect(body.textContent).not.toMatch(/[A-Za-z]{2,}Error|at Object|undefined/);
    // the earlier choice is kept
    expect(screen.getByTestId('previous-name').textContent).toBe('上年.json');
  }
  await grade();
  expect(shownTable().some((r) => r.get('名次变化') !== '—')).toBe(true);
});

it('in Excel (the stand-in): last year\'s file from disk, 考核汇总 written into the workbook with the columns; a year that does not follow is pointed out', async () => {
  const workbook = new MemoryWorkbook(snapshotOf(await loadWorkbook(last.sample)));
  const { host } = fakeExcelHost(workbook);
  renderApp(<App host={host} lang="en" today={() => '2026-12-31'} />);
  expect(within(screen.getByTestId('previous-picker')).getByText("Last year's results (optional)")).toBeTruthy();
  // a report that says 2024: not the previous year of 2026
  await pickPrevious('2024.json', JSON.stringify({ ...last.report, year: 2024 }));
  expect(screen.getByTestId('notice').textContent).toContain("Last year's results chosen: 2024.json (2024, 15 branches)");
  fireEvent.click(screen.getByRole('button', { name: 'Calculate grades' }));
  await settle();
  expect(within(screen.getByTestId('previous-picker')).getByRole('note').textContent).toBe(
    "Last year's results are for 2024, this assessment is for 2026: check that you chose the previous year's results.",
  );
  const plan = workbook.applied.at(-1) as WorkbookPlan;
  const sheet = plan.sheets.find((p) => p.mode === 'new' && p.kind === 'summary');
  if (!sheet || sheet.mode !== 'new') throw new Error('no 考核汇总 written');
  const rows = summaryGrid(sheet.values as unknown[][], 'Branch');
  const before = new Map(last.report.branches.map((b) => [b.name, b.rank]));
  expect(rows.map((r) => r.get('Branch'))).toEqual(last.thisYear.branches.map((b) => b.name));
  expect(rows.map((r) => r.get("Last year's rank"))).toEqual(rows.map((r) => before.get(r.get('Branch') as string)));
  expect(rows.map((r) => r.get('Rank change'))).toEqual(last.thisYear.branches.map((b) => (before.get(b.name) != null && b.rank !== null ? before.get(b.name)! - b.rank : null)));
});

it('no file dialog in this web view: no picker', () => {
  // old iOS web views turn <input type=file> into a disabled control
  const fake = { createElement: () => ({ type: 'file', disabled: true }) } as unknown as Document;
  expect(filePickingSupported(fake)).toBe(false);
  // a web view without the type: assigning 'file' leaves a text input
  const noType = {
    createElement: () =>
      Object.defineProperty({ disabled: false }, 'type', { get: () => 'text', set: () => undefined }),
  } as unknown as Document;
  expect(filePickingSupported(noType)).toBe(false);
  expect(filePickingSupported(document)).toBe(true);
});
