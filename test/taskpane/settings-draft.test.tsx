/** @jest-environment jsdom */
/**
 * The settings form's unsaved typing (issue 23, item 3): it survives a look at another tab, the 设置 tab
 * says there are unsaved changes, 放弃修改 restores the saved values, grading again neither loses nor
 * applies it, and opening another workbook drops it. A rejected save keeps the typed value and its reason.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { defaultCatalogue } from '../../src/core/catalogue';
import { parseSettings } from '../../src/core/ruleset';
import type { CellValue } from '../../src/core/types';
import { App } from '../../src/taskpane/App';
import { fileAppHost } from '../../src/taskpane/app-host';
import type { GradeOutcome, Runner } from '../../src/taskpane/run';
import { buildWorkbook } from '../../src/taskpane/xlsx-lazy';
import { planSample } from '../../src/workbook/plans';
import { branchResult, fakeExcelHost, fakeOutcome, MemoryWorkbook, sheet } from './fixtures';
import { renderApp, settle } from './pane';

afterEach(cleanup);

const CODES = defaultCatalogue().indicators.map((i) => i.code);

function formsSheet(name: string, rows: [string, string][]): ReturnType<typeof sheet> {
  const values: CellValue[][] = [[`考核方式：${name}`], ['党支部', ...CODES]];
  for (const [branch, grade] of rows) values.push([branch, ...CODES.map(() => grade)]);
  return sheet(name, values);
}

/** A all 优秀 → 100.0; B 组织考核 较好, 民主测评 一般 → 0.6×85 + 0.4×75 = 81.0 (较好, 优秀 from 90). */
function workbook(): MemoryWorkbook {
  const org = formsSheet('组织考核', [
    ['A支部', '优秀'],
    ['B支部', '较好'],
  ]);
  const dem = formsSheet('民主测评', [...Array.from({ length: 5 }, () => ['A支部', '优秀'] as [string, string]), ...Array.from({ length: 5 }, () => ['B支部', '一般'] as [string, string])]);
  const roster = sheet('支部名单', [['序号', '党支部'], [1, 'A支部'], [2, 'B支部']]);
  return new MemoryWorkbook({ sheets: [roster, org, dem] });
}

const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const rowOf = (branch: string) =>
  screen
    .getAllByTestId('branch-row')
    .map((r) => Array.from(r.children, (c) => c.textContent))
    .find((r) => r[0] === branch);

async function click(name: string, role: 'button' | 'tab' = 'button') {
  fireEvent.click(screen.getByRole(role, { name }));
  await settle();
}

async function gradedPane() {
  const wb = workbook();
  renderApp(<App host={fakeExcelHost(wb).host} lang="zh" today={() => '2026-12-31'} />);
  await click('计算等级');
  await click('设置', 'tab');
  return wb;
}

it('typed and not saved: still there after looking at 校验 and the results, the tab marked; grading again uses the saved settings', async () => {
  const wb = await gradedPane();
  expect(screen.queryByRole('tab', { name: '设置（有未保存的修改）' })).toBeNull();
  fireEvent.change(field('优秀分数线'), { target: { value: '80.5' } });
  fireEvent.change(field('组织考核权重'), { target: { value: '50' } });
  const marked = screen.getByRole('tab', { name: '设置（有未保存的修改）' });
  expect(marked.textContent).toBe('设置 •');
  expect(screen.getByTestId('settings-draft-note').textContent).toContain('计算等级仍使用已保存的参数');

  await click('校验', 'tab');
  expect(screen.getByRole('tab', { name: '设置（有未保存的修改）' })).toBeTruthy();
  await click('计算等级', 'tab');
  // 计算等级 again: the draft is kept and not applied (B stays 81.0 较好 under 优秀分数线 90)
  await click('计算等级');
  expect(rowOf('B支部')).toEqual(['B支部', '81.0', '较好', '2', '已评定']);
  expect(wb.applied.filter((p) => p.sheets.some((s) => s.name === '考核参数'))).toHaveLength(0);

  await click('设置（有未保存的修改）', 'tab');
  expect(field('优秀分数线').value).toBe('80.5');
  expect(field('组织考核权重').value).toBe('50');
  // 50 + 40 ≠ 100: back to 60 and save the threshold: saved, graded again, the mark gone
  fireEvent.change(field('组织考核权重'), { target: { value: '60' } });
  await click('保存并重新计算');
  expect(screen.getByTestId('notice').textContent).toContain('已保存“优秀分数线”，并已重新计算。');
  expect(screen.getByRole('tab', { name: '设置' })).toBeTruthy();
  expect(screen.queryByTestId('settings-draft-note')).toBeNull();
  await click('计算等级', 'tab');
  expect(rowOf('B支部')).toEqual(['B支部', '81.0', '优秀', '2', '已评定']);
});

