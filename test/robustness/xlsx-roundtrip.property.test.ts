/**
 * Through the .xlsx host: random gradeable workbooks (plus unrelated sheets under odd names) are read,
 * graded, written and read back. Raw sheets are never modified, the product's sheets are marked, and a
 * second run on the result gives identical sheets (SPEC §6), with the same exit code.
 */
import fc from 'fast-check';
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { runAssessment } from '../../src/workbook/pipeline';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { chaosSheet, gradeable, runs, sheetName } from './arbitraries';
import { allProblems } from './invariants';
import { xlsxOf } from './xlsx';

const OPTIONS = { lang: 'zh' as const, date: '2026-12-20' };

async function gradeBytes(bytes: Uint8Array) {
  const wb = await loadWorkbook(bytes);
  const before = snapshotOf(wb);
  const outcome = runAssessment(before, OPTIONS);
  applyPlan(wb, outcome.plan);
  const after = snapshotOf(await loadWorkbook(await saveWorkbook(wb)));
  return { before, outcome, after, bytes: await saveWorkbook(wb) };
}

const raw = (s: WorkbookSnapshot) => s.sheets.filter((x) => x.createdBy === undefined).map((x) => ({ name: x.name, values: x.values, merges: [...x.merges].sort() }));
const made = (s: WorkbookSnapshot) => s.sheets.filter((x) => x.createdBy !== undefined).map((x) => ({ name: x.name, kind: x.createdBy, values: x.values, merges: [...x.merges].sort() }));

describe('grade → write → read → grade again', () => {
  it('raw sheets unchanged, outputs marked, second run identical', async () => {
    await fc.assert(
      fc.asyncProperty(gradeable, fc.array(fc.tuple(chaosSheet, sheetName), { maxLength: 2 }), async (w, extra) => {
        const names = new Set(w.snapshot.sheets.map((s) => s.name.toLowerCase()));
        const sheets = [...w.snapshot.sheets];
        for (const [s, name] of extra) {
          if (names.has(name.toLowerCase())) continue;
          names.add(name.toLowerCase());
          sheets.push({ ...s, name });
        }
        const first = await gradeBytes(await xlsxOf({ sheets }));
        expect(allProblems(first.before, first.outcome)).toEqual([]);
        expect(raw(first.after)).toEqual(raw(first.before));
        const kinds = made(first.after).map((s) => s.kind).sort();
        if (first.outcome.exitCode !== 2) expect(kinds).toEqual(['checks', 'details', 'notification', 'summary']);

        const second = await gradeBytes(first.bytes);
        expect(second.outcome.exitCode).toBe(first.outcome.exitCode);
        expect(second.after.sheets.map((s) => s.name)).toEqual(first.after.sheets.map((s) => s.name));
        expect(made(second.after)).toEqual(made(first.after));
        expect(raw(second.after)).toEqual(raw(first.before));
      }),
      runs(12),
    );
  });
});
