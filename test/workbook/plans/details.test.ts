import { planDetailsSheet, shortText } from '../../../src/workbook/plans/details';
import { at, column, result, rowAt, styleAt } from './fixtures';

/** The most decimals of any number in the sheet: values are stored as they are shown. */
function shownDecimals(sheet: { values: unknown[][] }): number {
  let most = 0;
  for (const row of sheet.values) for (const v of row) if (typeof v === 'number') most = Math.max(most, (String(v).split('.')[1] ?? '').length);
  return most;
}

describe('计算明细 sheet', () => {
  const sheet = planDetailsSheet(result(), 'zh', '计算明细');

  test('two header rows: single columns span both, each source spans 份数 and 均值', () => {
    expect(at(sheet, 'A1')).toBe('2026年度党支部工作目标管理考核计算明细');
    expect(rowAt(sheet, 3)).toEqual([
      '党支部', '编号', '考核内容', '分值', '组织考核', null, '民主测评', null, '自评(全年)', null, '自评(半年)', null, '加权得分', '加减分', '总分',
    ]);
    expect(rowAt(sheet, 4)).toEqual([null, null, null, null, '份数', '均值', '份数', '均值', '份数', '均值', '份数', '均值']);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A3:A4', 'D3:D4', 'E3:F3', 'K3:L3', 'M3:M4', 'N3:N4', 'O3:O4']));
    expect(sheet.freeze).toEqual({ rows: 4, columns: 2 });
    expect(sheet.print).toMatchObject({ titleRows: '3:4', orientation: 'landscape' });
  });

  test('one row per indicator: points, forms and mean per source, weighted score', () => {
    expect(shownDecimals(sheet)).toBeLessThanOrEqual(4);
    expect(rowAt(sheet, 5)).toEqual(['机关第一党支部', '1.1', '支委会组织健全,成员分工…', 30, 3, 1, 20, 0.9, 1, 1, 1, 0.85, 28.8]);
    expect(rowAt(sheet, 7)).toEqual(['机关第一党支部', '2.1', '党支部坚持每两个月至少一…', 40, 2, 0.925, 20, 0.9, 1, 1, 1, 0.975, 36.6]);
    // each column in the format of what it holds: whole points and form counts, means and scores with
    // 2 to 4 decimals (every stored digit shown, 0.925 as 0.925, 1 as 1.00)
    expect(['D5', 'E5', 'F5', 'G5', 'L5', 'M5'].map((a) => styleAt(sheet, a).numberFormat)).toEqual(['0', '0', '0.00##', '0', '0.00##', '0.00##']);
  });

  test('one total row per branch: source scores, the sum before adjustments, adjustment, total', () => {
    const total = rowAt(sheet, 8);
    // the half-year self-assessment shows its score with its form count, as the annual sources do
    expect(total.slice(0, 12)).toEqual(['机关第一党支部', null, '合计', null, 3, 94, 20, 88.5, 1, 96, 1, 90]);
    expect(['E8', 'F8', 'K8', 'L8', 'M8', 'N8'].map((a) => styleAt(sheet, a).numberFormat)).toEqual(['0', '0.00##', '0', '0.00##', '0.00##', '+0.0;-0.0;0']);
    // 28.8 + 26.4 + 36.6 = 91.8 = 0.6 × 94 + 0.4 × 88.5; + 0.5 adjustment = 92.3
    expect(total.slice(12)).toEqual([91.8, 0.5, 92.3]);
    expect(styleAt(sheet, 'O8').numberFormat).toBe('0.0');
    expect(styleAt(sheet, 'A8')).toMatchObject({ bold: true, fill: '#F2F2F2', border: true });
    expect(styleAt(sheet, 'A7').bold).toBeUndefined();
  });

  test('every branch has its indicator rows and one total row, in roster order', () => {
    // 5 branches × (3 indicators + 1 total) = 20 rows after 4 header rows
    expect(sheet.values).toHaveLength(24);
    const names = column(sheet, 0, 5, 24);
    expect(names.filter((n) => n === '基建处党支部')).toHaveLength(4);
    expect(column(sheet, 0, 9, 9)).toEqual(['机关第二党支部']);
  });

  test('an incomplete branch: no sum, no total', () => {
    // 基建处党支部 is the 4th branch: rows 5 + 3×4 = 17..20
    expect(rowAt(sheet, 17).slice(0, 8)).toEqual(['基建处党支部', '1.1', '支委会组织健全,成员分工…', 30, 3, 0.7, 0, null]);
    expect(rowAt(sheet, 17)[12]).toBeNull();
    expect(rowAt(sheet, 20).slice(2, 3)).toEqual(['合计（数据不全，待补充）']);
    expect(rowAt(sheet, 20).slice(12)).toEqual([null, -3, null]);
  });

  test('a 1,000-branch sheet stays lean: one style range per branch, not per cell', () => {
    const big = result();
    const many = { ...big, branches: Array.from({ length: 1000 }, (_, i) => ({ ...big.branches[0], name: `第${i + 1}党支部` })) };
    const s = planDetailsSheet(many, 'zh', '计算明细');
    expect(s.values).toHaveLength(4 + 1000 * 4);
    expect(s.styles.length).toBeLessThan(2 * 1000 + 20);
  });

  test('points with halves get one decimal; whole adjustments none', () => {
    const base = result();
    const halves = {
      ...base,
      branches: base.branches.map((b) => ({ ...b, adjustment: Math.round(b.adjustment), indicators: b.indicators.map((d, i) => (i === 0 ? { ...d, points: d.points + 0.5 } : d)) })),
    };
    const s = planDetailsSheet(halves, 'zh', '计算明细');
    expect(at(s, 'D5')).toBe(30.5);
    expect(styleAt(s, 'D5').numberFormat).toBe('0.0');
    expect(styleAt(s, 'N8').numberFormat).toBe('+0;-0;0');
  });

  test('shortText keeps short texts whole', () => {
    expect(shortText('班子成员廉洁自律。')).toBe('班子成员廉洁自律。');
    expect(shortText('一二三四五', 3)).toBe('一二三…');
    expect(shortText('一二，三四五', 3)).toBe('一二…');
  });

  test('English headers', () => {
    const en = planDetailsSheet(result(), 'en', '计算明细');
    expect(rowAt(en, 3).slice(0, 5)).toEqual(['Branch', 'Code', 'Indicator', 'Points', 'Organisational']);
    expect(at(en, 'C8')).toBe('Total');
    expect(at(en, 'O3')).toBe('Total score');
  });
});
