/**
 * Last year's results for the picker's tests, made by the engine as the command line makes them: the
 * sample with 年度 2025 and one spot check changed (基建处 +10 instead of −3, so ranks move), graded and
 * saved as the office would keep it; and its JSON report.
 */
import type { Report } from '../../src/core/report';
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { planSample } from '../../src/workbook/plans';
import { runAssessment } from '../../src/workbook/pipeline';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { buildWorkbook } from '../../src/taskpane/xlsx-lazy';

const colName = (c: number) => String.fromCharCode(65 + c);

/** The cell (A1) of the first value satisfying `match` in a row satisfying `row`. */
function cellWhere(snapshot: WorkbookSnapshot, sheet: (name: string) => boolean, row: (values: unknown[]) => boolean, match: (v: unknown, c: number) => boolean): { sheet: string; cell: string } {
  const s = snapshot.sheets.find((x) => sheet(x.name));
  if (!s) throw new Error('no such sheet');
  for (let r = 0; r < s.values.length; r++) {
    const values = s.values[r] ?? [];
    if (!row(values)) continue;
    const c = values.findIndex(match);
    if (c >= 0) return { sheet: s.name, cell: `${colName(c)}${r + 1}` };
  }
  throw new Error(`no matching cell in ${s.name}`);
}

export interface LastYear {
  /** this year's sample (2026), as opened by the clerk */
  sample: Uint8Array;
  /** last year's graded workbook (2025), as saved after grading */
  graded: Uint8Array;
  /** last year's JSON report */
  report: Report;
  /** this year's report without last year (the ranks to compare with) */
  thisYear: Report;
}

export async function makeLastYear(): Promise<LastYear> {
  const sample = await buildWorkbook(planSample());
  const wb = await loadWorkbook(sample);
  const snap = snapshotOf(wb);
  const year = cellWhere(snap, (n) => n === '考核参数', (v) => v[0] === '年度', (_v, c) => c === 1);
  const spot = cellWhere(snap, (n) => n.includes('抽检'), (v) => v.includes('基建处党支部'), (v) => v === -3);
  applyPlan(wb, {
    sheets: [
      { mode: 'fill', kind: 'settings', name: year.sheet, cells: [{ cell: year.cell, value: 2025 }] },
      { mode: 'fill', kind: 'settings', name: spot.sheet, cells: [{ cell: spot.cell, value: 10 }] },
    ],
  });
  const last = snapshotOf(await loadWorkbook(await saveWorkbook(wb)));
  const lastRun = runAssessment(last, { lang: 'zh', date: '2025-12-30' });
  const lastWb = await loadWorkbook(await saveWorkbook(wb));
  applyPlan(lastWb, lastRun.plan);
  const thisYear = runAssessment(snap, { lang: 'zh', date: '2026-12-31' }).report;
  return { sample, graded: await saveWorkbook(lastWb), report: lastRun.report, thisYear };
}
