/**
 * The tally layout (src/workbook/recognise/layouts/tally.ts) when the indicator column has no header:
 * the column is found from the codes written under the header.
 */
import { recognise } from '../../../../src/workbook/recognise';
import type { CellValue, Tally } from '../../../../src/core/types';
import { book, codes, fill, INDICATORS, only, sheet } from '../helpers';

function rowsOf(t: Tally): string[] {
  return t.rows.map((r) => `${r.indicator}@${r.ref.cell}:${[r.counts.优秀, r.counts.较好, r.counts.一般, r.counts.差].map((c) => String(c.value)).join('/')}`);
}

describe('tally without an indicator header', () => {
  test('finds the code column among unlabelled columns, past a column of names', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '', '', '优秀', '较好', '一般', '差'],
      ['A支部', '组织健全', '1.1', 3, 1, 0, 0],
      ['A支部', '制度落实', '1.2', 2, 2, 0, 0],
      ['A支部', '学习', '2.1', 4, 0, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.input.tallies.map((t) => [t.branch, t.source, rowsOf(t).join(' ')])).toEqual([
      ['A支部', '民主测评', '1.1@C3:3/1/0/0 1.2@C4:2/2/0/0 2.1@C5:4/0/0/0'],
    ]);
  });

  test('takes the column with the most codes; on equal counts the leftmost', () => {
    const most: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      ['1.1', '1.2', 1, 0, 0, 0],
      ['备注', '1.3', 2, 0, 0, 0],
      ['', '2.1', 3, 0, 0, 0],
    ];
    const a = recognise(book(sheet('组织考核票数', most)));
    expect(a.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.2@B3', '1.3@B4', '2.1@B5']);

    const equal: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      // B's first code comes before A's: the leftmost still wins
      ['', '2.1', 1, 0, 0, 0],
      ['1.1', '2.2', 2, 0, 0, 0],
      ['1.2', '', 3, 0, 0, 0],
    ];
    const b = recognise(book(sheet('组织考核票数', equal)));
    expect(b.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A4', '1.2@A5']);
    // and when A's first code comes first
    const aFirst: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      ['1.1', '2.1', 1, 0, 0, 0],
      ['1.2', '2.2', 2, 0, 0, 0],
    ];
    const c = recognise(book(sheet('组织考核票数', aFirst)));
    expect(c.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A3', '1.2@A4']);
  });

  test('a grade table with no code anywhere is not a tally', () => {
    const rows: CellValue[][] = [
      ['', '优秀', '较好', '一般', '差'],
      ['张三', 1, 0, 0, 0],
      ['李四', 0, 1, 0, 0],
    ];
    const r = recognise(book(sheet('统计', rows)));
    expect(r.input.tallies).toEqual([]);
    expect(r.sheets[0].role).not.toBe('tally');
  });
});

describe('tally indicator column: how far below and across the header it is looked for', () => {
  test('only the 30 rows under the header decide which unlabelled column holds the codes', () => {
    // column A has one code right under the header; column B has its codes from the 30th row down
    const rows: CellValue[][] = [['测评类型：组织考核'], ['', '', '优秀', '较好', '一般', '差'], ['1.1', '', 1, 0, 0, 0]];
    for (let k = 2; k <= 29; k++) rows.push(['', '', null, null, null, null]);
    rows.push(['', '2.1', 2, 0, 0, 0]); // 30th row under the header: looked at
    rows.push(['', '2.2', 3, 0, 0, 0]); // 31st: not looked at
    const r = recognise(book(sheet('组织考核票数', rows)));
    // one code each in the 30 rows: a tie, so the leftmost column (A) wins and B's rows are unmapped
    expect(r.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A3']);
    expect(only(r.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['A32']);
  });

  test('columns past the 200th are never taken for the indicator column', () => {
    const wide = (code: string, n: number): CellValue[] => ['', '', n, 0, 0, 0, ...fill(194, null), code];
    const rows: CellValue[][] = [['测评类型：组织考核'], ['', '', '优秀', '较好', '一般', '差'], wide('1.1', 1), wide('1.2', 2)];
    expect(rows[2][200]).toBe('1.1'); // the 201st column
    const r = recognise(book(sheet('组织考核票数', rows)));
    expect(r.input.tallies).toEqual([]);
    expect(r.sheets[0].role).not.toBe('tally');
  });

  test('the branch column is not taken for the indicator column, even when its names read like codes', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['党支部', '', '优秀', '较好', '一般', '差'],
      ['1.1', '2.1', 1, 0, 0, 0],
      ['1.1', '2.2', 2, 0, 0, 0],
      ['1.1', '', 3, 0, 0, 0],
    ];
    const r = recognise(book(sheet('组织考核票数', rows)));
    expect(r.input.tallies.map((t) => [t.branch, t.rows.map((x) => `${x.indicator}@${x.ref.cell}`).join(' ')])).toEqual([['1.1', '2.1@B3 2.2@B4']]);
  });
});

