/**
 * The long layout's rows (src/workbook/recognise/layouts/long.ts): when consecutive rows without a rater
 * start a new form, where a form's branch comes from (a merged cell, a label, the sheet name), unknown
 * indicator rows counted once per text, and forms that never run across blocks.
 */
import { recognise } from '../../../../src/workbook/recognise';
import type { CellValue, Form } from '../../../../src/core/types';
import { book, only, sheet } from '../helpers';

const forms = (fs: Form[]): string[] =>
  fs.map((f) => `${f.branch}@${f.branchRef.cell}|${f.source}|${f.period}|${f.raterType ?? ''}|${f.ratings.map((x) => x.indicator).join(',')}`);

describe('long: consecutive rows without a rater', () => {
  test('a change of source, period or rater identity alone starts a new form (no indicator repeats)', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '期间', '身份', '编号', '等级'],
      ['A支部', '民主测评', '全年', '党员', '1.1', '优秀'],
      ['A支部', '组织考核', '全年', '党员', '1.2', '优秀'],
      ['A支部', '组织考核', '半年', '党员', '1.3', '优秀'],
      ['A支部', '组织考核', '半年', '群众', '1.4', '优秀'],
      ['A支部', '组织考核', '半年', '群众', '1.5', '优秀'],
    ];
    const r = recognise(book(sheet('评分明细', rows)));
    expect(forms(r.input.forms)).toEqual([
      'A支部@A2|民主测评|annual|party|1.1',
      'A支部@A3|组织考核|annual|party|1.2',
      'A支部@A4|组织考核|half-year|party|1.3',
      'A支部@A5|组织考核|half-year|nonparty|1.4,1.5',
    ]);
  });

  test('a branch merged down over its rows: every form is that branch, pointing at the merged cell', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '等级'],
      ['A支部', '1.1', '优秀'],
      [null, '1.2', '较好'],
      [null, '1.1', '一般'], // 1.1 repeats: the next form, still under the merge
      ['B支部', '1.1', '差'],
    ];
    const r = recognise(book(sheet('民主测评', rows, ['A2:A4'])));
    expect(forms(r.input.forms)).toEqual(['A支部@A2|民主测评|annual||1.1,1.2', 'A支部@A2|民主测评|annual||1.1', 'B支部@A5|民主测评|annual||1.1']);
  });

  test('without a branch column, the branch is the label above the header, else the sheet name, pointed at there', () => {
    const labelled = recognise(book(sheet('民主测评', [['党支部：A支部'], ['编号', '等级'], ['1.1', '优秀']])));
    expect(forms(labelled.input.forms)).toEqual(['A支部@A1|民主测评|annual||1.1']);
    const bare = recognise(book(sheet('民主测评', [['编号', '等级'], ['1.1', '优秀']])));
    expect(forms(bare.input.forms)).toEqual(['民主测评@A1|民主测评|annual||1.1']);
  });

  test('a form never runs across blocks, even when the next block goes on with new indicators', () => {
    const rows: CellValue[][] = [
      ['编号', '等级'],
      ['1.1', '优秀'],
      [],
      ['编号', '等级'],
      ['1.2', '较好'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(forms(r.input.forms).map((f) => f.split('|').pop())).toEqual(['1.1', '1.2']);
  });
});

describe('long: rows that are not ratings', () => {
  test('one unknown indicator text on three rows is one finding, at its first row, counting the rows', () => {
    const rows: CellValue[][] = [
      ['党支部', '考核内容', '等级'],
      ['A支部', '不在目录里的内容', '优秀'],
      ['A支部', '不在目录里的内容', '较好'],
      ['B支部', '不在目录里的内容', '一般'],
      ['B支部', '另一条未知内容', '一般'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.cell, f.message.en.includes('(3 rows)') || f.message.en.includes('(1 row)')])).toEqual([
      ['B2', true],
      ['B5', true],
    ]);
    expect(only(r.input.findings, 'unmapped-column')[0].message.zh).toContain('共 3 行');
  });

  test('a first data row whose source names nothing still starts the rating range', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '编号', '等级'],
      ['A支部', '随便写的', '1.1', '优秀'],
      ['A支部', '组织考核', '1.2', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.ratingRanges).toEqual([{ sheet: 'Sheet1', range: 'D2:D3', kind: 'grade' }]);
  });
});

describe('long: roles in column A', () => {
  test('an unknown code in column A is named there; an unknown text in column A too, when the code is blank', () => {
    const codeFirst = recognise(book(sheet('组织考核', [['编号', '党支部', '考核内容', '等级'], ['8.8', 'A支部', '不在目录里的内容', '优秀']])));
    expect(only(codeFirst.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['A2']);
    const textFirst = recognise(book(sheet('组织考核', [['考核内容', '编号', '党支部', '等级'], ['不在目录里的内容', null, 'A支部', '优秀']])));
    expect(only(textFirst.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['A2']);
  });

  test('a rater column in column A groups the rows by rater, wherever they stand', () => {
    const rows: CellValue[][] = [
      ['测评人', '党支部', '编号', '等级'],
      ['张三', 'A支部', '1.1', '优秀'],
      ['李四', 'A支部', '1.1', '较好'],
      ['张三', 'A支部', '1.2', '一般'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms.map((f) => `${f.rater}:${f.ratings.map((x) => x.indicator).join(',')}`)).toEqual(['张三:1.1,1.2', '李四:1.1']);
  });

  test("one rater's rows for two periods are two forms", () => {
    const rows: CellValue[][] = [
      ['党支部', '测评人', '期间', '编号', '等级'],
      ['A支部', '张三', '上半年', '1.1', '优秀'],
      ['A支部', '张三', '全年', '1.2', '较好'],
    ];
    const r = recognise(book(sheet('自评', rows)));
    expect(r.input.forms.map((f) => `${f.period}:${f.ratings.map((x) => x.indicator).join(',')}`)).toEqual(['half-year:1.1', 'annual:1.2']);
  });
});
