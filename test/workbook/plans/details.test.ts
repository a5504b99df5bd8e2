import { planDetailsSheet, shortText } from '../../../src/workbook/plans/details';
import { at, column, result, rowAt, styleAt } from './fixtures';

describe('计算明细 sheet', () => {
  const sheet = planDetailsSheet(result(), 'zh', '计算明细');

  test('two header rows: fixed columns span both, each source spans 份数 and 均值', () => {
    expect(at(sheet, 'A1')).toBe('2026年度党支部工作目标管理考核计算明细');
    expect(rowAt(sheet, 3)).toEqual(['党支部', '编号', '考核内容', '分值', '组织考核', null, '民主测评', null, '自评(全年)', null, '自评(半年)', null, '加权得分']);
    expect(rowAt(sheet, 4)).toEqual([null, null, null, null, '份数', '均值', '份数', '均值', '份数', '均值', '份数', '均值']);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A3:A4', 'D3:D4', 'E3:F3', 'K3:L3', 'M3:M4']));
    expect(sheet.freeze).toEqual({ rows: 4, columns: 2 });
    expect(sheet.print).toMatchObject({ titleRows: '3:4', orientation: 'landscape' });
  });

  test('one row per indicator: points, forms and mean per source, weighted score', () => {
    expect(rowAt(sheet, 5)).toEqual(['机关第一党支部', '1.1', '支委会组织健全,成员分工明确,责任落…', 30, 3, 1, 20, 0.9, 1, 1, 1, 0.85, 28.8]);
    expect(rowAt(sheet, 7)).toEqual(['机关第一党支部', '2.1', '党支部坚持每两个月至少一次组织活动…', 40, 2, 0.925, 20, 0.9, 1, 1, 1, 0.975, 36.6]);
    expect(styleAt(sheet, 'F5').numberFormat).toBe('0.0000');
    expect(styleAt(sheet, 'L7').numberFormat).toBe('0.0000');
    expect(styleAt(sheet, 'M5').numberFormat).toBe('0.00');
  });

  test('branch totals: subtotal traces to the indicators, then adjustment and total', () => {
    const sub = rowAt(sheet, 8);
    expect(sub.slice(0, 12)).toEqual(['机关第一党支部', null, '合计（加减分前）', null, 3, 94, 20, 88.5, 1, 96, null, 90]);
    // 28.8 + 26.4 + 36.6 = 91.8 = 0.6 × 94 + 0.4 × 88.5
    expect(sub[12]).toBeCloseTo(91.8, 10);
    expect(styleAt(sheet, 'F8').numberFormat).toBe('0.00');
    expect(rowAt(sheet, 9)).toEqual(['机关第一党支部', null, '加减分', null, null, null, null, null, null, null, null, null, 0.5]);
    expect(rowAt(sheet, 10)).toEqual(['机关第一党支部', null, '总分', null, null, null, null, null, null, null, null, null, 92.3]);
    expect(styleAt(sheet, 'A10')).toMatchObject({ bold: true, fill: '#F2F2F2' });
    expect(styleAt(sheet, 'M10').numberFormat).toBe('0.0');
  });

  test('every branch has its indicator rows and three total rows, in roster order', () => {
    // 5 branches × (3 indicators + 3 totals) = 30 rows after 4 header rows
    expect(sheet.values).toHaveLength(34);
    const names = column(sheet, 0, 5, 34);
    expect(names.filter((n) => n === '基建处党支部')).toHaveLength(6);
    expect(column(sheet, 0, 11, 11)).toEqual(['机关第二党支部']);
  });

  test('an incomplete branch: no subtotal, no total', () => {
    // 基建处党支部 is the 4th branch: rows 5 + 3×6 = 23..28
    expect(rowAt(sheet, 23).slice(0, 8)).toEqual(['基建处党支部', '1.1', '支委会组织健全,成员分工明确,责任落…', 30, 3, 0.7, 0, null]);
    expect(rowAt(sheet, 23)[12]).toBeNull();
    expect(rowAt(sheet, 26)[12]).toBeNull();
    expect(rowAt(sheet, 27)[12]).toBe(-3);
    expect(rowAt(sheet, 28)).toEqual(['基建处党支部', null, '总分（待补充，不评定）', null, null, null, null, null, null, null, null, null, null]);
  });

  test('shortText keeps short texts whole', () => {
    expect(shortText('班子成员廉洁自律。')).toBe('班子成员廉洁自律。');
    expect(shortText('一二三四五', 3)).toBe('一二三…');
    expect(shortText('一二，三四五', 3)).toBe('一二…');
  });

  test('English headers', () => {
    const en = planDetailsSheet(result(), 'en', '计算明细');
    expect(rowAt(en, 3).slice(0, 5)).toEqual(['Branch', 'Code', 'Indicator', 'Points', 'Organisational']);
    expect(at(en, 'C8')).toBe('Subtotal before adjustments');
  });
});
