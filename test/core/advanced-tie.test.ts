/** SPEC §3 advanced-tie: the 先进推荐名额 cap inside a tie is said, in the checks and the notification. */
import { assess } from '../../src/core/assess';
import { buildNotification } from '../../src/core/notification';
import { planNotificationSheet } from '../../src/workbook/plans/notification';
import { InputBuilder } from './fixtures';

function result(quota: number) {
  const b = new InputBuilder(['A', 'B', 'C', 'D'], { year: 2026, advancedQuota: quota });
  b.graded('A', '较好', '较好').graded('B', '优秀', '优秀').graded('C', '优秀', '优秀').graded('D', '优秀', '较好');
  return assess(b.build());
}

describe('advanced-tie', () => {
  test('a quota of 1 falls inside the tie of B and C: a warning names both, roster order decides for now', () => {
    const r = result(1);
    const tie = r.findings.filter((f) => f.code === 'advanced-tie');
    expect(tie).toHaveLength(1);
    expect(tie[0].severity).toBe('warning');
    expect(tie[0].message.zh).toContain('“B”、“C”');
    expect(tie[0].message.en).toContain('"B", "C"');
    const model = buildNotification(r, '2026-12-30');
    expect(model.candidates).toEqual(['B']);
    expect(model.advancedTie).toEqual(['B', 'C']);
    const sheet = planNotificationSheet(model, r.ruleset, '考核结果通报');
    const text = JSON.stringify(sheet.mode === 'new' ? sheet.values : []);
    expect(text).toContain('B、C总分相同，并列于先进党支部推荐名额（1个）处');
    expect(model.paragraphs.join('')).toContain('B、C总分相同');
    expect(text).toContain('请党委研究确定');
  });

  test('a quota past the tie (2), or no cap, says nothing', () => {
    for (const quota of [2, 0]) {
      const r = result(quota);
      expect(r.findings.filter((f) => f.code === 'advanced-tie')).toEqual([]);
      expect(buildNotification(r, '2026-12-30').advancedTie).toBeUndefined();
    }
  });
});
