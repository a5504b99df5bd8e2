import { editDistance, nearestNames } from '../../src/core/branches';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions by character', () => {
    expect(editDistance('机关第一党支部', '机关第一支部')).toBe(1);
    expect(editDistance('第一党支部', '第二党支部')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('同', '同')).toBe(0);
  });
});

describe('nearestNames', () => {
  const roster = ['机关第一党支部', '机关第二党支部', '研究室党支部', '后勤党支部'];
  it('ranks by distance with a bonus for containment, up to 3 names', () => {
    const n = nearestNames('机关第一支部', roster);
    expect(n.candidates[0]).toBe(0);
    expect(n.candidates).toContain(1);
    expect(n.candidates.length).toBeLessThanOrEqual(3);
    expect(n.close).toEqual([0]);
  });
  it('treats containment as close', () => {
    expect(nearestNames('研究室', roster)).toMatchObject({ close: [2] });
    expect(nearestNames('研究室党支部（筹）', roster).close).toEqual([2]);
  });
  it('finds nothing close for an unrelated name', () => {
    expect(nearestNames('离退休人员管理办公室', roster)).toEqual({ candidates: [], close: [] });
  });
  it('blocks every equally near close name when the nearest is not single', () => {
    expect(nearestNames('机关第三党支部', roster).close).toEqual([0, 1]);
  });
});
