/**
 * Which columns of a questionnaire download are read (src/workbook/recognise/layouts/questionnaire.ts):
 * matrix headers that name their indicator only inside the brackets or only after a separator, columns
 * without a question number, and the branch and identity questions when a later question mentions the same word.
 */
import { recognise } from '../../../../src/workbook/recognise';
import type { CellValue } from '../../../../src/core/types';
import { book, INDICATORS, sheet } from '../helpers';

const T = (i: number): string => INDICATORS[i].text;
const PLATFORM = ['序号', '提交答卷时间', '来自IP'];
const ANSWERS = [1, '2026/12/20 10:00:00', '10.0.0.1'];

function read(header: string[], row: CellValue[]) {
  const r = recognise(book(sheet('民主测评问卷', [header, row])));
  return { role: r.sheets[0].role, forms: r.input.forms.map((f) => `${f.branch}|${f.raterType ?? ''}|${f.ratings.map((x) => `${x.indicator}@${x.ref.cell}`).join(',')}`) };
}

describe('questionnaire headers', () => {
  test('the indicator named only inside the last brackets, after words that name nothing', () => {
    const got = read([...PLATFORM, '1、您所在的党支部：', `2、请评价（${T(0)}）`, `2、请评价（${T(1)}）`], [...ANSWERS, 'A支部', '优秀', '较好']);
    expect(got).toEqual({ role: 'questionnaire', forms: ['A支部||1.1@E2,1.2@F2'] });
  });

  test('the indicator named only after a spaced hyphen or a colon', () => {
    const got = read([...PLATFORM, '1、您所在的党支部：', `2、请评价 - ${T(0)}`, `2、请评价：${T(1)}`], [...ANSWERS, 'A支部', '优秀', '较好']);
    expect(got).toEqual({ role: 'questionnaire', forms: ['A支部||1.1@E2,1.2@F2'] });
  });

  test('a column without a question number (备注, 姓名) is neither a question nor a rating', () => {
    const got = read([...PLATFORM, '姓名', '1、您所在的党支部：', `2(${T(0)})`, `2(${T(1)})`, '备注'], [...ANSWERS, '张三', 'A支部', '优秀', '较好', '差']);
    expect(got).toEqual({ role: 'questionnaire', forms: ['A支部||1.1@F2,1.2@G2'] });
  });

  test('the branch question in column A stays the branch when a later question mentions 支部', () => {
    const got = read(['1、您所在的党支部：', `2(${T(0)})`, `2(${T(1)})`, '3、您对本支部书记的意见：'], ['A支部', '优秀', '较好', '很好']);
    expect(got.forms).toEqual(['A支部||1.1@B2,1.2@C2']);
  });

  test('the identity question in column A stays the identity when a later question mentions 身份', () => {
    const got = read(['1、您的政治面貌：', '2、您所在的党支部：', `3(${T(0)})`, `3(${T(1)})`, '4、您的身份证号后四位：'], ['中共党员', 'A支部', '优秀', '较好', '1234']);
    expect(got.forms).toEqual(['A支部|party|1.1@C2,1.2@D2']);
  });
});
