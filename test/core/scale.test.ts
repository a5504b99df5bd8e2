import { parseCount, parseGrade } from '../../src/core/scale';

describe('parseGrade', () => {
  it.each([
    ['优秀', '优秀'],
    ['优', '优秀'],
    ['A', '优秀'],
    ['a', '优秀'],
    ['Ａ', '优秀'],
    ['Excellent', '优秀'],
    [' 优 秀\u3000', '优秀'],
    ['\u00a0较好', '较好'],
    ['良好', '较好'],
    ['良', '较好'],
    ['好', '较好'],
    ['b', '较好'],
    ['GOOD', '较好'],
    ['ｇｏｏｄ', '较好'],
    ['一般', '一般'],
    ['中', '一般'],
    ['C', '一般'],
    ['fair', '一般'],
    ['Average', '一般'],
    ['差', '差'],
    ['较差', '差'],
    ['D', '差'],
    ['poor', '差'],
  ])('%j is %s', (v, g) => expect(parseGrade(v)).toEqual({ kind: 'grade', grade: g }));
  it.each([null, '', '   ', '\u3000'])('%j is blank', (v) => expect(parseGrade(v)).toEqual({ kind: 'blank' }));
  it('rejects numbers, booleans, error values and two grades, quoting the value', () => {
    expect(parseGrade(95)).toEqual({ kind: 'invalid', shown: '95' });
    expect(parseGrade(true)).toEqual({ kind: 'invalid', shown: 'TRUE' });
    expect(parseGrade({ error: '#N/A' })).toEqual({ kind: 'invalid', shown: '#N/A' });
    expect(parseGrade('优秀/较好')).toEqual({ kind: 'invalid', shown: '优秀/较好' });
    expect(parseGrade(' 优良 ')).toEqual({ kind: 'invalid', shown: '优良' });
    expect(parseGrade('E')).toEqual({ kind: 'invalid', shown: 'E' });
    expect(parseGrade('95')).toEqual({ kind: 'invalid', shown: '95' });
  });
});

describe('parseCount', () => {
  it('reads whole numbers, numeric text, ticks and blanks', () => {
    expect(parseCount(3)).toEqual({ kind: 'count', n: 3 });
    expect(parseCount(0)).toEqual({ kind: 'count', n: 0 });
    expect(parseCount('12')).toEqual({ kind: 'count', n: 12 });
    expect(parseCount('１２')).toEqual({ kind: 'count', n: 12 });
    expect(parseCount(' 7 ')).toEqual({ kind: 'count', n: 7 });
    expect(parseCount('√')).toEqual({ kind: 'count', n: 1 });
    expect(parseCount('✓')).toEqual({ kind: 'count', n: 1 });
    expect(parseCount(' ✔ ')).toEqual({ kind: 'count', n: 1 });
    expect(parseCount(null)).toEqual({ kind: 'count', n: 0 });
    expect(parseCount('')).toEqual({ kind: 'count', n: 0 });
  });
  it('rejects fractions, negatives, text, booleans and errors', () => {
    expect(parseCount(2.5)).toEqual({ kind: 'invalid', shown: '2.5' });
    expect(parseCount(-1)).toEqual({ kind: 'invalid', shown: '-1' });
    expect(parseCount('-1')).toEqual({ kind: 'invalid', shown: '-1' });
    expect(parseCount('三')).toEqual({ kind: 'invalid', shown: '三' });
    expect(parseCount('√√')).toEqual({ kind: 'invalid', shown: '√√' });
    expect(parseCount(false)).toEqual({ kind: 'invalid', shown: 'FALSE' });
    expect(parseCount({ error: '#REF!' })).toEqual({ kind: 'invalid', shown: '#REF!' });
  });
  it('reads counts up to the largest safe whole number and no further', () => {
    expect(parseCount(Number.MAX_SAFE_INTEGER)).toEqual({ kind: 'count', n: Number.MAX_SAFE_INTEGER });
    expect(parseCount(Number.MAX_SAFE_INTEGER + 1)).toEqual({ kind: 'invalid', shown: '9007199254740992' });
    expect(parseCount(Infinity)).toEqual({ kind: 'invalid', shown: 'Infinity' });
    expect(parseCount('999999999999999')).toEqual({ kind: 'count', n: 999999999999999 });
    expect(parseCount('1000000000000000')).toEqual({ kind: 'invalid', shown: '1000000000000000' });
    expect(parseCount('3.0')).toEqual({ kind: 'invalid', shown: '3.0' });
    expect(parseCount('3 票')).toEqual({ kind: 'invalid', shown: '3 票' });
  });
  it('reads a negative zero as 0 votes', () => {
    const c = parseCount(-0);
    expect(c.kind === 'count' && Object.is(c.n, 0)).toBe(true);
  });
  it('reads white space of any width as no votes', () => {
    expect(parseCount('\u3000')).toEqual({ kind: 'count', n: 0 });
    expect(parseCount(' \u00a0')).toEqual({ kind: 'count', n: 0 });
  });
});
