/**
 * Property 4: bounded memory. A 1,000,000-row sheet goes through recognition and assessment with heap
 * growth well under 1.5 GB and a reasonable wall time. The snapshot is built compactly (rows are shared
 * arrays, as a host's values would be after deduplication), so what is measured is recognition's and the
 * core's own memory, not the fixture's. Figures are printed for the report.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assess } from '../../src/core/assess';
import type { CellValue } from '../../src/core/types';
import { runAssessment } from '../../src/workbook/pipeline';
import { recognise } from '../../src/workbook/recognise';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { CODES } from './arbitraries';
import { reportTiming } from '../support/timing';

const ROWS = 1_000_000;
const BRANCHES = 60;
const GRADES = ['优秀', '较好', '一般', '差'];
const MB = 1024 * 1024;
const BOUND = 1.5 * 1024 * MB;

/** A real full GC (jest does not expose one). */
function gcFn(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const gc = gcFn();

function heap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** One shared row array per distinct content. */
function rowCache() {
  const cache = new Map<string, CellValue[]>();
  return (row: CellValue[]): CellValue[] => {
    const key = row.join('\u0000');
    let r = cache.get(key);
    if (!r) cache.set(key, (r = row));
    return r;
  };
}

/** Long layout: 1,000,000 rows (branch, indicator, grade), one rating each; forms of 26 consecutive rows. */
function longSheet(): WorkbookSnapshot {
  const shared = rowCache();
  const values: CellValue[][] = new Array(ROWS + 2);
  values[0] = ['2026年度民主测评汇总（逐项）'];
  values[1] = ['党支部', '编号', '等级'];
  for (let i = 0; i < ROWS; i++) {
    const form = Math.floor(i / 26);
    values[i + 2] = shared([`第${form % BRANCHES}党支部`, CODES[i % 26], GRADES[(form + (i % 26)) % 4]]);
  }
  return { sheets: [{ name: '民主测评', values, merges: ['A1:C1'] }] };
}

/** Forms layout: 1,000,000 rows × 4 columns (branch and three indicators). */
function formsSheet(): WorkbookSnapshot {
  const shared = rowCache();
  const values: CellValue[][] = new Array(ROWS + 1);
  values[0] = ['党支部', '1.1', '1.2', '1.3'];
  for (let i = 0; i < ROWS; i++) values[i + 1] = shared([`第${i % BRANCHES}党支部`, GRADES[i % 4], GRADES[(i + 1) % 4], GRADES[(i + 2) % 4]]);
  return { sheets: [{ name: '组织考核', values, merges: [] }] };
}

interface Figures {
  snapshotMB: number;
  recogniseMs: number;
  recognitionMB: number;
  assessMs: number;
  totalMB: number;
}

function measure(build: () => WorkbookSnapshot, check: (r: ReturnType<typeof recognise>, a: ReturnType<typeof assess>) => void): Figures {
  const h0 = heap();
  const snapshot = build();
  const h1 = heap();
  let t = performance.now();
  const recognition = recognise(snapshot);
  const recogniseMs = performance.now() - t;
  const h2 = heap();
  t = performance.now();
  const result = assess(recognition.input);
  const assessMs = performance.now() - t;
  const h3 = heap();
  check(recognition, result);
  return {
    snapshotMB: (h1 - h0) / MB,
    recogniseMs,
    recognitionMB: (h2 - h1) / MB,
    assessMs,
    totalMB: (h3 - h1) / MB,
  };
}

function show(name: string, f: Figures): string {
  return `${name}: snapshot ${f.snapshotMB.toFixed(0)} MB; recognise ${f.recogniseMs.toFixed(0)} ms, +${f.recognitionMB.toFixed(0)} MB retained; assess ${f.assessMs.toFixed(0)} ms; recognition + result retained ${f.totalMB.toFixed(0)} MB`;
}

describe('1,000,000-row sheets', () => {
  it('long layout: 1,000,000 ratings recognised and assessed within 1.5 GB of heap', () => {
    const t = performance.now();
    const f = measure(longSheet, (r, a) => {
      expect(r.input.forms).toHaveLength(Math.ceil(ROWS / 26));
      expect(r.input.forms.at(-1)!.ratings.at(-1)!.ref.cell).toBe(`C${ROWS + 2}`);
      expect(a.branches).toHaveLength(BRANCHES);
      expect(a.branches.every((b) => b.forms.民主测评 > 600)).toBe(true);
    });
    const wall = performance.now() - t;
    reportTiming(`${show('long 1,000,000 rows', f)}; wall ${(wall / 1000).toFixed(1)} s`);
    expect(f.totalMB * MB).toBeLessThan(BOUND);
  });

  it('forms layout: 1,000,000 rows × 4 columns recognised and assessed within 1.5 GB of heap', () => {
    const t = performance.now();
    const f = measure(formsSheet, (r, a) => {
      expect(r.input.forms).toHaveLength(ROWS);
      expect(r.input.forms.at(-1)!.ratings.map((x) => x.ref.cell)).toEqual([`B${ROWS + 1}`, `C${ROWS + 1}`, `D${ROWS + 1}`]);
      expect(a.branches).toHaveLength(BRANCHES);
      expect(a.branches[0].forms.组织考核).toBe(Math.ceil(ROWS / BRANCHES));
    });
    const wall = performance.now() - t;
    reportTiming(`${show('forms 1,000,000 × 4', f)}; wall ${(wall / 1000).toFixed(1)} s`);
    expect(f.totalMB * MB).toBeLessThan(BOUND);
  });

  it('the whole run (plans included) on 1,000,000 long rows stays within the same bounds', () => {
    const snapshot = longSheet();
    const h0 = heap();
    const t = performance.now();
    const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-20' });
    const ms = performance.now() - t;
    const grown = heap() - h0;
    reportTiming(`runAssessment on 1,000,000 long rows: ${(ms / 1000).toFixed(1)} s, +${(grown / MB).toFixed(0)} MB retained`);
    expect(outcome.result.branches).toHaveLength(BRANCHES);
    expect(grown).toBeLessThan(BOUND);
  });
});
