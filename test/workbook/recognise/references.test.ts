/**
 * The formula tokenizer behind output-referenced and derived tallies (src/workbook/recognise/references.ts):
 * quoted and unquoted sheet names, string literals that only look like references, 3-D references,
 * other workbooks, structured references and error values.
 */
import { sheetReferences } from '../../../src/workbook/recognise/references';

const sheets = (f: string) => sheetReferences(f).map((r) => (r.book !== undefined ? `[${r.book}]${r.sheet}` : r.sheet));

describe('unquoted and quoted sheet names', () => {
  test.each([
    ['考核汇总!K5', ['考核汇总']],
    ['SUM(考核汇总!K5:K20)/COUNT(考核汇总!K5:K20)', ['考核汇总']],
    ["'考核汇总'!A1", ['考核汇总']],
    ["'考核汇总 (2)'!A1+1", ['考核汇总 (2)']],
    ["'O''Brien 的表'!A1", ["O'Brien 的表"]],
    ["'It''s'!A1&'''quoted'''!B2", ["It's", "'quoted'"]],
    ['Sheet1!A1+sheet_2.x!$B$2', ['Sheet1', 'sheet_2.x']],
    ['VLOOKUP(A2,考核汇总!$C:$N,12,FALSE)', ['考核汇总']],
    ['-考核汇总!K5', ['考核汇总']],
    ['IF(A1>0,计算明细!B2,校验问题!C3)', ['计算明细', '校验问题']],
    ['考核汇总!MyName', ['考核汇总']],
  ])('%s', (f, expected) => {
    expect(sheets(f)).toEqual(expected);
  });
});

describe('text that only looks like a reference', () => {
  test.each([
    ['"考核汇总!K5"', []],
    ['"见考核汇总!K5"&A1', []],
    ['CONCAT("\'考核汇总\'!", "A1")', []],
    ['"a""考核汇总!K5"""&B1', []],
    ['INDIRECT("考核汇总!K5")', []],
    ['"考核汇总"&明细!A1', ['明细']],
    ['"it\'s"&Sheet1!A1', ['Sheet1']],
    ['SUM(A1:B3)*2', []],
    ['#REF!A1+1', []],
    ['IFERROR(#REF!,0)', []],
    ['Table1[[#This Row],[总分]]', []],
    ['SUM(表1[总分])+考核汇总!K5', ['考核汇总']],
  ])('%s', (f, expected) => {
    expect(sheets(f)).toEqual(expected);
  });
});

describe('3-D references and other workbooks', () => {
  test('a 3-D reference names both end sheets, quoted or not', () => {
    expect(sheets('SUM(Sheet1:考核汇总!A1)')).toEqual(['Sheet1', '考核汇总']);
    expect(sheets("SUM('一月 表:考核汇总 (2)'!A1)")).toEqual(['一月 表', '考核汇总 (2)']);
  });

  test('a range between two references of one sheet does not make the first cell a sheet', () => {
    expect(sheets('SUM(Sheet1!A1:Sheet1!B2)')).toEqual(['Sheet1']);
    expect(sheets('SUM(A1:B2)+考核汇总!A1:B2')).toEqual(['考核汇总']);
  });

  test('a workbook prefix, indexed or a path, marks another file', () => {
    expect(sheets('[1]考核汇总!K5')).toEqual(['[1]考核汇总']);
    expect(sheets("'[2]考核 汇总'!K5")).toEqual(['[2]考核 汇总']);
    expect(sheets("'C:\\docs\\[2025.xlsx]考核汇总'!K5")).toEqual(['[C:\\docs\\2025.xlsx]考核汇总']);
    expect(sheets("'[1]'!A1")).toEqual([]);
  });

  test('each sheet once, in order of appearance; an unterminated quote or string ends the scan', () => {
    expect(sheets('B!A1+A!A1+B!A2')).toEqual(['B', 'A']);
    expect(sheets("A!A1+'unclosed")).toEqual(['A']);
    expect(sheets('A!A1+"unclosed B!A1')).toEqual(['A']);
    expect(sheets('')).toEqual([]);
  });
});
