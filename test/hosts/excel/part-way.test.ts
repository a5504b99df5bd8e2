/**
 * A write that fails part-way (issue 22, item 4). Excel runs a batch's statements in order and stops at the
 * first failure without undoing what ran ("If a statement fails, the statements before it in the batch
 * remain applied": learn.microsoft.com, Excel JavaScript API, "Application-specific API model", error
 * handling; office-js #1399), so a failure after the office's own 考核汇总 was filled or a product sheet was
 * cleared leaves those changes. Each test injects a failure at one write step, then reads the message the
 * pane shows AND the workbook, and checks that they agree.
 */
import { ExcelHost, ExcelHostError } from '../../../src/hosts/excel';
import { officeAppHost } from '../../../src/taskpane/app-host';
import type { SheetPlan } from '../../../src/workbook/plan';
import { runAssessment } from '../../../src/workbook/pipeline';
import { branchName, createFakeExcel, type FakeExcelRuntime, seedAssessmentWorkbook } from '../../support/fake-excel';
import type { OpInfo } from '../../support/fake-excel';

const BRANCHES = 6;
const PRODUCT = ['考核结果通报', '校验问题', '计算明细'];

/** The office's workbook: forms, and its own 考核汇总 (SPEC §4.6: filled, never replaced). */
function officeWorkbook(apiVersion?: string, freezeRowsFails = false): FakeExcelRuntime {
  const fake = createFakeExcel({ apiVersion, freezeRowsFails });
  seedAssessmentWorkbook(fake, BRANCHES, 3);
  fake.seed('考核汇总', { values: [['党支部', '总分', '等级'], ...Array.from({ length: BRANCHES }, (_, i) => [branchName(i), null, null])] });
  return fake;
}

async function grade(host: ExcelHost) {
  const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  return outcome;
}

async function gradeFails(host: ExcelHost): Promise<ExcelHostError> {
  return failure(grade(host));
}

async function failure(p: Promise<unknown>): Promise<ExcelHostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelHostError);
    return e as ExcelHostError;
  }
  throw new Error('expected the write to fail');
}

/** Every sheet's cells, merges and names: what "unchanged" is compared on. */
function state(fake: FakeExcelRuntime) {
  return structuredClone(fake.model.sheets.map((s) => ({ name: s.name, id: s.id, cells: s.cells, merges: s.merges, names: s.names })));
}

function cells(fake: FakeExcelRuntime, sheet: string) {
  return structuredClone(fake.sheet(sheet).cells);
}

/** The office's 考核汇总 rows: [总分, 等级] per branch. */
function officeTotals(fake: FakeExcelRuntime) {
  return fake.grid('考核汇总', `B2:C${BRANCHES + 1}`);
}

/** Nothing of ours is left behind: no temporary sheet, no milestone name. */
function noLeftovers(fake: FakeExcelRuntime) {
  expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
  expect(fake.model.names.map((n) => n.name).filter((n) => n.includes('_step_'))).toEqual([]);
}

/** Fail at the n-th (1-based) operation that matches. */
function failAt(fake: FakeExcelRuntime, match: (op: OpInfo) => boolean, n = 1): void {
  let seen = 0;
  fake.failSync({ code: 'GeneralException', when: (op) => match(op) && ++seen === n });
}

function hostFor(fake: FakeExcelRuntime): ExcelHost {
  return new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
}

