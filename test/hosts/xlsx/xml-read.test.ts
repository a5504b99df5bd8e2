/** The tag scanner's end-of-tag search (src/hosts/xlsx/xml-read.ts): quotes respected, nothing past the tag searched. */
import { tagEnd } from '../../../src/hosts/xlsx/xml-read';

describe('tagEnd', () => {
  test.each<[string, number, number]>([
    ['<mergeCell ref="A1:B2"/>', 10, 23],
    ["<x a='1>2' b=\"3>4\">rest", 2, 18],
    ['<x a="it\'s>">', 2, 12],
    ['<sheetData>', 10, 10],
    ['<x a="1>2"', 2, -1],
    ['<x a="open', 2, -1],
    ['<x', 2, -1],
  ])('%s from %i ends at %i', (xml, from, want) => expect(tagEnd(xml, from)).toBe(want));

  test('a tag without quotes in a long text that holds no apostrophe is found at its own end', () => {
    const tail = '<c r="A1"><v>1</v></c>'.repeat(10_000);
    const xml = `<sheetData>${tail}`;
    expect(tagEnd(xml, 10)).toBe(10);
    expect(tagEnd(xml, 14)).toBe(xml.indexOf('>', 14));
  });
});
