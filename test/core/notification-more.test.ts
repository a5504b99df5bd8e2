/** 考核结果通报's model: the lead without a year, the reasons of 待补充 rows, the 先进 cap at its edge. */
import { assess } from '../../src/core/assess';
import { advancedCandidates, buildNotification } from '../../src/core/notification';
import { InputBuilder } from './fixtures';

describe('buildNotification, more', () => {
  it('says 党支部工作 in the lead when the year is not set', () => {
    const b = new InputBuilder(['A', 'B'], { year: null }).graded('A', '优秀', '优秀').graded('B', '较好', '较好');
    const n = buildNotification(assess(b.build()), '2026-12-28');
    expect(n.lead).toContain('对2个党支部的党支部工作进行了目标管理考核');
    expect(n.title).toBe('关于党支部工作目标管理考核结果的通报');
  });

  it('joins a 待补充 branch’s reasons with ；and keeps its 分组', () => {
    const b = new InputBuilder([{ name: 'A', group: '机关党总支' }, 'B']).graded('B', '优秀', '优秀');
    b.form('A', '组织考核', { '*': '优秀', '1.1': '很好' }).adjustment('A', 50); // an invalid rating and a clamped adjustment
    const n = buildNotification(assess(b.build()), '2026-12-28');
    expect(n.incomplete).toHaveLength(1);
    expect(n.incomplete[0].group).toBe('机关党总支');
    expect(n.incomplete[0].reason.split('；').length).toBeGreaterThan(1);
  });
});

describe('advancedCandidates', () => {
  it('takes 优秀 branches in rank order, not roster order', () => {
    const b = new InputBuilder(['A', 'B', 'C']).graded('A', '较好', '较好').graded('B', { '*': '优秀', '1.1': '较好' }, '优秀').graded('C', '优秀', '优秀');
    const r = assess(b.build());
    expect(advancedCandidates(r.branches, 0)).toEqual({ candidates: ['C', 'B'], tied: [] });
  });

  it('keeps every 优秀 branch when there are exactly as many as the quota', () => {
    const b = new InputBuilder(['A', 'B']).graded('A', '优秀', '优秀').graded('B', '优秀', '优秀');
    expect(advancedCandidates(assess(b.build()).branches, 2)).toEqual({ candidates: ['A', 'B'], tied: [] });
  });
});
