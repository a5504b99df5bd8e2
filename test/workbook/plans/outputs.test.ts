import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import type { OfficeSummaryTarget } from '../../../src/workbook/plans';
import { isValidSheetName, planOutputs, resolveSheetName } from '../../../src/workbook/plans';
import { at, fillOf, notification, result, sheetOf } from './fixtures';

const sheet = (name: string, extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name, values: [], merges: [], ...extra });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });
const OPTIONS = { lang: 'zh' as const, date: '2026-12-31' };

describe('resolveSheetName', () => {
  test('a free name is used as is', () => {
    expect(resolveSheetName(book(sheet('组织考核')), 'summary', '考核汇总')).toEqual({ name: '考核汇总', renamed: false });
  });

  test('our own sheet of that kind is replaced', () => {
    const wb = book(sheet('考核汇总', { createdBy: 'summary' }));
    expect(resolveSheetName(wb, 'summary', '考核汇总')).toEqual({ name: '考核汇总', replaces: '考核汇总', renamed: false });
  });

  test("a user's sheet keeps its name; the output goes to the first free (n)", () => {
    expect(resolveSheetName(book(sheet('考核汇总')), 'summary', '考核汇总')).toEqual({ name: '考核汇总 (2)', renamed: true });
    const taken = book(sheet('考核汇总'), sheet('考核汇总 (2)'));
    expect(resolveSheetName(taken, 'summary', '考核汇总')).toEqual({ name: '考核汇总 (3)', renamed: true });
  });

  test('a re-run replaces the (n) sheet it made last time instead of adding another', () => {
    const wb = book(sheet('考核汇总'), sheet('考核汇总 (2)', { createdBy: 'summary' }));
    expect(resolveSheetName(wb, 'summary', '考核汇总')).toEqual({ name: '考核汇总 (2)', replaces: '考核汇总 (2)', renamed: true });
  });

  test('a product sheet of another kind is not replaced', () => {
    const wb = book(sheet('考核汇总', { createdBy: 'details' }));
    expect(resolveSheetName(wb, 'summary', '考核汇总')).toEqual({ name: '考核汇总 (2)', renamed: true });
  });

  test('names compare case-insensitively, as Excel does', () => {
    expect(resolveSheetName(book(sheet('summary')), 'summary', 'Summary')).toEqual({ name: 'Summary (2)', renamed: true });
  });

  test('a long name is shortened so that the numbered name stays within 31 characters', () => {
    const long = 'x'.repeat(31);
    const r = resolveSheetName(book(sheet(long)), 'checks', long);
    expect(r.name).toBe('x'.repeat(27) + ' (2)');
    expect(isValidSheetName(r.name)).toBe(true);
  });
});

describe('isValidSheetName', () => {
  test("Excel's rules", () => {
    expect(isValidSheetName('考核汇总')).toBe(true);
    expect(isValidSheetName('')).toBe(false);
    expect(isValidSheetName('a'.repeat(32))).toBe(false);
    for (const bad of ['a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', "'ab"]) expect(isValidSheetName(bad)).toBe(false);
  });
});

describe('planOutputs', () => {
  test('a workbook without outputs gets the four sheets, summary shown first', () => {
    const { plan, findings } = planOutputs(result(), notification(), book(sheet('组织考核')), OPTIONS);
    expect(plan.sheets.map((s) => [s.mode, s.kind, s.name])).toEqual([
      ['new', 'summary', '考核汇总'],
      ['new', 'notification', '考核结果通报'],
      ['new', 'checks', '校验问题'],
      ['new', 'details', '计算明细'],
    ]);
    expect(plan.sheets.every((s) => s.mode === 'new' && s.replaces === undefined)).toBe(true);
    expect(plan.activate).toBe('考核汇总');
    expect(findings).toEqual([]);
  });

  test('a re-run replaces the sheets it made', () => {
    const wb = book(
      sheet('考核汇总', { createdBy: 'summary' }),
      sheet('考核结果通报', { createdBy: 'notification' }),
      sheet('校验问题', { createdBy: 'checks' }),
      sheet('计算明细', { createdBy: 'details' }),
    );
    const { plan } = planOutputs(result(), notification(), wb, OPTIONS);
    expect(plan.sheets.map((s) => (s.mode === 'new' ? s.replaces : undefined))).toEqual(['考核汇总', '考核结果通报', '校验问题', '计算明细']);
  });

  test("a user's 考核汇总 that is not a recognised summary: output renamed, user told on the checks sheet", () => {
    const { plan, findings } = planOutputs(result(), notification(), book(sheet('考核汇总')), OPTIONS);
    expect(plan.sheets[0].name).toBe('考核汇总 (2)');
    expect(plan.activate).toBe('考核汇总 (2)');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'sheet-renamed', sheet: '考核汇总' });
    expect(findings[0].message.zh).toContain('“考核汇总 (2)”');
    expect(findings[0].message.en).toContain('"考核汇总 (2)"');
    const checks = sheetOf(plan, '校验问题');
    // the fixture's 5 findings + this one, placed after the last warning (row 14 holds missing-rating)
    expect(checks.values.map((r) => r[1])).toContain('sheet-renamed');
    expect(at(checks, 'B16')).toBe('sheet-renamed');
    expect(at(checks, 'C16')).toBe('考核汇总');
  });

  test('same inputs give the same plan', () => {
    const wb = book(sheet('考核汇总'), sheet('计算明细', { createdBy: 'details' }));
    const a = planOutputs(result(), notification(), wb, OPTIONS);
    const b = planOutputs(result(), notification(), wb, OPTIONS);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  test('values are plain: no formulas, dense rows, valid names', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { plan } = planOutputs(result(), notification(), book(), { ...OPTIONS, lang });
      for (const s of plan.sheets) {
        expect(isValidSheetName(s.name)).toBe(true);
        expect(s.name).not.toMatch(/[[\]:*?/\\]/);
        if (s.mode !== 'new') continue;
        for (const row of s.values) {
          expect(Array.isArray(row)).toBe(true);
          for (const v of row) {
            expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
            if (typeof v === 'string') expect(v.startsWith('=')).toBe(false);
            if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          }
        }
      }
    }
  });
});

