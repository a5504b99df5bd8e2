/**
 * Property 1 (graded side): valid data in random layouts (forms with any header spelling, long lists,
 * tallies), random settings (weights written as 60% / 0.6 / 60, thresholds, decimals, ranking, scale,
 * adjustment cap), random sheet order, hostile branch names. Every branch is graded, with the total an
 * independent floating-point computation of SPEC §3 predicts, and every invariant holds.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/types';
import { runAssessment } from '../../src/workbook/pipeline';
import { parseAddress, type SheetSnapshot, type WorkbookSnapshot } from '../../src/workbook/snapshot';
import { expectedRawTotal, gradeable, runs } from './arbitraries';
import { allProblems } from './invariants';

/** Half away from zero at `d` decimals, and whether x sits so close to a .5 edge that float noise decides. */
function rounded(x: number, d: number): { value: number; edge: boolean } {
  const scaled = x * 10 ** d;
  const frac = scaled - Math.floor(scaled);
  return { value: Math.round(scaled + 1e-9) / 10 ** d, edge: Math.abs(frac - 0.5) < 1e-6 };
}

describe('gradeable workbooks', () => {
  it('every branch is graded with the total SPEC §3 predicts; invariants hold', () => {
    fc.assert(
      fc.property(gradeable, (w) => {
        const outcome = runAssessment(w.snapshot, { lang: 'en', date: '2026-12-20' });
        expect(allProblems(w.snapshot, outcome)).toEqual([]);
        expect(outcome.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.sheet}!${f.cell} ${f.message.en}`)).toEqual([]);
        expect(outcome.exitCode).toBe(0);
        const byName = new Map(outcome.result.branches.map((b) => [b.name, b]));
        expect([...byName.keys()].sort()).toEqual(w.branches.map((b) => b.name).sort());
        for (const b of w.branches) {
          const got = byName.get(b.name)!;
          expect(got.status).toBe('graded');
          const want = rounded(expectedRawTotal(b, w.settings), w.settings.decimals);
          if (want.edge) expect(Math.abs((got.total as number) - want.value)).toBeLessThanOrEqual(10 ** -w.settings.decimals + 1e-9);
          else expect(got.total).toBe(want.value);
        }
        expect(outcome.result.ruleset.ranking).toBe(w.settings.ranking === '并列占位' ? 'competition' : 'dense');
      }),
      runs(80),
    );
  });
});

describe("the office's own 考核汇总 sheet (SPEC §4.6)", () => {
  it('is filled only in its 总分/等级/排名 cells of graded rows, never over a formula, nothing else', () => {
    const summaryArb = fc.record({
      cols: fc.shuffledSubarray(['总分', '等级', '排名', '备注', '序号'], { minLength: 1, maxLength: 5 }),
      rows: fc.array(fc.tuple(fc.nat({ max: 9 }), fc.boolean(), fc.constantFrom<CellValue>(null, 88, '=旧值', '__proto__')), { maxLength: 8 }),
      title: fc.boolean(),
    });
    fc.assert(
      fc.property(gradeable, summaryArb, (w, s) => {
        fc.pre(s.cols.some((c) => c === '总分' || c === '等级'));
        const names = w.branches.map((b) => b.name);
        const header = ['党支部', ...s.cols];
        const top = s.title ? 1 : 0;
        const values: CellValue[][] = s.title ? [['2026年度考核汇总（本办自制）']] : [];
        values.push(header);
        const formulas: (string | null)[][] = values.map(() => []);
        s.rows.forEach(([k, formula, v]) => {
          const name = k < names.length ? names[k] : `不存在的支部${k}`;
          values.push([name, ...s.cols.map(() => v)]);
          formulas.push([null, ...s.cols.map((c) => (formula && c === '总分' ? 'SUM(1,2)' : null))]);
        });
        const office: SheetSnapshot = { name: '考核汇总', values, merges: s.title ? ['A1:D1'] : [], formulas };
        const snapshot: WorkbookSnapshot = { sheets: [...w.snapshot.sheets, office] };
        const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-20' });
        expect(allProblems(snapshot, outcome)).toEqual([]);
        const fill = outcome.plan.sheets.find((p) => p.mode === 'fill' && p.name === '考核汇总');
        const allowed = new Set(['总分', '等级', '排名']);
        const graded = new Set(outcome.result.branches.filter((b) => b.status === 'graded').map((b) => b.name));
        for (const { cell } of fill && fill.mode === 'fill' ? fill.cells : []) {
          const { r, c } = parseAddress(cell);
          expect(r).toBeGreaterThan(top);
          expect(allowed.has(String(header[c]))).toBe(true);
          expect(graded.has(String(values[r][0]))).toBe(true);
          expect(formulas[r]?.[c] ?? null).toBeNull();
        }
        // and every such cell of a graded row is filled (the loop above is not vacuous)
        const want: string[] = [];
        values.forEach((row, r) => {
          if (r <= top || !graded.has(String(row[0]))) return;
          header.forEach((h, c) => {
            if (allowed.has(String(h)) && (formulas[r]?.[c] ?? null) === null) want.push(`${String.fromCharCode(65 + c)}${r + 1}`);
          });
        });
        expect((fill && fill.mode === 'fill' ? fill.cells.map((x) => x.cell) : []).sort()).toEqual(want.sort());
        // every formula cell left alone is reported once
        const formulaRows = s.rows.filter(([k, f]) => f && k < names.length && s.cols.includes('总分') && graded.has(names[k])).length;
        expect(outcome.findings.filter((f) => f.code === 'formula-not-overwritten')).toHaveLength(formulaRows);
      }),
      runs(60),
    );
  });
});
