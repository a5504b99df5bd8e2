/**
 * A clerk still typing in a cell when 计算等级 is clicked. Excel on Windows and Mac holds a batch run with
 * delayForCellEdit until the edit ends, without any limit (office-js #806); Excel on the web refuses it
 * with InvalidOperationInCellEditMode all the same (office-js #1393, #3019). The stand-in models both.
 * After about 3 s without the batch starting the host tells the pane, which says
 * "请先按 Enter 或点击其他单元格，结束单元格编辑". No test waits on a clock: the timer is injected.
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { createFakeExcel, seedAssessmentWorkbook } from '../../support/fake-excel';
import { manualTimers } from '../../support/timers';

test('Windows: the read waits while a cell is edited; after 3 s the pane is told, and again when it goes on', async () => {
  const fake = createFakeExcel({ platform: 'windows' });
  seedAssessmentWorkbook(fake, 3, 2);
  fake.cellEditMode = true;
  const t = manualTimers();
  const told: boolean[] = [];
  const host = new ExcelHost(fake.excel, {
    isSetSupported: fake.isSetSupported,
    cellEditWait: { onWaiting: (w) => told.push(w), setTimer: t.setTimer, clearTimer: t.clearTimer },
  });
  const reading = host.readSnapshot();
  // the first sync is held by Excel (the state, not a clock)
  while (fake.waitingForCellEdit === 0) await Promise.resolve();
  expect([...t.pending.values()].map((x) => x.ms)).toEqual([3000]);
  t.fireAll(); // 3 s have passed
  expect(told).toEqual([true]);
  fake.endCellEdit(); // the clerk presses Enter
  const snapshot = await reading;
  expect(told).toEqual([true, false]);
  expect(snapshot.sheets.map((s) => s.name)).toEqual(['支部名单', '组织考核', '民主测评']);
});

test('a batch that starts in time says nothing and leaves no timer', async () => {
  const fake = createFakeExcel({ platform: 'windows' });
  seedAssessmentWorkbook(fake, 3, 2);
  const t = manualTimers();
  const told: boolean[] = [];
  await new ExcelHost(fake.excel, {
    isSetSupported: fake.isSetSupported,
    cellEditWait: { onWaiting: (w) => told.push(w), setTimer: t.setTimer, clearTimer: t.clearTimer },
  }).readSnapshot();
  expect(told).toEqual([]);
  expect(t.pending.size).toBe(0);
});

test('the web refuses at once: the message says how to end the edit', async () => {
  const fake = createFakeExcel({ platform: 'web' });
  seedAssessmentWorkbook(fake, 3, 2);
  fake.cellEditMode = true;
  const e = await new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported }).readSnapshot().then(
    () => undefined,
    (x: { failure?: string; text?: { zh: string; en: string } }) => x,
  );
  expect(e?.failure).toBe('cell-edit');
  expect(e?.text?.zh).toContain('请先按 Enter 或点击其他单元格，结束单元格编辑');
  expect(e?.text?.en).toContain('Press Enter or click another cell');
});
