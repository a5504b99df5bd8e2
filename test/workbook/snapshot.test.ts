import { address, cellAt, columnName, parseAddress, parseRange } from '../../src/workbook/snapshot';

describe('A1 addressing', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
      'A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD',
    ]);
  });
  it('round-trips addresses', () => {
    for (const [r, c] of [[0, 0], [11, 5], [1048575, 16383], [99, 26]]) {
      expect(parseAddress(address(r, c))).toEqual({ r, c });
    }
    expect(address(11, 5)).toBe('F12');
    expect(parseAddress('$B$3')).toEqual({ r: 2, c: 1 });
  });
  it('rejects what is not an address', () => {
    expect(() => parseAddress('1A')).toThrow('not an A1 address');
    expect(() => parseAddress('__proto__')).toThrow();
  });
  it('parses ranges in any corner order', () => {
    expect(parseRange('C3:A1')).toEqual({ r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(parseRange('B2')).toEqual({ r0: 1, c0: 1, r1: 1, c1: 1 });
  });
  it('reads ragged grids as null outside', () => {
    const sheet = { name: 's', values: [['a'], [null, 2]], merges: [] };
    expect(cellAt(sheet, 0, 0)).toBe('a');
    expect(cellAt(sheet, 0, 1)).toBeNull();
    expect(cellAt(sheet, 1, 1)).toBe(2);
    expect(cellAt(sheet, 5, 0)).toBeNull();
  });
});
