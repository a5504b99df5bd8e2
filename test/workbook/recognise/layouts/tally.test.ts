/**
 * The tally layout (src/workbook/recognise/layouts/tally.ts) when the indicator column has no header:
 * the column is found from the codes written under the header.
 */
import { recognise } from '../../../../src/workbook/recognise';
import type { CellValue, Tally } from '../../../../src/core/types';
import { book, sheet } from '../helpers';

function rowsOf(t: Tally): string[] {
  return t.rows.map((r) => `${r.indicator}@${r.ref.cell}:${[r.counts.优秀, r.counts.较好, r.counts.一般, r.counts.差].map((c) => String(c.value)).join('/')}`);
}

describe('tally without an indicator header', () => {
  test('finds the code column among unlabelled columns, past a column of names', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '', '', '优秀', '较好', '一般', '差'],
      ['A支部', '组织健全', '1.1', 3, 1, 0, 0],
      ['A支部', '制度落实', '1.2', 2, 2, 0, 0],
      ['A支部', '学习', '2.1', 4, 0, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.input.tallies.map((t) => [t.branch, t.source, rowsOf(t).join(' ')])).toEqual([
      ['A支部', '民主测评', '1.1@C3:3/1/0/0 1.2@C4:2/2/0/0 2.1@C5:4/0/0/0'],
    ]);
  });

  test('takes the column with the most codes; on equal counts the leftmost', () => {
    const most: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      ['1.1', '1.2', 1, 0, 0, 0],
      ['备注', '1.3', 2, 0, 0, 0],
      ['', '2.1', 3, 0, 0, 0],
    ];
    const a = recognise(book(sheet('组织考核票数', most)));
    expect(a.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.2@B3', '1.3@B4', '2.1@B5']);

    const equal: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      // B's first code comes before A's: the leftmost still wins
      ['', '2.1', 1, 0, 0, 0],
      ['1.1', '2.2', 2, 0, 0, 0],
      ['1.2', '', 3, 0, 0, 0],
    ];
    const b = recognise(book(sheet('组织考核票数', equal)));
    expect(b.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A4', '1.2@A5']);
    // and when A's first code comes first
    const aFirst: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      ['1.1', '2.1', 1, 0, 0, 0],
      ['1.2', '2.2', 2, 0, 0, 0],
    ];
    const c = recognise(book(sheet('组织考核票数', aFirst)));
    expect(c.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A3', '1.2@A4']);
  });

  test('a grade table with no code anywhere is not a tally', () => {
    const rows: CellValue[][] = [
      ['', '优秀', '较好', '一般', '差'],
      ['张三', 1, 0, 0, 0],
      ['李四', 0, 1, 0, 0],
    ];
    const r = recognise(book(sheet('统计', rows)));
    expect(r.input.tallies).toEqual([]);
    expect(r.sheets[0].role).not.toBe('tally');
  });
});
