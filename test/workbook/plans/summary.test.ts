import { planSummarySheet } from '../../../src/workbook/plans/summary';
import { defaultCatalogue } from '../../../src/core/catalogue';
import { RULESET, at, result, rowAt, styleAt } from './fixtures';

describe('考核汇总 sheet', () => {
  const sheet = planSummarySheet(result(), 'zh', '考核汇总');

  test('title merged across the table, ruleset line below it', () => {
    expect(at(sheet, 'A1')).toBe('2026年度党支部工作目标管理考核汇总表');
    // 3 fixed + 2 categories + 9 columns = 14 columns, A..N
    expect(sheet.merges).toContain('A1:N1');
    expect(sheet.merges).toContain('A2:N2');
    expect(String(at(sheet, 'A2'))).toContain('组织考核 60%、民主测评 40%、自评 0%');
    expect(String(at(sheet, 'A2'))).toContain('优秀 ≥90、较好 ≥80、一般 ≥70');
    expect(styleAt(sheet, 'A1').bold).toBe(true);
  });

  test('header row: category names without numeral, with their points', () => {
    expect(rowAt(sheet, 3)).toEqual([
      '序号',
      '所属总支',
      '党支部',
      '党支部班子自身建设(60分)',
      '党员教育管理监督(40分)',
      '组织考核',
      '民主测评',
      '自评(参考)',
      '加减分',
      '总分',
      '等级',
      '排名',
      '状态',
      '备注',
    ]);
    expect(styleAt(sheet, 'N3')).toMatchObject({ bold: true, border: true });
  });

  test('the default catalogue gives the six SPEC §2 subtotals in the header', () => {
    const s = planSummarySheet(result({ catalogue: defaultCatalogue() }), 'zh', '考核汇总');
    expect(rowAt(s, 3).slice(3, 9)).toEqual([
      '党支部班子自身建设(18分)',
      '党员教育管理监督(24分)',
      '发展党员工作(15分)',
      '思想政治工作(16分)',
      '党政配合(15分)',
      '其它工作(12分)',
    ]);
  });

  test('one row per branch in roster order with the hand-computed figures', () => {
    expect(rowAt(sheet, 4)).toEqual([1, '机关党总支', '机关第一党支部', 55.2, 36.6, 94, 88.5, 96, 0.5, 92.3, '优秀', 1, '已评定', null]);
    expect(rowAt(sheet, 5)).toEqual([2, '机关党总支', '机关第二党支部', 51, 34, 85, 85, null, 0, 85, '较好', 2, '已评定', '并列第2名']);
    expect(rowAt(sheet, 8)).toEqual([5, '后勤党总支', '后勤服务党支部', 36, 24, 60, 60, null, 5.5, 65.5, '差', 4, '已评定', null]);
    expect(sheet.values).toHaveLength(8);
  });

  test('an incomplete branch gets no figure at all (SPEC §3), status 待补充, and 备注 says why', () => {
    // its partial subtotal (70) and adjustment (-3) stay in 计算明细 only
    expect(rowAt(sheet, 7)).toEqual([
      4, '后勤党总支', '基建处党支部', null, null, null, null, null, null, null, null, null, '待补充',
      '民主测评有 1 处评分无效；数据不全，不列分项得分（部分数据见计算明细）',
    ]);
    expect(styleAt(sheet, 'M7')).toMatchObject({ fontColor: '#C00000', bold: true });
    expect(styleAt(sheet, 'K7').fill).toBeUndefined();
  });

  test('grade cells are coloured by grade with readable text', () => {
    expect(styleAt(sheet, 'K4')).toMatchObject({ fill: '#C6EFCE', fontColor: '#006100' });
    expect(styleAt(sheet, 'K5')).toMatchObject({ fill: '#DDEBF7', fontColor: '#1F4E78' });
    expect(styleAt(sheet, 'K8')).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
  });

  test('scores show one decimal, the total follows ruleset.decimals, tied ranks stay numbers marked 并列', () => {
    expect(styleAt(sheet, 'D4').numberFormat).toBe('0.0');
    expect(styleAt(sheet, 'I8').numberFormat).toBe('0.0');
    expect(styleAt(sheet, 'J4').numberFormat).toBe('0.0');
    expect(styleAt(sheet, 'L5').numberFormat).toBe('0"（并列）"');
    expect(styleAt(sheet, 'L6').numberFormat).toBe('0"（并列）"');
    expect(styleAt(sheet, 'L4').numberFormat).toBeUndefined();
    const two = planSummarySheet(result({ ruleset: { ...RULESET, decimals: 2 } }), 'zh', '考核汇总');
    expect(styleAt(two, 'J4').numberFormat).toBe('0.00');
    const none = planSummarySheet(result({ ruleset: { ...RULESET, decimals: 0 } }), 'zh', '考核汇总');
    expect(styleAt(none, 'J4').numberFormat).toBe('0');
  });

  test('frozen through the header and the branch column; A4 landscape, one page wide, header repeated', () => {
    expect(sheet.freeze).toEqual({ rows: 3, columns: 3 });
    expect(sheet.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: '3:3', area: 'A1:N8', centered: true });
    expect(sheet.columnWidths).toHaveLength(14);
    expect(styleAt(sheet, 'C6').border).toBe(true);
    expect(sheet.kind).toBe('summary');
  });

  test('English labels, Chinese grades', () => {
    const en = planSummarySheet(result(), 'en', '考核汇总');
    expect(at(en, 'A1')).toBe('2026 Party Branch Target Management Assessment: Summary');
    expect(rowAt(en, 3).slice(0, 3)).toEqual(['No.', 'General branch', 'Branch']);
    expect(at(en, 'D3')).toBe('党支部班子自身建设 (60 pts)');
    expect(at(en, 'K4')).toBe('优秀');
    expect(at(en, 'M4')).toBe('Graded');
    expect(at(en, 'M7')).toBe('Needs data');
    expect(at(en, 'N5')).toBe('tied at rank 2');
    expect(at(en, 'N7')).toBe('1 invalid rating in democratic evaluation; incomplete data: no subtotals shown (partial figures in the calculation details)');
    expect(styleAt(en, 'L5').numberFormat).toBe('0" (tied)"');
  });

  test('no year: the title drops it', () => {
    const s = planSummarySheet(result({ year: null }), 'zh', '考核汇总');
    expect(at(s, 'A1')).toBe('党支部工作目标管理考核汇总表');
  });
});

describe('cell text limit', () => {
  test('no planned cell holds more than Excel’s 32,767 characters, and a cut is marked', () => {
    const { fitCell, MAX_CELL_TEXT } = jest.requireActual('../../../src/workbook/plans/sheet') as typeof import('../../../src/workbook/plans/sheet');
    expect(fitCell('短')).toBe('短');
    const cut = fitCell('长'.repeat(40000));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith('…')).toBe(true);
    // an emoji (surrogate pair) at the cut is not split in half
    const emoji = fitCell('a'.repeat(MAX_CELL_TEXT - 2) + '😀'.repeat(10));
    expect(emoji.endsWith('…')).toBe(true);
    expect(/[\ud800-\udbff]…$/.test(emoji)).toBe(false);
  });
});
