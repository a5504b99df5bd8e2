/**
 * @jest-environment jsdom
 */
/**
 * 计算等级 through the real office.js (test/support/office-js): the requests are the ones Microsoft's own
 * client library builds and serializes, measured on the wire and refused over 5 MB as Excel on the web
 * refuses them ("Excel on the web has a payload size limit for requests and responses of 5MB",
 * learn.microsoft.com, Resource limits and performance optimization for Office Add-ins; office-js-docs-pr
 * #5821). The figures are in BENCHMARKS.md ("Excel through the real office.js serializer").
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import { branchName, createFakeExcel, seedAssessmentWorkbook, widePlan } from '../../support/fake-excel';
import { OfficeJsHarness } from '../../support/office-js';
import { estimateHolds } from '../../support/office-js/estimate';

const MB = 1024 * 1024;

async function gradeOnTheWeb(branches: number) {
  const fake = createFakeExcel({ platform: 'web' });
  seedAssessmentWorkbook(fake, branches, 5);
  const wire = new OfficeJsHarness(fake);
  const host = new ExcelHost(wire.excel, { isSetSupported: fake.isSetSupported });
  const snapshot = await host.readSnapshot();
  const read = [...wire.syncs];
  wire.reset();
  const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  return { fake, wire, host, read, apply: [...wire.syncs], outcome };
}

describe.each([10, 100, 1000])('%i branches on Excel on the web', (branches) => {
  test('计算等级 completes; every request office.js sends is at most 5 MB; 考核汇总 holds the totals', async () => {
    const { fake, read, apply, outcome, host } = await gradeOnTheWeb(branches);
    expect(read.map((s) => s.failed)).toEqual([undefined, undefined]);
    // One write request at these sizes (1,000 branches: 3.7 MB; office.js sent 8.0 MB before the styles
    // were joined into areas, which the web refused).
    expect(apply).toHaveLength(1);
    for (const s of [...read, ...apply]) {
      expect(s.failed).toBeUndefined();
      expect(s.requestBytes).toBeLessThanOrEqual(5 * MB);
      expect(s.responseBytes).toBeLessThanOrEqual(5 * MB);
    }
    expect(host.splits).toBe(0);
    estimateHolds(apply, host);
    expect(fake.sheetNames()).toEqual(['支部名单', '组织考核', '民主测评', '考核汇总', '考核结果通报', '校验问题', '计算明细']);
    const grid = fake.grid('考核汇总', `A1:T${branches + 10}`);
    const header = grid.findIndex((row) => row.includes('总分'));
    const col = grid[header].indexOf('总分');
    const nameCol = grid[header].indexOf('党支部');
    const rows = grid.slice(header + 1, header + 1 + branches);
    expect(rows.map((r) => r[nameCol])).toEqual(Array.from({ length: branches }, (_, i) => branchName(i)));
    expect(rows.map((r) => r[col])).toEqual(outcome.result.branches.map((b) => b.total));
  });
});

test('a grade-coloured summary costs one format statement per colour, not one per cell', async () => {
  const fake = createFakeExcel({ platform: 'web' });
  fake.seed('Sheet1');
  const wire = new OfficeJsHarness(fake);
  wire.keepBodies = true;
  const host = new ExcelHost(wire.excel, { isSetSupported: fake.isSetSupported });
  await host.readSnapshot();
  wire.reset();
  wire.keepBodies = true;
  // 2,000 rows, each 等级 cell its own fill (four colours in turn)
  await host.applyPlan({ sheets: [widePlan(2000, 20)] });
  const body = JSON.parse(wire.bodies[0]);
  const colours = body.Actions.filter((a: { ActionType: number; Name: string }) => a.ActionType === 4 && a.Name === 'Color');
  // four colours, each over 500 single cells: getRanges takes at most 200 areas, so 3 statements a colour; plus the header's
  expect(colours.length).toBeLessThanOrEqual(4 * 3 + 1);
  expect(fake.cell('考核汇总', 'T3')?.fill).toBe('#C6EFCE');
  expect(fake.cell('考核汇总', 'T4')?.fill).toBe('#DDEBF7');
  expect(fake.cell('考核汇总', 'T2002')?.fill).toBe('#FFC7CE');
  expect(fake.cell('考核汇总', 'S3')?.fill).toBeUndefined();
  expect(fake.cell('考核汇总', 'C2002')?.numberFormat).toBe('0.0');
});

test('a request Excel refuses for its size is sent again in halves, and the results come out whole', async () => {
  const fake = createFakeExcel({ platform: 'web' });
  seedAssessmentWorkbook(fake, 100, 5);
  // This Excel refuses far smaller requests than the host's bound: its first write request is refused whole.
  const wire = new OfficeJsHarness(fake, { limitBytes: 400_000 });
  const host = new ExcelHost(wire.excel, { isSetSupported: fake.isSetSupported, maxPayloadBytes: 4.5 * MB });
  const snapshot = await host.readSnapshot();
  wire.reset();
  const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  expect(wire.syncs[0].failed).toBe('RequestPayloadSizeLimitExceeded');
  expect(host.splits).toBeGreaterThan(0);
  const last = wire.syncs[wire.syncs.length - 1];
  expect(last.failed).toBeUndefined();
  for (const s of wire.syncs) if (s.failed === undefined) expect(s.requestBytes).toBeLessThanOrEqual(400_000);
  expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
  expect(fake.value('考核汇总', 'C4')).toBe(branchName(0));
  expect(fake.names('考核汇总')).toEqual(['BranchAssessment_summary']);
});
