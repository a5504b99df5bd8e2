import { csvSnapshot, decodeCsv, parseCsv, sheetNameOf } from '../../../src/hosts/csv';
import { encodeGbk } from '../../support/gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

describe('CSV downloads', () => {
  const text = '序号,所在党支部,1.1 支委会组织健全\r\n1,机关第一党支部,优秀\r\n2,"物理研究室党支部",较好\r\n';
  const rows = [
    ['序号', '所在党支部', '1.1 支委会组织健全'],
    ['1', '机关第一党支部', '优秀'],
    ['2', '物理研究室党支部', '较好'],
  ];

  test('UTF-8 with and without a byte-order mark, and GBK, read to the same rows', () => {
    const variants: [Uint8Array, string][] = [
      [utf8(text), 'utf-8'],
      [new Uint8Array([...BOM, ...utf8(text)]), 'utf-8'],
      [encodeGbk(text), 'gb18030'],
    ];
    for (const [bytes, encoding] of variants) {
      const decoded = decodeCsv(bytes);
      expect(decoded.encoding).toBe(encoding);
      expect(parseCsv(decoded.text)).toEqual(rows);
    }
  });

  test('quoted fields keep delimiters, doubled quotes and line breaks; tab-separated files too', () => {
    expect(parseCsv('a,"b,c","say ""优秀""","two\nlines"\n')).toEqual([['a', 'b,c', 'say "优秀"', 'two\nlines']]);
    expect(parseCsv('党支部\t1.1\n甲支部\t优秀')).toEqual([['党支部', '1.1'], ['甲支部', '优秀']]);
    expect(parseCsv('x,,\n')).toEqual([['x', '', '']]);
  });

  test('a snapshot of one sheet named after the file, numbers as numbers, blanks as blanks', () => {
    const snap = csvSnapshot(utf8('序号,党支部,备注\n1,甲支部,\n2,乙支部,="007"\n'), '/tmp/民主测评问卷_2026.csv');
    expect(snap.format).toBe('csv');
    expect(snap.sheets).toHaveLength(1);
    expect(snap.sheets[0].name).toBe('民主测评问卷_2026');
    expect(snap.sheets[0].values).toEqual([
      ['序号', '党支部', '备注'],
      [1, '甲支部', null],
      [2, '乙支部', '007'],
    ]);
    expect(sheetNameOf('a[1]:b?.csv')).toBe('a_1__b_');
    expect(sheetNameOf('x'.repeat(40) + '.csv')).toHaveLength(31);
  });
});