it('放弃修改 restores the saved values and the tab name', async () => {
  await gradedPane();
  const discard = screen.getByRole('button', { name: '放弃修改' });
  expect(discard.getAttribute('aria-disabled')).toBe('true');
  fireEvent.change(field('民主测评权重'), { target: { value: '45' } });
  await click('导出与模板', 'tab');
  await click('设置（有未保存的修改）', 'tab');
  expect(field('民主测评权重').value).toBe('45');
  await click('放弃修改');
  expect(field('民主测评权重').value).toBe('40');
  expect(screen.getByRole('tab', { name: '设置' }).textContent).toBe('设置');
  expect(screen.getByRole('button', { name: '保存并重新计算' }).getAttribute('aria-disabled')).toBe('true');
  // nothing comes back after another tab switch
  await click('校验', 'tab');
  await click('设置', 'tab');
  expect(field('民主测评权重').value).toBe('40');
});

it('opening another workbook drops the draft: the form shows that workbook’s settings', async () => {
  const sample = await buildWorkbook(planSample());
  renderApp(<App host={fileAppHost(document)} lang="zh" today={() => '2026-12-31'} />);
  const open = async (name: string) => {
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [new File([sample as Uint8Array<ArrayBuffer>], name)] } });
    await settle();
  };
  await open('一支部.xlsx');
  await click('计算等级');
  await click('设置', 'tab');
  const saved = field('较好分数线').value;
  fireEvent.change(field('较好分数线'), { target: { value: '70' } });
  expect(screen.getByRole('tab', { name: '设置（有未保存的修改）' })).toBeTruthy();

  await open('二支部.xlsx');
  expect(screen.getByText('已打开：二支部.xlsx')).toBeTruthy();
  expect(screen.getByRole('tab', { name: '设置' })).toBeTruthy();
  expect(screen.queryByRole('spinbutton', { name: '较好分数线' })).toBeNull();
  await click('计算等级', 'tab');
  await click('计算等级');
  await click('设置', 'tab');
  expect(field('较好分数线').value).toBe(saved);
  expect(screen.queryByTestId('settings-draft-note')).toBeNull();
});

it('a save the engine rejects keeps the typed value and its reason across a tab switch', async () => {
  const origins = () => [{ key: '年度' as const, display: '2026', ref: { sheet: '考核参数', cell: 'B2' } }, ...parseSettings([], '').origins.filter((o) => o.key !== '年度')];
  const base = fakeOutcome([branchResult({ name: '一支部', total: 91.3, grade: '优秀', rank: 1 })]);
  const first: GradeOutcome = { ...base, recognition: { ...base.recognition, origins: origins() } };
  // After the save the engine reads 优秀分数线 from 考核参数 B3 and rejects it (its default in force).
  const rejected: GradeOutcome = {
    ...first,
    exitCode: 2,
    fatal: { zh: '考核参数有误', en: 'Invalid settings' },
    findings: [{ severity: 'error', code: 'invalid-settings', sheet: '考核参数', cell: 'B3', message: { zh: '“优秀分数线”不能低于“较好分数线”', en: 'below 较好分数线' } }],
    recognition: {
      ...first.recognition,
      origins: origins().map((o) => (o.key === '优秀分数线' ? { ...o, ref: { sheet: '考核参数', cell: 'B3' } } : o)),
    },
  };
  let runs = 0;
  const run: Runner = () => (++runs === 1 ? first : rejected);
  const wb = new MemoryWorkbook({ sheets: [sheet('民主测评', [['党支部']]), sheet('考核参数', [['参数', '值'], ['年度', 2026]])] });
  renderApp(<App host={fakeExcelHost(wb).host} lang="zh" run={run} today={() => '2026-12-31'} />);
  await click('计算等级');
  await click('设置', 'tab');
  fireEvent.change(field('优秀分数线'), { target: { value: '86' } });
  await click('保存并重新计算');
  expect(runs).toBe(2);
  const check = () => {
    const input = field('优秀分数线');
    expect(input.value).toBe('86');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.closest('[data-testid="setting-row"]')!.textContent).toContain('“优秀分数线”不能低于“较好分数线”');
  };
  check();
  await click('校验', 'tab');
  await click('设置（有未保存的修改）', 'tab');
  check();
});