describe('first grading: the office 考核汇总 is filled, the product sheets are added', () => {
  test('a failure before anything is committed (building a sheet): the message says nothing changed, and nothing did', async () => {
    const fake = officeWorkbook();
    const before = state(fake);
    failAt(fake, (op) => op.member === 'values' && (op.sheet ?? '').startsWith('~BA'), 2);
    const e = await gradeFails(hostFor(fake));
    expect(state(fake)).toEqual(before);
    noLeftovers(fake);
    expect(e.progress?.changed).toBe(false);
    expect(e.text.zh).toContain('工作簿中已有的结果未被改动');
    expect(e.text.zh).toContain('错误代码 GeneralException');
    // Excel's own English words stay off the Chinese screen
    expect(e.text.zh).not.toContain('Injected');
    expect(e.text.en).toContain('Existing results in the workbook were left as they were');
  });

  test('a failure while filling the office 考核汇总: it says the sheet may be partly filled and the product sheets were not written; so it is', async () => {
    const fake = officeWorkbook();
    // the 5th cell of the fill fails: the four before it are written
    failAt(fake, (op) => op.member === 'values' && op.sheet === '考核汇总', 5);
    const e = await gradeFails(hostFor(fake));
    const totals = officeTotals(fake).flat();
    expect(totals.filter((v) => v !== null)).toHaveLength(4);
    for (const s of PRODUCT) expect(fake.sheetNames()).not.toContain(s);
    noLeftovers(fake);
    expect(e.text.zh).toContain('写入结果时中途停止');
    expect(e.text.zh).toContain('“考核汇总”可能只填入了一部分新结果');
    expect(e.text.zh).toContain('未改动：“考核结果通报”、“校验问题”、“计算明细”');
    expect(e.text.zh).not.toContain('工作簿中已有的结果未被改动');
    expect(e.text.en).toContain('“考核汇总” may have only part of its new results filled in');
  });

  test.each([
    [1, '考核结果通报'],
    [2, '校验问题'],
    [3, '计算明细'],
  ])('a failure renaming the %i. new sheet into place: the message lists exactly the sheets added before it, as the workbook has them', async (n, sheet) => {
    const fake = officeWorkbook();
    failAt(fake, (op) => op.object === 'Worksheet' && op.member === 'name', n);
    const e = await gradeFails(hostFor(fake));
    const added = PRODUCT.slice(0, n - 1);
    const missing = PRODUCT.slice(n - 1);
    for (const s of added) expect(fake.sheetNames()).toContain(s);
    for (const s of missing) expect(fake.sheetNames()).not.toContain(s);
    expect(officeTotals(fake).flat().every((v) => v !== null)).toBe(true);
    noLeftovers(fake);
    expect(e.text.zh).toContain('“考核汇总”已填入新结果');
    for (const s of added) expect(e.text.zh).toContain(`已新建“${s}”`);
    expect(e.text.zh).toContain(`未改动：${missing.map((s) => `“${s}”`).join('、')}`);
    expect(e.progress?.sheets.find((s) => s.sheet === sheet)?.state).toBe('unchanged');
  });

  test('a failure in the cosmetics (freeze panes): the results are all written and only the formatting is reported', async () => {
    // some Excel 2019 builds throw GeneralException from freezeRows, every time (office-js #2196)
    const fake = officeWorkbook(undefined, true);
    const host = hostFor(fake);
    const outcome = await grade(host); // no error: the results are in
    for (const s of PRODUCT) expect(fake.sheetNames()).toContain(s);
    expect(officeTotals(fake).map((r) => r[0])).toEqual(outcome.result.branches.map((b) => b.total));
    noLeftovers(fake);
    const issues = host.cosmeticIssues();
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.text.zh).toMatch(/^结果已全部写入，但/);
  });
});

test('a settings edit that stops after the settings sheet was written says the new settings are in, in its own words', async () => {
  const fake = createFakeExcel();
  fake.seed('考核参数', { values: [['参数', '值'], ['优秀线', 90]] });
  const host = hostFor(fake);
  await host.readSnapshot();
  failAt(fake, (op) => op.object === 'Worksheet' && op.member === 'name');
  const e = await failure(
    host.applyPlan({
      sheets: [
        { mode: 'fill', kind: 'settings', name: '考核参数', cells: [{ cell: 'B2', value: 92 }] },
        { mode: 'new', kind: 'checks', name: '校验问题', values: [['级别']], styles: [], merges: [], columnWidths: [], links: [], validations: [] },
      ],
    }),
  );
  expect(fake.value('考核参数', 'B2')).toBe(92);
  expect(fake.sheetNames()).toEqual(['考核参数']);
  expect(e.text.zh).toContain('已改动：“考核参数”已写入新参数。');
  expect(e.text.zh).toContain('未改动：“校验问题”');
  expect(e.text.en).toContain('“考核参数” has the new settings');
  noLeftovers(fake);
});

