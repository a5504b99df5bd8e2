import { assess } from '../../src/core/assess';
import { buildNotification } from '../../src/core/notification';
import { InputBuilder } from './fixtures';

function sample(quota = 0, year: number | null = 2026) {
  const b = new InputBuilder(
    [{ name: 'A', group: '机关党总支' }, 'B', 'C', 'D', 'E'],
    { year, advancedQuota: quota, issuer: '中共某所委员会办公室' },
  );
  b.graded('A', '较好', '较好').graded('B', '优秀', '优秀').graded('C', '优秀', '优秀').graded('D', '一般', '一般');
  b.form('E', '组织考核', '优秀'); // no 民主测评: incomplete
  return assess(b.build());
}

describe('buildNotification', () => {
  it('builds the title, lead, ranked table and counts', () => {
    const n = buildNotification(sample(), '2026-12-28');
    expect(n.title).toBe('关于2026年度党支部工作目标管理考核结果的通报');
    expect(n.lead).toContain('根据《党支部工作目标管理考核办法》');
    expect(n.lead).toContain('经党委考核组讨论确定');
    expect(n.lead).toContain('现将考核结果通报如下');
    expect(n.lead).toContain('2026年度');
    expect(n.ranked).toEqual([
      { rank: 1, tied: true, name: 'B', total: 100, grade: '优秀' },
      { rank: 1, tied: true, name: 'C', total: 100, grade: '优秀' },
      { rank: 3, tied: false, name: 'A', group: '机关党总支', total: 85, grade: '较好' },
      { rank: 4, tied: false, name: 'D', total: 75, grade: '一般' },
    ]);
    expect(n.gradeCounts).toEqual({ 优秀: 2, 较好: 1, 一般: 1, 差: 0 });
    expect(n.issuer).toBe('中共某所委员会办公室');
    expect(n.date).toBe('2026-12-28');
    expect(n.year).toBe(2026);
  });

  it('lists incomplete branches apart with a reason, never ranked', () => {
    const n = buildNotification(sample(), '2026-12-28');
    expect(n.ranked.map((r) => r.name)).not.toContain('E');
    expect(n.incomplete).toEqual([{ name: 'E', reason: '1 个错误，见校验问题' }]);
  });

  it('recommends 优秀 branches in rank order, capped by the quota', () => {
    expect(buildNotification(sample(0), 'd').candidates).toEqual(['B', 'C']);
    expect(buildNotification(sample(1), 'd').candidates).toEqual(['B']);
    expect(buildNotification(sample(5), 'd').candidates).toEqual(['B', 'C']);
  });

  it('omits the year gracefully when it is unknown', () => {
    const n = buildNotification(sample(0, null), 'd');
    expect(n.title).toBe('关于党支部工作目标管理考核结果的通报');
    expect(n.lead).not.toContain('null');
    expect(n.lead).not.toContain('年度党支部工作进行');
    expect(n.year).toBeNull();
  });
});