describe('the office summary (SPEC §4.6)', () => {
  // The office's own sheet: title row, header in row 2 (index 1), branch in B, 总分 D, 等级 E, 排名 F.
  const office = sheet('考核汇总', {
    values: [
      ['2026年度考核汇总'],
      ['序号', '党支部', '备注', '总分', '等级', '排名'],
      [1, '机关第一党支部', '', null, null, null],
      [2, '基建处党支部', '', 70, '一般', 9],
      [3, '机关第二党支部', '', 84, null, null],
      [4, '离退休\u3000党支部', '', null, null, null],
    ],
    formulas: [[], [], [], [], [null, null, null, 'SUM(G5:H5)'], []],
  });
  const target: OfficeSummaryTarget = {
    sheet: '考核汇总',
    headerRow: 1,
    branchCol: 1,
    totalCol: 3,
    gradeCol: 4,
    rankCol: 5,
    rows: [
      { branch: '机关第一党支部', row: 2 },
      { branch: '基建处党支部', row: 3 },
      { branch: '机关第二党支部', row: 4 },
      { branch: '离退休\u3000党支部', row: 5 },
    ],
  };

  const { plan, findings } = planOutputs(result(), notification(), book(office), { ...OPTIONS, officeSummary: target });

  test('only 总分/等级/排名 of graded rows are written, formula cells skipped', () => {
    const fill = fillOf(plan, '考核汇总');
    expect(fill).toEqual({
      mode: 'fill',
      kind: 'summary',
      name: '考核汇总',
      cells: [
        { cell: 'D3', value: 92.3 },
        { cell: 'E3', value: '优秀' },
        { cell: 'F3', value: 1 },
        // D5 holds a formula: not written
        { cell: 'E5', value: '较好' },
        { cell: 'F5', value: 2 },
        // the name with a full-width space matches 离退休党支部
        { cell: 'D6', value: 85 },
        { cell: 'E6', value: '较好' },
        { cell: 'F6', value: 2 },
      ],
    });
  });

  test('the skipped formula is a warning naming the cell, also on the checks sheet', () => {
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'formula-not-overwritten', sheet: '考核汇总', cell: 'D5', branch: '机关第二党支部' });
    expect(findings[0].message.zh).toContain('SUM(G5:H5)');
    const checks = sheetOf(plan, '校验问题');
    const row = checks.values.filter((r) => r[1] === 'formula-not-overwritten').pop(); // the count table lists it first
    expect(row?.slice(2, 5)).toEqual(['考核汇总', 'D5', '机关第二党支部']);
    expect(checks.links).toContainEqual({ cell: expect.stringMatching(/^D\d+$/), sheet: '考核汇总', target: 'D5' });
  });

  test('no new 考核汇总 sheet; the other outputs as usual', () => {
    expect(plan.sheets.map((s) => [s.mode, s.name])).toEqual([
      ['fill', '考核汇总'],
      ['new', '考核结果通报'],
      ['new', '校验问题'],
      ['new', '计算明细'],
    ]);
    expect(findings.some((f) => f.code === 'sheet-renamed')).toBe(false);
  });

  test('a target without a rank column writes total and grade only', () => {
    const { plan: p } = planOutputs(result(), notification(), book(office), {
      ...OPTIONS,
      officeSummary: { ...target, rankCol: undefined, gradeCol: undefined, rows: [{ branch: '机关第一党支部', row: 2 }] },
    });
    expect(fillOf(p, '考核汇总').cells).toEqual([{ cell: 'D3', value: 92.3 }]);
  });
});