describe('grading again: the product sheets are rewritten in place', () => {
  async function gradedOnce(apiVersion?: string) {
    const fake = officeWorkbook(apiVersion);
    const host = hostFor(fake);
    await grade(host);
    // the clerk corrects a rating, so the second run writes different totals
    fake.sheet('组织考核').cells.get(2, 2)!.value = '差';
    return { fake, host };
  }

  test('a failure clearing the first product sheet: 考核汇总 is filled, every product sheet is as it was; the message says so', async () => {
    const { fake, host } = await gradedOnce();
    const old = Object.fromEntries(PRODUCT.map((s) => [s, cells(fake, s)]));
    failAt(fake, (op) => op.member === 'clear' && op.sheet === '考核结果通报');
    const e = await gradeFails(host);
    for (const s of PRODUCT) expect(cells(fake, s)).toEqual(old[s]);
    noLeftovers(fake);
    expect(e.text.zh).toContain('已改动：“考核汇总”已填入新结果。');
    expect(e.text.zh).toContain('未改动：“考核结果通报”、“校验问题”、“计算明细”');
  });

  test('a failure in the copy into the second product sheet: the first is rewritten, the second cleared, the third as it was', async () => {
    const { fake, host } = await gradedOnce();
    const old = Object.fromEntries(PRODUCT.map((s) => [s, cells(fake, s)]));
    failAt(fake, (op) => op.member === 'copyFrom' && op.sheet === '校验问题');
    const e = await gradeFails(host);
    expect(cells(fake, '考核结果通报')).not.toEqual(old['考核结果通报']);
    expect(fake.sheet('校验问题').cells.size).toBe(0);
    expect(cells(fake, '计算明细')).toEqual(old['计算明细']);
    noLeftovers(fake);
    expect(e.text.zh).toContain('“考核结果通报”已换成新结果');
    expect(e.text.zh).toContain('“校验问题”的旧结果已清除，新结果未能完整写入');
    expect(e.text.zh).toContain('未改动：“计算明细”');
    expect(e.progress?.sheets.map((s) => [s.sheet, s.state])).toEqual([
      ['考核汇总', 'filled'],
      ['考核结果通报', 'rewritten'],
      ['校验问题', 'cleared'],
      ['计算明细', 'unchanged'],
    ]);
    // the pane shows this very text (its Excel wiring: describeError)
    const pane = officeAppHost(fake.excel, fake.office as unknown as typeof Office, {} as Document);
    expect(pane.describeError?.(e)).toEqual(e.text);
  });

  test('a failure renaming a rewritten sheet: the message says it holds the new results under its old name; so it does', async () => {
    const fake = createFakeExcel();
    fake.seed('说明', { values: [['x']] });
    const host = hostFor(fake);
    const plan = (name: string, replaces?: string, value = '新'): SheetPlan => ({
      mode: 'new', kind: 'summary', name, ...(replaces ? { replaces } : {}), values: [[value]], styles: [], merges: [], columnWidths: [], links: [], validations: [],
    });
    await host.applyPlan({ sheets: [plan('考核汇总', undefined, '旧')] });
    failAt(fake, (op) => op.object === 'Worksheet' && op.member === 'name' && op.sheet === '考核汇总');
    const e = await failure(host.applyPlan({ sheets: [plan('考核汇总2026', '考核汇总')] }));
    expect(fake.sheetNames()).toEqual(['说明', '考核汇总']);
    expect(fake.value('考核汇总', 'A1')).toBe('新');
    expect(e.text.zh).toContain('“考核汇总”已换成新结果，但未能改名为“考核汇总2026”');
    noLeftovers(fake);
  });

  test('when the check after the failure cannot run either, the sheets of the failed request are "could not check", never "not changed"', async () => {
    const { fake, host } = await gradedOnce();
    let failed = false;
    fake.failSync({ code: 'GeneralException', when: (op) => op.member === 'copyFrom' && op.sheet === '计算明细' && (failed = true) });
    // the read that follows the failure (of the names present) fails as well
    fake.failSync({ code: 'GeneralException', when: () => failed });
    const e = await gradeFails(host);
    expect(e.text.zh).toContain('无法确认是否已改动');
    expect(e.text.zh).toContain('“计算明细”');
    expect(e.text.zh).not.toContain('未改动');
  });
});

describe('ExcelApi 1.8: the product sheets are written straight into (no copy)', () => {
  test.each(PRODUCT.map((s, i) => [i, s] as const))('a failure writing the cells of product sheet %i (%s): earlier ones rewritten, it cleared and partly written, later ones as they were', async (i, sheet) => {
    const fake = officeWorkbook('1.8');
    const host = hostFor(fake);
    await grade(host);
    fake.sheet('组织考核').cells.get(2, 2)!.value = '差';
    const old = Object.fromEntries(PRODUCT.map((s) => [s, cells(fake, s)]));
    failAt(fake, (op) => op.member === 'values' && op.sheet === sheet, 1);
    const e = await gradeFails(host);
    PRODUCT.slice(0, i).forEach((s) => expect(e.text.zh).toContain(`“${s}”已换成新结果`));
    expect(fake.sheet(sheet).cells.size).toBe(0);
    expect(e.text.zh).toContain(`“${sheet}”的旧结果已清除，新结果未能完整写入`);
    const later = PRODUCT.slice(i + 1);
    for (const s of later) expect(cells(fake, s)).toEqual(old[s]);
    if (later.length > 0) expect(e.text.zh).toContain(`未改动：${later.map((s) => `“${s}”`).join('、')}`);
    noLeftovers(fake);
  });

  test('a failure in a format statement of the rewritten 考核结果通报 (its merged title): the values are in, the sheet is called partly written', async () => {
    const fake = officeWorkbook('1.8');
    const host = hostFor(fake);
    await grade(host);
    const old = cells(fake, '计算明细');
    failAt(fake, (op) => op.member === 'merge' && op.sheet === '考核结果通报');
    const e = await gradeFails(host);
    expect(fake.merges('考核结果通报')).toEqual([]);
    expect(fake.sheet('考核结果通报').cells.size).toBeGreaterThan(0);
    expect(e.text.zh).toContain('“考核结果通报”的旧结果已清除，新结果未能完整写入');
    expect(cells(fake, '计算明细')).toEqual(old);
    expect(e.text.zh).toContain('未改动：“校验问题”、“计算明细”');
  });
});
