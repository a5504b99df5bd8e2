/**
 * The block driver's per-row source column (src/workbook/recognise/blocks.ts): a blank source cell takes
 * the block's source; with none, the row counts for nothing and the cell is named.
 */
import { recognise } from '../../../src/workbook/recognise';
import { append, joinKey, rangesOf } from '../../../src/workbook/recognise/blocks';
import type { CellValue } from '../../../src/core/types';
import { book, sheet } from './helpers';

describe('a source column with blank cells', () => {
  test('a blank cell takes the source of the sheet name', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '1.1'],
      ['A支部', '', '优秀'],
      ['B支部', '组织考核', '较好'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms.map((f) => [f.branch, f.source])).toEqual([
      ['A支部', '民主测评'],
      ['B支部', '组织考核'],
    ]);
    expect(r.input.findings).toEqual([]);
  });

  test('without a source from labels or the sheet name, blank cells drop their rows and the first is named once', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '1.1'],
      ['A支部', '', '优秀'],
      ['B支部', null, '较好'],
      ['C支部', '组织考核', '较好'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.input.forms.map((f) => [f.branch, f.source])).toEqual([['C支部', '组织考核']]);
    expect(r.input.findings.map((f) => [f.code, f.sheet, f.cell, f.message.zh])).toEqual([
      ['unknown-source', 'Sheet1', 'B2', '无法确定此评分表的考核方式，其评分未计入。'],
    ]);
  });
});

describe('rating ranges', () => {
  test('one rectangle per run of adjacent columns, over the data rows; none without rows or columns', () => {
    expect(rangesOf('表', [3, 1, 2, 5, 5, 7, 8], 1, 4, 'grade')).toEqual([
      { sheet: '表', range: 'B2:D5', kind: 'grade' },
      { sheet: '表', range: 'F2:F5', kind: 'grade' },
      { sheet: '表', range: 'H2:I5', kind: 'grade' },
    ]);
    expect(rangesOf('表', [5], 1, 1, 'count')).toEqual([{ sheet: '表', range: 'F2', kind: 'count' }]);
    expect([rangesOf('表', [1], -1, 4, 'grade'), rangesOf('表', [1], 4, 3, 'grade'), rangesOf('表', [], 1, 4, 'grade')]).toEqual([[], [], []]);
  });

  test('keys of several user strings never run together; append keeps order and returns the list', () => {
    expect(joinKey('a', 'b', 'c')).not.toBe(joinKey('a', 'bc', ''));
    expect(joinKey('a', 'b', 'c', 'd')).not.toBe(joinKey('a', 'b', 'cd'));
    const to = [1];
    expect(append(to, [2, 3])).toBe(to);
    expect(to).toEqual([1, 2, 3]);
  });
});

describe('what a block takes from labels, the sheet name and titles', () => {
  function blocks(name: string, rows: CellValue[][]): string[] {
    return recognise(book(sheet(name, rows))).input.forms.map((f) => `${f.branch}/${f.source}/${f.period}@${f.ref.cell}`);
  }
  const H: CellValue[] = ['测评人', '1.1', '1.2'];
  const D = (r: string): CellValue[] => [r, '优秀', '较好'];

  test('a block\'s own labels come first, then the labels above the first block, then the sheet name, then titles', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部', '测评类型：组织考核', '期间：上半年'],
      H,
      D('R1'),
      [],
      ['党支部：B支部', '测评类型：自评'],
      H,
      D('R2'),
      [],
      ['考核期间：全年'],
      H,
      D('R3'),
    ];
    expect(blocks('民主测评', rows)).toEqual(['A支部/组织考核/half-year@A3', 'B支部/自评/half-year@A7', 'A支部/组织考核/annual@A11']);
  });

  test('the sheet name outranks a title; a title gives the source when nothing else does', () => {
    expect(blocks('民主测评', [['机关组织考核情况表'], H, D('R1')])).toEqual(['民主测评/民主测评/annual@A3']);
    expect(blocks('Sheet1', [['机关组织考核情况表'], H, D('R1')])).toEqual(['Sheet1/组织考核/annual@A3']);
    expect(blocks('上半年', [['2025年度机关组织考核情况表'], H, D('R1')])).toEqual(['上半年/组织考核/half-year@A3']);
  });

  test('a source label naming no source is quoted in the finding; its block gives no forms', () => {
    const r = recognise(book(sheet('Sheet1', [['测评类型：年终评议'], H, D('R1')])));
    expect(r.input.forms).toEqual([]);
    expect(r.input.findings.filter((f) => f.code === 'unknown-source').map((f) => [f.cell, f.message.zh.includes('年终评议')])).toEqual([['A2', true]]);
  });
});
