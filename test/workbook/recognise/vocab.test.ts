/**
 * Header words (src/workbook/recognise/vocab.ts): a tally's grade columns and the first column of a role.
 */
import { BRANCH, findCol, tallyGradeOf } from '../../../src/workbook/recognise/vocab';

describe('tally grade columns', () => {
  test('a grade, alone or with a count word after it, in any width and with brackets', () => {
    const texts = ['优秀', '较好票数', '一般(票)', '差（张）', '优秀 人数', '较好票数合计', '一般人', '差数', '优秀票'];
    expect(texts.map(tallyGradeOf)).toEqual(['优秀', '较好', '一般', '差', '优秀', '较好', '一般', '差', '优秀']);
  });

  test('a grade with other words after it, or a word before it, is no grade column', () => {
    expect(['优秀率', '差评', '较好比例', '票数优秀', '', '等级'].map(tallyGradeOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('the column of a role', () => {
  test('the first column whose key is in the set, skipping the columns taken; -1 when none', () => {
    const keys = ['序号', '党支部', '', '支部'];
    expect(findCol(keys, BRANCH)).toBe(1);
    expect(findCol(keys, BRANCH, [1])).toBe(3);
    expect(findCol(keys, BRANCH, [1, 3])).toBe(-1);
    expect(findCol([], BRANCH)).toBe(-1);
  });
});
