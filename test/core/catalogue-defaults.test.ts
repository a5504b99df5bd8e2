/**
 * The built-in catalogue (SPEC §2) against the policy itself: section 二 of the seed text
 * (test/fixtures/policy/seed-policy.txt, a copy of shared/seed), parsed here, so that a changed or lost
 * word in any of the 26 indicator texts, a moved bullet or a renamed category fails.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildCatalogue, defaultCatalogue, normalizeIndicatorCode } from '../../src/core/catalogue';
import type { CatalogueRow, CellValue } from '../../src/core/types';

/** SPEC §1: the seed's typing errors and the words the product uses instead. */
const CORRECTIONS: readonly [string, string][] = [
  ['考桉', '考核'],
  ['评眩', '评选'],
  ['建没', '建设'],
  ['职—-工', '职工'],
  ['其它~成员', '其它成员'],
  ['80%(以上', '80%以上'],
];

/** SPEC §2's points per indicator of each category (the seed gives none). */
const POINTS = [3, 4, 5, 4, 5, 3];

const NUMERALS = '一二三四五六七八九';

interface SeedCategory {
  /** "一、党支部班子自身建设": the seed's "1、…" heading with the section's Chinese numeral. */
  name: string;
  bullets: string[];
}

/** Section 二 of the seed: its "N、name" headings and the ● bullets under each, corrected. */
function seedCatalogue(): SeedCategory[] {
  const text = readFileSync(join(__dirname, '../fixtures/policy/seed-policy.txt'), 'utf8');
  const start = text.indexOf('二、目标管理考核内容');
  const end = text.indexOf('三、目标管理考');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const categories: SeedCategory[] = [];
  for (const raw of text.slice(start, end).split('\n').slice(1)) {
    const line = raw.trim();
    const heading = /^(\d)、(.+)$/.exec(line);
    if (heading) categories.push({ name: `${NUMERALS[Number(heading[1]) - 1]}、${heading[2]}`, bullets: [] });
    else if (line.startsWith('●')) {
      const corrected = CORRECTIONS.reduce((s, [typo, word]) => s.split(typo).join(word), line.slice(1));
      categories[categories.length - 1].bullets.push(corrected);
    }
  }
  return categories;
}

describe('the default catalogue against the policy text', () => {
  it('has the seed’s six categories, in order, with their names', () => {
    const seed = seedCatalogue();
    expect(seed).toHaveLength(6);
    expect(defaultCatalogue().categories).toEqual(seed.map((c, i) => ({ code: String(i + 1), name: c.name })));
  });

  it('has one indicator per seed bullet, in order: code, category, corrected text and SPEC §2 points', () => {
    const expected = seedCatalogue().flatMap((c, ci) =>
      c.bullets.map((text, i) => ({ code: `${ci + 1}.${i + 1}`, category: String(ci + 1), text, points: POINTS[ci] })),
    );
    expect(expected).toHaveLength(26);
    expect(defaultCatalogue().indicators).toEqual(expected);
  });

  it('keeps none of the seed’s typing errors', () => {
    const all = defaultCatalogue().indicators.map((i) => i.text).join('\n');
    for (const [typo] of CORRECTIONS) expect(all).not.toContain(typo);
  });

  it('is accepted by buildCatalogue when written out as a catalogue sheet, and reads back the same', () => {
    const d = defaultCatalogue();
    const rows = d.indicators.map((ind, i) => row(i + 2, ind.code, d.categories[Number(ind.category) - 1].name, ind.text, ind.points));
    expect(buildCatalogue(rows, '指标')).toEqual({ catalogue: d, findings: [] });
  });
});

function row(n: number, code: CellValue, category: CellValue, text: CellValue, points: CellValue): CatalogueRow {
  return {
    code,
    category,
    text,
    points,
    ref: { sheet: '指标', cell: `A${n}` },
    codeRef: { sheet: '指标', cell: `A${n}` },
    pointsRef: { sheet: '指标', cell: `D${n}` },
  };
}

describe('indicator codes: every separator the catalogue accepts', () => {
  // Each separator of SPEC §4.2's "1.1" as office staff type it, half- and full-width.
  it.each([
    ['full stop', '1.1'],
    ['hyphen-minus', '1-1'],
    ['underscore', '1_1'],
    ['ideographic full stop', '1。1'],
    ['middle dot', '1·1'],
    ['hyphen U+2010', '1\u20101'],
    ['non-breaking hyphen U+2011', '1\u20111'],
    ['en dash', '1–1'],
    ['em dash', '1—1'],
    ['horizontal bar U+2015', '1―1'],
    ['full-width full stop', '1．1'],
    ['full-width hyphen', '1－1'],
    ['full-width low line', '1＿1'],
    ['full-width digits and full stop', '１．１'],
    ['full-width digits and ideographic full stop', '１。１'],
    ['spaces around the separator', '1 . 1'],
    ['an ideographic space before the separator', '1\u3000-1'],
  ])('%s: %s reads as 1.1', (_, input) => expect(normalizeIndicatorCode(input)).toBe('1.1'));

  it.each([
    ['1.1 支委会组织健全', '1.1'],
    ['6-4做好创建精神文明', '6.4'],
    ['2.10', '2.10'],
    ['12.345', '12.345'],
    ['100.1', '100.1'],
    ['007.02', '7.2'],
    ['1.1 2', '1.1'],
  ])('%s reads as %s', (input, code) => expect(normalizeIndicatorCode(input)).toBe(code));

  it.each([
    ['no separator', '11'],
    ['a colon', '1:1'],
    ['a comma', '1,1'],
    ['a slash', '1/1'],
    ['a letter before the code', 'a1.1'],
    ['a word before the code', '指标1.1'],
    ['four-digit category', '1000.1'],
    ['four-digit item', '1.1000'],
    ['item 0', '1.0'],
    ['category 0', '0.1'],
    ['three levels with full stops', '1.1.2'],
    ['three levels with hyphens', '1-1-2'],
    ['three levels with underscores', '1_1_2'],
    ['three levels with ideographic full stops', '1。1。2'],
    ['three levels, spaced', '1.1 . 2'],
    ['two separators', '1..1'],
    ['a letter as item', '1.a'],
  ])('%s: %s is not a code', (_, input) => expect(normalizeIndicatorCode(input)).toBeNull());

  it('a catalogue sheet may write its codes with any of them', () => {
    const d = defaultCatalogue();
    // 1.1 to 1.6 written six ways, the rest as 2.1 … 6.4
    const written = ['1-1', '1。2', '１．３', '1—4', '1·5', '1_6'];
    const rows = d.indicators.map((ind, i) => row(i + 2, written[i] ?? ind.code, '', ind.text, ind.points));
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(findings).toEqual([]);
    expect(catalogue?.indicators.map((i) => i.code)).toEqual(d.indicators.map((i) => i.code));
  });
});
