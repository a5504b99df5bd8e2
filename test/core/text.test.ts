import { foldWidth, isSpaceOnly, normalize, normalizeKey, normalizeLoose, trimAll } from '../../src/core/text';

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
  it('folds exactly the full-width ASCII block U+FF01–U+FF5E', () => {
    expect(foldWidth('\uff01\uff5e\uff10\uff3a')).toBe('!~0Z');
    // the code points either side are not ASCII forms and stay
    expect(foldWidth('\uff00\uff5f\uff61\u3002')).toBe('\uff00\uff5f\uff61\u3002');
    expect(foldWidth('')).toBe('');
  });
  it('treats zero-width, no-break and ideographic spaces as spaces everywhere', () => {
    for (const sp of ['\u200b', '\u00a0', '\u202f', '\u2007', '\u3000', '\ufeff', '\u1680', '\u205f', '\u2028']) {
      expect(normalize(`甲${sp}乙`)).toBe('甲乙');
      expect(trimAll(`${sp}甲 乙${sp}`)).toBe('甲 乙');
      expect(isSpaceOnly(`${sp}${sp}`)).toBe(true);
    }
    expect(isSpaceOnly('')).toBe(true);
    expect(isSpaceOnly(' 甲 ')).toBe(false);
    expect(trimAll('  ')).toBe('');
  });
  it('loose matching drops symbols too, and keeps letters and digits', () => {
    expect(normalizeLoose('80%以上（出差除外）+1 Ａ')).toBe('80以上出差除外1a');
  });
});
