import { assess } from '../../src/core/assess';
import { balancedLines, buildNotification } from '../../src/core/notification';
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
    expect(n.incomplete).toEqual([{ name: 'E', reason: '缺少民主测评结果' }]);
    expect(n.attachment.incomplete?.rows).toEqual([['1', 'E', '', '缺少民主测评结果']]);
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
    expect(n.titleLines).toEqual(['关于党支部工作目标管理考核结果的通报']);
  });

  it('主送, the body in order, the 附件说明 and the date per 日期格式', () => {
    const n = buildNotification(sample(), '2026-12-08');
    expect(n.addressee).toBe('各党总支、党支部：');
    expect(n.paragraphs[0]).toBe(n.lead);
    expect(n.paragraphs[1]).toBe('本次考核评定4个党支部，其中“优秀”2个，“较好”1个，“一般”1个，“差”0个。各党支部名次、总分和等级见附件。');
    expect(n.paragraphs[2]).toBe('根据考核结果，推荐B、C为先进党支部候选单位，报党委研究确定。');
    expect(n.paragraphs[3]).toContain('E共1个党支部考核材料不全');
    expect(n.attachmentNote).toBe('附件：2026年度党支部考核结果排名表');
    expect(n.dateText).toBe('2026年12月8日');
    expect(n.letterhead).toBeUndefined();
    expect(n.imprint).toBeUndefined();
  });
});

describe('balancedLines (GB/T 9704-2012 7.3.1: words kept whole, a trapezoid or diamond)', () => {
  it('breaks the title between words, never as …考核结果 / 的通报, and not as a rectangle', () => {
    const n = buildNotification(sample(), 'd');
    expect(n.titleLines).toEqual(['关于2026年度党支部工作目标管理', '考核结果的通报']);
    expect(n.titleLines.join('')).toBe(n.title);
  });
  it('one line when it fits; lines of one length avoided; the most even shape otherwise', () => {
    expect(balancedLines(['关于', '请示'])).toEqual(['关于请示']);
    expect(balancedLines(['一二三四五', '六七八九十', '甲乙丙丁戊'], 10)).toEqual(['一二三四五', '六七八九十甲乙丙丁戊']);
    expect(balancedLines(['一二三四五六', '七八九十甲乙', '丙'], 10)).toEqual(['一二三四五六', '七八九十甲乙丙']);
  });
});

describe('recipient reasons (SPEC §8: written for the recipients)', () => {
  it('names what is missing, never the checks sheet or a count of errors', () => {
    const b = new InputBuilder(['A', 'B', 'C'], { year: 2026 });
    b.graded('A', '优秀', '优秀');
    b.form('B', '组织考核', { '1.1': '优良' }).forms(5, 'B', '民主测评', '优秀');
    b.form('C', '组织考核', '优秀');
    const n = buildNotification(assess(b.build()), 'd');
    expect(n.incomplete.map((x) => x.reason)).toEqual(['组织考核评分不全；部分评分填写不规范', '缺少民主测评结果']);
    for (const x of n.incomplete) expect(x.reason).not.toMatch(/校验|错误/);
  });
});
