/**
 * Issue 9 item 2, SPEC §4.4 derived tallies: counts that are formulas over another rating sheet are not
 * counted again (derived-tally); a typed tally beside forms for the same branch and source counts both
 * (possible-double-count).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { loadWorkbook, snapshotOf } from '../../../src/hosts/xlsx';
import { runAssessment } from '../../../src/workbook/pipeline';
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, CODES, fill, only, sheet } from './helpers';

const OPTIONS = { lang: 'zh' as const, date: '2026-12-30' };

describe('derived tallies', () => {
  test('a LibreOffice-calculated COUNTIFS tally over 民主测评 is not counted again', async () => {
    const bytes = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'derived-tally-lo.xlsx'));
    const out = runAssessment(snapshotOf(await loadWorkbook(new Uint8Array(bytes))), OPTIONS);
    expect(out.report.branches.map((b) => [b.name, b.forms.民主测评, b.forms.组织考核])).toEqual([
      ['机关第一党支部', 6, 2],
      ['机关第二党支部', 6, 2],
    ]);
    const derived = out.report.issues.filter((i) => i.code === 'derived-tally');
    expect(derived).toHaveLength(1);
    expect(derived[0]).toMatchObject({ severity: 'info', sheet: '票数汇总' });
    expect(derived[0].message).toContain('“民主测评”');
    expect(out.report.issues.filter((i) => i.code === 'possible-double-count')).toEqual([]);
    expect(out.exitCode).toBe(0);
  });

  test('formula counts over a sheet that is not a rating sheet are typed counts', () => {
    const tally: CellValue[][] = [['党支部：机关第一党支部'], ['编号', '优秀', '较好', '一般', '差'], ...CODES.map((c) => [c, 5, 0, 0, 0])];
    const formulas = tally.map((row, r) => row.map((_, c) => (r >= 2 && c === 1 ? '原始数据!B2' : null)));
    const r = recognise(book(sheet('民主测评票数', tally, [], { formulas }), sheet('原始数据', [['x']])));
    expect(r.input.tallies).toHaveLength(1);
    expect(only(r.input.findings, 'derived-tally')).toEqual([]);
  });

  test('forms and a typed tally for the same branch and source: both count, with a warning naming both sheets', () => {
    const forms: CellValue[][] = [['党支部', ...CODES], ...fill(3, ['机关第一党支部', ...fill(26, '优秀')])];
    const tally: CellValue[][] = [['党支部：机关第一党支部'], ['测评类型：民主测评'], ['编号', '优秀', '较好', '一般', '差'], ...CODES.map((c) => [c, 3, 0, 0, 0])];
    const out = runAssessment(book(sheet('民主测评', forms), sheet('票数汇总', tally)), OPTIONS);
    expect(out.report.branches[0].forms.民主测评).toBe(6);
    const warned = out.report.issues.filter((i) => i.code === 'possible-double-count');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', sheet: '票数汇总', branch: '机关第一党支部' });
    expect(warned[0].message).toContain('“民主测评”');
    expect(warned[0].message).toContain('“票数汇总”');
  });
});
