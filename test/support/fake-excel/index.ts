/**
 * A strict in-memory stand-in for Excel's JavaScript API (Office.js), for host tests, benchmarks and a
 * later browser test page. See api.ts for what "strict" means.
 *
 *   const fake = createFakeExcel({ apiVersion: '1.13' });
 *   fake.seed('民主测评', { values: [...] });
 *   const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
 */
import { FakeExcelOptions, FakeExcelRuntime, SyncStats } from './runtime';

export { FakeExcelRuntime } from './runtime';
export type { FailureInjection, FakeExcelOptions, FakeOffice, FakePlatform, RunRecord, SheetSeed, SyncStats } from './runtime';
export type { OpInfo } from './api';
export { FakeOfficeError, parseA1, rectA1 } from './model';
export type { FakeCell, FakeSheet, FakeValue } from './model';

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcelRuntime {
  return new FakeExcelRuntime(options);
}

/** What BENCHMARKS reports for one host operation against the stand-in. */
export interface ExcelCost {
  syncCount: number;
  /** the largest request or response of one sync, bytes (Excel on the web refuses more than 5 MB) */
  largestPayloadBytes: number;
  requestBytes: number;
  responseBytes: number;
  cellsWritten: number;
  cellsRead: number;
  syncs: SyncStats[];
}

/** Run `work` and report the syncs and payloads it cost (the runtime's stats are reset first). */
export async function measureExcel<T>(fake: FakeExcelRuntime, work: () => Promise<T>): Promise<{ result: T; cost: ExcelCost }> {
  fake.resetStats();
  const result = await work();
  return { result, cost: costOf(fake.syncs) };
}

export function costOf(syncs: SyncStats[]): ExcelCost {
  const sum = (f: (s: SyncStats) => number) => syncs.reduce((n, s) => n + f(s), 0);
  return {
    syncCount: syncs.length,
    largestPayloadBytes: syncs.reduce((m, s) => Math.max(m, s.requestBytes, s.responseBytes), 0),
    requestBytes: sum((s) => s.requestBytes),
    responseBytes: sum((s) => s.responseBytes),
    cellsWritten: sum((s) => s.cellsWritten),
    cellsRead: sum((s) => s.cellsRead),
    syncs: [...syncs],
  };
}

export { branchName, INDICATOR_CODES, seedAssessmentWorkbook, widePlan } from './workbooks';
