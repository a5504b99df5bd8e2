/**
 * Round trips and payloads: a grading run costs at most 3 syncs (read 2 + apply 1) whatever the number of
 * branches, and no request or response reaches Excel on the web's 5 MB limit; only past the size bound do
 * reads and writes split into row blocks (more syncs, each under the bound).
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { createFakeExcel, FakeExcelRuntime, measureExcel, seedAssessmentWorkbook, widePlan } from '../../support/fake-excel';

const MB = 1024 * 1024;

function hostFor(fake: FakeExcelRuntime, options: { maxPayloadBytes?: number; maxCellsPerRequest?: number } = {}): ExcelHost {
  return new ExcelHost(fake.excel, { ...options, isSetSupported: fake.isSetSupported });
}

describe.each([10, 100, 1000])('%i branches', (branches) => {
  test('read + apply take at most 3 syncs, every payload under 5 MB', async () => {
    const fake = createFakeExcel();
    seedAssessmentWorkbook(fake, branches, 5);
    const host = hostFor(fake);
    const { result: snapshot, cost: read } = await measureExcel(fake, () => host.readSnapshot());
    expect(snapshot.sheets.map((s) => s.values.length)).toEqual([branches + 1, branches + 2, branches * 5 + 1]);
    expect(snapshot.sheets[1].merges).toEqual(['A1:F1']);

    const plan = widePlan(branches, 20);
    const { cost: apply } = await measureExcel(fake, () => host.applyPlan({ sheets: [plan] }));
    expect(read.syncCount).toBe(2);
    expect(apply.syncCount).toBe(1);
    expect(read.syncCount + apply.syncCount).toBeLessThanOrEqual(3);
    expect(Math.max(read.largestPayloadBytes, apply.largestPayloadBytes)).toBeLessThan(5 * MB);
    expect(fake.value('考核汇总', `B${branches + 2}`)).toBe(`第${branches}党支部`);
    expect(fake.value('考核汇总', `T${branches + 2}`)).toBe(['优秀', '较好', '一般', '差'][(branches - 1) % 4]);
  });
});

test('a plan past the payload bound is written in row blocks, each request under the bound', async () => {
  const fake = createFakeExcel();
  fake.seed('Sheet1');
  const host = hostFor(fake, { maxPayloadBytes: 200_000 });
  await host.readSnapshot();
  const plan = widePlan(3000, 20);
  const { cost } = await measureExcel(fake, () => host.applyPlan({ sheets: [plan] }));
  expect(cost.syncCount).toBeGreaterThan(1);
  for (const s of cost.syncs) expect(s.requestBytes).toBeLessThanOrEqual(200_000);
  expect(cost.cellsWritten).toBeGreaterThanOrEqual(3002 * 20);
  expect(fake.value('考核汇总', 'A3002')).toBe(3000);
  expect(fake.value('考核汇总', 'B3002')).toBe('第3000党支部');
  expect(fake.cell('考核汇总', 'C3002')?.numberFormat).toBe('0.0');
  expect(fake.sheetNames()).toEqual(['Sheet1', '考核汇总']);
  // every sync of the apply suspended screen updating again
  expect(cost.syncs.every((s) => s.screenSuspended)).toBe(true);
});

test('a cell bound splits writes as well', async () => {
  const fake = createFakeExcel();
  fake.seed('Sheet1');
  const host = hostFor(fake, { maxCellsPerRequest: 10_000 });
  await host.readSnapshot();
  const { cost } = await measureExcel(fake, () => host.applyPlan({ sheets: [widePlan(1000, 20)] }));
  expect(cost.syncCount).toBeGreaterThan(2);
  for (const s of cost.syncs) expect(s.cellsWritten).toBeLessThanOrEqual(10_000);
  expect(fake.value('考核汇总', 'A1002')).toBe(1000);
});

test('a read Excel refuses for its size is redone in row blocks and gives the same snapshot', async () => {
  const unlimited = createFakeExcel();
  seedAssessmentWorkbook(unlimited, 200, 5);
  const expected = await hostFor(unlimited).readSnapshot();

  const fake = createFakeExcel({ payloadLimitBytes: 300_000 });
  seedAssessmentWorkbook(fake, 200, 5);
  const { result, cost } = await measureExcel(fake, () => hostFor(fake, { maxPayloadBytes: 250_000 }).readSnapshot());
  expect(result).toEqual(expected);
  expect(cost.syncs[1].failed).toBe('ResponsePayloadSizeLimitExceeded');
  const fallback = cost.syncs.slice(2);
  expect(fallback.length).toBeGreaterThan(3);
  for (const s of fallback) {
    expect(s.failed).toBeUndefined();
    expect(s.responseBytes).toBeLessThanOrEqual(300_000);
  }
});

describe('reads Excel answers without values, or refuses for size', () => {
  test('a used range past the read limit (values: null, no error, #6781) is read in blocks, not crashed on', async () => {
    // Excel's limit is 5,000,000 cells; the stand-in and the host both take 50,000 here to keep the test fast.
    const fake = createFakeExcel({ platform: 'windows', maxReadCells: 50_000 });
    // A1 and E10001: a used range of 5 × 10,001 cells
    fake.seed('大表', { values: [['党支部', null, null, null, null]] });
    fake.sheet('大表').cells.set(10000, 4, { value: '尾' });
    const { result, cost } = await measureExcel(fake, () => hostFor(fake, { maxCellsPerRequest: 50_000 }).readSnapshot());
    const sheet = result.sheets[0];
    expect(sheet.values).toHaveLength(10_001);
    expect(sheet.values[0][0]).toBe('党支部');
    expect(sheet.values[10_000][4]).toBe('尾');
    // the null answer came back without an error; no block after it asked for more than the limit
    expect(cost.syncs.every((s) => s.failed === undefined)).toBe(true);
    for (const s of cost.syncs.slice(2)) expect(s.cellsRead).toBeLessThanOrEqual(50_000);
  });

  test('a block Excel refuses for its size is halved and read again; Chinese text is sized by its UTF-8 bytes', async () => {
    const long = '关于二〇二六年度党支部工作目标管理考核情况的说明';
    const seedLong = (f: FakeExcelRuntime) =>
      f.seed('说明', { values: Array.from({ length: 4000 }, (_, r) => [`第${r + 1}条`, long, long, long]) });
    const unlimited = createFakeExcel({ platform: 'windows' });
    seedLong(unlimited);
    const expected = await hostFor(unlimited).readSnapshot();

    const limit = 400_000;
    const fake = createFakeExcel({ payloadLimitBytes: limit });
    seedLong(fake);
    // the host believes in a larger bound than this Excel has: its first guesses are too big
    const { result, cost } = await measureExcel(fake, () => hostFor(fake, { maxPayloadBytes: 2 * limit }).readSnapshot());
    expect(result).toEqual(expected);
    const failed = cost.syncs.filter((s) => s.failed !== undefined);
    expect(failed.every((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(3);
    for (const s of cost.syncs) if (s.failed === undefined) expect(s.responseBytes).toBeLessThanOrEqual(limit);
  });

  test('the next read of a large workbook goes straight to blocks (no sync wasted on a refusal)', async () => {
    const fake = createFakeExcel({ payloadLimitBytes: 300_000 });
    seedAssessmentWorkbook(fake, 200, 5);
    const host = hostFor(fake, { maxPayloadBytes: 250_000 });
    await host.readSnapshot();
    const { cost } = await measureExcel(fake, () => host.readSnapshot());
    expect(cost.syncs.filter((s) => s.failed !== undefined)).toEqual([]);
  });
});
