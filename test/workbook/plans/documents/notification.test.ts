import { buildNotification } from '../../../../src/core/notification';
import { defaultRuleset } from '../../../../src/core/ruleset';
import { buildNotificationDocument, documentDate } from '../../../../src/workbook/plans/documents';
import { sampleRun } from '../../../hosts/docx/fixtures';
import { result } from '../fixtures';

describe('documentDate (SPEC §8, GB/T 9704-2012 7.3.5)', () => {
  test('Arabic numerals by default, without leading zeros', () => {
    expect(documentDate('2026-12-31')).toBe('2026年12月31日');
    expect(documentDate('2027-01-05')).toBe('2027年1月5日');
  });
  test('Chinese numerals when 日期格式 asks', () => {
    expect(documentDate('2026-12-31', 'chinese')).toBe('二〇二六年十二月三十一日');
    expect(documentDate('2030-01-10', 'chinese')).toBe('二〇三〇年一月十日');
    expect(documentDate('2027-10-20', 'chinese')).toBe('二〇二七年十月二十日');
  });
});

describe('buildNotificationDocument', () => {
  const run = sampleRun();
  const doc = buildNotificationDocument(run.notification, run.result.ruleset);
  const n = doc.notice;
  const graded = run.result.branches.filter((b) => b.status === 'graded');
  const incomplete = run.result.branches.filter((b) => b.status !== 'graded');

  test('the model of the run, with the faces of GB/T 9704-2012', () => {
    expect(n).toBe(run.notification);
    expect(n.title).toBe('关于2026年度党支部工作目标管理考核结果的通报');
    expect(n.addressee).toBe('各党总支、党支部：');
    expect(n.issuer).toBe('中共××研究院党委办公室');
    expect(n.dateText).toBe('2026年12月31日');
    expect(doc.fonts).toEqual({ title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', pageNumber: '宋体' });
  });

  test('the body gives the grade counts and the advanced-branch candidates; the incomplete branches are named apart', () => {
    const text = n.paragraphs.join('\n');
    const counts = run.result.gradeCounts;
    expect(text).toContain(`其中“优秀”${counts.优秀}个，“较好”${counts.较好}个，“一般”${counts.一般}个，“差”${counts.差}个`);
    const excellent = graded.filter((b) => b.grade === '优秀').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((b) => b.name);
    expect(excellent.length).toBeGreaterThan(0);
    expect(text).toContain(`推荐${excellent.join('、')}为先进党支部候选单位`);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const b of incomplete) expect(text).toContain(b.name);
    expect(n.attachmentNote).toBe(`附件：${n.attachment.title}`);
  });

  test('附件: graded branches in rank order with totals to the ruleset decimals; incomplete ones apart and unranked', () => {
    const rows = n.attachment.ranked.rows;
    expect(rows).toHaveLength(graded.length);
    const byRank = [...graded].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    expect(rows.map((r) => r[1])).toEqual(byRank.map((b) => b.name));
    expect(rows.map((r) => r[3])).toEqual(byRank.map((b) => (b.total as number).toFixed(1)));
    expect(rows.map((r) => r[4])).toEqual(byRank.map((b) => b.grade));
    expect(n.attachment.incomplete?.rows.map((r) => r[1])).toEqual(incomplete.map((b) => b.name));
    for (const b of incomplete) expect(rows.some((r) => r[1] === b.name)).toBe(false);
    expect(doc.widths.ranked).toHaveLength(n.attachment.ranked.columns.length);
  });

  test('settings choose the body font, the date style and the decimals', () => {
    const rs = { ...defaultRuleset(), year: 2027, documentFont: '仿宋', dateStyle: 'chinese' as const, decimals: 2 };
    const model = buildNotification(result({ ruleset: rs }), '2027-12-30');
    const d = buildNotificationDocument(model, rs);
    expect(d.fonts.body).toBe('仿宋');
    expect(d.notice.dateText).toBe('二〇二七年十二月三十日');
    expect(d.notice.attachment.ranked.rows[1]).toEqual(['2（并列）', '机关第二党支部', '机关党总支', '85.00', '较好']);
  });
});
