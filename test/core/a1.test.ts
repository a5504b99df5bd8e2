import { address, columnName, parseAddress, parseRange } from '../../src/core/a1';

describe('A1 addressing', () => {
  it('names columns like Excel', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 18277, 16383].map(columnName)).toEqual([
      'A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'AAB', 'ZZZ', 'XFD',
    ]);
  });
  it('writes and reads addresses', () => {
    expect(address(0, 0)).toBe('A1');
    expect(address(11, 5)).toBe('F12');
    expect(address(1048575, 16383)).toBe('XFD1048576');
    for (const [r, c] of [[0, 0], [11, 5], [1048575, 16383], [99, 26], [3, 701], [3, 702]]) {
      expect(parseAddress(address(r, c))).toEqual({ r, c });
    }
  });
  it('reads absolute and lower-case addresses', () => {
    expect(parseAddress('$B$3')).toEqual({ r: 2, c: 1 });
    expect(parseAddress('$B3')).toEqual({ r: 2, c: 1 });
    expect(parseAddress('B$3')).toEqual({ r: 2, c: 1 });
    expect(parseAddress('b3')).toEqual({ r: 2, c: 1 });
    expect(parseAddress('ZZZ9999999')).toEqual({ r: 9999998, c: 18277 });
  });
  it.each(['1A', '__proto__', '', 'B', '3', 'B3 ', ' B3', 'B3:C4', 'ABCD1', 'A12345678', 'B-3', 'B3.5', '$$B3', 'B$$3', '工作表!B3'])(
    'rejects %p, naming it',
    (a1) => expect(() => parseAddress(a1)).toThrow(`not an A1 address: ${a1}`),
  );
  it('reads ranges in any corner order, and one address as a 1×1 range', () => {
    expect(parseRange('A1:C3')).toEqual({ r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(parseRange('C3:A1')).toEqual({ r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(parseRange('A3:C1')).toEqual({ r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(parseRange('C1:A3')).toEqual({ r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(parseRange('B2')).toEqual({ r0: 1, c0: 1, r1: 1, c1: 1 });
    expect(parseRange('$D$5:$E$9')).toEqual({ r0: 4, c0: 3, r1: 8, c1: 4 });
  });
  it('rejects a range with a bad corner', () => {
    expect(() => parseRange('A1:')).toThrow('not an A1 address');
    expect(() => parseRange('A1:x')).toThrow('not an A1 address: x');
    expect(() => parseRange(':B2')).toThrow('not an A1 address');
  });
});
