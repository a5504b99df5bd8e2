/**
 * What an ExcelJS load → save keeps and loses, on a LibreOffice-saved workbook with a chart, an image, a
 * pivot table, comments, a list validation, a conditional format, a named range and an autofilter table.
 * These are the facts /work/notes/roundtrip.md (README "What the output copy loses") states.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { loadWorkbook, saveWorkbook, snapshotOf } from '../../../src/hosts/xlsx';

const input = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'features-lo.xlsx')));

let before: JSZip;
let after: JSZip;
let output: Uint8Array;
beforeAll(async () => {
  before = await JSZip.loadAsync(input);
  output = await saveWorkbook(await loadWorkbook(input));
  after = await JSZip.loadAsync(output);
});

const parts = (z: JSZip, re: RegExp) => Object.keys(z.files).filter((n) => re.test(n) && !z.files[n].dir);
const text = (z: JSZip, name: string) => z.file(name)!.async('string');

describe('ExcelJS round trip of a LibreOffice workbook', () => {
  it('the probe has what it claims to have', () => {
    expect(parts(before, /^xl\/charts\//)).toHaveLength(1);
    expect(parts(before, /^xl\/pivotTables\/pivotTable\d+\.xml$/)).toHaveLength(1);
    expect(parts(before, /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/)).toHaveLength(1);
    expect(parts(before, /^xl\/media\//)).toHaveLength(1);
    expect(parts(before, /^xl\/comments\d+\.xml$/)).toHaveLength(1);
  });

  it('loses charts and pivot tables (the pivot output stays as plain values)', async () => {
    expect(parts(after, /^xl\/charts\//)).toEqual([]);
    expect(parts(after, /^xl\/pivot/)).toEqual([]);
    expect(await text(after, 'xl/drawings/drawing1.xml')).not.toContain('graphicFrame');
    const pivot = snapshotOf(await loadWorkbook(output)).sheets[1];
    expect(pivot.name).toBe('透视');
    expect(pivot.values.flat()).toEqual(expect.arrayContaining(['机关', '科研']));
  });

  it('keeps images, list validations, conditional formats, workbook names and the table', async () => {
    expect(parts(after, /^xl\/media\//)).toHaveLength(1);
    expect(await text(after, 'xl/drawings/drawing1.xml')).toContain('<xdr:pic>');
    const sheet = await text(after, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="B2:B5"><formula1>&quot;机关,科研&quot;/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="C2:C5"><cfRule type="cellIs"[^>]*operator="greaterThanOrEqual"><formula>90<\/formula>/);
    expect(await text(after, 'xl/workbook.xml')).toContain(`<definedName name="得分区">&apos;数据&apos;!$C$2:$C$5</definedName>`);
    expect(parts(after, /^xl\/tables\//)).toHaveLength(1);
  });

  it('keeps a comment on a filled cell, loses one on an empty cell', async () => {
    const comments = await text(after, 'xl/comments1.xml');
    expect(comments).toContain('复核：分数已确认');
    expect(comments).not.toContain('待补充说明');
    expect(await text(before, 'xl/comments1.xml')).toContain('待补充说明');
  });
});
