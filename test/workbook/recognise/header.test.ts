/**
 * A header row read as columns (src/workbook/recognise/header.ts): blank cells take the text of a merge
 * coming down from above, or of a header word right above them.
 */
import { defaultCatalogue } from '../../../src/core/catalogue';
import { Ctx } from '../../../src/workbook/recognise/context';
import { Grid } from '../../../src/workbook/recognise/grid';
import { headerSpan, MAX_HEADER_COLS, readHeaderRow } from '../../../src/workbook/recognise/header';
import type { SheetSnapshot } from '../../../src/workbook/snapshot';

function read(values: unknown[][], merges: string[], r: number, floor = 0): { texts: string[]; keys: string[]; rows: number[] } {
  const g = new Grid({ name: '表', values, merges } as SheetSnapshot, 0);
  const { texts, keys, rows } = readHeaderRow(g, new Ctx(defaultCatalogue()), r, floor);
  return { texts, keys, rows };
}

describe('header rows', () => {
  test('a merge coming down from above gives its text to the blank cell at its first column only', () => {
    const h = read(
      [
        ['党 支 部', '类别一', null, '其他'],
        [null, '1.1', null, '1.3'],
      ],
      ['A1:A2', 'B1:C2'],
      1,
    );
    expect(h.texts).toEqual(['党 支 部', '1.1', '', '1.3']);
    expect(h.keys).toEqual(['党支部', '1.1', '', '1.3']);
    expect(h.rows).toEqual([0, 1, 1, 1]);
  });

  test('a header word right above a blank cell is taken, unless it is a wide merge or above the floor', () => {
    const values = [
      ['说明', '测评类型', '身份', '期间'],
      [null, null, null, null],
    ];
    expect(read(values, ['C1:D1'], 1).texts).toEqual(['', '测评类型', '', '']);
    expect(read(values, ['C1:D1'], 1).rows).toEqual([1, 0, 1, 1]);
    expect(read(values, [], 1, 1).texts).toEqual(['', '', '', '']);
    expect(read(values, [], 1).texts).toEqual(['', '测评类型', '身份', '期间']);
    // the first row has nothing above it
    expect(read([[null, '1.1']], [], 0).texts).toEqual(['', '1.1']);
  });

  test('columns past the 2000th are not read; the span is the first and last column with text', () => {
    const wide = [[null, '党支部', ...Array.from({ length: MAX_HEADER_COLS }, () => null), '1.1']];
    const h = read(wide, [], 0);
    expect(h.texts).toHaveLength(MAX_HEADER_COLS);
    expect(h.texts.includes('1.1')).toBe(false);
    expect(headerSpan({ row: 0, ...read([[null, 'a', null, 'b', null]], [], 0) })).toEqual({ first: 1, last: 3 });
    expect(headerSpan({ row: 0, ...read([[null, null]], [], 0) })).toEqual({ first: 0, last: 0 });
  });
});
