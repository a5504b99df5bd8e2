import type { Finding } from '../../../src/core/types';
import { countFindings, mergeFindings, planChecksSheet } from '../../../src/workbook/plans/checks';
import { FINDINGS, at, rowAt, styleAt } from './fixtures';

describe('校验问题 sheet', () => {
  const sheet = planChecksSheet(FINDINGS, 'zh', '校验问题');

  test('title and a one-line summary', () => {
    expect(at(sheet, 'A1')).toBe('校验问题');
    expect(at(sheet, 'A2')).toBe('共 5 项：错误 2 项（相关党支部暂不评定）、警告 1 项、提示 2 项。');
  });

  test('count table per severity and code, in severity then SPEC order', () => {
    expect(rowAt(sheet, 4)).toEqual(['级别', '代码', '问题类型', '数量']);
    expect(rowAt(sheet, 5)).toEqual(['错误', 'invalid-rating', '评分无效', 1]);
    expect(rowAt(sheet, 6)).toEqual(['错误', 'unknown-branch', '党支部不在名单中', 1]);
    expect(rowAt(sheet, 7)).toEqual(['警告', 'missing-rating', '空白评分', 1]);
    expect(rowAt(sheet, 8)).toEqual(['提示', 'self-gap', '自评明显偏高', 1]);
    expect(rowAt(sheet, 9)).toEqual(['提示', 'ignored-sheet', '未识别的工作表', 1]);
    expect(styleAt(sheet, 'A5').fill).toBe('#FFC7CE');
  });

  test('one row per finding in the order given, with a link to its cell', () => {
    expect(rowAt(sheet, 11)).toEqual(['级别', '代码', '工作表', '单元格', '党支部', '指标', '说明', '建议']);
    expect(rowAt(sheet, 12)).toEqual(['错误', 'invalid-rating', '民主测评', 'F12', '基建处党支部', '1.2', '评分“优良”无效', '改为优秀、较好、一般或差']);
    expect(rowAt(sheet, 13)).toEqual(['错误', 'unknown-branch', '组织考核', 'A5', '机关第一支部', null, '“机关第一支部”不在支部名单中', null]);
    expect(rowAt(sheet, 15)).toEqual(['提示', 'ignored-sheet', '说明', null, null, null, '未识别的工作表', null]);
    expect(rowAt(sheet, 16)).toEqual(['提示', 'self-gap', null, null, '机关第一党支部', null, '自评偏高', null]);
    expect(sheet.links).toEqual([
      { cell: 'D12', sheet: '民主测评', target: 'F12' },
      { cell: 'D13', sheet: '组织考核', target: 'A5' },
      { cell: 'D14', sheet: '组织考核', target: 'D7' },
    ]);
    expect(styleAt(sheet, 'D12')).toMatchObject({ fontColor: '#0563C1', underline: true });
  });

  test('header frozen, printable', () => {
    expect(sheet.freeze).toEqual({ rows: 11, columns: 0 });
    expect(sheet.print).toMatchObject({ orientation: 'landscape', fitToWidth: true, titleRows: '11:11', area: 'A1:H16' });
    expect(sheet.kind).toBe('checks');
  });

  test('a long count table does not freeze the screen', () => {
    const many: Finding[] = (['invalid-rating', 'invalid-count', 'unknown-branch', 'orphan-row', 'missing-source', 'missing-indicator', 'too-many-forms', 'invalid-adjustment', 'unknown-source', 'tally-mismatch'] as const).map(
      (code) => ({ severity: 'error', code, message: { zh: code, en: code } }),
    );
    expect(planChecksSheet(many, 'zh', '校验问题').freeze).toBeUndefined();
  });

  test('no findings', () => {
    const s = planChecksSheet([], 'zh', '校验问题');
    expect(at(s, 'A2')).toBe('未发现问题。');
    expect(rowAt(s, 4)).toEqual(['级别', '代码', '工作表', '单元格', '党支部', '指标', '说明', '建议']);
    expect(s.values).toHaveLength(4);
    expect(s.links).toEqual([]);
  });

  test('English', () => {
    const s = planChecksSheet(FINDINGS, 'en', '校验问题');
    expect(at(s, 'A1')).toBe('Checks');
    expect(rowAt(s, 5)).toEqual(['Error', 'invalid-rating', 'Invalid rating', 1]);
    expect(at(s, 'G12')).toBe('Rating "优良" is not on the scale');
  });

  test('countFindings counts repeated codes', () => {
    const twice = [FINDINGS[0], FINDINGS[0], FINDINGS[2]];
    expect(countFindings(twice)).toEqual([
      { severity: 'error', code: 'invalid-rating', count: 2 },
      { severity: 'warning', code: 'missing-rating', count: 1 },
    ]);
  });

  test('mergeFindings puts a new warning after the last warning, before the infos', () => {
    const renamed: Finding = { severity: 'warning', code: 'sheet-renamed', sheet: '考核汇总', message: { zh: 'x', en: 'x' } };
    const merged = mergeFindings(FINDINGS, [renamed]);
    expect(merged.map((f) => f.code)).toEqual(['invalid-rating', 'unknown-branch', 'missing-rating', 'sheet-renamed', 'ignored-sheet', 'self-gap']);
    expect(FINDINGS).toHaveLength(5);
  });
});

describe('wrapped text gets room', () => {
  test('wrappedLines counts CJK as double width and honours line breaks', () => {
    const { wrappedLines, linesHeight } = jest.requireActual('../../../src/workbook/plans/sheet') as typeof import('../../../src/workbook/plans/sheet');
    expect(wrappedLines('abc', 10)).toBe(1);
    expect(wrappedLines('一二三四五六', 10)).toBe(2); // 12 units in 10
    expect(wrappedLines('a\nb', 10)).toBe(2);
    expect(linesHeight(2)).toBe(36); // 16 points a line (LibreOffice's CJK face) and 4 of padding
    expect(linesHeight(1000)).toBe(409);
  });
});

describe('row heights of long findings', () => {
  test('a finding whose message wraps gets a taller row; a short one keeps the default', () => {
    const long: Finding = { ...FINDINGS[0], message: { zh: '很长的说明'.repeat(30), en: 'long' } };
    const sheet = planChecksSheet([long, FINDINGS[1]], 'zh', '校验问题');
    const findingRow = (sheet.values.findIndex((row) => row[6] === long.message.zh));
    const height = sheet.rowHeights?.find((h) => h.row === findingRow)?.height ?? 0;
    // 150 CJK characters = 300 width units in a 55-unit column: 6 lines
    expect(height).toBe(6 * 16 + 4);
    expect(sheet.rowHeights?.some((h) => h.row === findingRow + 1)).toBe(false);
  });
});

it('says "没有错误" rather than "错误 0 项（相关党支部暂不评定）" when there is no error', () => {
  const sheet = planChecksSheet([{ severity: 'warning', code: 'missing-rating', sheet: 'S', cell: 'B2', message: { zh: 'm', en: 'm' } }], 'zh', '校验问题');
  expect(at(sheet, 'A2')).toBe('共 1 项：没有错误、警告 1 项、提示 0 项。');
  const text = JSON.stringify(sheet.values);
  expect(text).toContain('没有错误');
  expect(text).not.toContain('错误 0 项');
});
