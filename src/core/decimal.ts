/**
 * Exact rational arithmetic on BigInt (SPEC §3 "Rounding must be exact for decimal inputs").
 * Every score is computed as a rational so that 0.85 is exactly 85/100, uniform 优秀 gives exactly 100
 * and a total of exactly 89.95 rounds to 90.0; floats appear only at the edges (toNumber).
 */

/** n/d with d > 0. Values returned by this module are in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a <= SAFE && b <= SAFE) return BigInt(gcdNumber(Number(a), Number(b)));
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Euclid on safe integers: exact, and far cheaper than on BigInt. */
function gcdNumber(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** n/d in lowest terms with a positive denominator. */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export function fromInt(i: number | bigint): Rational {
  return { n: BigInt(i), d: 1n };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * A decimal string ("85", "-0.85", ".5", "1.5e-7") as an exact rational; null when it is not one.
 * No white space, no grouping separators: callers normalise first.
 */
export function parseDecimal(s: string): Rational | null {
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const [, sign, int = '', frac = '', exp] = m;
  if (int === '' && frac === '') return null;
  let n = BigInt((int || '0') + frac);
  let d = 10n ** BigInt(frac.length);
  const e = exp ? Number(exp) : 0;
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  if (sign === '-') n = -n;
  return rational(n, d);
}

/** x as the rational of its shortest decimal representation (String(x)): 0.85 → 85/100 → 17/20. */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { n: BigInt(x), d: 1n };
  return parseDecimal(String(x)) as Rational;
}

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rational(a.n + b.n, a.d);
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, neg(b));
}

export function neg(a: Rational): Rational {
  return { n: -a.n, d: a.d };
}

/** -1, 0 or 1 as a <, =, > b. */
export function compare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

/** Clamp r into [lo, hi]. */
export function clamp(r: Rational, lo: Rational, hi: Rational): Rational {
  return max(lo, min(hi, r));
}

/** Integer scaled by 10^decimals, rounded half away from zero. */
function roundScaled(r: Rational, decimals: number): bigint {
  const scaled = (r.n < 0n ? -r.n : r.n) * 10n ** BigInt(decimals);
  const q = (2n * scaled + r.d) / (2n * r.d);
  return r.n < 0n ? -q : q;
}

/** Decimal text of an integer scaled by 10^decimals: (-1234, 2) → "-12.34". */
function scaledToString(q: bigint, decimals: number): string {
  const neg = q < 0n;
  let digits = (neg ? -q : q).toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return (neg ? '-' : '') + digits;
}

/** r rounded half away from zero to `decimals` places, as the nearest number: 89.95 → 90, 69.95 → 70. */
export function roundHalfAwayFromZero(r: Rational, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`bad decimals: ${decimals}`);
  // never -0: a BigInt has no negative zero, so a value rounding to 0 is written without a sign
  return Number(scaledToString(roundScaled(r, decimals), decimals));
}

/**
 * r rounded half away from zero to `decimals` places, as text with exactly that many places:
 * 76.55 → "76.6", 94.45 → "94.5" (never through a binary float), -0.04 → "0.0".
 */
export function toFixedText(r: Rational, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`bad decimals: ${decimals}`);
  return scaledToString(roundScaled(r, decimals), decimals);
}

/** Denominator of the form 2^a·5^b: the rational has a finite decimal expansion. */
function decimalPlaces(d: bigint): number | null {
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

/**
 * The nearest number. Both parts safe integers: a single IEEE division, which is correctly rounded, so
 * fromNumber(toNumber(r)) === r for every short decimal (0.85, 89.95, …). Otherwise through a decimal text.
 */
export function toNumber(r: Rational): number {
  if (r.d === 1n) return Number(r.n);
  const n = Number(r.n);
  const d = Number(r.d);
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return n / d;
  const places = decimalPlaces(r.d);
  if (places !== null && places <= 40) return Number(scaledToString((r.n * 10n ** BigInt(places)) / r.d, places));
  return roundHalfAwayFromZero(r, 20);
}

/** Exact decimal text when finite (for messages), else rounded to 6 places. */
export function toDecimalString(r: Rational): string {
  return String(toNumber(r));
}
