import { planNotificationSheet, rowPieces } from '../../../src/workbook/plans/notification';
import { RULESET, at, notification, rowAt, styleAt } from './fixtures';

describe('考核结果通报 sheet', () => {
  const sheet = planNotificationSheet(notification(), RULESET, '2026-12-31', '考核结果通报');

  test('title and lead are merged across the table; the lead wraps', () => {
    expect(at(sheet, 'A1')).toBe('关于2026年度党支部工作目标管理考核结果的通报');
    expect(at(sheet, 'A2')).toBe(notification().lead);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2']));
    expect(styleAt(sheet, 'A2').wrap).toBe(true);
    expect(sheet.rowHeights?.find((h) => h.row === 1)?.height).toBeGreaterThanOrEqual(40);
  });

  test('table in rank order, ties shown as 并列', () => {
    expect(rowAt(sheet, 4)).toEqual(['名次', '党支部', '所属总支', '总分', '等级']);
    expect(rowAt(sheet, 5)).toEqual([1, '机关第一党支部', '机关党总支', 92.3, '优秀']);
    expect(rowAt(sheet, 6)).toEqual(['2（并列）', '机关第二党支部', '机关党总支', 85, '较好']);
    expect(rowAt(sheet, 7)).toEqual(['2（并列）', '离退休党支部', '机关党总支', 85, '较好']);
    expect(rowAt(sheet, 8)).toEqual([4, '后勤服务党支部', '后勤党总支', 65.5, '差']);
    expect(styleAt(sheet, 'D5').numberFormat).toBe('0.0');
    expect(styleAt(sheet, 'E8').border).toBe(true);
  });

  test('grade counts and advanced-branch candidates follow the table', () => {
    expect(at(sheet, 'A10')).toBe('各等级数量：优秀 1 个、较好 2 个、一般 0 个、差 1 个');
    expect(at(sheet, 'A11')).toBe('先进党支部推荐：机关第一党支部');
    const none = planNotificationSheet(notification({ candidates: [] }), RULESET, '2026-12-31', '考核结果通报');
    expect(at(none, 'A11')).toBe('先进党支部推荐：无');
  });

  test('incomplete branches are listed apart with their reason, never in the ranked table', () => {
    expect(at(sheet, 'A13')).toBe('待补充（材料不全，暂不评定、不排名）：共 1 个');
    expect(rowAt(sheet, 14)).toEqual(['序号', '党支部', '所属总支', '原因']);
    expect(rowAt(sheet, 15)).toEqual([1, '基建处党支部', '后勤党总支', '民主测评有 1 处评分无效']);
    expect(sheet.merges).toContain('D15:E15');
    const ranked = sheet.values.slice(4, 8).map((r) => r[1]);
    expect(ranked).not.toContain('基建处党支部');
  });

  test('issuer and date at the bottom, right-aligned, date in Chinese form', () => {
    expect(at(sheet, 'A17')).toBe('中共××研究院党委办公室');
    expect(at(sheet, 'A18')).toBe('2026年12月28日');
    expect(sheet.values).toHaveLength(18);
    expect(styleAt(sheet, 'A17').hAlign).toBe('right');
    expect(styleAt(sheet, 'A18').hAlign).toBe('right');
    // the model's date wins; the option's date is the fallback
    const fallback = planNotificationSheet(notification({ date: '' }), RULESET, '2027-01-05', '考核结果通报');
    expect(at(fallback, 'A18')).toBe('2027年1月5日');
  });

  test('A4 portrait, one page wide, header repeated, print area set, centred', () => {
    expect(sheet.print).toEqual({ paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: '4:4', area: 'A1:E18', centered: true });
    expect(sheet.kind).toBe('notification');
  });

  test('no incomplete branches: no 待补充 section', () => {
    const s = planNotificationSheet(notification({ incomplete: [] }), RULESET, '2026-12-31', '考核结果通报');
    expect(s.values.flat()).not.toContain('序号');
    expect(at(s, 'A13')).toBe('中共××研究院党委办公室');
  });

  test('nothing graded: a placeholder row instead of the table body', () => {
    const s = planNotificationSheet(notification({ ranked: [], candidates: [] }), RULESET, '2026-12-31', '考核结果通报');
    expect(at(s, 'A5')).toBe('（无已评定的党支部）');
  });
});

describe('very long lines (hundreds of candidates)', () => {
  test('rowPieces cuts after a list separator and loses nothing', () => {
    const names = Array.from({ length: 300 }, (_, i) => `第${i + 1}党支部`);
    const text = '先进党支部推荐：' + names.join('、');
    const pieces = rowPieces(text, 100);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('、'))).toBe(true);
    expect(rowPieces('短句')).toEqual(['短句']);
  });

  test('1,000 candidates: every row within Excel’s 409 pt and every name written', () => {
    const base = notification();
    const names = Array.from({ length: 1000 }, (_, i) => `第${i + 1}党支部`);
    const sheet = planNotificationSheet({ ...base, candidates: names }, RULESET, '2026-12-28', '考核结果通报');
    expect(Math.max(...(sheet.rowHeights ?? []).map((h) => h.height))).toBeLessThanOrEqual(409);
    const written = sheet.values.map((row) => (typeof row[0] === 'string' ? row[0] : '')).join('');
    for (const n of [names[0], names[499], names[999]]) expect(written).toContain(`${n}、`.slice(0, n.length));
    expect(written).toContain('先进党支部推荐：第1党支部、');
  });
});

describe('考核结果通报 faces', () => {
  const sheet = planNotificationSheet(notification(), RULESET, '2026-12-31', '考核结果通报');

  test('a printed notice’s faces: title 宋体, header 黑体, body 仿宋 or the 公文字体 setting', () => {
    expect(styleAt(sheet, 'A1').fontName).toBe('宋体');
    expect(styleAt(sheet, 'C4').fontName).toBe('黑体');
    expect(styleAt(sheet, 'B14').fontName).toBe('黑体');
    expect(['A2', 'B6', 'A10', 'A13'].map((a) => styleAt(sheet, a).fontName)).toEqual(['仿宋', '仿宋', '仿宋', '仿宋']);
    // 仿宋_GB2312 (the default) is not on today's Windows and Excel does not substitute it: 仿宋 stands in
    const gb = planNotificationSheet(notification(), { ...RULESET, documentFont: '仿宋_GB2312' }, '2026-12-31', '考核结果通报');
    expect(styleAt(gb, 'A2').fontName).toBe('仿宋');
    const kai = planNotificationSheet(notification(), { ...RULESET, documentFont: '楷体' }, '2026-12-31', '考核结果通报');
    expect(styleAt(kai, 'A2').fontName).toBe('楷体');
    expect(styleAt(kai, 'A1').fontName).toBe('宋体');
  });
});
