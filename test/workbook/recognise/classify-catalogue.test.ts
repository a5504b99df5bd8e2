/**
 * Whether a sheet of any name is the catalogue (src/workbook/recognise/classify.ts, listsIndicators): its
 * 编号 column must hold more indicator codes than other entries, counted over the 200 rows under the header,
 * bands, totals and merged titles left out. Also the office summary's and the output marker's edges.
 */
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import type { OutputKind } from '../../../src/workbook/snapshot';
import { book, sheet } from './helpers';

const HEADER: CellValue[] = ['编号', '考核内容', '分值'];
const code = (i: number): CellValue[] => [`1.${i + 1}`, `指标内容${i + 1}`, 4];
const other = (i: number): CellValue[] => [`E${1000 + i}`, `人员${i + 1}`, null]; // a staff ID with a name, no points
const roleOf = (rows: CellValue[][], merges: string[] = [], name = '表一'): string => recognise(book(sheet(name, [HEADER, ...rows], merges))).sheets[0].role;

describe('a catalogue by its codes, whatever the sheet is called', () => {
  test('two codes against two entries with some cells filled: not a catalogue (a tie is not "most")', () => {
    expect(roleOf([code(0), code(1), other(0), other(1)])).toBe('ignored');
    expect(roleOf([code(0), code(1), code(2), other(0), other(1)])).toBe('catalogue');
  });

  test('a total row, a merged title and a blank code are not counted against the codes', () => {
    expect(roleOf([code(0), ['合计', null, 4], ['二、其他', '说明', null], [null, '无编号', 3]], ['A4:C4'])).toBe('catalogue');
  });

  test('a band whose row holds text only under a blank header cell is still a band', () => {
    expect(roleOf([code(0), ['一、班子建设', null, null, '（本类共 6 项）']])).toBe('catalogue');
  });

  test('only the 200 rows under the header count: the 201st and later never tip the balance', () => {
    const rows = [...Array.from({ length: 100 }, (_, i) => code(i % 9)), ...Array.from({ length: 100 }, (_, i) => other(i))];
    // 100 codes, 100 others: every one of the 200 rows is read (without the last two, 100 codes would beat 98)
    expect(roleOf(rows)).toBe('ignored');
    expect(roleOf([...rows, code(0)])).toBe('ignored'); // row 202: past the rows read
  });
});

describe('office summary and output sheets', () => {
  test('a sheet named 考核汇总 with a branch column but neither 总分 nor 等级 is not the office summary', () => {
    const r = recognise(book(sheet('考核汇总', [['党支部', '党员人数'], ['A支部', 12]])));
    expect(r.sheets[0].role).toBe('roster');
  });

  test('an empty product marker is no marker', () => {
    // a host reads the marker from the file as written: an empty one must not hide the office's sheet
    const empty = '' as unknown as OutputKind;
    const r = recognise(book(sheet('民主测评', [['党支部', '1.1'], ['A支部', '优秀']], [], { createdBy: empty })));
    expect(r.sheets[0].role).toBe('forms');
  });
});
