/** The terms modules: same keys in both languages, no Chinese in English, one name per finding code. */
import { FINDING_CODES } from '../../../src/core/types';
import { TERMS } from '../../../src/workbook/terms';
import { CODE_NAME } from '../../../src/workbook/plans/labels';

it('has no Chinese in any English term, and the same keys in both languages', () => {
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') texts.push(v);
    // arrays and booleans stand in for every argument type
    else if (typeof v === 'function') texts.push(String((v as (...a: unknown[]) => unknown)(['x'], ['x'], ['x'])));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const { otherLangName: _native, rankingOptions, blankOptions, ...rest } = TERMS.en;
  walk(rest);
  walk(Object.values(rankingOptions));
  walk(Object.values(blankOptions));
  expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
  expect(Object.keys(TERMS.en).sort()).toEqual(Object.keys(TERMS.zh).sort());
  // the choices are the values the settings sheet accepts, in both languages
  expect(Object.keys(TERMS.en.rankingOptions)).toEqual(Object.keys(TERMS.zh.rankingOptions));
});

it('gives each finding code one name, the same in the pane and in the checks sheet', () => {
  for (const code of FINDING_CODES) {
    expect(CODE_NAME[code]).toEqual({ zh: TERMS.zh.findingCodes[code], en: TERMS.en.findingCodes[code] });
  }
  const zhNames = FINDING_CODES.map((c) => TERMS.zh.findingCodes[c]);
  expect(new Set(zhNames).size).toBe(zhNames.length);
});

it('names a place as a clerk reads it', () => {
  expect(TERMS.zh.place('组织考核', 'A7')).toBe('工作表「组织考核」A7');
  expect(TERMS.en.place('组织考核', 'A7')).toBe('sheet “组织考核”, A7');
});