describe('tally header and rows', () => {
  test('a grade repeated in the header: the first column of that grade holds its counts', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '优秀', '较好', '一般', '差', '优秀'],
      ['1.1', 3, 1, 0, 0, 9],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies).toHaveLength(1);
    expect(r.input.tallies[0].rows[0].counts.优秀).toEqual({ value: 3, ref: { sheet: 'A支部', cell: 'B3' } });
  });

  test('a grade word past the 2000th column is not read: the header lacks a grade and is no tally', () => {
    const header: CellValue[] = ['编号', '优秀', '较好', '一般', ...fill(1997, null), '差'];
    const rows: CellValue[][] = [['测评类型：组织考核'], header, ['1.1', 3, 1, 0, ...fill(1997, null), 0]];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies).toEqual([]);
  });

  test('with both 编号 and 考核内容, a row without code is referenced at its text cell', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '考核内容', '优秀', '较好', '一般', '差'],
      ['1.1', INDICATORS[0].text, 3, 1, 0, 0],
      ['', INDICATORS[1].text, 2, 2, 0, 0],
      ['', '不在目录里的内容', 1, 0, 0, 0],
      ['9.9', '', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A3', '1.2@B4']);
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.cell, f.message.zh.includes('共 1 行')])).toEqual([
      ['B5', true],
      ['A6', true],
    ]);
  });

  test('total rows and note rows are skipped silently; a row of counts without indicator is reported', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 3, 1, 0, 0],
      ['合计', 3, 1, 0, 0],
      ['', '注：', '按票数填写', null, null],
      ['', 5, 0, 0, 0],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`))).toEqual(['1.1@A3']);
    const f = only(r.input.findings, 'unmapped-column');
    expect(f.map((x) => [x.cell, x.message.zh])).toEqual([['A6', expect.stringContaining('（空白）')]]);
    expect(codes(r.input.findings)).not.toContain('skipped-row');
  });

  test('a second header straight under a block starts a new block (its grade words are no counts)', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['党支部', '编号', '优秀', '较好', '一般', '差'],
      ['A支部', '1.1', 3, 1, 0, 0],
      ['党支部', '编号', '优秀', '较好', '一般', '差'],
      ['B支部', '1.1', 2, 2, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.sheets[0].headerRows).toEqual([2, 4]);
    expect(r.input.tallies.map((t) => `${t.branch}:${t.rows.map((x) => x.ref.cell).join(',')}`)).toEqual(['A支部:B3', 'B支部:B5']);
    expect(r.input.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('ticks count as votes: a row of ticks is data, not a header', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', '√', null, null, null],
      ['1.2', null, '√', null, null],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}:${String(x.counts.优秀.value)}/${String(x.counts.较好.value)}`))).toEqual(['1.1:√/null', '1.2:null/√']);
  });
});

