/**
 * What the graded copy keeps: on a LibreOffice-saved workbook with a chart, an image, a pivot table,
 * comments (one on an empty cell), a list validation, a conditional format, a named range and an
 * autofilter table, every part of the input is in the output byte for byte, except the extended ones.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from '../../../src/hosts/xlsx';

const input = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'features-lo.xlsx')));
const EXTENDED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml']);

let before: JSZip;
let after: JSZip;
let output: Uint8Array;
beforeAll(async () => {
  before = await JSZip.loadAsync(input);
  const wb = await loadWorkbook(input);
  applyPlan(wb, {
    sheets: [{ mode: 'new', kind: 'summary', name: '考核汇总', values: [['党支部', '总分'], ['机关', 95.8]], styles: [{ range: 'A1:B1', style: { bold: true } }], merges: [], columnWidths: [], links: [], validations: [] }],
  });
  output = await saveWorkbook(wb);
  after = await JSZip.loadAsync(output);
});

const parts = (z: JSZip, re: RegExp) => Object.keys(z.files).filter((n) => re.test(n) && !z.files[n].dir);
const text = (z: JSZip, name: string) => z.file(name)!.async('string');

describe('graded copy of a LibreOffice workbook', () => {
  it('the probe has what it claims to have', () => {
    expect(parts(before, /^xl\/charts\//)).toHaveLength(1);
    expect(parts(before, /^xl\/pivotTables\/pivotTable\d+\.xml$/)).toHaveLength(1);
    expect(parts(before, /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/)).toHaveLength(1);
    expect(parts(before, /^xl\/media\//)).toHaveLength(1);
    expect(parts(before, /^xl\/comments\d+\.xml$/)).toHaveLength(1);
  });

  it('keeps every part of the input byte for byte, except the extended ones', async () => {
    for (const name of parts(before, /./)) {
      expect(after.file(name)).not.toBeNull();
      if (EXTENDED.has(name)) continue;
      expect(Buffer.from(await after.file(name)!.async('uint8array')).equals(Buffer.from(await before.file(name)!.async('uint8array')))).toBe(true);
    }
    expect(parts(after, /^xl\/charts\//)).toHaveLength(1);
    expect(parts(after, /^xl\/pivot/)).toEqual(parts(before, /^xl\/pivot/));
    expect(await text(after, 'xl/comments1.xml')).toContain('待补充说明');
  });

  it('keeps the workbook names and adds the summary after the sheets', async () => {
    expect(await text(after, 'xl/workbook.xml')).toContain(`<definedName function="false" hidden="false" name="得分区" vbProcedure="false">数据!$C$2:$C$5</definedName>`);
    const snap = snapshotOf(await loadWorkbook(output));
    expect(snap.sheets.map((s) => s.name).slice(-1)).toEqual(['考核汇总']);
    expect(snap.sheets.at(-1)!.values).toEqual([['党支部', '总分'], ['机关', 95.8]]);
    expect(snap.sheets.at(-1)!.createdBy).toBe('summary');
  });
});
