import { cellPosition, sheetOrder, sortFindings } from '../../src/core/findings';
import { InputBuilder } from './fixtures';
import type { Finding } from '../../src/core/types';

const f = (severity: Finding['severity'], sheet?: string, cell?: string): Finding => ({
  severity,
  code: 'ignored-sheet',
  sheet,
  cell,
  message: { zh: `${sheet}${cell}`, en: '' },
});

describe('cellPosition', () => {
  it('reads A1 addresses and ranges', () => {
    expect(cellPosition('B12')).toEqual({ row: 12, col: 2 });
    expect(cellPosition('$AA$3')).toEqual({ row: 3, col: 27 });
    expect(cellPosition('A3:F3')).toEqual({ row: 3, col: 1 });
    expect(cellPosition('名单')).toBeNull();
  });
});

describe('sortFindings', () => {
  it('orders by severity, sheet order, row, column, and is stable', () => {
    const order = new Map([
      ['名单', 0],
      ['民主测评', 1],
    ]);
    const input = [
      f('info', '名单', 'A1'),
      f('error', '民主测评', 'B2'),
      f('error', '民主测评', 'AA1'),
      f('warning', '名单', 'C3'),
      f('error', '名单', 'Z9'),
      f('error'),
      f('error', '其他', 'A1'),
      f('error', '民主测评', 'A2'),
    ];
    expect(sortFindings(input, order).map((x) => [x.severity, x.sheet, x.cell])).toEqual([
      ['error', undefined, undefined],
      ['error', '名单', 'Z9'],
      ['error', '民主测评', 'AA1'],
      ['error', '民主测评', 'A2'],
      ['error', '民主测评', 'B2'],
      ['error', '其他', 'A1'],
      ['warning', '名单', 'C3'],
      ['info', '名单', 'A1'],
    ]);
  });
  it('orders sheets missing from the order after the known ones, by name, whichever comes first', () => {
    const order = new Map([['名单', 0]]);
    const input = [f('error', 'Zeta', 'A1'), f('error', 'Alpha', 'B2'), f('error', '名单', 'C9'), f('error', 'Alpha', 'A1'), f('error', 'Zeta')];
    const want = [
      ['名单', 'C9'],
      ['Alpha', 'A1'],
      ['Alpha', 'B2'],
      ['Zeta', undefined],
      ['Zeta', 'A1'],
    ];
    expect(sortFindings(input, order).map((x) => [x.sheet, x.cell])).toEqual(want);
    expect(sortFindings([...input].reverse(), order).map((x) => [x.sheet, x.cell])).toEqual(want);
  });
});

describe('sheetOrder', () => {
  it('lists sheets as they first appear: roster, forms, tallies, adjustments, then recognition findings', () => {
    const b = new InputBuilder([{ name: '甲', ref: { sheet: '名单', cell: 'A2' } }, { name: '乙' }]);
    b.form('甲', '民主测评', '优秀').form('甲', '组织考核', '优秀').form('甲', '民主测评', '优秀', { sheet: '民主测评' });
    b.tally('甲', '民主测评', { all: [1, 0, 0, 0] }, { sheet: '票数' });
    b.adjustment('甲', 1, '抽检').adjustment('甲', 2, '名单');
    b.finding(f('warning', '说明')).finding(f('info')).finding(f('info', '组织考核'));
    expect([...sheetOrder(b.build())]).toEqual([
      ['名单', 0],
      ['民主测评', 1],
      ['组织考核', 2],
      ['票数', 3],
      ['抽检', 4],
      ['说明', 5],
    ]);
  });
  it('is empty for an input without sheets', () => {
    expect(sheetOrder(new InputBuilder().build()).size).toBe(0);
  });
});
