/**
 * Labels above a header and titles (src/workbook/recognise/labels.ts): what a block's forms get as
 * branch, source and period from them.
 */
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, sheet } from './helpers';

function formsOf(rows: CellValue[][]): string[][] {
  const r = recognise(book(sheet('表', [...rows, ['测评人', '1.1', '1.2'], ['R1', '优秀', '较好']])));
  return r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.source, f.period]);
}

describe('label keys and their values', () => {
  test('a short key at the end of another word (填报单位) is no label; at the start of a cell it is', () => {
    expect(formsOf([['填报单位：人事处  测评类型：民主测评']])).toEqual([['表', 'A2', '民主测评', 'annual']]);
    expect(formsOf([['单位：A支部  测评类型：民主测评']])).toEqual([['A支部', 'A1', '民主测评', 'annual']]);
  });

  test('a key with its value in a later cell: blank cells between are passed over, a cell with a colon is another label', () => {
    expect(formsOf([['党支部：', null, ' A支部 ', '测评类型：民主测评']])).toEqual([['A支部', 'C1', '民主测评', 'annual']]);
    expect(formsOf([['党支部：', '测评类型：民主测评']])).toEqual([['表', 'A2', '民主测评', 'annual']]);
    expect(formsOf([['党支部：'], ['测评类型：民主测评']])).toEqual([['表', 'A3', '民主测评', 'annual']]);
  });

  test('a period label: 上半年 is the half year, any other text the annual assessment', () => {
    expect(formsOf([['测评类型：民主测评', '考核期间：上半年']])).toEqual([['表', 'A2', '民主测评', 'half-year']]);
    expect(formsOf([['测评类型：民主测评', '考核期间：2025年']])).toEqual([['表', 'A2', '民主测评', 'annual']]);
    // the label's annual outranks a sheet named for the half year
    const r = recognise(book(sheet('上半年测评', [['测评类型：民主测评', '考核期间：2025年'], ['测评人', '1.1', '1.2'], ['R1', '优秀', '较好']])));
    expect(r.input.forms.map((f) => f.period)).toEqual(['annual']);
    expect(recognise(book(sheet('上半年测评', [['测评类型：民主测评'], ['测评人', '1.1', '1.2'], ['R1', '优秀', '较好']]))).input.forms.map((f) => f.period)).toEqual(['half-year']);
  });
});

describe('titles', () => {
  test('a title naming 上半年 or 半年 makes the half year; 下半年 does not', () => {
    expect(formsOf([['2025年上半年民主测评表']])).toEqual([['表', 'A2', '民主测评', 'half-year']]);
    expect(formsOf([['2025年半年民主测评表']])).toEqual([['表', 'A2', '民主测评', 'half-year']]);
    expect(formsOf([['2025年下半年民主测评表']])).toEqual([['表', 'A2', '民主测评', 'annual']]);
  });
});
