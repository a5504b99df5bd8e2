import { recognise } from '../../../src/workbook/recognise';
import type { CellValue, Tally } from '../../../src/core/types';
import { book, INDICATORS, only, sheet } from './helpers';

/** "indicator: 优秀/较好/一般/差 values" for compact assertions. */
function rowsOf(t: Tally): string[] {
  return t.rows.map((r) => `${r.indicator}@${r.ref.cell}:${[r.counts.优秀, r.counts.较好, r.counts.一般, r.counts.差].map((c) => String(c.value)).join('/')}`);
}

describe('tally layout (票数汇总)', () => {
  test('several blocks, each with its labels (merged, full-width colon, two labels in one cell) and header', () => {
    const rows: CellValue[][] = [
      ['民主测评票数汇总'],
      ['党支部：机关第一党支部　测评类型：民主测评'],
      ['编号', '考核内容', '优秀票数', '较好(票)', '一般票', '差'],
      ['1.1', '支委会组织健全', 20, 5, 1, 0],
      ['1.2', null, '√', null, 3, '✓'],
      [],
      ['被考核党支部:机关第二党支部'],
      ['编号', '考核内容', '优秀', '较好', '一般', '差'],
      ['1-1', null, 10, 2, null, null],
      ['合计', null, 10, 2, 0, 0],
    ];
    const merges = ['A1:F1', 'A2:F2', 'A7:F7'];
    const r = recognise(book(sheet('票数汇总', rows, merges)));
    expect(r.sheets[0]).toMatchObject({ role: 'tally', headerRows: [3, 8], source: '民主测评' });
    expect(r.input.tallies).toHaveLength(2);
    const [a, b] = r.input.tallies;
    expect(a).toMatchObject({ branch: '机关第一党支部', branchRef: { sheet: '票数汇总', cell: 'A2' }, source: '民主测评', period: 'annual' });
    expect(a.ref).toEqual({ sheet: '票数汇总', cell: 'A3' });
    expect(rowsOf(a)).toEqual(['1.1@A4:20/5/1/0', '1.2@A5:√/null/3/✓']);
    expect(a.rows[1].counts.差.ref).toEqual({ sheet: '票数汇总', cell: 'F5' });
    // the second block inherits the sheet-level source label, has its own branch label
    expect(b).toMatchObject({ branch: '机关第二党支部', branchRef: { cell: 'A7' }, source: '民主测评' });
    expect(rowsOf(b)).toEqual(['1.1@A9:10/2/null/null']);
    expect(r.ratingRanges).toEqual([
      { sheet: '票数汇总', range: 'C4:F5', kind: 'count' },
      { sheet: '票数汇总', range: 'C9:F9', kind: 'count' },
    ]);
    expect(r.input.findings).toEqual([]);
  });

  test('a branch column groups rows into one tally per branch (merged branch cells filled down)', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '优秀', '较好', '一般', '差'],
      ['A支部', '1.1', 3, 0, 0, 0],
      [null, '1.2', 2, 1, 0, 0],
      ['B支部', '1.1', 1, 1, 1, 0],
      ['B支部', '1.2', 0, 0, 0, 3],
    ];
    const r = recognise(book(sheet('组织考核票数', rows, ['A2:A3'])));
    expect(r.input.tallies.map((t) => [t.branch, t.branchRef.cell, t.source, rowsOf(t).join(' ')])).toEqual([
      ['A支部', 'A2', '组织考核', '1.1@B2:3/0/0/0 1.2@B3:2/1/0/0'],
      ['B支部', 'A4', '组织考核', '1.1@B4:1/1/1/0 1.2@B5:0/0/0/3'],
    ]);
  });

  test('the branch falls back to the sheet name; indicator found by text or by a code column without header', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      [null, '优秀', '较好', '一般', '差'],
      ['1.1', 1, 2, 3, 4],
      [INDICATORS[1].text, 4, 3, 2, 1],
    ];
    const r = recognise(book(sheet('机关第三党支部', rows)));
    expect(r.input.tallies).toHaveLength(1);
    const t = r.input.tallies[0];
    expect(t.branch).toBe('机关第三党支部');
    expect(t.branchRef).toEqual({ sheet: '机关第三党支部', cell: 'B2' });
    expect(rowsOf(t)).toEqual(['1.1@A3:1/2/3/4', '1.2@A4:4/3/2/1']);
  });

  test('a row whose indicator matches nothing is reported once per text; a blank block is not a tally', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['9.9', 1, 0, 0, 0],
      ['9.9', 1, 0, 0, 0],
      ['1.1', 1, 0, 0, 0],
      [],
      ['党支部：B支部'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', null, null, null, null],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.tallies.map((t) => t.branch)).toEqual(['A支部']);
    const f = only(r.input.findings, 'unmapped-column');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: '民主测评', cell: 'A3' });
    expect(f[0].message.zh).toContain('共 2 行');
  });

  test('unknown source for a tally block', () => {
    const rows: CellValue[][] = [
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('汇总', rows)));
    expect(r.sheets[0].role).toBe('tally');
    expect(r.input.tallies).toEqual([]);
    expect(only(r.input.findings, 'unknown-source')).toEqual([expect.objectContaining({ sheet: '汇总', cell: 'A1' })]);
  });

  test('half-year period from a label', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部  期间：上半年'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('自评', rows)));
    expect(r.input.tallies[0]).toMatchObject({ branch: 'A支部', source: '自评', period: 'half-year' });
  });

  test('"党支部：" and the name in separate cells', () => {
    const rows: CellValue[][] = [
      ['党支部：', '机关第一党支部', '测评类型：', '组织考核'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('Sheet9', rows)));
    expect(r.input.tallies[0]).toMatchObject({ branch: '机关第一党支部', branchRef: { cell: 'B1' }, source: '组织考核' });
  });
});

describe('label values (BUG-B)', () => {
  const block = (label: CellValue[]): CellValue[][] => [label, ['编号', '优秀', '较好', '一般', '差'], ['1.1', 5, 0, 0, 0]];
  const branchOf = (label: CellValue[]): string[] => recognise(book(sheet('民主测评', block(label)))).input.tallies.map((t) => t.branch);

  test('a name with inner spaces survives; the ends are trimmed', () => {
    expect(branchOf(['党支部：后勤 党支部'])).toEqual(['后勤 党支部']);
    expect(branchOf(['党支部：\u3000第三 研究所　党支部\u3000 '])).toEqual(['第三 研究所　党支部']);
    expect(branchOf(['党支部：', ' 后勤 党支部 '])).toEqual(['后勤 党支部']);
  });

  test('the value stops at the next label or another known key, not at a space', () => {
    expect(branchOf(['党支部：机关第一党支部　测评类型：民主测评'])).toEqual(['机关第一党支部']);
    expect(branchOf(['党支部：后勤 党支部  日期：2025年12月'])).toEqual(['后勤 党支部']);
    expect(branchOf(['被考核党支部：后勤 党支部　参评人数: 25'])).toEqual(['后勤 党支部']);
    expect(branchOf(['党支部：后勤 党支部，填表人：张三'])).toEqual(['后勤 党支部']);
    expect(branchOf(['党支部：研究室:一支部'])).toEqual(['研究室:一支部']);
  });
});
