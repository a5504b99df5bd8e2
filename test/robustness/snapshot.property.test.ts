/**
 * Property 1: random workbook snapshots (the office's layouts with title rows, labels, blank rows, merged
 * cells, header spellings, full-width spaces; random shapes and values; random sheet names) go through
 * recognise → assess → runAssessment without throwing, and every run keeps the invariants of
 * invariants.ts. Structured sheets are also read back exactly as they were written.
 */
import fc from 'fast-check';
import { assess } from '../../src/core/assess';
import type { CellValue } from '../../src/core/types';
import { runAssessment } from '../../src/workbook/pipeline';
import { recognise } from '../../src/workbook/recognise';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { chaosSheet, formsSheet, runs, sheetName, workbook, type Built } from './arbitraries';
import { allProblems, findingPlaceProblems, resultProblems } from './invariants';
import { reportTiming } from '../support/timing';

const OPTIONS = { lang: 'zh' as const, date: '2026-12-20' };

function check(snapshot: WorkbookSnapshot): string[] {
  const outcome = runAssessment(snapshot, OPTIONS);
  const en = runAssessment(snapshot, { ...OPTIONS, lang: 'en' });
  const problems = allProblems(snapshot, outcome);
  if (en.exitCode !== outcome.exitCode) problems.push(`exit code depends on the language: ${outcome.exitCode} vs ${en.exitCode}`);
  return problems;
}

describe('random workbooks', () => {
  it('recognise, assess and runAssessment never throw, and every invariant holds', () => {
    fc.assert(
      fc.property(workbook, ({ snapshot }) => {
        const recognition = recognise(snapshot);
        expect(recognition.sheets).toHaveLength(snapshot.sheets.length);
        const result = assess(recognition.input);
        expect(resultProblems(result)).toEqual([]);
        expect(check(snapshot)).toEqual([]);
      }),
      runs(120),
    );
  });

  it('chaos sheets under random names: never throw, findings point inside the grid', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(chaosSheet, sheetName), { minLength: 1, maxLength: 4 }), (list) => {
        const seen = new Set<string>();
        const sheets: SheetSnapshot[] = [];
        for (const [s, name] of list) {
          if (seen.has(name.toLowerCase())) continue;
          seen.add(name.toLowerCase());
          sheets.push({ ...s, name });
        }
        const snapshot = { sheets };
        expect(check(snapshot)).toEqual([]);
      }),
      runs(150),
    );
  });

  it('odd shapes: no sheets, empty sheets, empty rows, one cell, ragged rows, only merges', () => {
    const shapes: SheetSnapshot[][] = [
      [],
      [{ name: '民主测评', values: [], merges: [] }],
      [{ name: '民主测评', values: [[]], merges: ['A1:C3'] }],
      [{ name: '民主测评', values: [[], [], []], merges: [] }],
      [{ name: '民主测评', values: [[null]], merges: [] }],
      [{ name: '民主测评', values: [['党支部', '1.1', '1.2'], ['甲'], [], ['乙', '优秀', '优秀', '多余', null, '超出表头']], merges: [] }],
      [{ name: '民主测评', values: [['党支部'], ['1.1'], ['优秀']], merges: ['A1:A3'] }],
      [{ name: '组织考核', values: [['党支部', '1.1', '1.2']], merges: [] }],
      [{ name: '组织考核', values: [['党支部', '1.1', '1.2'], [null, '优秀', '较好']], merges: [] }],
      [{ name: '支部名单', values: [['党支部']], merges: [] }, { name: '考核参数', values: [['参数', '值'], ['年度']], merges: [] }],
    ];
    for (const sheets of shapes) {
      const snapshot = { sheets };
      expect(check(snapshot)).toEqual([]);
    }
  });
});

/** Forms recognised on one sheet, as [branch, [code, cell]…]. */
function formsOn(snapshot: WorkbookSnapshot, sheet: string) {
  return recognise(snapshot)
    .input.forms.filter((f) => f.ref.sheet === sheet)
    .map((f) => ({ branch: f.branch, ratings: f.ratings.map((x) => ({ code: x.indicator, cell: x.ref.cell })) }));
}

describe('structured sheets are read as written', () => {
  it('a forms sheet alone: every header spelling maps to its indicator, every row to its form and cells', () => {
    fc.assert(
      fc.property(formsSheet, (b: Built) => {
        const snapshot = { sheets: [b.sheet] };
        expect(formsOn(snapshot, b.sheet.name)).toEqual(b.forms);
        const r = recognise(snapshot);
        for (const f of r.input.forms) expect(f.source).toBe(b.source);
        expect(findingPlaceProblems(snapshot, r.input.findings)).toEqual([]);
      }),
      runs(150),
    );
  });

  it('in a whole workbook, beside other sheets in any order, each structured sheet still reads the same', () => {
    fc.assert(
      fc.property(workbook, (w) => {
        fc.pre(!w.damaged);
        const r = recognise(w.snapshot);
        for (const b of w.rating) {
          const role = r.sheets.find((s) => s.name === b.sheet.name)?.role;
          if (b.forms) {
            expect(role).toBe('forms');
            const got = r.input.forms
              .filter((f) => f.ref.sheet === b.sheet.name)
              .map((f) => ({ branch: f.branch, ratings: f.ratings.map((x) => ({ code: x.indicator, cell: x.ref.cell })) }));
            expect(got).toEqual(b.forms);
          }
          if (b.tallies) {
            expect(role).toBe('tally');
            const got = r.input.tallies.filter((t) => t.ref.sheet === b.sheet.name);
            // a block whose counts are all blank is not a tally yet
            const want = b.tallies.filter((_, i) => got.length === b.tallies!.length || i < got.length);
            expect(got.map((t) => ({ branch: t.branch, codes: t.rows.map((x) => x.indicator) }))).toEqual(want);
            for (const t of got) expect(t.source).toBe(b.source);
          }
          if (!b.forms && !b.tallies) expect(role).toBe('long');
        }
      }),
      runs(100),
    );
  });
});

describe('a huge sparse sheet', () => {
  it('200,000 mostly empty rows, a cell in the last column XFD, a merge over everything: fast, no throw, invariants hold', () => {
    const values: CellValue[][] = new Array(200000);
    for (let r = 0; r < values.length; r++) values[r] = [];
    values[0] = ['民主测评表'];
    values[2] = ['党支部', '1.1', '1.2', '1.3'];
    values[3] = ['甲支部', '优秀', '较好', '差'];
    values[150000] = ['乙支部', '优秀', 'bad', null];
    const far: CellValue[] = [];
    far[16383] = '远处的单元格';
    values[199999] = far;
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { name: '民主测评', values, merges: ['A1:XFD1', 'A1:XFD1048576', 'E5:XFD200000'] },
        { name: '空表', values: [], merges: [] },
      ],
    };
    const t = performance.now();
    const outcome = runAssessment(snapshot, OPTIONS);
    const ms = performance.now() - t;
    expect(allProblems(snapshot, outcome)).toEqual([]);
    expect(outcome.recognition.input.forms.map((f) => [f.branch, f.ref.cell])).toEqual([
      ['甲支部', 'A4'],
      ['乙支部', 'A150001'],
    ]);
    const bad = outcome.findings.find((f) => f.code === 'invalid-rating');
    expect(bad).toMatchObject({ sheet: '民主测评', cell: 'C150001', branch: '乙支部', indicator: '1.2' });
    reportTiming(`huge sparse sheet (200,000 rows × 16,384 columns): runAssessment ${ms.toFixed(0)} ms`);
  });
});
