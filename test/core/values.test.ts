/** Reading raw cell values: the blank test, values quoted in messages, numbers in settings, catalogue and adjustment cells. */
import { toDecimalString, type Rational } from '../../src/core/decimal';
import type { CellValue } from '../../src/core/types';
import { isBlank, isErrorValue, readDecimal, showValue, textOf } from '../../src/core/values';

const shown = (r: Rational | null) => (r === null ? null : toDecimalString(r));

describe('isBlank and isErrorValue', () => {
  it.each<[CellValue, boolean]>([
    [null, true],
    ['', true],
    ['   ', true],
    ['\u3000', true],
    ['\u200b\u00a0', true],
    [0, false],
    [false, false],
    ['0', false],
    [' x ', false],
    [{ error: '#N/A' }, false],
  ])('%p blank: %p', (v, blank) => expect(isBlank(v)).toBe(blank));
  it('knows error values from every other value', () => {
    expect(isErrorValue({ error: '#REF!' })).toBe(true);
    expect([null, '', '#N/A', 0, true].map(isErrorValue)).toEqual([false, false, false, false, false]);
  });
});

describe('showValue: a value as the user sees it in a message', () => {
  it.each<[CellValue, string]>([
    [null, ''],
    [{ error: '#N/A' }, '#N/A'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [95, '95'],
    [-2.5, '-2.5'],
    [0, '0'],
    ['  优 ', '优'],
    ['\u3000较 好\u3000', '较 好'],
  ])('%p → %p', (v, text) => expect(showValue(v)).toBe(text));
});

describe('textOf: text for names and keys', () => {
  it.each<[CellValue, string]>([
    [' 机关第一党支部\u3000', '机关第一党支部'],
    [1.1, '1.1'],
    [12, '12'],
    [null, ''],
    [true, ''],
    [{ error: '#VALUE!' }, ''],
  ])('%p → %p', (v, text) => expect(textOf(v)).toBe(text));
});

describe('readDecimal: a number cell or numeric text, exactly', () => {
  it.each<[CellValue, string | null]>([
    [85, '85'],
    [0.1, '0.1'],
    [-3, '-3'],
    [Infinity, null],
    [NaN, null],
    ['85', '85'],
    [' 85 ', '85'],
    ['+3', '3'],
    ['-2.5', '-2.5'],
    ['－2.5', '-2.5'],
    ['\u22121', '-1'],
    ['\u20121', '-1'],
    ['\u20131', '-1'],
    ['１２．５', '12.5'],
    ['.5', '0.5'],
    ['.25', '0.25'],
    ['-.75', '-0.75'],
    ['5.', '5'],
    ['0.30', '0.3'],
    ['1 000', '1000'],
    ['1e3', null],
    ['', null],
    ['abc', null],
    ['3分', null],
    ['--1', null],
    ['1.2.3', null],
    ['.', null],
    ['-', null],
    ['50%', null],
    [true, null],
    [null, null],
    [{ error: '#N/A' }, null],
  ])('%p → %p', (v, want) => expect(shown(readDecimal(v))).toBe(want));

  it.each<[CellValue, string | null]>([
    ['50%', '0.5'],
    ['50％', '0.5'],
    [' 12.5 % ', '0.125'],
    ['+5%', '0.05'],
    ['－2.5%', '-0.025'],
    ['0.6', '0.6'],
    [0.6, '0.6'],
    ['%', null],
    ['%50', null],
    ['50%%', null],
    ['五十%', null],
  ])('as a percentage: %p → %p', (v, want) => expect(shown(readDecimal(v, true))).toBe(want));
});
