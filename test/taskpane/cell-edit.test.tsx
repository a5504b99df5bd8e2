/** @jest-environment jsdom */
/**
 * The clerk clicks 计算等级 while still typing in a cell. Excel on Windows and Mac holds a batch run with
 * delayForCellEdit until the edit ends, without any limit (office-js #806): after about 3 s the pane says
 * how to end the edit, and when the clerk presses Enter the message goes and grading goes on by itself.
 * Excel on the web refuses the batch with InvalidOperationInCellEditMode instead (office-js #1393, #3019):
 * the pane says the same and 计算等级 can be clicked again. The Excel stand-in models both; the pane runs
 * on the real officeAppHost and ExcelHost. No clock: the 3 s timer is injected and fired by the test.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Lang } from '../../src/core/types';
import { App } from '../../src/taskpane/App';
import { officeAppHost } from '../../src/taskpane/app-host';
import { stringsFor } from '../../src/taskpane/i18n';
import { branchName, createFakeExcel, seedAssessmentWorkbook } from '../support/fake-excel';
import { renderApp, settle } from './pane';
import { manualTimers } from '../support/timers';

afterEach(cleanup);

const BRANCHES = 3;
const OUTPUT = ['考核汇总', '考核结果通报', '校验问题', '计算明细'];

function paneOn(platform: 'windows' | 'mac' | 'web', lang: Lang) {
  const fake = createFakeExcel({ platform });
  seedAssessmentWorkbook(fake, BRANCHES, 5);
  fake.cellEditMode = true; // the clerk is typing in a cell
  const t = manualTimers();
  const host = officeAppHost(fake.excel, fake.office as unknown as typeof Office, document, { cellEditTimers: t });
  renderApp(<App host={host} lang={lang} today={() => '2026-12-31'} />);
  const s = stringsFor(lang);
  const gradeButton = () => screen.getByRole('button', { name: s.gradeButton });
  return { fake, t, s, gradeButton };
}

const shownBranches = () => screen.queryAllByTestId('branch-row').map((r) => r.children[0]?.textContent);
const graded = Array.from({ length: BRANCHES }, (_, i) => branchName(i));

test.each([
  ['windows', 'zh'],
  ['mac', 'en'],
] as const)('%s (%s): after 3 s the pane says how to end the edit; when it ends, the message goes and the grades come by themselves', async (platform, lang) => {
  const { fake, t, s, gradeButton } = paneOn(platform, lang);
  fireEvent.click(gradeButton());
  // Excel holds the read (the state, not a clock)
  await waitFor(() => expect(fake.waitingForCellEdit).toBe(1));
  expect([...t.pending.values()].map((x) => x.ms)).toEqual([3000]);
  expect(screen.queryByTestId('cell-edit-wait')).toBeNull(); // not before the 3 s

  act(() => t.fireAll()); // 3 s have passed
  const message = screen.getByTestId('cell-edit-wait');
  expect(message.textContent).toBe(lang === 'zh' ? '请先按 Enter 或点击其他单元格，结束单元格编辑' : 'Press Enter or click another cell to finish editing the cell first');
  expect(message.textContent).toBe(s.cellEditWait); // from the terms module
  expect(screen.getByTestId('status').contains(message)).toBe(true); // in the status area, announced
  expect(screen.getByTestId('progress')).toBeTruthy(); // still working, nothing to click
  expect(gradeButton().getAttribute('aria-disabled')).toBe('true');
  expect(fake.sheetNames().filter((n) => OUTPUT.includes(n))).toEqual([]);

  act(() => fake.endCellEdit()); // the clerk presses Enter
  await settle();
  expect(screen.queryByTestId('cell-edit-wait')).toBeNull();
  expect(shownBranches()).toEqual(graded);
  expect(fake.sheetNames().filter((n) => OUTPUT.includes(n))).toEqual(OUTPUT);
  expect(t.pending.size).toBe(0);
});

test('a run that starts at once shows no message and leaves no timer', async () => {
  const { fake, t, gradeButton } = paneOn('windows', 'zh');
  fake.endCellEdit();
  fireEvent.click(gradeButton());
  await settle();
  expect(screen.queryByTestId('cell-edit-wait')).toBeNull();
  expect(shownBranches()).toEqual(graded);
  expect(t.pending.size).toBe(0);
});

test('Excel on the web refuses while a cell is edited: the pane says how to end the edit, and 计算等级 works again after', async () => {
  const { fake, t, s, gradeButton } = paneOn('web', 'zh');
  fireEvent.click(gradeButton());
  await settle();
  // one batch, refused: no second read (without merged areas) that would be refused the same
  expect(fake.runs).toHaveLength(1);
  const status = screen.getByTestId('status');
  expect(within(status).getByText('请先按 Enter 或点击其他单元格，结束单元格编辑，然后再试。')).toBeTruthy();
  expect(s.cellEditRetry.startsWith(s.cellEditWait)).toBe(true);
  expect(screen.queryByTestId('cell-edit-wait')).toBeNull(); // refused at once: nothing held, nothing waited for
  expect(t.pending.size).toBe(0);
  expect(shownBranches()).toEqual([]);
  expect(gradeButton().hasAttribute('disabled')).toBe(false);
  expect(gradeButton().getAttribute('aria-disabled')).not.toBe('true');

  fake.endCellEdit(); // the clerk presses Enter, then clicks 计算等级 again
  fireEvent.click(gradeButton());
  await settle();
  expect(within(status).queryByText(s.cellEditRetry)).toBeNull();
  expect(shownBranches()).toEqual(graded);
  expect(fake.sheetNames().filter((n) => OUTPUT.includes(n))).toEqual(OUTPUT);
});

/**
 * Going to a finding's cell while a cell is being edited: Excel holds the selection batch like any other
 * (office-js #806), so the pane says how to end the edit, and the cell is selected once it ends.
 */
