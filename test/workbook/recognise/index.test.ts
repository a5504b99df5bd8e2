/**
 * recognise() itself (src/workbook/recognise/index.ts): a sheet that cannot be read is ignored with the
 * reason instead of stopping the run; a derived tally over several rating sheets names each once.
 */
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, only, sheet } from './helpers';

/** A row whose cell `c` throws when read, as a hostile host object might. */
function throwingRow(values: CellValue[], c: number, thrown: unknown): CellValue[] {
  const row = [...values];
  Object.defineProperty(row, c, {
    get() {
      throw thrown;
    },
  });
  return row;
}

describe('a sheet that cannot be read', () => {
  test('an error while reading its rows: the sheet is ignored with the error, the other sheets are read', () => {
    const bad = sheet('民主测评', [['党支部', '1.1'], ['B支部', '较好'], throwingRow(['A支部', '优秀'], 1, new Error('坏单元格'))]);
    const good = sheet('组织考核', [['党支部', '1.1'], ['A支部', '优秀']]);
    const r = recognise(book(bad, good));
    expect(r.sheets.map((s) => [s.name, s.role])).toEqual([
      ['民主测评', 'ignored'],
      ['组织考核', 'forms'],
    ]);
    expect(r.sheets[0]).toEqual({ name: '民主测评', role: 'ignored' });
    expect(r.input.forms.map((f) => [f.branch, f.source])).toEqual([['A支部', '组织考核']]);
    const f = only(r.input.findings, 'ignored-sheet');
    expect(f.map((x) => [x.sheet, x.message.zh, x.message.en])).toEqual([
      ['民主测评', '工作表“民主测评”未识别，未读取：读取时出错（坏单元格）。', expect.stringContaining('it could not be read (坏单元格)')],
    ]);
  });

  test('an error while classifying it, even one that is no Error object: ignored with an unknown cause', () => {
    const bad = sheet('民主测评', [throwingRow(['党支部', '1.1'], 0, 'x'), ['A支部', '优秀']]);
    const r = recognise(book(bad));
    expect(r.sheets).toEqual([{ name: '民主测评', role: 'ignored' }]);
    expect(only(r.input.findings, 'ignored-sheet').map((x) => [x.sheet, x.message.zh])).toEqual([['民主测评', '工作表“民主测评”未识别，未读取：读取时出错（unknown）。']]);
    expect(r.nothingRecognised).toBe(true);
  });
});

describe('a derived tally over several rating sheets', () => {
  test('one finding for the tally sheet, naming each rating sheet once and counting its tallies', () => {
    const forms = (name: string): ReturnType<typeof sheet> => sheet(name, [['党支部', '1.1'], ['A支部', '优秀'], ['B支部', '较好']]);
    const tally: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '编号', '优秀', '较好', '一般', '差'],
      ['A支部', '1.1', 1, 0, 0, 0],
      ['B支部', '1.1', 0, 1, 0, 0],
    ];
    const formulas = [
      [],
      [],
      [null, null, 'COUNTIFS(民主测评!A:A,"A支部",民主测评!B:B,"优秀")', null, null, null],
      [null, null, 'COUNTIFS(组织考核!A:A,"B支部")+COUNTIFS(民主测评!B:B,"优秀")', null, null, null],
    ];
    const r = recognise(book(forms('民主测评'), forms('组织考核'), sheet('票数汇总', tally, [], { formulas })));
    expect(r.input.tallies).toEqual([]);
    const f = only(r.input.findings, 'derived-tally');
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([['票数汇总', 'A2']]);
    expect(f[0].message.zh).toMatch(/“民主测评”.*“组织考核”/);
    expect(f[0].message.zh.match(/民主测评/g)).toHaveLength(1);
    expect(f[0].message.zh).toContain('2');
  });
});

describe('recognise() on odd snapshots and its summary of sheets', () => {
  test('no snapshot, no sheet list, or entries that are no sheets: nothing recognised, no error', () => {
    for (const snap of [null, undefined, {}, { sheets: 'x' }, { sheets: [null, 5, 'x'] }]) {
      const r = recognise(snap as never);
      expect([r.sheets, r.input.forms, r.input.findings, r.nothingRecognised]).toEqual([[], [], [], true]);
    }
    const r = recognise({ sheets: [null, sheet('民主测评', [['党支部', '1.1'], ['A支部', '优秀']])] } as never);
    expect(r.sheets.map((s) => [s.name, s.role])).toEqual([['民主测评', 'forms']]);
    expect(r.nothingRecognised).toBe(false);
  });

  test('a sheet shows its source only when all its forms share one', () => {
    const one = recognise(book(sheet('Sheet1', [['党支部', '测评类型', '1.1'], ['A支部', '自评', '优秀']])));
    expect(one.sheets[0]).toEqual({ name: 'Sheet1', role: 'forms', headerRows: [1], source: '自评' });
    const two = recognise(book(sheet('Sheet1', [['党支部', '测评类型', '1.1'], ['A支部', '自评', '优秀'], ['B支部', '组织考核', '较好']])));
    expect(two.sheets[0]).toEqual({ name: 'Sheet1', role: 'forms', headerRows: [1] });
  });

  test('rating sheets with nothing rated yet: one warning naming them; a single rating is enough to be silent', () => {
    const blank = recognise(book(sheet('民主测评', [['党支部', '1.1'], ['A支部', null]]), sheet('组织考核', [['党支部', '1.1'], ['A支部', ' ']])));
    expect(only(blank.input.findings, 'no-ratings').map((f) => [f.message.zh.includes('民主测评'), f.message.zh.includes('组织考核')])).toEqual([[true, true]]);
    const rated = recognise(book(sheet('民主测评', [['党支部', '1.1'], ['A支部', null]]), sheet('组织考核', [['党支部', '1.1'], ['A支部', '优秀']])));
    expect(only(rated.input.findings, 'no-ratings')).toEqual([]);
    // a long sheet's forms carry their ratings as cells
    const long = recognise(book(sheet('民主测评', [['党支部', '编号', '等级'], ['A支部', '1.1', '']])));
    expect(only(long.input.findings, 'no-ratings')).toHaveLength(1);
    expect(recognise(book()).input.findings).toEqual([]);
  });

  test('formulas over a rating sheet are matched to it whatever the letter case; over its own sheet they are typed counts', () => {
    const tally = (formula: string): ReturnType<typeof sheet> =>
      sheet('Votes', [['测评类型：民主测评'], ['党支部', '编号', '优秀', '较好', '一般', '差'], ['A支部', '1.1', 1, 0, 0, 0]], [], { formulas: [[], [], [null, null, formula, null, null, null]] });
    const forms = sheet('Forms', [['党支部', '1.1'], ['A支部', '优秀']]);
    const lower = recognise(book(forms, tally('COUNTIF(forms!B:B,"优秀")')));
    expect(lower.input.tallies).toEqual([]);
    expect(only(lower.input.findings, 'derived-tally').map((f) => [f.sheet, f.message.zh.includes('“Forms”')])).toEqual([['Votes', true]]);
    const own = recognise(book(forms, tally('SUM(votes!D3:F3)')));
    expect(own.input.tallies).toHaveLength(1);
    expect(only(own.input.findings, 'derived-tally')).toEqual([]);
  });
});
