import type { SheetPlan } from '../../../src/workbook/plan';
import { planNotificationSheet, rowPieces } from '../../../src/workbook/plans/notification';
import { RULESET, at, notification, result, rowAt, styleAt } from './fixtures';

/** The 0-based row whose first cell is `text` (after the paragraph indent). */
function rowOf(sheet: SheetPlan, text: string): number {
  const r = sheet.values.findIndex((row) => typeof row[0] === 'string' && row[0].replace(/^\u3000+/, '') === text);
  if (r < 0) throw new Error(`no row ${text}`);
  return r;
}

describe('考核结果通报 sheet', () => {
  const model = notification();
  const sheet = planNotificationSheet(model, RULESET, '考核结果通报');

  test('title (in its balanced lines), 主送 and the body paragraphs in order, merged across and wrapped', () => {
    expect(at(sheet, 'A1')).toBe('关于2026年度党支部工作目标管理\n考核结果的通报');
    expect(at(sheet, 'A3')).toBe('各党总支、党支部：');
    expect(at(sheet, 'A4')).toBe('\u3000\u3000' + model.lead);
    const rows = model.paragraphs.map((p) => rowOf(sheet, p));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:E1', 'A4:E4']));
    expect(styleAt(sheet, 'A4').wrap).toBe(true);
    expect(sheet.rowHeights?.find((h) => h.row === 3)?.height).toBeGreaterThanOrEqual(40);
  });

  test('the body says the grade counts and the candidates in words', () => {
    const text = model.paragraphs.join('');
    expect(text).toContain('其中“优秀”1个，“较好”2个，“一般”0个，“差”1个');
    expect(text).toContain('推荐机关第一党支部为先进党支部候选单位');
    const none = notification({ branches: result().branches.map((b) => (b.grade === '优秀' ? { ...b, grade: '较好' } : b)) });
    expect(none.paragraphs.join('')).toContain('暂不推荐先进党支部候选单位');
  });

  test('落款 after the 附件说明, right-aligned, date per 日期格式', () => {
    const issuer = rowOf(sheet, '中共××研究院党委办公室');
    expect(sheet.values[issuer + 1][0]).toBe('2026年12月28日');
    expect(sheet.values[issuer - 2][0]).toBe('\u3000\u3000附件：2026年度党支部考核结果排名表');
    expect(styleAt(sheet, `A${issuer + 1}`).hAlign).toBe('right');
    const chinese = notification({ ruleset: { ...RULESET, dateStyle: 'chinese' } });
    const s = planNotificationSheet(chinese, RULESET, '考核结果通报');
    expect(s.values.flat()).toContain('二〇二六年十二月二十八日');
  });

  test('附件: the table in rank order, ties shown as 并列, header repeated when printed', () => {
    const h = rowOf(sheet, '名次');
    expect(rowAt(sheet, h + 1)).toEqual(['名次', '党支部', '所属总支', '总分', '等级']);
    expect(rowAt(sheet, h + 2)).toEqual([1, '机关第一党支部', '机关党总支', 92.3, '优秀']);
    expect(rowAt(sheet, h + 3)).toEqual(['2（并列）', '机关第二党支部', '机关党总支', 85, '较好']);
    expect(rowAt(sheet, h + 4)).toEqual(['2（并列）', '离退休党支部', '机关党总支', 85, '较好']);
    expect(rowAt(sheet, h + 5)).toEqual([4, '后勤服务党支部', '后勤党总支', 65.5, '差']);
    expect(styleAt(sheet, `D${h + 2}`).numberFormat).toBe('0.0');
    expect(styleAt(sheet, `E${h + 5}`).border).toBe(true);
    expect(sheet.print).toEqual({ paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: `${h + 1}:${h + 1}`, area: `A1:E${sheet.values.length}`, centered: true });
    expect(sheet.kind).toBe('notification');
  });

  test('incomplete branches are listed apart with a reason the recipients understand, never ranked', () => {
    const r = rowOf(sheet, '序号');
    expect(rowAt(sheet, r + 2)).toEqual([1, '基建处党支部', '后勤党总支', '缺少民主测评结果；部分评分填写不规范']);
    expect(sheet.merges).toContain(`D${r + 2}:E${r + 2}`);
    const text = JSON.stringify(sheet.values);
    expect(text).not.toContain('校验问题');
    expect(text).not.toMatch(/\d+ 个错误/);
    const h = rowOf(sheet, '名次');
    expect(sheet.values.slice(h, h + 6).map((row) => row[1])).not.toContain('基建处党支部');
  });

  test('no incomplete branches: no 待补充 section', () => {
    const s = planNotificationSheet(notification({ branches: result().branches.filter((b) => b.status === 'graded') }), RULESET, '考核结果通报');
    expect(s.values.flat()).not.toContain('序号');
  });

  test('without 发文机关标志 no 版头 and no 版记; with it, the red mark, 发文字号 and red line, and the 版记 at the end', () => {
    expect(JSON.stringify(sheet.values)).not.toContain('抄送');
    const rs = { ...RULESET, letterhead: '中共××研究院委员会办公室文件', documentNumber: '院党办〔2026〕3号', cc: ['院长办公室', '纪委'], printer: '中共××研究院委员会办公室' };
    const s = planNotificationSheet(notification({ ruleset: rs }), rs, '考核结果通报');
    expect(at(s, 'A1')).toBe('中共××研究院委员会办公室文件');
    expect(styleAt(s, 'A1').fontColor).toBe('#FF0000');
    expect(at(s, 'A2')).toBe('院党办〔2026〕3号');
    expect(styleAt(s, 'A3').fill).toBe('#FF0000');
    expect(at(s, 'A5')).toBe('关于2026年度党支部工作目标管理\n考核结果的通报');
    const flat = s.values.flat();
    expect(flat).toContain('抄送：院长办公室，纪委。');
    expect(flat).toContain('中共××研究院委员会办公室');
    expect(flat).toContain('2026年12月28日印发');
    expect(rowOf(s, '抄送：院长办公室，纪委。')).toBeGreaterThan(rowOf(s, '序号'));
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
    const paragraphs = [...base.paragraphs, `根据考核结果，推荐${names.join('、')}为先进党支部候选单位，报党委研究确定。`];
    const sheet = planNotificationSheet({ ...base, paragraphs }, RULESET, '考核结果通报');
    expect(Math.max(...(sheet.rowHeights ?? []).map((h) => h.height))).toBeLessThanOrEqual(409);
    const written = sheet.values.map((row) => (typeof row[0] === 'string' ? row[0] : '')).join('');
    for (const n of [names[0], names[499], names[999]]) expect(written).toContain(`${n}、`.slice(0, n.length));
    expect(written).toContain('推荐第1党支部、');
  });
});

describe('考核结果通报 faces', () => {
  const sheet = planNotificationSheet(notification(), RULESET, '考核结果通报');
  const h = rowOf(sheet, '名次') + 1;

  test('a printed notice’s faces: title 宋体, header 黑体, body 仿宋 or the 公文字体 setting', () => {
    expect(styleAt(sheet, 'A1').fontName).toBe('宋体');
    expect(styleAt(sheet, `C${h}`).fontName).toBe('黑体');
    expect(['A3', 'A4', `B${h + 1}`].map((a) => styleAt(sheet, a).fontName)).toEqual(['仿宋', '仿宋', '仿宋']);
    // 仿宋_GB2312 (the default) is not on today's Windows and Excel does not substitute it: 仿宋 stands in
    const gb = planNotificationSheet(notification(), { ...RULESET, documentFont: '仿宋_GB2312' }, '考核结果通报');
    expect(styleAt(gb, 'A4').fontName).toBe('仿宋');
    const kai = planNotificationSheet(notification(), { ...RULESET, documentFont: '楷体' }, '考核结果通报');
    expect(styleAt(kai, 'A4').fontName).toBe('楷体');
    expect(styleAt(kai, 'A1').fontName).toBe('宋体');
  });
});
