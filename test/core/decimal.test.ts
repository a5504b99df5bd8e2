import fc from 'fast-check';
import {
  add,
  clamp,
  compare,
  fromInt,
  fromNumber,
  neg,
  parseDecimal,
  rational,
  roundHalfAwayFromZero,
  sub,
  toDecimalString,
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
    expect(() => fromNumber(NaN)).toThrow(new RangeError('not a finite number: NaN'));
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
    expect(() => rational(1n, 0n)).toThrow(new RangeError('division by zero'));
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

describe('rounding small values', () => {
  it('keeps the leading zeros of a value under 0.1', () => {
    expect(roundHalfAwayFromZero(fromNumber(0.05), 2)).toBe(0.05);
    expect(roundHalfAwayFromZero(fromNumber(-0.05), 2)).toBe(-0.05);
    expect(roundHalfAwayFromZero(fromNumber(0.005), 2)).toBe(0.01);
    expect(roundHalfAwayFromZero(fromNumber(0.0049), 2)).toBe(0);
    expect(roundHalfAwayFromZero(fromNumber(0.0005), 3)).toBe(0.001);
    expect(roundHalfAwayFromZero(fromNumber(0.05), 1)).toBe(0.1);
    expect(roundHalfAwayFromZero(fromNumber(0.5), 2)).toBe(0.5);
    expect(roundHalfAwayFromZero(fromNumber(7), 2)).toBe(7);
  });
  it('refuses a number of decimals that is not a whole number from 0', () => {
    expect(() => roundHalfAwayFromZero(fromNumber(1), -1)).toThrow(new RangeError('bad decimals: -1'));
    expect(() => roundHalfAwayFromZero(fromNumber(1), 1.5)).toThrow(new RangeError('bad decimals: 1.5'));
    expect(roundHalfAwayFromZero(fromNumber(0.4), 0)).toBe(0);
  });
});

const big = 2n ** 60n; // above Number.MAX_SAFE_INTEGER

describe('large numerators and denominators (BigInt paths)', () => {
  it('reduces fractions whose parts are beyond safe integers', () => {
    expect(rational(3n * big, 4n * big)).toEqual({ n: 3n, d: 4n });
    expect(rational(-6n * big, 4n * big)).toEqual({ n: -3n, d: 2n });
    expect(rational(big + 1n, big)).toEqual({ n: big + 1n, d: big });
    expect(add(rational(1n, big), rational(1n, big))).toEqual({ n: 1n, d: big / 2n });
    expect(rational(0n, big)).toEqual({ n: 0n, d: 1n });
  });
  it('turns a large finite decimal into the nearest number', () => {
    expect(toNumber(rational(123456789012345678901n, 1000n))).toBe(123456789012345678.901);
    expect(toNumber(rational(big * 5n + 1n, 10n ** 19n))).toBe(Number('0.5764607523034234881'));
    expect(toNumber(rational(-(10n ** 20n) - 5n, 10n ** 18n))).toBe(-100.000000000000000005);
    expect(toNumber(fromInt(big))).toBe(2 ** 60);
  });
  it('keeps every digit of a tiny finite decimal whose numerator is beyond safe integers', () => {
    const n = 123456789123456789n;
    // 10^38 and 10^40 in the denominator: far below what 20 rounded places would keep
    expect(toNumber(rational(n, 10n ** 38n))).toBe(1.23456789123456789e-21);
    expect(toNumber(rational(n, 10n ** 40n))).toBe(1.23456789123456789e-23);
    // 2^5 · 5^35 = 10^35 / 2^30: a decimal with 35 places
    expect(toNumber(rational(n, 2n ** 5n * 5n ** 35n))).toBe(Number(`${n * 2n ** 30n}e-35`));
    // 2^35 · 5^3: 35 places as well
    expect(toNumber(rational(n, 2n ** 35n * 5n ** 3n))).toBe(Number(`${n * 5n ** 32n}e-35`));
  });
  it('turns a large non-decimal fraction into the nearest number', () => {
    expect(toNumber(rational(big, 3n))).toBeCloseTo(2 ** 60 / 3, -3);
    // rounded to 20 places: 5.78…e-19 → 5.8e-19
    expect(toNumber(rational(2n, 3n * big))).toBe(5.8e-19);
    expect(toNumber(rational(-1n, 3n * big + 1n))).toBeLessThan(0);
  });
  it('reads integers beyond safe integers from their shortest decimal form, like smaller numbers', () => {
    // String(2 ** 60) is "1152921504606847000": the decimal a user sees, not the binary value
    expect(fromNumber(2 ** 60)).toEqual({ n: 1152921504606847000n, d: 1n });
    expect(fromNumber(-(2 ** 60))).toEqual({ n: -1152921504606847000n, d: 1n });
    expect(fromNumber(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
  });
});

describe('more decimal text', () => {
  it('reads signs, exponents and bare points', () => {
    expect(parseDecimal('+2')).toEqual({ n: 2n, d: 1n });
    expect(parseDecimal('-.5')).toEqual({ n: -1n, d: 2n });
    expect(parseDecimal('1.')).toEqual({ n: 1n, d: 1n });
    expect(parseDecimal('1.5e-7')).toEqual({ n: 3n, d: 20000000n });
    expect(parseDecimal('2.5E+2')).toEqual({ n: 250n, d: 1n });
    expect(parseDecimal('25e-1')).toEqual({ n: 5n, d: 2n });
    expect(parseDecimal('-0')).toEqual({ n: 0n, d: 1n });
  });
  it('refuses text that is not a plain decimal', () => {
    for (const s of ['e5', '1e', ' 1', '1 ', '1,000', '1.2.3', '--1', '0x10', '1e+', '.e1']) expect(parseDecimal(s)).toBeNull();
  });
  it('writes a finite decimal exactly for messages', () => {
    expect(toDecimalString(rational(17n, 20n))).toBe('0.85');
    expect(toDecimalString(rational(-1n, 40n))).toBe('-0.025');
    expect(toDecimalString(fromInt(90))).toBe('90');
  });
});

describe('order', () => {
  it('clamps into a range', () => {
    const [a, b, c] = [fromNumber(0.5), fromNumber(0.75), fromNumber(1)];
    expect(clamp(b, a, c)).toEqual(b);
    expect(clamp(fromNumber(0.25), a, c)).toEqual(a);
    expect(clamp(fromNumber(1.5), a, c)).toEqual(c);
    expect(clamp(a, a, c)).toEqual(a);
    expect(clamp(c, a, c)).toEqual(c);
  });
  it('compares across denominators and signs', () => {
    expect(compare(rational(1n, 3n), rational(1n, 2n))).toBe(-1);
    expect(compare(rational(-1n, 3n), rational(-1n, 2n))).toBe(1);
    expect(compare(neg(fromNumber(0.75)), fromNumber(-0.75))).toBe(0);
  });
});
