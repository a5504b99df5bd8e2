/**
 * Which branches exist and which written names stand for which (SPEC §4.3): the order of near names shown
 * to the clerk, the bounds of "plausible" and "close", and the roster's blank and repeated entries.
 */
import { nearestNames, resolveBranches } from '../../src/core/branches';
import { InputBuilder } from './fixtures';

describe('nearestNames: order and bounds', () => {
  it('lists plausible names by distance, a contained name counting one nearer', () => {
    // 'abcx' is 1 away; 'abcdX' is 1 away and contains the written name, so it comes first and alone is close
    expect(nearestNames('abcd', ['abcx', 'abcdX'])).toEqual({ candidates: [1, 0], close: [1] });
    expect(nearestNames('abcd', ['abxx', 'abcx', 'zzzz'])).toEqual({ candidates: [1, 0], close: [1] });
  });

  it('breaks an equal score by distance, then by roster order, and keeps three', () => {
    // score 1 both: 'abcx' (distance 1) before 'abcdxy' (distance 2, contains)
    expect(nearestNames('abcd', ['abcdxy', 'abcx']).candidates).toEqual([1, 0]);
    expect(nearestNames('abcd', ['abcy', 'abcx', 'abcz', 'abcw'])).toEqual({ candidates: [0, 1, 2], close: [0, 1, 2, 3] });
  });

  it('calls a name plausible up to half the longer name (at least 2), and close only within 2', () => {
    expect(nearestNames('abcd', ['abXY'])).toEqual({ candidates: [0], close: [0] }); // distance 2 = bound
    expect(nearestNames('abcdefgh', ['abcdeXYZ'])).toEqual({ candidates: [0], close: [] }); // 3 ≤ 8/2, not close
    expect(nearestNames('abcdefgh', ['abcdeXYZQQ']).candidates).toEqual([0]); // 5 ≤ 10/2: the longer name counts
    expect(nearestNames('abcdeXYZQQ', ['abcdefgh']).candidates).toEqual([0]);
    expect(nearestNames('abcdefgh', ['abXYZWVU']).candidates).toEqual([]); // 6 > 8/2
  });
});

describe('resolveBranches', () => {
  it('skips blank and repeated roster names, and keeps 分组 and 党员人数 only when given', () => {
    const input = new InputBuilder([
      { name: '机关第一党支部', group: '  ' },
      { name: '  ' },
      { name: '机关第二党支部', group: '机关总支', members: 12 },
      { name: ' 机关第一党支部 ' },
    ]).build();
    const b = resolveBranches(input);
    expect(b.list).toEqual([{ name: '机关第一党支部' }, { name: '机关第二党支部', group: '机关总支', members: 12 }]);
    expect(Object.keys(b.list[0])).toEqual(['name']);
  });

  it('without a roster, takes each written name once and never a blank one', () => {
    const input = new InputBuilder(null).form('  ', '组织考核', '优秀').form('机关第一党支部', '组织考核', '优秀').form('机关第一党支部 ', '自评', '优秀').build();
    expect(resolveBranches(input).list).toEqual([{ name: '机关第一党支部' }]);
  });

  it('reports each unknown spelling once per sheet and names it once on the branch it holds back', () => {
    const input = new InputBuilder(['机关第一党支部', '后勤党支部'])
      .form('机关第一支部', '组织考核', '优秀')
      .form('机关第一支部', '民主测评', '优秀')
      .form('研究所办公室', '民主测评', '优秀')
      .build();
    const b = resolveBranches(input);
    expect(b.findings.filter((f) => f.code === 'unknown-branch').map((f) => [f.sheet, f.cell])).toEqual([
      ['组织考核', 'A2'],
      ['民主测评', 'A2'],
      ['民主测评', 'A3'],
    ]);
    expect(b.misspelled.get(0)).toEqual(['机关第一支部']);
    expect(b.misspelled.has(1)).toBe(false);
  });
});
