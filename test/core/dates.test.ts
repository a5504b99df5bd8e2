/** The documents' date (成文日期, --date) and the years the product accepts. */
import { MAX_YEAR, MIN_YEAR, parseIsoDate, readDateValue } from '../../src/core/dates';

describe('parseIsoDate (--date)', () => {
  it('takes a real day written yyyy-mm-dd', () => {
    expect(parseIsoDate('2026-12-31')).toBe('2026-12-31');
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
  });
  it.each(['2026-02-29', '2026-13-01', '2026-12-32', '2026-1-5', '2026/12/31', '26-12-31', '', ' 2026-12-31'])('refuses %p', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
  it(`keeps to ${MIN_YEAR}–${MAX_YEAR}`, () => {
    expect(parseIsoDate('2000-01-01')).toBe('2000-01-01');
    expect(parseIsoDate('2100-12-31')).toBe('2100-12-31');
    expect(parseIsoDate('1999-12-31')).toBeNull();
    expect(parseIsoDate('2101-01-01')).toBeNull();
  });
});

describe('readDateValue (成文日期 as a cell holds it)', () => {
  it.each([
    ['2026-12-31', '2026-12-31'],
    ['2026/12/31', '2026-12-31'],
    ['2026.1.5', '2026-01-05'],
    ['2026年12月31日', '2026-12-31'],
    ['２０２６年１２月３１日', '2026-12-31'],
    [' 2026 年 1 月 5 日 ', '2026-01-05'],
    ['2026-12-31 00:00', '2026-12-31'],
    ['2026-12-31T08:30:00', '2026-12-31'],
  ])('text %p → %p', (text, day) => {
    expect(readDateValue(text)).toBe(day);
  });
  it('an Excel date serial (1900 system), the time of day dropped', () => {
    expect(readDateValue(46387)).toBe('2026-12-31');
    expect(readDateValue(46387.75)).toBe('2026-12-31');
    expect(readDateValue(36526)).toBe('2000-01-01');
  });
  it.each([['十二月底'], ['2026-02-30'], ['1899-12-31'], ['2026'], [''], [true], [null], [1], [Number.NaN], [{ error: '#N/A' }]])('refuses %p', (v) => {
    expect(readDateValue(v as never)).toBeNull();
  });
});
