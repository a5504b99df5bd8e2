/**
 * Issue 9 item 1: a row that carries ratings is never a header row (SPEC §4). Rater numbers such as
 * 1-01 look like indicator code 1.1; they are data.
 */
import fc from 'fast-check';
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { fullWidth, runs, VALID_GRADES } from '../../robustness/arbitraries';
import { book, CODES, fill, only, sheet } from './helpers';

const HEADER: CellValue[] = ['党支部', '编号', '身份', ...CODES];

describe('data rows under a forms header', () => {
  test('ballot numbers 1-01, 1-02, 2-01 directly under the header are forms, not a second header row', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      HEADER,
      ['机关第一党支部', '1-01', '党员', ...fill(26, '优秀')],
      ['机关第一党支部', '1-02', '党员', ...fill(26, '较好')],
      ['机关第一党支部', '2-01', '群众', ...fill(26, '一般')],
      ['机关第一党支部', '2-02', '群众', ...fill(26, '优秀')],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms.map((f) => f.rater)).toEqual(['1-01', '1-02', '2-01', '2-02']);
    expect(r.input.forms.map((f) => f.ref.cell)).toEqual(['A3', 'A4', 'A5', 'A6']);
    expect(r.sheets[0].headerRows).toEqual([2]);
    expect(r.input.findings).toEqual([]);
  });

  test('a rater 1-01 beside a period 2.3 (two code-like cells) does not start a new block', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '期间', ...CODES],
      ['机关第一党支部', '1-01', '全年', ...fill(26, '优秀')],
      ['机关第一党支部', '1-02', 2.3, ...fill(26, '较好')],
      ['机关第一党支部', '1-03', '全年', ...fill(26, '一般')],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms).toHaveLength(3);
    expect(r.sheets[0].headerRows).toEqual([1]);
  });

  test('a skipped row that holds grades is a finding, not a silent loss', () => {
    const rows: CellValue[][] = [
      ['党支部', ...CODES],
      ['机关第一党支部', ...fill(26, '优秀')],
      ['合计', ...fill(26, '较好')],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms).toHaveLength(1);
    const skipped = only(r.input.findings, 'skipped-row');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: 'warning', sheet: '民主测评', cell: 'A3' });
    expect(skipped[0].message.zh).toContain('第 3 行');
  });

  const codeLike = fc.constantFrom('1-01', '1-02', '2-01', '2.3', fullWidth('1.1'), '１．１', '3-4', '6.4', '1.1');
  const grade = fc.constantFrom(...VALID_GRADES);

  test('property: forms whose rater, identity or period columns hold code-like values are all read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(codeLike, codeLike, codeLike, fc.array(fc.option(grade, { nil: null }), { minLength: 26, maxLength: 26 }), grade), {
          minLength: 1,
          maxLength: 12,
        }),
        (written) => {
          const rows: CellValue[][] = [['党支部', '编号', '身份', '期间', ...CODES]];
          for (const [rater, identity, period, ratings, first] of written) {
            // every written form rates at least indicator 1.1
            rows.push(['机关第一党支部', rater, identity, period, first, ...ratings.slice(1)]);
          }
          const r = recognise(book(sheet('民主测评', rows)));
          expect(r.input.forms).toHaveLength(written.length);
          expect(only(r.input.findings, 'skipped-row')).toEqual([]);
        },
      ),
      runs(200),
    );
  });
});

describe('decimal numbers are not indicator codes', () => {
  test('a sheet of measurements (0.05, 15.1, 12.5, 1.1 beside 1.01) is no rating sheet', () => {
    const rows: CellValue[][] = [
      ['样品', 0.05, 15.1, 12.5],
      ['甲', 1.1, 1.01, 2.1],
      ['乙', 1.1, 1.6, 3.5],
    ];
    const r = recognise(book(sheet('测量', rows)));
    expect(r.nothingRecognised).toBe(true);
    expect(r.input.findings.map((f) => f.code)).toEqual(['ignored-sheet']);
  });

  test('a header whose codes Excel stored as numbers (1.1 … 6.4, side by side) is still a forms header', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', ...CODES.map(Number)],
      ['机关第一党支部', ...fill(26, '优秀')],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.sheets[0].role).toBe('forms');
    expect(r.input.forms).toHaveLength(1);
    expect(r.input.forms[0].ratings).toHaveLength(26);
  });
});
