/** The notes of a branch's row (计算明细 备注): what they leave out matters as much as what they say. */
import { assess } from '../../src/core/assess';
import { InputBuilder, branch } from './fixtures';

describe('notes of a branch', () => {
  it('names a weight-0 source that lacks indicators, never a weighted one (that is an error finding instead)', () => {
    const input = new InputBuilder(['机关第一党支部'])
      .form('机关第一党支部', '组织考核', { '*': '优秀', '1.1': null })
      .forms(5, '机关第一党支部', '民主测评', '较好')
      .form('机关第一党支部', '自评', { '*': '优秀', '2.1': null })
      .build();
    const r = branch(assess(input), '机关第一党支部');
    const zh = r.notes.map((n) => n.zh);
    expect(zh.some((t) => t.startsWith('自评缺少指标 2.1 '))).toBe(true);
    expect(zh.some((t) => t.startsWith('组织考核缺少指标'))).toBe(false);
  });

  it('gives a branch without a 分组 no group field at all (the JSON report leaves it out)', () => {
    const input = new InputBuilder(['机关第一党支部']).graded('机关第一党支部', '优秀', '优秀').build();
    expect(Object.keys(branch(assess(input), '机关第一党支部'))).not.toContain('group');
  });
});
