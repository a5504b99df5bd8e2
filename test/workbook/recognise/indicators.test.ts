/**
 * Header and cell texts → indicator codes (src/workbook/recognise/indicators.ts): codes, whole texts,
 * prefixes of at least 8 characters, a whole text followed by more (the longest indicator it starts with).
 */
import { defaultCatalogue } from '../../../src/core/catalogue';
import type { Catalogue } from '../../../src/core/types';
import { IndicatorMatcher } from '../../../src/workbook/recognise/indicators';

function catalogueOf(texts: Record<string, string>): Catalogue {
  const indicators = Object.entries(texts).map(([code, text]) => ({ code, category: code.split('.')[0], text, points: 10 }));
  return { categories: [...new Set(indicators.map((i) => i.category))].map((code) => ({ code, name: `类别${code}` })), indicators };
}

describe('indicator matcher', () => {
  test('codes: in the catalogue, or a code pattern it lacks; blank is nothing', () => {
    const m = new IndicatorMatcher(defaultCatalogue());
    expect(['1.1', '1-2', '９．９', ''].map((t) => m.match(t))).toEqual([
      { kind: 'indicator', code: '1.1' },
      { kind: 'indicator', code: '1.2' },
      { kind: 'unknown-code', code: '9.9' },
      { kind: 'none' },
    ]);
    expect([m.codeOf('1.1'), m.codeOf('9.9'), m.codeOf('')]).toEqual(['1.1', null, null]);
  });

  test('texts: whole, a unique prefix of 8+ characters, a prefix of several, too short, or matching nothing', () => {
    const m = new IndicatorMatcher(catalogueOf({ '1.1': '党支部坚持每两个月召开支委会', '1.2': '党支部坚持每两个月组织学习', '2.1': '学习' }));
    expect(m.match('党支部坚持每两个月召开支委会。')).toEqual({ kind: 'indicator', code: '1.1' });
    expect(m.match('党支部坚持每两个月召开')).toEqual({ kind: 'indicator', code: '1.1' });
    expect(m.match('党支部坚持每两个月')).toEqual({ kind: 'ambiguous', codes: ['1.1', '1.2'] });
    expect(m.match('学习')).toEqual({ kind: 'indicator', code: '2.1' });
    expect(m.match('党支部坚持')).toEqual({ kind: 'none' });
    expect(m.match('——')).toEqual({ kind: 'none' });
    expect(m.match('这一列是其他的说明文字')).toEqual({ kind: 'unknown-text' });
    // a short indicator text never matches the start of a longer header
    expect(m.match('学习教育活动开展情况良好')).toEqual({ kind: 'unknown-text' });
  });

  test('a whole text followed by more (points, notes): the longest indicator text it starts with', () => {
    const m = new IndicatorMatcher(catalogueOf({ '1.1': '党支部坚持每两个月', '1.2': '党支部坚持每两个月召开支委会', '1.3': '党支部按期换届选举' }));
    expect(m.match('党支部坚持每两个月召开支委会（3分）')).toEqual({ kind: 'indicator', code: '1.2' });
    expect(m.match('党支部坚持每两个月开展活动（3分）')).toEqual({ kind: 'indicator', code: '1.1' });
    expect(m.match('党支部按期换届选举，程序规范')).toEqual({ kind: 'indicator', code: '1.3' });
    // asked again: the same answer
    expect(m.match('党支部坚持每两个月召开支委会（3分）')).toEqual({ kind: 'indicator', code: '1.2' });
  });

  test('an indicator whose text is punctuation only is matched by its code alone', () => {
    const m = new IndicatorMatcher(catalogueOf({ '1.1': '——', '1.2': '党支部按期换届选举' }));
    expect([m.codeOf('1.1'), m.codeOf('——'), m.codeOf('党支部按期换届选举')]).toEqual(['1.1', null, '1.2']);
  });
});
