/**
 * A row's header profile (src/workbook/recognise/context.ts): which header words and indicators it holds,
 * and which layouts' headers it can start.
 */
import { defaultCatalogue } from '../../../src/core/catalogue';
import { Ctx, F_BRANCH, F_CODE_COL, F_GRADE_COL, F_INDICATOR, F_ROLE, F_TEXT_COL, isFormsHeader, isLongHeader, isTallyHeader, TALLY_ALL } from '../../../src/workbook/recognise/context';

function profile(row: unknown[]): { flags: number; indicators: number; distinctIndicators: number } {
  return { ...new Ctx(defaultCatalogue()).profileOf(row) };
}

describe('row profiles', () => {
  test('header words set their flags; blanks, booleans and errors set none', () => {
    const ctx = new Ctx(defaultCatalogue());
    expect(ctx.flags('党支部')).toBe(F_ROLE | F_BRANCH);
    expect(ctx.flags(' 编 号 ')).toBe(F_ROLE | F_CODE_COL);
    expect(ctx.flags('考核内容')).toBe(F_ROLE | F_TEXT_COL);
    expect(ctx.flags('等级')).toBe(F_ROLE | F_GRADE_COL);
    expect(ctx.flags('1.1')).toBe(F_INDICATOR);
    expect(ctx.flags('')).toBe(0);
    expect(ctx.flags('其他')).toBe(0);
    expect(profile([null, true, { error: '#N/A' }, '', '  '])).toEqual({ flags: 0, indicators: 0, distinctIndicators: 0 });
    expect(ctx.key(' 党 支部 ')).toBe('党支部');
  });

  test('the four grade words together make a tally header, in any columns', () => {
    const p = profile(['编号', '差', '一般', '较好', '优秀票数']);
    expect(p.flags & TALLY_ALL).toBe(TALLY_ALL);
    expect(isTallyHeader(p)).toBe(true);
    expect(isTallyHeader(profile(['编号', '差', '一般', '较好']))).toBe(false);
  });

  test('indicators: two different codes side by side start a forms header; the same code twice, or codes apart, do not', () => {
    expect(profile(['1.1', '1.2'])).toMatchObject({ indicators: 2, distinctIndicators: 2 });
    expect(profile(['1.1', '1-1'])).toMatchObject({ indicators: 2, distinctIndicators: 1 });
    expect(profile(['1.1', '', '1.2'])).toMatchObject({ indicators: 2, distinctIndicators: 1 });
    expect(profile(['1.1', '', '1.2', '1.3'])).toMatchObject({ indicators: 3, distinctIndicators: 2 });
    expect(isFormsHeader(profile(['1.1', '1.2']))).toBe(true);
    expect(isFormsHeader(profile(['1.1', '', '1.2']))).toBe(false);
    expect(isFormsHeader(profile(['党支部', '1.1']))).toBe(true);
    expect(isFormsHeader(profile(['党支部', '其他']))).toBe(false);
  });

  test('numbers count as codes only when every number of the row is a catalogue code as typed', () => {
    expect(profile([1.1, 1.2])).toMatchObject({ indicators: 2, distinctIndicators: 2 });
    expect(profile([1.1, 1.2, 0.05])).toMatchObject({ indicators: 0 });
    expect(profile([1.01, 1.2])).toMatchObject({ indicators: 0 });
    // text codes still count beside numbers that are not codes; non-finite numbers are no cells
    expect(profile(['1.1', 12.5])).toMatchObject({ indicators: 1 });
    expect(profile([Infinity, 1.1, NaN, 1.2])).toMatchObject({ indicators: 2, distinctIndicators: 1 });
  });

  test('a role word is never an indicator; a long sheet needs a grade column and a code or text column', () => {
    expect(profile(['指标', '1.1']).flags & F_INDICATOR).toBe(F_INDICATOR);
    expect(profile(['指标']).flags & F_INDICATOR).toBe(0);
    expect(isLongHeader(profile(['党支部', '编号', '等级']))).toBe(true);
    expect(isLongHeader(profile(['党支部', '考核内容', '评价']))).toBe(true);
    expect(isLongHeader(profile(['党支部', '等级']))).toBe(false);
    expect(isLongHeader(profile(['党支部', '编号']))).toBe(false);
  });
});
