/**
 * The defensive sheet reader (src/workbook/recognise/grid.ts): addresses, cell values as text, blank and
 * trim rules for every kind of white space, merged areas (also malformed ones), formulas' sheet names.
 */
import { a1, a1Range, cleanValue, colLetters, Grid, isBlankValue, sheetsReferenced, textOfValue, trimText } from '../../../src/workbook/recognise/grid';
import type { SheetSnapshot } from '../../../src/workbook/snapshot';

// every white space the product trims: ASCII, no-break, full-width, zero-width and the other Unicode spaces
const SPACES = [' ', '\t', '\n', '\r', '\u00a0', '\u1680', '\u180e', '\u2000', '\u2005', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

function grid(values: unknown, merges: unknown = [], extra: Record<string, unknown> = {}): Grid {
  return new Grid({ name: '表', values, merges, ...extra } as unknown as SheetSnapshot, 0);
}

describe('cell addresses', () => {
  test('column letters, also past the cached columns, and the same letters when asked again', () => {
    const cols = [0, 25, 26, 51, 701, 702, 16383, 19999, 20000, 20001];
    const expected = ['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD', 'ACOF', 'ACOG', 'ACOH'];
    expect(cols.map(colLetters)).toEqual(expected);
    expect(cols.map(colLetters)).toEqual(expected);
  });

  test('a cell and a range: one cell alone, a row, a column and a block', () => {
    expect(a1(2, 1)).toBe('B3');
    expect(a1Range(2, 1, 2, 1)).toBe('B3');
    expect(a1Range(2, 1, 2, 3)).toBe('B3:D3');
    expect(a1Range(2, 1, 8, 1)).toBe('B3:B9');
    expect(a1Range(2, 1, 8, 3)).toBe('B3:D9');
  });
});

describe('cell values', () => {
  test('whatever a host puts in a cell becomes a cell value; unknown things read as #VALUE!', () => {
    const bad = { error: '#VALUE!' };
    expect([null, undefined, 'x', '', true, false, 0, 2.5].map(cleanValue)).toEqual([null, null, 'x', '', true, false, 0, 2.5]);
    expect(cleanValue({ error: '#N/A' })).toEqual({ error: '#N/A' });
    expect([{ error: 5 }, {}, [], () => 1, Symbol('s'), BigInt(3)].map(cleanValue)).toEqual([bad, bad, bad, bad, bad, bad]);
    // only an object with an error text is an error value, not a function that happens to carry one
    expect(cleanValue(Object.assign(() => 1, { error: '#N/A' }))).toEqual(bad);
  });

  test('every kind of white space is trimmed at either end, inner spaces stay', () => {
    for (const s of SPACES) {
      expect([trimText(`${s}A 支部${s}`), trimText(`A 支部${s}`), trimText(`${s}A 支部`), trimText(`${s}${s}`)]).toEqual(['A 支部', 'A 支部', 'A 支部', '']);
    }
    // not white space: kept
    expect(['\u200cA', 'A\u200c', '\u1fffA', '!A!', ''].map(trimText)).toEqual(['\u200cA', 'A\u200c', '\u1fffA', '!A!', '']);
  });

  test('a value as text: trimmed strings, finite numbers, nothing else', () => {
    expect([' 机关 一支部\u3000', 12.5, 0, -3, Infinity, -Infinity, NaN, true, null, { error: '#N/A' }].map((v) => textOfValue(v as never))).toEqual([
      '机关 一支部', '12.5', '0', '-3', '', '', '', '', '', '',
    ]);
  });

  test('blank: nothing, empty text or white space only; a number, FALSE or an error is not blank', () => {
    const blank = [null, '', ...SPACES, ' \u3000\u200b\ufeff '];
    expect(blank.filter((v) => !isBlankValue(v))).toEqual([]);
    const notBlank = [' a', 'a ', '\u3000优', 'x', 0, false, { error: '#N/A' }, '\u200c'];
    expect(notBlank.filter((v) => isBlankValue(v as never))).toEqual([]);
  });
});

describe('a sheet read defensively', () => {
  test('a sheet without a name, rows or merges is an empty sheet named by its position', () => {
    const g = new Grid({} as SheetSnapshot, 4);
    expect([g.name, g.height, g.width, g.isEmpty(), g.text(0, 0), g.value(3, 3), g.formula(0, 0)]).toEqual(['Sheet5', 0, 0, true, '', null, null]);
    expect(g.row(0)).toEqual([]);
    expect(new Grid({ name: 7, values: 'x' } as unknown as SheetSnapshot, 1).name).toBe('Sheet2');
    const none = new Grid(null as unknown as SheetSnapshot, 2);
    expect([none.name, none.height, none.width, none.isEmpty(), none.formula(0, 0), none.mergeAt(0, 0)]).toEqual(['Sheet3', 0, 0, true, null, undefined]);
  });

  test('ragged rows and rows that are no arrays: the widest row gives the width, odd rows read as blank', () => {
    const g = grid([null, ['a'], 'junk', [1, 2, 3], {}]);
    expect([g.height, g.width]).toEqual([5, 3]);
    expect([g.row(0), g.row(2), g.row(4)]).toEqual([[], [], []]);
    expect([g.value(0, 0), g.value(2, 0), g.value(1, 0), g.value(1, 2), g.value(3, 2), g.value(3, -1)]).toEqual([null, null, 'a', null, 3, null]);
    expect(g.isEmpty()).toBe(false);
    expect(grid([null, 'junk', ['', ' ', null, '\u3000'], []]).isEmpty()).toBe(true);
    expect(grid([[null, 0]]).isEmpty()).toBe(false);
    expect(grid([[1, 2, 3], ['a']]).width).toBe(3);
    expect(grid([[null, false]]).isEmpty()).toBe(false);
  });

  test('cell references name the sheet and the cell', () => {
    expect(grid([['a']]).ref(2, 27)).toEqual({ sheet: '表', cell: 'AB3' });
  });

  test('formulas: a non-empty text is a formula, anything else is none', () => {
    const g = grid([[1, 2, 3, 4]], [], { formulas: [['SUM(B1:C1)', '', 5, null], 'junk'] });
    expect([0, 1, 2, 3, 4].map((c) => g.formula(0, c))).toEqual(['SUM(B1:C1)', null, null, null, null]);
    expect(g.formula(1, 0)).toBeNull();
    expect(grid([[1]], [], { formulas: 'junk' }).formula(0, 0)).toBeNull();
  });
});

describe('merged areas', () => {
  test('a merge covers its cells; its top-left value fills the blank cells under it', () => {
    const g = grid(
      [
        ['标题', null, null],
        ['A支部', '优秀', null],
        [null, '较好', 'x'],
        [null, null, null],
      ],
      ['A1:C1', 'A2:A4'],
    );
    expect(g.mergeAt(0, 1)).toEqual({ r0: 0, c0: 0, r1: 0, c1: 2 });
    expect([g.inWideMerge(0, 2), g.inWideMerge(2, 0), g.inWideMerge(1, 1)]).toEqual([true, false, false]);
    expect(g.mergeAt(3, 1)).toBeUndefined();
    expect(g.filled(3, 0)).toEqual({ value: 'A支部', r: 1, c: 0 });
    expect(g.filled(1, 0)).toEqual({ value: 'A支部', r: 1, c: 0 });
    // a filled cell inside a merge keeps its own value; outside a merge a blank stays blank
    expect(g.filled(0, 1)).toEqual({ value: '标题', r: 0, c: 0 });
    expect(g.filled(2, 2)).toEqual({ value: 'x', r: 2, c: 2 });
    expect(g.filled(3, 2)).toEqual({ value: null, r: 3, c: 2 });
    expect(g.filled(1, -1)).toEqual({ value: null, r: 1, c: -1 });
    // a value left inside a merge below its first cell is the cell's own
    expect(grid([['A支部'], ['B支部']], ['A1:A2']).filled(1, 0)).toEqual({ value: 'B支部', r: 1, c: 0 });
    // a one-cell "merge" is no merge: it hides nothing of a real one around it
    expect(grid([['A支部'], [null], [null]], ['A1:A3', 'A2']).filled(1, 0)).toEqual({ value: 'A支部', r: 0, c: 0 });
  });

  test('malformed merges are passed over: not text, unreadable, one cell, or starting outside the sheet', () => {
    const g = grid(
      [
        ['a', 'b', 'c'],
        ['d', null, null],
      ],
      [5, null, '不是区域', 'B2', 'B2:B2', 'A3:C4', 'D1:E2', 'B2:Z2'],
    );
    expect(g.mergeAt(1, 1)).toEqual({ r0: 1, c0: 1, r1: 1, c1: 25 });
    // clipped to the sheet: indexed up to the last column only
    expect(g.inWideMerge(1, 2)).toBe(true);
    expect([g.mergeAt(0, 0), g.mergeAt(0, 1), g.mergeAt(0, 2), g.mergeAt(1, 0)]).toEqual([undefined, undefined, undefined, undefined]);
    expect(grid([['a']], 'A1:B1').mergeAt(0, 0)).toBeUndefined();
  });

  test('overlapping (invalid) merges: a merge a few areas back still covers its rows', () => {
    const g = grid(
      Array.from({ length: 12 }, () => ['x', 'y']),
      ['A1:A12', 'A2:B2', 'A4:B4', 'A6:B6', 'A8:B8'],
    );
    expect(g.mergeAt(6, 0)).toEqual({ r0: 0, c0: 0, r1: 11, c1: 0 });
    expect(g.mergeAt(5, 0)).toEqual({ r0: 5, c0: 0, r1: 5, c1: 1 });
    // four later areas in between: the search looks back no further
    expect(g.mergeAt(9, 0)).toBeUndefined();
    const sorted = grid(Array.from({ length: 6 }, () => ['x']), ['A5:A6', 'A1:A2', 'A3:A4']);
    expect([0, 1, 2, 3, 4, 5].map((r) => sorted.mergeAt(r, 0)?.r0)).toEqual([0, 0, 2, 2, 4, 4]);
    // listed bottom-up, more than the look-back can make up for
    const reversed = grid(Array.from({ length: 12 }, () => ['x']), ['A11:A12', 'A9:A10', 'A7:A8', 'A5:A6', 'A3:A4', 'A1:A2']);
    expect(Array.from({ length: 12 }, (_, r) => reversed.mergeAt(r, 0)?.r0)).toEqual([0, 0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10]);
  });
});

describe('sheet names in formulas', () => {
  test('quoted and plain names, each once, without a workbook prefix', () => {
    expect(sheetsReferenced(`COUNTIFS('民主测评'!C:C,"优秀")`)).toEqual(['民主测评']);
    expect(sheetsReferenced(`'O''Brien 表'!A1+Sheet2!B2+Sheet2!C3+'O''Brien 表'!A2`)).toEqual(["O'Brien 表", 'Sheet2']);
    expect(sheetsReferenced(`[1]Sheet3!A1*'[2]民主 测评'!B1`)).toEqual(['Sheet3', '民主 测评']);
    expect(sheetsReferenced('SUM(A1:A3)')).toEqual([]);
    expect(sheetsReferenced(`'[1]'!A1`)).toEqual([]);
    expect(sheetsReferenced(`[12]Sheet3!A1+'[123]民主测评'!A1`)).toEqual(['Sheet3', '民主测评']);
  });
});
