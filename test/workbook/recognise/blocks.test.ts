/**
 * The block driver's per-row source column (src/workbook/recognise/blocks.ts): a blank source cell takes
 * the block's source; with none, the row counts for nothing and the cell is named.
 */
import { recognise } from '../../../src/workbook/recognise';
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
