import { foldWidth, normalize, normalizeKey, normalizeLoose, trimAll } from '../../src/core/text';

describe('text normalisation', () => {
  it('removes white space of every width', () => {
    expect(normalize(' 机关\u3000第一\u00a0党支部 \t')).toBe('机关第一党支部');
  });
  it('folds full-width ASCII to half-width', () => {
    expect(foldWidth('ＡＢｃ１．１')).toBe('ABc1.1');
    expect(normalizeKey('Ｅｘｃｅｌｌｅｎｔ')).toBe('excellent');
  });
  it('keeps CJK characters and case unless asked', () => {
    expect(normalize('优秀A')).toBe('优秀A');
    expect(normalizeKey('优秀A')).toBe('优秀a');
  });
  it('drops punctuation for loose matching', () => {
    expect(normalizeLoose('支委会组织健全,成员分工明确。')).toBe('支委会组织健全成员分工明确');
    expect(normalizeLoose('“十六字方针”')).toBe('十六字方针');
  });
  it('trims only the ends for names shown back', () => {
    expect(trimAll('\u3000机关 党支部 ')).toBe('机关 党支部');
  });
});
