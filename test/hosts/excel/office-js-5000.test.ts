/**
 * @jest-environment jsdom
 */
/**
 * 5,000 branches through the real office.js on Excel on the web (see office-js.test.ts): the read is
 * refused once for its response size and redone in row blocks; the write goes in several requests, every
 * one at most 5 MB. Its own file, so that jest runs it beside the others (it is the slowest).
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import { branchName, createFakeExcel, seedAssessmentWorkbook } from '../../support/fake-excel';
import { OfficeJsHarness } from '../../support/office-js';
import { estimateHolds } from '../../support/office-js/estimate';

const MB = 1024 * 1024;

test('5,000 branches: 计算等级 completes on the web, every request at most 5 MB', async () => {
  const branches = 5000;
  const fake = createFakeExcel({ platform: 'web' });
  seedAssessmentWorkbook(fake, branches, 5);
  const wire = new OfficeJsHarness(fake);
  const host = new ExcelHost(wire.excel, { isSetSupported: fake.isSetSupported });
  const snapshot = await host.readSnapshot();
  // the one read Excel refuses is the full read of 16.6 MB; the blocks after it all pass
  expect(wire.syncs.filter((s) => s.failed !== undefined).map((s) => s.failed)).toEqual(['ResponsePayloadSizeLimitExceeded']);
  wire.reset();
  const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  expect(wire.syncs.length).toBeGreaterThan(1);
  // the host's estimate of each request against office.js's bytes (measured: 5 requests, 1.41–4.65 MB sent,
  // estimates 1.01–1.03 × that)
  estimateHolds(wire.syncs, host);
  for (const s of wire.syncs) {
    expect(s.failed).toBeUndefined();
    expect(s.requestBytes).toBeLessThanOrEqual(5 * MB);
  }
  expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
  const grid = fake.grid('考核汇总', 'A1:T6');
  const header = grid.findIndex((row) => row.includes('党支部'));
  expect(grid[header + 1][grid[header].indexOf('党支部')]).toBe(branchName(0));
  expect(fake.value('计算明细', 'A1')).not.toBeNull();
});
