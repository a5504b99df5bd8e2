import fc from 'fast-check';
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import type { SheetSnapshot } from '../../../src/workbook/snapshot';
import { book, CODES, sheet } from './helpers';
import { runs } from '../../support/runs';
import { reportTiming } from '../../support/timing';

const GRADES: CellValue[] = ['优秀', '较好', '一般', '差', null];

describe('robustness', () => {
  test('hostile branch names and odd values never become object keys or throw', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      ['__proto__', '优秀', '优秀'],
      ['constructor', true, { error: '#N/A' }],
      [42, 95, '优秀'],
      [false, '优秀', null],
    ];
    const tally: CellValue[][] = [
      ['党支部', '编号', '优秀', '较好', '一般', '差'],
      ['__proto__', '1.1', 1, 0, 0, 0],
      ['hasOwnProperty', '1.1', 2, 0, 0, 0],
    ];
    const r = recognise(book(sheet('民主测评', rows), sheet('民主测评票数', tally)));
    expect(r.input.forms.map((f) => f.branch)).toEqual(['__proto__', 'constructor', '42', '']);
    expect(r.input.forms[1].ratings.map((x) => x.value)).toEqual([true, { error: '#N/A' }]);
    expect(r.input.tallies.map((t) => t.branch)).toEqual(['__proto__', 'hasOwnProperty']);
    expect(({} as Record<string, unknown>).优秀).toBeUndefined();
  });

  test('ragged rows, holes, missing rows, malformed merges, odd objects and a nameless sheet', () => {
    const values = [['党支部', '1.1', '1.2'], ['A支部'], undefined, 'not a row', ['B支部', new Date(0), undefined, '多余']] as unknown as CellValue[][];
    const odd = { values, merges: ['A1:ZZZZ9', 'nonsense', 5, 'B2:B1'] } as unknown as SheetSnapshot;
    const r = recognise({ sheets: [{ ...odd, name: '民主测评' }, { values: null, merges: null } as unknown as SheetSnapshot, null as unknown as SheetSnapshot] });
    expect(r.input.forms.map((f) => [f.branch, f.ratings.map((x) => x.value)])).toEqual([
      ['A支部', [null, null]],
      ['B支部', [{ error: '#VALUE!' }, null]],
    ]);
    expect(r.sheets.map((s) => s.role)).toEqual(['forms', 'empty']);
    expect(() => recognise(null as unknown as Parameters<typeof recognise>[0])).not.toThrow();
    expect(() => recognise({} as Parameters<typeof recognise>[0])).not.toThrow();
  });

  test('random sheets never throw and every emitted cell address lies inside the sheet', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>(null, '党支部', '1.1', '1-2', '优秀', '较好', '一般', '差', '编号', '等级', '测评类型：民主测评', '党支部：X', '√', '合计', '__proto__'),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -5, max: 50 }),
      fc.boolean(),
      fc.constant<CellValue>({ error: '#N/A' }),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 });
    const merge = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(
      ([c, r, w, h]) => `${String.fromCharCode(65 + c)}${r + 1}:${String.fromCharCode(65 + c + w)}${r + 1 + h}`,
    );
    const name = fc.constantFrom('民主测评', '组织考核', '自评', 'Sheet1', '支部名单', '指标', '考核参数', '抽检', '考核汇总');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, grid, fc.array(merge, { maxLength: 3 })), { maxLength: 4 }), (sheets) => {
        const r = recognise(book(...sheets.map(([n, g, m], i) => sheet(`${n}${i}`, g, m))));
        expect(r.sheets).toHaveLength(sheets.length);
        const inside = (ref: { sheet: string; cell: string }): boolean => {
          const i = Number(ref.sheet.slice(-1));
          const m = /^([A-Z]+)(\d+)$/.exec(ref.cell);
          return m !== null && Number(m[2]) <= Math.max(1, sheets[i][1].length);
        };
        for (const f of r.input.forms) {
          expect(inside(f.ref)).toBe(true);
          for (const x of f.ratings) expect(inside(x.ref)).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('performance', () => {
  // SPEC: a large institute's year, 470,000 ratings. What is asserted is that every rating is read; speed is measured by npm run bench.
  test('470,000 ratings on a forms sheet', () => {
    const rows: CellValue[][] = [['民主测评表'], ['党支部', '身份', '测评人', ...CODES]];
    const n = Math.ceil(470000 / 26);
    for (let i = 0; i < n; i++) rows.push([`支部${i % 60}`, i % 3 ? '党员' : '群众', `R${i}`, ...CODES.map((_, k) => GRADES[(i + k) % 5])]);
    const t = performance.now();
    const r = recognise(book(sheet('民主测评', rows, ['A1:AC1'])));
    const ms = performance.now() - t;
    expect(r.input.forms).toHaveLength(n);
    expect(r.input.forms[n - 1].ratings[25].ref.cell).toBe(`AC${n + 2}`);
    reportTiming(`recognised in ${ms.toFixed(0)} ms`); // measured by npm run bench, never asserted: the CI machine is shared
  });

  test('470,000 ratings on a long sheet', () => {
    const rows: CellValue[][] = [['党支部', '测评人', '编号', '等级']];
    for (let i = 0; i < 470000; i++) rows.push([`支部${Math.floor(i / 26) % 60}`, `R${Math.floor(i / 26)}`, CODES[i % 26], GRADES[i % 4]]);
    const t = performance.now();
    const r = recognise(book(sheet('民主测评', rows)));
    const ms = performance.now() - t;
    expect(r.input.forms).toHaveLength(Math.ceil(470000 / 26));
    expect(r.input.forms[0].ratings).toHaveLength(26);
    reportTiming(`recognised in ${ms.toFixed(0)} ms`); // measured by npm run bench, never asserted: the CI machine is shared
  });
});
