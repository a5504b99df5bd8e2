/**
 * A clerk still typing in a cell when 计算等级 is clicked. Excel on Windows and Mac holds a batch run with
 * delayForCellEdit until the edit ends, without any limit (office-js #806); Excel on the web refuses it
 * with InvalidOperationInCellEditMode all the same (office-js #1393, #3019). The stand-in models both.
 * After about 3 s without the batch starting the host tells the pane, which says
 * "请先按 Enter 或点击其他单元格，结束单元格编辑". No test waits on a clock: the timer is injected.
 */
import { ExcelHost, HIGHLIGHT_FORMULA } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import { runYear, settingsEditPlan } from '../../../src/workbook/plans';
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
  // one batch: no second read without merged areas after a refusal that a second read would meet too
  expect(fake.runs).toHaveLength(1);
});

/**
 * Every batch the host makes, not only the read: writing the results, going to a cell, highlighting,
 * drop-downs, the settings save (考核参数) and a new workbook (office.js runs Excel.createWorkbook as a
 * batch with delayForCellEdit too: excel-web-16.00.debug.js, createWorkbook). Each is prepared with no cell
 * being edited, then started while one is.
 */
type Fake = ReturnType<typeof createFakeExcel>;
interface Kind {
  /** work done before the clerk starts typing (a read, a plan); returns the action */
  prepare: (host: ExcelHost, fake: Fake) => Promise<() => Promise<unknown>>;
  /** what the user sees once the action ran */
  done: (fake: Fake) => void;
  /** what must be unchanged when Excel on the web refuses */
  state: (fake: Fake) => unknown;
  /** Excel.run batches it makes (export: none, it is Excel.createWorkbook) */
  runs?: number;
}

const FORM_CELL = 'C3';
const kinds: [string, Kind][] = [
  [
    'write (计算等级 writes the results)',
    {
      prepare: async (host) => {
        const plan = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' }).plan;
        return () => host.applyPlan(plan);
      },
      done: (fake) => {
        expect(fake.sheetNames()).toEqual(expect.arrayContaining(['考核汇总', '考核结果通报']));
        expect(fake.grid('考核汇总', 'A1:A1')[0][0]).not.toBeNull();
      },
      state: (fake) => fake.sheetNames(),
    },
  ],
  [
    'select (a finding → its cell)',
    {
      prepare: async (host) => () => host.selectCell('民主测评', FORM_CELL),
      done: (fake) => {
        expect(fake.activeSheet()).toBe('民主测评');
        expect(fake.model.selection).toEqual({ sheetId: fake.sheet('民主测评').id, address: FORM_CELL });
      },
      state: (fake) => [fake.activeSheet(), fake.model.selection],
    },
  ],
  [
    'highlight (problem cells)',
    {
      prepare: async (host) => () => host.setHighlights([{ sheet: '民主测评', cell: FORM_CELL }], true),
      done: (fake) => expect(fake.sheet('民主测评').conditionalFormats.filter((c) => c.formula === HIGHLIGHT_FORMULA)).toHaveLength(1),
      state: (fake) => fake.sheet('民主测评').conditionalFormats.length,
    },
  ],
  [
    'drop-downs',
    {
      prepare: async (host) => () => host.addDropDowns([{ sheet: '民主测评', range: 'C3:C4', list: ['优秀', '较好', '一般', '差'] }]),
      done: (fake) => expect(fake.cell('民主测评', 'C4')?.validation).toEqual({ list: { inCellDropDown: true, source: '优秀,较好,一般,差' } }),
      state: (fake) => fake.cell('民主测评', 'C4')?.validation,
    },
  ],
  [
    'settings write (保存参数 writes 考核参数)',
    {
      prepare: async (host) => {
        const snapshot = await host.readSnapshot();
        const out = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
        const plan = settingsEditPlan(new Map([['发文单位', '中共某某委员会']]), out.recognition, snapshot, runYear(out.result));
        return () => host.applyPlan(plan);
      },
      done: (fake) => {
        expect(fake.sheetNames()).toContain('考核参数');
        const grid = fake.grid('考核参数', 'A1:B40');
        expect(grid.find((r) => r[0] === '发文单位')?.[1]).toBe('中共某某委员会');
      },
      state: (fake) => fake.sheetNames(),
    },
  ],
  [
    'export (a new workbook)',
    {
      prepare: async (host) => () => host.exportWorkbook('UEsDBA=='),
      done: (fake) => expect(fake.createdWorkbooks).toEqual(['UEsDBA==']),
      state: (fake) => fake.createdWorkbooks.length,
      runs: 0,
    },
  ],
];

/** Microtasks until Excel holds a batch: a state of the stand-in, never a clock. */
async function heldByExcel(fake: Fake): Promise<void> {
  for (let i = 0; i < 10_000 && fake.waitingForCellEdit === 0; i++) await Promise.resolve();
  expect(fake.waitingForCellEdit).toBe(1);
}

describe.each(kinds)('%s', (_name, kind) => {
  test('Windows: held while a cell is edited; after 3 s the pane is told, and again when it goes on', async () => {
    const fake = createFakeExcel({ platform: 'windows' });
    seedAssessmentWorkbook(fake, 3, 2);
    const t = manualTimers();
    const told: boolean[] = [];
    const host = new ExcelHost(fake.excel, {
      isSetSupported: fake.isSetSupported,
      cellEditWait: { onWaiting: (w) => told.push(w), setTimer: t.setTimer, clearTimer: t.clearTimer },
    });
    const action = await kind.prepare(host, fake);
    expect(t.pending.size).toBe(0);
    fake.cellEditMode = true; // the clerk starts typing in a cell
    const running = action();
    await heldByExcel(fake);
    expect([...t.pending.values()].map((x) => x.ms)).toEqual([3000]);
    t.fireAll(); // 3 s have passed
    expect(told).toEqual([true]);
    fake.endCellEdit(); // the clerk presses Enter
    await running;
    expect(told).toEqual([true, false]);
    expect(t.pending.size).toBe(0);
    kind.done(fake);
  });

  test('the web refuses at once: one batch, nothing changed, the message says how to end the edit', async () => {
    const fake = createFakeExcel({ platform: 'web' });
    seedAssessmentWorkbook(fake, 3, 2);
    const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
    const action = await kind.prepare(host, fake);
    const before = kind.state(fake);
    const runs = fake.runs.length;
    fake.cellEditMode = true;
    const e = await action().then(
      () => undefined,
      (x: { failure?: string; text?: { zh: string; en: string } }) => x,
    );
    expect(e?.failure).toBe('cell-edit');
    expect(e?.text?.zh).toContain('请先按 Enter 或点击其他单元格，结束单元格编辑');
    expect(e?.text?.en).toContain('Press Enter or click another cell');
    // no batch after the refusal (a second would be refused the same, office-js #1393)
    expect(fake.runs.length - runs).toBe(kind.runs ?? 1);
    expect(kind.state(fake)).toEqual(before);
  });
});
