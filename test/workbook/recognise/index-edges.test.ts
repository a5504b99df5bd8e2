/**
 * Workbook-level recognition edges (src/workbook/recognise/index.ts, labels.ts): the empty-template
 * warning when some ratings are blank, the forms sheet named by the double-count warning, and labels
 * whose value sits in the next cell only when their own cell has none.
 */
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, only, sheet } from './helpers';

describe('workbook-level recognition', () => {
  test('a long sheet whose one form has a blank and a graded rating is not an empty template', () => {
    const rows: CellValue[][] = [
      ['党支部', '编号', '等级'],
      ['A支部', '1.1', null],
      ['A支部', '1.2', '优秀'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms).toHaveLength(1);
    expect(only(r.input.findings, 'no-ratings')).toEqual([]);
  });

  test('forms of one branch on two sheets and a typed tally: the warning names the first forms sheet', () => {
    const forms = (name: string) => sheet(name, [['党支部', '1.1'], ['A支部', '优秀']]);
    const tally = sheet('民主测评票数', [['党支部：A支部'], ['编号', '优秀', '较好', '一般', '差'], ['1.1', 1, 0, 0, 0]]);
    const r = recognise(book(forms('民主测评一'), forms('民主测评二'), tally));
    const warned = only(r.input.findings, 'possible-double-count');
    expect(warned).toHaveLength(1);
    expect(warned[0].message.zh).toContain('“民主测评一”');
  });
});

describe('labels', () => {
  test('a label with its value in its own cell does not take the next cell', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部', '2026年度'],
      ['编号', '等级'],
      ['1.1', '优秀'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms.map((f) => f.branch)).toEqual(['A支部']);
  });

  test('a note with a colon above the header is not a title: it names no source', () => {
    const rows: CellValue[][] = [
      ['说明：本表汇总民主测评结果'],
      ['党支部', '1.1'],
      ['A支部', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.input.forms).toEqual([]);
    expect(only(r.input.findings, 'unknown-source')).toHaveLength(1);
  });
});