async function gradedWithFinding(platform: 'windows' | 'web') {
  const pane = paneOn(platform, 'zh');
  const { fake } = pane;
  fake.endCellEdit();
  (fake.cell('民主测评', 'C3') as { value: unknown }).value = '很好'; // not a grade: a finding at 民主测评 C3
  fireEvent.click(pane.gradeButton());
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: pane.s.tabs.checks }));
  const section = screen.getByRole('region', { name: /^评分无效/ });
  const finding = within(section).getAllByTestId('finding').find((f) => f.textContent?.includes('工作表「民主测评」C3'));
  expect(finding).toBeTruthy();
  return { ...pane, finding: finding as HTMLElement };
}

test("Windows: a finding's cell clicked while a cell is edited: after 3 s the pane says how to end the edit, then the cell is selected", async () => {
  const { fake, t, finding } = await gradedWithFinding('windows');
  const selection = fake.model.selection;
  fake.cellEditMode = true; // the clerk types in a cell, then clicks the finding
  fireEvent.click(finding);
  await waitFor(() => expect(fake.waitingForCellEdit).toBe(1));
  expect([...t.pending.values()].map((x) => x.ms)).toEqual([3000]);
  expect(screen.queryByTestId('cell-edit-wait')).toBeNull();
  act(() => t.fireAll()); // 3 s have passed
  expect(screen.getByTestId('cell-edit-wait').textContent).toBe('请先按 Enter 或点击其他单元格，结束单元格编辑');
  expect(fake.model.selection).toEqual(selection); // not selected yet

  act(() => fake.endCellEdit()); // the clerk presses Enter
  await settle();
  expect(screen.queryByTestId('cell-edit-wait')).toBeNull();
  expect(fake.activeSheet()).toBe('民主测评');
  expect(fake.model.selection).toEqual({ sheetId: fake.sheet('民主测评').id, address: 'C3' });
  expect(t.pending.size).toBe(0);
});

test("Excel on the web: a finding's cell clicked while a cell is edited says how to end the edit, and works after", async () => {
  const { fake, s, t, finding } = await gradedWithFinding('web');
  fake.cellEditMode = true;
  const runs = fake.runs.length;
  fireEvent.click(finding);
  await settle();
  expect(within(screen.getByTestId('status')).getByText(s.cellEditRetry)).toBeTruthy();
  expect(fake.runs.length - runs).toBe(1);
  expect(t.pending.size).toBe(0);
  fake.endCellEdit();
  fireEvent.click(finding);
  await settle();
  expect(fake.model.selection).toEqual({ sheetId: fake.sheet('民主测评').id, address: 'C3' });
});
