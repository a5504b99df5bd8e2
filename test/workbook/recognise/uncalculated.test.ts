/**
 * Issue 21 item 6, SPEC §4/§5 uncalculated-formula: a formula with no stored result is never read as a
 * blank. The fixture is what openpyxl writes (scripts/make-uncalculated.py, never opened in a spreadsheet
 * program): formulas on a roster cell, on three rating cells of one form and on two tally counts.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { loadWorkbook, snapshotOf } from '../../../src/hosts/xlsx';
import { runAssessment } from '../../../src/workbook/pipeline';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import type { CellValue } from '../../../src/core/types';
import { book, CODES, sheet } from './helpers';

const OPTIONS = { lang: 'zh' as const, date: '2026-12-30' };
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'uncalculated-openpyxl.xlsx');

async function fixture(): Promise<WorkbookSnapshot> {
  return snapshotOf(await loadWorkbook(new Uint8Array(readFileSync(FIXTURE))));
}

describe('formulas without a stored result (openpyxl)', () => {
  test('the .xlsx reader lists them per sheet; their values stay unknown (null), never a typed value', async () => {
    const snap = await fixture();
    const by = (name: string) => snap.sheets.find((s) => s.name === name)!;
    expect(by('支部名单').uncalculated).toEqual(['C2']);
    expect(by('民主测评').uncalculated).toEqual(['C8', 'D8', 'E8']);
    expect(by('丙支部票数').uncalculated).toEqual(['B10', 'B11']);
    expect(by('组织考核').uncalculated).toBeUndefined();
    expect(by('民主测评').formulas?.[7]?.[2]).toBe('"优秀"');
    expect(by('民主测评').values[7][2]).toBeNull();
  });

  test('one error per rating or tally sheet naming the cells with a count; a warning for the roster cell', async () => {
    const out = runAssessment(await fixture(), OPTIONS);
    const found = out.result.findings.filter((f) => f.code === 'uncalculated-formula');
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ['error', '民主测评', 'C8'],
      ['error', '丙支部票数', 'B10'],
      ['warning', '支部名单', 'C2'],
    ]);
    const [ratings, counts, roster] = found;
    expect(ratings.message.zh).toContain('公式没有计算结果：请在 Excel 或 WPS 中打开、保存后再计算');
    expect(ratings.message.zh).toContain('工作表“民主测评”中有 3 个评分单元格');
    expect(ratings.message.zh).toContain('C8、D8、E8');
    expect(ratings.message.en).toContain('Sheet "民主测评" has 3 rating cells');
    expect(ratings.branch).toBe('乙支部');
    expect(counts.message.zh).toContain('2 个票数单元格');
    expect(counts.message.zh).toContain('B10、B11');
    expect(counts.branch).toBe('丙支部');
    expect(roster.message.zh).toContain('1 个单元格');
    expect(roster.message.zh).toContain('暂按空白读取');
  });

  test('the branches concerned are 待补充; the others are graded; no blank-rating words for those cells', async () => {
    const out = runAssessment(await fixture(), OPTIONS);
    expect(out.result.branches.map((b) => [b.name, b.status])).toEqual([
      ['甲支部', 'graded'],
      ['乙支部', 'incomplete'],
      ['丙支部', 'incomplete'],
    ]);
    expect(out.exitCode).toBe(1);
    // never "未评分，按弃权处理", an invalid count, a vote-total mismatch or "missing" claims for them
    const noise = out.result.findings.filter((f) => ['missing-rating', 'invalid-rating', 'invalid-count', 'tally-mismatch', 'missing-indicator', 'missing-source', 'skipped-row'].includes(f.code));
    expect(noise).toEqual([]);
    expect(out.result.findings.filter((f) => f.severity === 'error').every((f) => f.code === 'uncalculated-formula')).toBe(true);
  });

  test('a form whose uncalculated ratings span several branches blocks each of them, in one finding', () => {
    const rows: CellValue[][] = [['党支部', '测评人身份', ...CODES]];
    for (const b of ['甲支部', '乙支部']) for (let k = 0; k < 5; k++) rows.push([b, '党员', ...CODES.map(() => '优秀')]);
    rows[1][2] = null; // 甲支部's first form, 1.1
    rows[6][3] = null; // 乙支部's first form, 1.2
    const org: CellValue[][] = [['党支部', ...CODES], ['甲支部', ...CODES.map(() => '优秀')], ['乙支部', ...CODES.map(() => '较好')]];
    const snap = book(sheet('民主测评', rows, [], { uncalculated: ['C2', 'D7'] }), sheet('组织考核', org));
    const out = runAssessment(snap, OPTIONS);
    const found = out.result.findings.filter((f) => f.code === 'uncalculated-formula');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', sheet: '民主测评', cell: 'C2', branches: ['甲支部', '乙支部'] });
    expect(out.result.branches.map((b) => b.status)).toEqual(['incomplete', 'incomplete']);
  });

  test('a tally whose formulas over a rating sheet were never calculated blocks no branch (a warning only)', () => {
    const rows: CellValue[][] = [['党支部', ...CODES], ...Array.from({ length: 5 }, () => ['甲支部', ...CODES.map(() => '优秀')])];
    const tally: CellValue[][] = [['党支部：甲支部'], ['测评类型：民主测评'], ['编号', '优秀', '较好', '一般', '差'], ...CODES.map((c) => [c, null, null, null, null])];
    const formulas = tally.map((cells, r) => cells.map((_, c) => (r >= 3 && c >= 1 ? 'COUNTIF(民主测评!C:C,"优秀")' : null)));
    const uncalculated = tally.flatMap((_cells, r) => (r >= 3 ? ['B', 'C', 'D', 'E'].map((l) => `${l}${r + 1}`) : []));
    const org: CellValue[][] = [['党支部', ...CODES], ['甲支部', ...CODES.map(() => '优秀')]];
    const snap = book(sheet('民主测评', rows), sheet('票数汇总', tally, [], { formulas, uncalculated }), sheet('组织考核', org));
    const out = runAssessment(snap, OPTIONS);
    const found = out.result.findings.filter((f) => f.code === 'uncalculated-formula');
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([['warning', '票数汇总', 'B4']]);
    expect(found[0].message.zh).toContain('104 个单元格');
    expect(out.result.branches[0].status).toBe('graded');
  });
});