describe('tally blocks and sources', () => {
  test('two blocks of the same branch and source are two tallies, each with its own rows', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部　测评类型：民主测评'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 3, 1, 0, 0],
      [],
      ['党支部：A支部　测评类型：民主测评'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.2', 2, 2, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.input.tallies.map((t) => `${t.branch}/${t.source}:${t.rows.map((x) => x.ref.cell).join(',')}@${t.ref.cell}`)).toEqual(['A支部/民主测评:A3@A2', 'A支部/民主测评:A7@A6']);
  });

  test('a source column: each row counts for its own source, and the sheet shows the source of its tallies', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '编号', '优秀', '较好', '一般', '差'],
      ['A支部', '组织考核', '1.1', 3, 1, 0, 0],
      ['A支部', '组织考核', '1.2', 2, 2, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.input.tallies.map((t) => [t.branch, t.source, t.rows.length])).toEqual([['A支部', '组织考核', 2]]);
    expect(r.sheets[0]).toMatchObject({ role: 'tally', source: '组织考核' });
    expect(r.input.findings).toEqual([]);
  });
});

describe('tally headers and rows the driver meets below the first block', () => {
  test('a later header whose 差 lies past the 2000th column is no block: the first block stands, nothing is read under the cut header until the next whole one', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 3, 1, 0, 0],
      [],
      ['编号', '优秀', '较好', '一般', ...fill(1997, null), '差'],
      ['1.2', 2, 2, 0, 0],
      [],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.3', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    // the next whole header below the cut one starts a block again
    expect(r.sheets[0]).toMatchObject({ role: 'tally', headerRows: [2, 8] });
    expect(r.input.tallies.map((t) => `${t.branch}:${rowsOf(t).join(' ')}`)).toEqual(['A支部:1.1@A3:3/1/0/0', 'A支部:1.3@A9:1/0/0/0']);
    expect(r.ratingRanges).toEqual([
      { sheet: 'A支部', range: 'B3:E3', kind: 'count' },
      { sheet: 'A支部', range: 'B9:E9', kind: 'count' },
    ]);
  });

  test('a source column value that names no source: those rows count for nothing and the value is reported once', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '编号', '优秀', '较好', '一般', '差'],
      ['A支部', '组织考核', '1.1', 3, 1, 0, 0],
      ['A支部', '随便写的', '1.2', 2, 2, 0, 0],
      ['A支部', '随便写的', '1.3', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.input.tallies.map((t) => [t.branch, t.source, rowsOf(t).join(' ')])).toEqual([['A支部', '组织考核', '1.1@C2:3/1/0/0']]);
    const f = only(r.input.findings, 'unknown-source');
    expect(f.map((x) => [x.sheet, x.cell, x.branch])).toEqual([['票数', 'B3', 'A支部']]);
    expect(f[0].message.zh).toContain('考核方式“随便写的”无法识别（共 2 行）');
  });

  test('a row with a header word in a side cell is read when it carries counts (a number or a tick), passed over when it carries none', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '优秀', '较好', '一般', '差', '备注'],
      ['1.1', 3, 1, 0, 0, '备注'],
      ['1.2', '', ' ', '', '', '备注'],
      ['1.3', '√', null, null, null, '备注'],
      ['1.4', 2, 0, 0, 0, null],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies.map((t) => rowsOf(t).join(' '))).toEqual(['1.1@A3:3/1/0/0 1.3@A5:√/null/null/null 1.4@A6:2/0/0/0']);
    expect(r.input.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a header with 考核内容 but no 编号 reads indicators by their text, even beside a column of codes', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '考核内容', '优秀', '较好', '一般', '差'],
      ['1.1', INDICATORS[0].text, 3, 1, 0, 0],
      ['2.1', INDICATORS[1].text, 2, 2, 0, 0],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(r.input.tallies.map((t) => rowsOf(t).join(' '))).toEqual([`${INDICATORS[0].code}@B3:3/1/0/0 ${INDICATORS[1].code}@B4:2/2/0/0`]);
  });
});

