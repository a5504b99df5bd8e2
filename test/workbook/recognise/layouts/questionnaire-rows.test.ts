/**
 * Questionnaire rows (src/workbook/recognise/layouts/questionnaire.ts): where a respondent's form points,
 * repeated submissions told apart by answers and by time to the second, and which ratings 问卷选项顺序 turns
 * into grades.
 */
import { recognise } from '../../../../src/workbook/recognise';
import type { CellValue } from '../../../../src/core/types';
import { book, INDICATORS, sheet } from '../helpers';

const T = (i: number): string => INDICATORS[i].text;
const Q = [`3(${T(0)})`, `3(${T(1)})`];

function read(rows: CellValue[][], extra: ReturnType<typeof sheet>[] = []) {
  return recognise(book(sheet('民主测评问卷', rows), ...extra));
}
const raters = (rows: CellValue[][]) => read(rows).input.forms.map((f) => f.rater ?? null);

describe('questionnaire rows', () => {
  test('a header starting in column B: forms point at column B; the branch answer in column A is the branch cell', () => {
    const shifted = read([[null, '1、您所在的党支部：', ...Q], [null, 'A支部', '优秀', '较好']]);
    expect(shifted.input.forms.map((f) => `${f.ref.cell}|${f.branchRef.cell}`)).toEqual(['B2|B2']);
    expect(shifted.ratingRanges).toEqual([{ sheet: '民主测评问卷', range: 'C2:D2', kind: 'grade' }]);
    const first = read([['1、您所在的党支部：', ...Q], ['A支部', '优秀', '较好']]);
    expect(first.input.forms.map((f) => f.branchRef.cell)).toEqual(['A2']);
  });

  test('an indicator text followed by a remark in brackets is read by the text', () => {
    const r = read([['1、您所在的党支部：', `3、${T(0)}（必答）`, `3、${T(1)}（必答）`], ['A支部', '优秀', '较好']]);
    expect(r.input.forms[0].ratings.map((x) => x.indicator)).toEqual(['1.1', '1.2']);
  });

  test('the same address and identity with other grades is another respondent', () => {
    const head = ['提交答卷时间', '来自IP', '1、您所在的党支部：', '2、您的政治面貌：', ...Q];
    expect(raters([head, ['2026/12/20 09:00', '10.0.0.9', 'A支部', '中共党员', '优秀', '较好'], ['2026/12/20 09:01', '10.0.0.9', 'A支部', '中共党员', '优秀', '一般']])).toEqual([null, null]);
  });

  test('times are compared to the second: 10 min 20 s apart is two respondents', () => {
    const head = ['来自IP', '提交答卷时间', '1、您所在的党支部：', ...Q];
    expect(raters([head, ['10.0.0.9', '2026/12/20 09:00:00', 'A支部', '优秀', '较好'], ['10.0.0.9', '2026/12/20 09:10:20', 'A支部', '优秀', '较好']])).toEqual([null, null]);
  });

  test('a submission time in column A is used: an hour apart is two respondents', () => {
    const head = ['提交答卷时间', '来自IP', '1、您所在的党支部：', ...Q];
    expect(raters([head, ['2026/12/20 09:00', '10.0.0.9', 'A支部', '优秀', '较好'], ['2026/12/20 10:00', '10.0.0.9', 'A支部', '优秀', '较好']])).toEqual([null, null]);
  });

  test('a third submission is compared with the second as well as the first', () => {
    const head = ['来自IP', '提交答卷时间', '1、您所在的党支部：', ...Q];
    const row = (time: string): CellValue[] => ['10.0.0.9', time, 'A支部', '优秀', '较好'];
    const rater = '来自IP 10.0.0.9 的相同答卷';
    expect(raters([head, row('2026/12/20 09:00'), row('2026/12/20 09:20'), row('2026/12/20 09:25')])).toEqual([null, rater, rater]);
  });
});

describe('问卷选项顺序', () => {
  const settings = sheet('考核参数', [['参数', '值'], ['问卷选项顺序', '优秀,较好,一般,差']]);

  test('only whole option numbers 1 to 4 on questionnaire sheets become grades', () => {
    const r = read([['1、您所在的党支部：', ...Q], ['A支部', 2.5, 0], ['B支部', 4, 1]], [settings, sheet('民主测评', [['党支部', '1.1'], ['C支部', 1]])]);
    expect(r.input.forms.map((f) => `${f.branch}:${f.ratings.map((x) => String(x.value)).join(',')}`)).toEqual(['A支部:2.5,0', 'B支部:差,优秀', 'C支部:1']);
  });
});
