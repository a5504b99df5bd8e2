/**
 * Highlighting many problem cells: the areas per getRanges call stay under what Excel takes, and a range
 * reference is never expanded cell by cell. Excel refuses long area lists with "The argument is invalid or
 * missing or has an incorrect format" (office-js #5198: 513 areas in 8,207 characters failed, some lists
 * of more than 500 areas passed); the stand-in refuses past 8,192 characters or 500 areas. The time
 * (50,000 cells, the quadratic version side by side) is in `npm run bench`, never asserted here.
 */
import { ExcelHost, HIGHLIGHT_FORMULA } from '../../../src/hosts/excel';
import { highlightAreas } from '../../../src/hosts/excel/host';
import { MAX_AREAS, MAX_AREAS_CHARS } from '../../../src/hosts/excel/write';
import { parseRange } from '../../../src/workbook/snapshot';
import { createFakeExcel } from '../../support/fake-excel';

/** Every cell the address lists cover, as "r,c". */
function covered(lists: string[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) {
    for (const a of list.split(',')) {
      const { r0, c0, r1, c1 } = parseRange(a);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.add(`${r},${c}`);
    }
  }
  return out;
}

test('1,500 separate cells: each getRanges list at most 200 areas and 4,000 characters, covering exactly those cells', () => {
  const cells = Array.from({ length: 1500 }, (_, i) => `C${3 + 2 * i}`);
  const lists = highlightAreas([...cells, 'C3', 'C5']); // repeats are harmless
  for (const list of lists) {
    expect(list.split(',').length).toBeLessThanOrEqual(MAX_AREAS);
    expect(list.length).toBeLessThanOrEqual(MAX_AREAS_CHARS);
  }
  expect(lists.length).toBe(Math.ceil(1500 / MAX_AREAS));
  expect(covered(lists)).toEqual(covered(cells));
});

test('a range reference stays one area per column; touching and overlapping runs join', () => {
  expect(highlightAreas(['C3:Z20000', 'C20001', 'D5'])).toEqual([
    ['C3:C20001', ...'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `${c}3:${c}20000`)].join(','),
  ]);
  expect(highlightAreas(['B9', 'B2:B4', 'B5', 'B3', 'B7'])).toEqual(['B2:B5,B7,B9']);
});

test('2,000 problem cells on every other row are highlighted in rules Excel takes (office-js #5198)', async () => {
  const fake = createFakeExcel({ apiVersion: '1.17' });
  fake.seed('民主测评', { values: [['党支部']] });
  const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
  const refs = Array.from({ length: 2000 }, (_, i) => ({ sheet: '民主测评', cell: `D${2 + 2 * i}` }));
  await host.setHighlights(refs, true);
  const ours = fake.sheet('民主测评').conditionalFormats.filter((c) => c.formula === HIGHLIGHT_FORMULA);
  expect(ours.length).toBe(2000 / MAX_AREAS);
  const rows = ours.flatMap((c) => c.ranges.map((r) => r.r0)).sort((a, b) => a - b);
  expect(rows).toEqual(Array.from({ length: 2000 }, (_, i) => 1 + 2 * i));
});
