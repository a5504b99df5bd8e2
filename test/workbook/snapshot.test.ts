import { cellAt } from '../../src/workbook/snapshot';

// columnName, address, parseAddress, parseRange (re-exported from core/a1): test/core/a1.test.ts
describe('snapshot grids', () => {
  it('reads ragged grids as null outside', () => {
    const sheet = { name: 's', values: [['a'], [null, 2]], merges: [] };
    expect(cellAt(sheet, 0, 0)).toBe('a');
    expect(cellAt(sheet, 0, 1)).toBeNull();
    expect(cellAt(sheet, 1, 1)).toBe(2);
    expect(cellAt(sheet, 5, 0)).toBeNull();
  });
});
