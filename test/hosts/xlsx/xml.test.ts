/** Utf8Builder: a large part's text built from small strings, as UTF-8 bytes in pieces joined once. */
import fc from 'fast-check';
import { strFromU8, strToU8 } from 'fflate';
import { Utf8Builder } from '../../../src/hosts/xlsx/xml';
import { runs } from '../../support/runs';

describe('Utf8Builder', () => {
  it('gives head, every pushed string in order, then tail, as the UTF-8 of their concatenation', () => {
    const cells = Array.from({ length: 20000 }, (_, i) => `<c r="A${i + 1}" t="inlineStr"><is><t>第${i}党支部𠀀</t></is></c>`);
    const b = new Utf8Builder();
    for (const c of cells) b.push(c);
    const bytes = b.finish('<worksheet><sheetData>', '</sheetData></worksheet>');
    const text = `<worksheet><sheetData>${cells.join('')}</sheetData></worksheet>`;
    expect(bytes).toEqual(strToU8(text));
    expect(strFromU8(bytes)).toBe(text);
  });

  it('keeps a character split across two pushes whole, and takes empty and very long strings', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constant('优'.repeat(Utf8Builder.PIECE_CHARS + 7)), fc.constant('')), { maxLength: 30 }), (parts) => {
        const b = new Utf8Builder();
        for (const p of parts) b.push(p);
        expect(strFromU8(b.finish('<a>', '</a>'))).toBe(`<a>${parts.join('')}</a>`);
      }),
      { numRuns: runs(100) },
    );
  });

  it('keeps an emoji whole when its two halves arrive in two pushes across a piece boundary', () => {
    const b = new Utf8Builder();
    const first = 'a'.repeat(Utf8Builder.PIECE_CHARS - 1) + '\uD83D';
    b.push(first);
    b.push('\uDE00b');
    expect(strFromU8(b.finish('', ''))).toBe(`${first}\uDE00b`);
  });

  it('keeps the pairs at both ends of the high-surrogate range whole, and writes a lone one at the end as U+FFFD', () => {
    for (const pair of ['\uD800\uDC00', '\uDBFF\uDFFF']) {
      const b = new Utf8Builder();
      const first = 'a'.repeat(Utf8Builder.PIECE_CHARS - 1) + pair[0];
      b.push(first);
      b.push(`${pair[1]}z`);
      expect(strFromU8(b.finish('', ''))).toBe(`${first}${pair[1]}z`);
    }
    const lone = new Utf8Builder();
    lone.push('abc\uD800');
    expect(strFromU8(lone.finish('<', '>'))).toBe('<abc\uFFFD>');
  });

  it('is empty between head and tail when nothing was pushed', () => {
    expect(strFromU8(new Utf8Builder().finish('<a/>', ''))).toBe('<a/>');
  });
});
