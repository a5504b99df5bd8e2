/**
 * The block driver's edges (src/workbook/recognise/blocks.ts): a header-like row that heads no block,
 * a source column in column A, the period of a row whose period cell is blank or unknown, and keys of
 * several user strings that never collide.
 */
import { recognise } from '../../../src/workbook/recognise';
import { joinKey } from '../../../src/workbook/recognise/blocks';
import type { CellValue } from '../../../src/core/types';
import { book, only, sheet } from './helpers';

describe('block driver', () => {
  test('a grade-column row without an indicator column heads no block: the blocks around it are read once each', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 5, 1, 0, 0],
      [],
      ['说明', '优秀', '较好', '一般', '差'],
      [],
      ['党支部：B支部'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 3, 3, 0, 0],
      [],
      ['说明', '优秀', '较好', '一般', '差'],
    ];
    const r = recognise(book(sheet('民主测评票数汇总', rows)));
    expect(r.input.tallies.map((t) => `${t.branch}:${t.rows.map((x) => x.indicator).join()}`)).toEqual(['A支部:1.1', 'B支部:1.1']);
  });

  test('a source column in column A: no sheet-level source is asked for', () => {
    const rows: CellValue[][] = [
      ['测评类型', '党支部', '1.1'],
      ['民主测评', 'A支部', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(only(r.input.findings, 'unknown-source')).toEqual([]);
    expect(r.input.forms.map((f) => `${f.branch}|${f.source}`)).toEqual(['A支部|民主测评']);
  });

  test("a blank period cell takes the block's period; a period that names none counts as annual", () => {
    const rows: CellValue[][] = [
      ['期间：上半年'],
      ['党支部', '期间', '1.1'],
      ['A支部', null, '优秀'],
      ['B支部', '其他', '优秀'],
      ['C支部', '全年', '优秀'],
    ];
    const r = recognise(book(sheet('自评', rows)));
    expect(r.input.forms.map((f) => `${f.branch}|${f.period}`)).toEqual(['A支部|half-year', 'B支部|annual', 'C支部|annual']);
  });

  test('joinKey keeps its parts apart', () => {
    expect(joinKey('ab', 'c', 'd')).not.toBe(joinKey('a', 'bc', 'd'));
    expect(joinKey('a', 'b', 'c', 'd')).not.toBe(joinKey('a', 'b', 'cd'));
  });
});
