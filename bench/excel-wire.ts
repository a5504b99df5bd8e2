/**
 * The Excel host's requests as office.js itself serializes them (test/support/office-js): one 计算等级
 * (read, then write) on Excel on the web at 10 / 100 / 1,000 / 5,000 branches, counted on the wire.
 *   npx tsx bench/excel-wire.ts [branches…]
 */
import { ExcelHost } from '../src/hosts/excel';
import { runAssessment } from '../src/workbook/pipeline';
import { createFakeExcel, seedAssessmentWorkbook } from '../test/support/fake-excel';

export interface WireRun {
  branches: number;
  /** accepted requests and responses only in the largest ones; what Excel refused apart */
  read: { syncs: number; refused: number; refusedBytes: number; largestRequest: number; largestResponse: number };
  write: { syncs: number; refused: number; refusedBytes: number; largestRequest: number; largestResponse: number; largestActions: number; splits: number };
  /** every accepted request and response within Excel on the web's 5 MB */
  withinLimit: boolean;
  seconds: number;
}

/**
 * office.js runs in a browser window, whose global object is the window: make this Node process's global
 * one, as jest-environment-jsdom does (with the same jsdom).
 */
function installWindow(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.window !== undefined) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, o: { url: string }) => { window: Record<string, unknown> } };
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://localhost/' });
  const selfNames = ['window', 'self', 'top', 'parent', 'frames', 'globalThis'];
  for (const k of Object.getOwnPropertyNames(window)) {
    if (k in g || selfNames.includes(k)) continue;
    const d = Object.getOwnPropertyDescriptor(window, k);
    if (d) Object.defineProperty(g, k, { ...d, configurable: true });
  }
  for (const k of selfNames.slice(0, 5)) Object.defineProperty(g, k, { value: globalThis, configurable: true, writable: true });
}

export async function benchExcelWire(branches: number): Promise<WireRun> {
  installWindow();
  const { OfficeJsHarness } = await import('../test/support/office-js');
  const started = process.hrtime.bigint();
  const fake = createFakeExcel({ platform: 'web' });
  seedAssessmentWorkbook(fake, branches, 5);
  const wire = new OfficeJsHarness(fake);
  const host = new ExcelHost(wire.excel, { isSetSupported: fake.isSetSupported });
  const snapshot = await host.readSnapshot();
  const read = [...wire.syncs];
  wire.reset();
  await host.applyPlan(runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' }).plan);
  const write = [...wire.syncs];
  const sum = (syncs: typeof read) => {
    const ok = syncs.filter((s) => s.failed === undefined);
    const refused = syncs.filter((s) => s.failed !== undefined);
    return {
      syncs: syncs.length,
      refused: refused.length,
      /** the largest payload Excel refused (request or response), 0 when none was */
      refusedBytes: Math.max(0, ...refused.map((s) => Math.max(s.requestBytes, s.responseBytes))),
      largestRequest: Math.max(0, ...ok.map((s) => s.requestBytes)),
      largestResponse: Math.max(0, ...ok.map((s) => s.responseBytes)),
    };
  };
  const accepted = [...read, ...write].filter((s) => s.failed === undefined);
  const largestWrite = write.filter((s) => s.failed === undefined).reduce((a, b) => (b.requestBytes > a.requestBytes ? b : a), write[0]);
  return {
    branches,
    read: sum(read),
    write: { ...sum(write), largestActions: largestWrite?.actions ?? 0, splits: host.splits },
    withinLimit: accepted.every((s) => s.requestBytes <= wire.limitBytes && s.responseBytes <= wire.limitBytes),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

if (require.main === module) {
  void (async () => {
    const list = process.argv.slice(2).map(Number);
    for (const b of list.length ? list : [10, 100, 1000, 5000]) console.log(JSON.stringify(await benchExcelWire(b)));
  })();
}
