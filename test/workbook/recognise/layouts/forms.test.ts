/**
 * The forms layout's header (src/workbook/recognise/layouts/forms.ts): up to three header rows (codes
 * above texts or the reverse), roles found in any of them, the row shown to users, where data starts.
 */
import { assess } from '../../../../src/core/assess';
import { recognise } from '../../../../src/workbook/recognise';
import { colLetters } from '../../../../src/workbook/recognise/grid';
import { MAX_HEADER_COLS } from '../../../../src/workbook/recognise/header';
import type { CellValue } from '../../../../src/core/types';
import { book, INDICATORS, only, sheet } from '../helpers';

const T = (i: number): string => INDICATORS[i].text;

describe('forms header rows', () => {
  test('texts above codes: the row naming more indicators is the header shown; 党支部 from the other row', () => {
    const rows: CellValue[][] = [
      ['党支部', T(0), T(1), null],
      [null, '1.1', '1.2', '1.3'],
      ['机关第一党支部', '优秀', '较好', '一般'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.sheets[0].headerRows).toEqual([2]);
    expect(r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.ref.cell])).toEqual([['机关第一党支部', 'A3', 'A3']]);
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}@${x.ref.cell}`)).toEqual(['1.1@B3', '1.2@C3', '1.3@D3']);
    expect(r.input.findings).toEqual([]);
  });

  test('equal counts: the upper row is the header shown; a form starts at the leftmost header cell of either row', () => {
    const rows: CellValue[][] = [
      [null, '1.1', '1.2'],
      ['党支部', T(0), T(1)],
      ['机关第一党支部', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.sheets[0].headerRows).toEqual([1]);
    expect(r.input.forms.map((f) => [f.branch, f.ref.cell])).toEqual([['机关第一党支部', 'A3']]);
  });

  test('three header rows (codes, texts, codes again) are all header; data starts below the third', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      [null, T(0), T(1)],
      [null, '1-1', '1-2'],
      ['机关第一党支部', '优秀', '较好'],
      ['机关第二党支部', '一般', '差'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms.map((f) => `${f.branch}@${f.ref.cell}`)).toEqual(['机关第一党支部@A4', '机关第二党支部@A5']);
    expect(r.input.findings).toEqual([]);
  });

  test('a column whose code names nothing but whose text below does is read by the text, without a finding', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '7.1'],
      [null, T(0), T(1)],
      ['机关第一党支部', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}@${x.ref.cell}`)).toEqual(['1.1@B3', '1.2@C3']);
    expect(r.input.findings).toEqual([]);
  });

  test('a column matching no indicator in either row is reported once, at the cell of the first row that has a problem', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '7.1'],
      [null, T(0), '这一列是其他的说明文字'],
      ['机关第一党支部', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    const f = only(r.input.findings, 'unmapped-column');
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([['组织考核', 'C1']]);
    expect(f[0].message.zh).toContain('7.1');
    expect(r.input.forms[0].ratings.map((x) => x.indicator)).toEqual(['1.1']);
  });

  test('a duplicate indicator found through the second header row is reported at that row', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2', null],
      [null, T(0), T(1), T(0)],
      ['机关第一党支部', '优秀', '较好', '差'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    const f = only(r.input.findings, 'unmapped-column');
    expect(f.map((x) => x.cell)).toEqual(['D2']);
    expect(f[0].message.en).toContain('already has a column');
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}=${String(x.value)}`)).toEqual(['1.1=优秀', '1.2=较好']);
  });

  test('roles (source, identity, period, rater) are taken once each, from whichever header row names them', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', null, null, '编号', '1.1', '1.2'],
      [null, null, '身份', '期间', null, T(0), T(1)],
      ['机关第一党支部', '民主测评', '群众', '上半年', 'R7', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('表', rows)));
    expect(r.input.forms.map((f) => [f.branch, f.source, f.raterType, f.period, f.rater])).toEqual([['机关第一党支部', '民主测评', 'nonparty', 'half-year', 'R7']]);
    expect(r.input.findings).toEqual([]);
  });
});

describe('forms rows', () => {
  test('without a branch column or label, the branch is the sheet name, shown at the header; total rows are skipped', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['测评人编号', '1.1', '1.2'],
      ['001', '优秀', '较好'],
      ['', null, null],
      ['小计', '优秀', '较好'],
      ['002', '一般', null],
    ];
    const r = recognise(book(sheet('机关第一党支部', rows)));
    expect(r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.ref.cell, f.rater])).toEqual([
      ['机关第一党支部', 'A2', 'A3', '001'],
      ['机关第一党支部', 'A2', 'A6', '002'],
    ]);
    expect(only(r.input.findings, 'skipped-row').map((f) => f.cell)).toEqual(['A5']);
  });

  test('a blank rater or identity cell leaves the form without rater and rater type', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '编号', '身份', '1.1'],
      ['A支部', '', '', '优秀'],
      ['A支部', 'R2', '党员', '较好'],
    ];
    const r = recognise(book(sheet('表', rows)));
    const [a, b] = r.input.forms;
    expect('rater' in a || 'raterType' in a).toBe(false);
    expect([b.rater, b.raterType]).toEqual(['R2', 'party']);
  });

  test('label rows between blocks (a colon, a wide merged title) are no forms; a band row of a category is none either', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '1.1', '1.2', '1.3'],
      ['A支部', '优秀', '优秀', '优秀'],
      ['填表人：张三', null, null, null],
      ['第二片区', null, null, null],
      [null, '一、党支部班子自身建设', null, null],
      ['B支部', '较好', '较好', '较好'],
    ];
    const r = recognise(book(sheet('表', rows, ['A5:D5', 'B6:D6'])));
    expect(r.input.forms.map((f) => `${f.branch}@${f.ref.cell}`)).toEqual(['A支部@A3', 'B支部@A7']);
    expect(r.input.findings).toEqual([]);
  });

  test('a block without source still marks its rating range and reports no skipped rows', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      ['A支部', '优秀', '较好'],
      ['B支部', '一般', '差'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.input.forms).toEqual([]);
    // the header's error, and the empty result's own warning: nothing about rows 2–3
    expect(r.input.findings.map((f) => [f.code, f.cell ?? ''])).toEqual([
      ['unknown-source', 'A1'],
      ['no-ratings', ''],
    ]);
    expect(r.ratingRanges).toEqual([{ sheet: 'Sheet1', range: 'B2:C3', kind: 'grade' }]);
  });

  test('rows whose source value is unknown are dropped with one finding, never as skipped rows', () => {
    const rows: CellValue[][] = [
      ['党支部', '类别', '1.1'],
      ['A支部', '其他', '优秀'],
      ['B支部', '民主测评', '较好'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.input.forms.map((f) => f.branch)).toEqual(['B支部']);
    expect(r.input.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['unknown-source@B2']);
    expect(r.ratingRanges).toEqual([{ sheet: 'Sheet1', range: 'C2:C3', kind: 'grade' }]);
  });
});

describe('forms header: which row leads, and columns taken by roles', () => {
  test('three header rows naming 1, 2 and 3 indicators: the third is the header shown and its codes are read', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', null, null],
      [null, T(0), T(1), null],
      [null, '1-1', '1-2', '1-3'],
      ['机关第一党支部', '优秀', '较好', '一般'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.sheets[0].headerRows).toEqual([3]);
    expect(r.input.forms.map((f) => [f.branch, f.ref.cell])).toEqual([['机关第一党支部', 'A4']]);
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}@${x.ref.cell}`)).toEqual(['1.1@B4', '1.2@C4', '1.3@D4']);
    expect(r.input.findings).toEqual([]);
  });

  test('a column is given one role only: a source word under the branch word does not make the branch column the source', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      ['测评类型', T(0), T(1)],
      ['机关第一党支部', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms.map((f) => [f.branch, f.source])).toEqual([['机关第一党支部', '组织考核']]);
    expect(r.input.findings).toEqual([]);
  });

  test('the branch column is never read as an indicator, even when another header row has a code above it', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      ['1.3', T(0), T(1)],
      ['机关第一党支部', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms.map((f) => f.branch)).toEqual(['机关第一党支部']);
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}@${x.ref.cell}`)).toEqual(['1.1@B3', '1.2@C3']);
  });

  test('an unknown code and an ambiguous text are reported with the codes they name or could name', () => {
    const catalogue = sheet('指标目录', [
      ['编号', '类别', '考核内容', '分值'],
      ['1.1', '一、班子', '党支部坚持每两个月至少一次组织活动', 50],
      ['1.2', '一、班子', '党支部坚持每两个月召开支委会', 50],
    ]);
    const rows: CellValue[][] = [
      ['党支部', '1.1', '7-1', '党支部坚持每两个月'],
      ['机关第一党支部', '优秀', '优秀', '优秀'],
    ];
    const r = recognise(book(catalogue, sheet('组织考核', rows)));
    const f = only(r.input.findings, 'unmapped-column');
    expect(f.map((x) => [x.cell, x.indicator ?? null, x.message.zh])).toEqual([
      ['C1', '7.1', '表头“7-1”像是指标，但指标目录中没有编号 7.1，该列未读取。'],
      ['D1', null, '表头“党支部坚持每两个月”像是指标，但可对应多个指标（1.1、1.2），该列未读取。'],
    ]);
  });
});

describe('forms: cases the forms/tally run asked about', () => {
  test('a duplicate column names the indicator it repeats', () => {
    const r = recognise(book(sheet('组织考核', [['党支部', '1.1', '1-1'], ['A支部', '优秀', '较好']])));
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.cell, f.indicator, f.message.zh])).toEqual([['C1', '1.1', '表头“1-1”像是指标，但指标 1.1 已有一列，该列未读取。']]);
  });

  test('a category band merged over only some indicator columns is no form', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '1.1', '1.2', '1.3'],
      [null, '一、党支部班子自身建设', null, null],
      ['A支部', '优秀', '较好', '一般'],
    ];
    const r = recognise(book(sheet('表', rows, ['B3:C3'])));
    expect(r.input.forms.map((f) => `${f.branch}@${f.ref.cell}`)).toEqual(['A支部@A4']);
  });
});

describe('forms: the row right under the header', () => {
  test('a branch with no rating yet, right under the header, is a form, not a second header row', () => {
    const r = recognise(book(sheet('民主测评', [['党支部', '1.1', '1.2'], ['A支部', null, null], ['B支部', '优秀', '较好']])));
    expect(r.sheets[0].headerRows).toEqual([1]);
    expect(r.input.forms.map((f) => `${f.branch}@${f.ref.cell}`)).toEqual(['A支部@A2', 'B支部@A3']);
  });
});

describe('forms: a row that names a branch is never taken for a note or a band', () => {
  // A clerk's remark typed over the ratings ("备注：请假") or one merged cell across them must not make the
  // branch's form vanish: it is read, and every rating cell that holds no grade is reported.
  test('rating cells that all hold notes with a colon: the form is read and each cell reported invalid', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      ['A支部', '备注：请假', '说明：未到'],
      ['B支部', '优秀', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms.map((f) => `${f.branch}@${f.ref.cell}`)).toEqual(['A支部@A2', 'B支部@A3']);
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}@${x.ref.cell}=${String(x.value)}`)).toEqual(['1.1@B2=备注：请假', '1.2@C2=说明：未到']);
    expect(only(assess(r.input).findings, 'invalid-rating').map((f) => `${f.branch}@${f.cell}`)).toEqual(['A支部@B2', 'A支部@C2']);
  });

  test('rating cells inside one wide merged cell: the form is read, its first cell holding the merged text', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2', '1.3'],
      ['A支部', '本年度未参加测评', null, null],
      ['B支部', '优秀', '较好', '一般'],
    ];
    const r = recognise(book(sheet('组织考核', rows, ['B2:D2'])));
    expect(r.input.forms.map((f) => `${f.branch}@${f.ref.cell}`)).toEqual(['A支部@A2', 'B支部@A3']);
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}@${x.ref.cell}=${String(x.value)}`)).toEqual(['1.1@B2=本年度未参加测评', '1.2@C2=null', '1.3@D2=null']);
  });
});

describe('forms: indicator headers past the columns read', () => {
  test('a code header beyond column 2000 is reported once at its cell, never dropped unseen', () => {
    const far = (v: CellValue, last: CellValue): CellValue[] => [v, ...Array.from({ length: MAX_HEADER_COLS }, () => null), last, last];
    const rows: CellValue[][] = [far('党支部', '1.2'), far('A支部', '优秀')];
    rows[0][1] = '1.1';
    rows[1][1] = '较好';
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms[0].ratings.map((x) => x.indicator)).toEqual(['1.1']);
    const cell = colLetters(MAX_HEADER_COLS + 1) + '1';
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.severity, f.cell, f.message.zh])).toEqual([
      ['warning', cell, `表头“1.2”像是指标，但位于第 ${MAX_HEADER_COLS} 列之后，超出读取范围，该列及其右侧各列未读取。`],
    ]);
  });

  test('plain text past the limit (a note far to the right) is no finding', () => {
    const rows: CellValue[][] = [['党支部', '1.1', ...Array.from({ length: MAX_HEADER_COLS }, () => null), '备注'], ['A支部', '优秀']];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.findings).toEqual([]);
  });
});
