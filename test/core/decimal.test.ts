import fc from 'fast-check';
import {
  add,
  compare,
  fromInt,
  fromNumber,
  parseDecimal,
  rational,
  roundHalfAwayFromZero,
  sub,
  toNumber,
} from '../../src/core/decimal';

describe('fromNumber', () => {
  it('reads the shortest decimal of a number exactly', () => {
    expect(fromNumber(0.85)).toEqual({ n: 17n, d: 20n });
    expect(fromNumber(0.6)).toEqual({ n: 3n, d: 5n });
    expect(fromNumber(89.95)).toEqual({ n: 1799n, d: 20n });
    expect(fromNumber(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(fromNumber(100)).toEqual({ n: 100n, d: 1n });
  });
  it('handles exponent forms', () => {
    expect(fromNumber(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(fromNumber(1.5e21)).toEqual({ n: 1500000000000000000000n, d: 1n });
    expect(fromNumber(2.5e-8)).toEqual({ n: 1n, d: 40000000n });
  });
  it('rejects non-finite numbers', () => {
    expect(() => fromNumber(NaN)).toThrow(RangeError);
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('is exact where floats are not', () => {
    // 0.1 + 0.2 = 0.3 exactly
    expect(compare(add(fromNumber(0.1), fromNumber(0.2)), fromNumber(0.3))).toBe(0);
    // 0.6 × 85 + 0.4 × 75 = 51 + 30 = 81
    expect(add(fromNumber(51), fromNumber(30))).toEqual({ n: 81n, d: 1n });
    expect(add(rational(1n, 6n), rational(1n, 6n))).toEqual({ n: 1n, d: 3n });
    expect(sub(fromNumber(0.3), fromNumber(0.1))).toEqual({ n: 1n, d: 5n });
    expect(rational(6n, -4n)).toEqual({ n: -3n, d: 2n });
  });
  it('compares', () => {
    expect(compare(fromNumber(89.95), fromNumber(89.9))).toBe(1);
    expect(compare(fromNumber(-1), fromNumber(0))).toBe(-1);
    expect(compare(rational(2n, 4n), fromNumber(0.5))).toBe(0);
  });
  it('refuses a zero denominator', () => {
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });
});

describe('parseDecimal', () => {
  it('reads decimal text', () => {
    expect(parseDecimal('85')).toEqual({ n: 85n, d: 1n });
    expect(parseDecimal('-0.25')).toEqual({ n: -1n, d: 4n });
    expect(parseDecimal('.5')).toEqual({ n: 1n, d: 2n });
    expect(parseDecimal('1e3')).toEqual({ n: 1000n, d: 1n });
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('.')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds exact halves away from zero', () => {
    expect(roundHalfAwayFromZero(fromNumber(89.95), 1)).toBe(90);
    expect(roundHalfAwayFromZero(fromNumber(69.95), 1)).toBe(70);
    expect(roundHalfAwayFromZero(fromNumber(79.95), 1)).toBe(80);
    expect(roundHalfAwayFromZero(fromNumber(89.94), 1)).toBe(89.9);
    expect(roundHalfAwayFromZero(fromNumber(-2.5), 0)).toBe(-3);
    expect(roundHalfAwayFromZero(fromNumber(2.5), 0)).toBe(3);
    expect(roundHalfAwayFromZero(fromNumber(1.005), 2)).toBe(1.01); // 1.005 as a float would round down
    expect(roundHalfAwayFromZero(fromNumber(-0.04), 1)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(fromNumber(-0.04), 1), -0)).toBe(false);
  });
  it('rounds thirds', () => {
    expect(roundHalfAwayFromZero(rational(200n, 3n), 1)).toBe(66.7);
    expect(roundHalfAwayFromZero(rational(-200n, 3n), 2)).toBe(-66.67);
  });
  it('agrees with a decimal-string reference on random two-decimal values', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (k) => {
        // k/100 rounded to one decimal: integer arithmetic reference
        const q = Math.trunc((Math.abs(k) + 5) / 10) * Math.sign(k);
        expect(roundHalfAwayFromZero(rational(BigInt(k), 100n), 1)).toBe(q / 10 || 0);
      }),
    );
  });
});

describe('toNumber', () => {
  it('round-trips short decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (n, p) => {
        const x = Number(`${n}e-${p}`);
        expect(toNumber(fromNumber(x))).toBe(x);
      }),
    );
    expect(toNumber(rational(1n, 3n))).toBeCloseTo(1 / 3, 15);
  });
});