describe('tally: cases the forms/tally run asked about', () => {
  const cells = (r: ReturnType<typeof recognise>): string[] => r.input.tallies.flatMap((t) => t.rows.map((x) => `${x.indicator}@${x.ref.cell}`));

  test('an unlabelled column with fewer codes, even to the left and seen later, does not take the indicator column', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['', '', '优秀', '较好', '一般', '差'],
      ['', '1.1', 1, 0, 0, 0],
      ['', '1.2', 2, 0, 0, 0],
      ['2.1', '1.3', 3, 0, 0, 0],
    ];
    expect(cells(recognise(book(sheet('组织考核票数', rows))))).toEqual(['1.1@B3', '1.2@B4', '1.3@B5']);
  });

  test('a 编号 column is the indicator column even beside an unlabelled column with more codes', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '', '优秀', '较好', '一般', '差'],
      ['1.1', '2.1', 1, 0, 0, 0],
      ['1.2', '2.2', 2, 0, 0, 0],
      ['', '2.3', 3, 0, 0, 0],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(cells(r)).toEqual(['1.1@A3', '1.2@A4']);
    expect(only(r.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['A5']);
  });

  test('考核内容 in the first column: rows are read by their text there; a row without code is named at its text', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['考核内容', '', '优秀', '较好', '一般', '差'],
      // codes of other indicators in an unlabelled column: the header's 考核内容 decides
      [INDICATORS[0].text, '2.1', 3, 1, 0, 0],
      [INDICATORS[1].text, '2.2', 2, 2, 0, 0],
      ['', '2.3', 1, 0, 0, 0],
    ];
    const texts = recognise(book(sheet('A支部', rows)));
    expect(cells(texts)).toEqual([`${INDICATORS[0].code}@A3`, `${INDICATORS[1].code}@A4`]);
    expect(only(texts.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['A5']);
    const both: CellValue[][] = [
      ['测评类型：组织考核'],
      ['考核内容', '编号', '优秀', '较好', '一般', '差'],
      [INDICATORS[0].text, '', 3, 1, 0, 0],
      ['不在目录里的内容', '', 1, 0, 0, 0],
    ];
    const r = recognise(book(sheet('A支部', both)));
    expect(cells(r)).toEqual([`${INDICATORS[0].code}@A3`]);
    expect(only(r.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['A4']);
  });

  test('rows without indicator: ticks under an unknown text are reported; a blank indicator with one number among blanks too', () => {
    const rows: CellValue[][] = [
      ['测评类型：组织考核'],
      ['编号', '考核内容', '优秀', '较好', '一般', '差'],
      ['1.1', '', 3, 1, 0, 0],
      ['', '不在目录里的内容', '√', null, null, null],
      ['', '', 5, null, null, null],
    ];
    const r = recognise(book(sheet('A支部', rows)));
    expect(only(r.input.findings, 'unmapped-column').map((f) => f.cell)).toEqual(['B4', 'B5']);
  });

  test('the rating range starts at the first tally row even when its source is not recognised', () => {
    const rows: CellValue[][] = [
      ['党支部', '测评类型', '编号', '优秀', '较好', '一般', '差'],
      ['A支部', '随便写的', '1.1', 3, 1, 0, 0],
      ['A支部', '组织考核', '1.2', 2, 2, 0, 0],
    ];
    const r = recognise(book(sheet('票数', rows)));
    expect(r.ratingRanges).toEqual([{ sheet: '票数', range: 'D2:G3', kind: 'count' }]);
  });
});

describe('tally rows without an indicator', () => {
  test('a row of vote numbers under a blank indicator cell is reported, not skipped', () => {
    const rows: CellValue[][] = [
      ['党支部：A支部'],
      ['编号', '优秀', '较好', '一般', '差'],
      ['1.1', 5, 1, 0, 0],
      [null, 5, 1, 0, 0],
    ];
    const r = recognise(book(sheet('民主测评票数', rows)));
    expect(only(r.input.findings, 'unmapped-column').map((f) => [f.cell, f.message.zh.includes('（空白）')])).toEqual([['A4', true]]);
  });
});
