import { recognise } from '../../../src/workbook/recognise';
import type { CellValue, Form } from '../../../src/core/types';
import { book, INDICATORS, only, sheet } from './helpers';

function summary(f: Form): string {
  return `${f.branch}|${f.source}|${f.period}|${f.rater ?? ''}|${f.raterType ?? ''}|${f.ref.cell}|${f.ratings
    .map((r) => `${r.indicator}=${r.value}@${r.ref.cell}`)
    .join(',')}`;
}

describe('long layout (长表)', () => {
  test('with a rater column: one form per (branch, source, period, rater), in order of first appearance', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评人', '编号', '等级', '测评类型'],
      ['A支部', '张三', '1.1', '优秀', '民主测评'],
      ['A支部', '李四', '1.1', '较好', '民主测评'],
      ['A支部', '张三', '1.2', '一般', '民主测评'],
      ['B支部', '张三', '1.1', '差', '民主测评'],
      ['A支部', '李四', '1.2', '优秀', '民主测评'],
      ['A支部', '张三', '1.1', '优秀', '组织考核'],
    ];
    const r = recognise(book(sheet('评分明细', rows)));
    expect(r.sheets[0]).toMatchObject({ role: 'long', headerRows: [1] });
    expect(r.input.forms.map(summary)).toEqual([
      'A支部|民主测评|annual|张三||A2|1.1=优秀@D2,1.2=一般@D4',
      'A支部|民主测评|annual|李四||A3|1.1=较好@D3,1.2=优秀@D6',
      'B支部|民主测评|annual|张三||A5|1.1=差@D5',
      'A支部|组织考核|annual|张三||A7|1.1=优秀@D7',
    ]);
    expect(r.ratingRanges).toEqual([{ sheet: '评分明细', range: 'D2:D7', kind: 'grade' }]);
  });

  test('without a rater: consecutive rows of one branch form one form until an indicator repeats', () => {
    const rows: CellValue[][] = [
      ['民主测评明细'],
      ['党支部', '指标', '评价', '身份'],
      ['A支部', '1.1', '优秀', '党员'],
      ['A支部', INDICATORS[1].text, '较好', '党员'],
      ['A支部', '1.1', '一般', '群众'], // identity changes: a new form (and 1.1 repeats)
      ['A支部', '1.2', '一般', '群众'],
      ['A支部', '1.1', '差', '群众'], // 1.1 repeats: a new form
      ['B支部', '1.2', '优秀', '群众'], // another branch: a new form
      [null, '1.1', '优秀', null], // orphan
    ];
    const r = recognise(book(sheet('民主测评', rows, ['A1:D1'])));
    expect(r.input.forms.map(summary)).toEqual([
      'A支部|民主测评|annual||party|A3|1.1=优秀@C3,1.2=较好@C4',
      'A支部|民主测评|annual||nonparty|A5|1.1=一般@C5,1.2=一般@C6',
      'A支部|民主测评|annual||nonparty|A7|1.1=差@C7',
      'B支部|民主测评|annual||nonparty|A8|1.2=优秀@C8',
      '|民主测评|annual|||A9|1.1=优秀@C9',
    ]);
  });

  test('编号 is the indicator code, not the rater; grades are raw (the core validates)', () => {
    const rows: CellValue[][] = [
      ['被考核党支部', '编号', '考核等级', '时段'],
      ['A支部', 1.1, 95, '上半年'],
      ['A支部', '1-2', { error: '#N/A' }, '上半年'],
    ];
    const r = recognise(book(sheet('自评', rows)));
    expect(r.input.forms).toHaveLength(1);
    const f = r.input.forms[0];
    expect(f.rater).toBeUndefined();
    expect(f.period).toBe('half-year');
    expect(f.ratings).toEqual([
      { indicator: '1.1', value: 95, ref: { sheet: '自评', cell: 'C2' } },
      { indicator: '1.2', value: { error: '#N/A' }, ref: { sheet: '自评', cell: 'C3' } },
    ]);
  });

  test('a self-assessment block per branch, branch from the label, no branch column', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部'],
      ['编号', '考核内容', '自评等级'],
      ['1.1', null, '优秀'],
      ['1.2', null, '较好'],
      [],
      ['党支部：B支部'],
      ['编号', '考核内容', '评定'],
      ['1.1', null, '一般'],
    ];
    const r = recognise(book(sheet('年度自评', rows)));
    expect(r.sheets[0]).toMatchObject({ role: 'long', headerRows: [2, 7], source: '自评' });
    expect(r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.ratings.length])).toEqual([
      ['A支部', 'A1', 2],
      ['B支部', 'A6', 1],
    ]);
  });

  test('an indicator that matches nothing is a warning, the row is not read', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '等级'],
      ['A支部', '8.8', '优秀'],
      ['A支部', '1.1', '优秀'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms.map((f) => f.ratings.map((x) => x.indicator))).toEqual([['1.1']]);
    expect(only(r.input.findings, 'unmapped-column')).toEqual([expect.objectContaining({ cell: 'B2', severity: 'warning' })]);
  });
});

describe('long rows that are not ratings, and rows without a source', () => {
  test('a total row is skipped; an unknown indicator is named at its code, or at its text when the code is blank', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '考核内容', '等级'],
      ['A支部', '1.1', '', '优秀'],
      ['A支部', '', '合计', '优秀'],
      ['A支部', '', '不在目录里的内容', '较好'],
      ['A支部', '8.8', '不在目录里的内容', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms.map((f) => f.ratings.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual([['1.1@D2']]);
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.cell, f.message.zh.includes('共 1 行')])).toEqual([
      ['C4', true],
      ['B5', true],
    ]);
    // the total row holds a grade: skipped, with the warning that says so, never unmapped
    expect(r.input.findings.filter((f) => f.code !== 'unmapped-column').map((f) => [f.code, f.cell])).toEqual([['skipped-row', 'A3']]);
  });

  test('without a 考核内容 column, a graded row with a blank code is named at its code cell', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '等级'],
      ['A支部', '1.1', '优秀'],
      ['A支部', '', '较好'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.cell, f.message.zh.includes('（空白）')])).toEqual([['B3', true]]);
  });

  test('a long sheet without any source gives no forms and names its header', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '等级'],
      ['A支部', '1.1', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.sheets[0].role).toBe('long');
    expect(r.input.forms).toEqual([]);
    expect(only(r.input.findings, 'unknown-source').map((f) => f.cell)).toEqual(['A1']);
  });

  test('rows whose source value names no source are dropped with one finding', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '编号', '等级'],
      ['A支部', '组织考核', '1.1', '优秀'],
      ['A支部', '随便写的', '1.2', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.input.forms.map((f) => [f.source, f.ratings.map((x) => x.indicator).join()])).toEqual([['组织考核', '1.1']]);
    expect(only(r.input.findings, 'unknown-source').map((f) => [f.cell, f.message.zh])).toEqual([['B3', '考核方式“随便写的”无法识别（共 1 行），这些评分未计入。']]);
  });
});
