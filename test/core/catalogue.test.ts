import { buildCatalogue, defaultCatalogue, normalizeIndicatorCode } from '../../src/core/catalogue';
import type { CatalogueRow, CellValue } from '../../src/core/types';

describe('defaultCatalogue', () => {
  it('has 6 categories and 26 indicators worth 100 points', () => {
    const c = defaultCatalogue();
    expect(c.categories.map((x) => x.name)).toEqual([
      '一、党支部班子自身建设',
      '二、党员教育管理监督',
      '三、发展党员工作',
      '四、思想政治工作',
      '五、党政配合',
      '六、其它工作',
    ]);
    expect(c.indicators).toHaveLength(26);
    expect(c.indicators.map((i) => i.code).slice(0, 7)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1']);
    expect(c.indicators[25].code).toBe('6.4');
    expect(c.indicators.reduce((s, i) => s + i.points, 0)).toBe(100);
    const subtotal = (cat: string) => c.indicators.filter((i) => i.category === cat).reduce((s, i) => s + i.points, 0);
    expect(['1', '2', '3', '4', '5', '6'].map(subtotal)).toEqual([18, 24, 15, 16, 15, 12]);
  });
  it('uses the seed texts with the corrections of SPEC §1', () => {
    const t = new Map(defaultCatalogue().indicators.map((i) => [i.code, i.text]));
    expect(t.get('1.1')).toBe('支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。');
    expect(t.get('6.4')).toBe('做好创建精神文明先进单位的有关工作。');
    expect(t.get('2.1')).toContain('出勤率达80%以上(出差除外)');
    expect(t.get('3.2')).toContain('队伍建设');
    expect(t.get('4.1')).toContain('单位职工学习');
    expect(t.get('6.1')).toBe('配合党委做好民主党派成员和其它成员的工作。');
    const all = [...t.values()].join('');
    for (const typo of ['考桉', '评眩', '建没', '职—-工', '~', '%(以上']) expect(all).not.toContain(typo);
  });
  it('returns a fresh copy each call', () => {
    const a = defaultCatalogue();
    a.indicators[0].points = 99;
    a.categories.pop();
    expect(defaultCatalogue().indicators[0].points).toBe(3);
    expect(defaultCatalogue().categories).toHaveLength(6);
  });
});

describe('normalizeIndicatorCode', () => {
  it.each([
    ['1.1', '1.1'],
    ['1-1', '1.1'],
    ['1．1', '1.1'],
    ['1。1', '1.1'],
    ['1_1', '1.1'],
    ['１．１', '1.1'],
    [' 2.3 ', '2.3'],
    ['1.1 支委会组织健全…', '1.1'],
    ['1.1支委会', '1.1'],
    ['2.10', '2.10'],
    ['6－4', '6.4'],
  ])('%s → %s', (input, code) => expect(normalizeIndicatorCode(input)).toBe(code));
  it.each(['', '1', '支委会', '1.', 'a.1', '1.1.2', '0.1', '1..1', '一.1'])('%s → null', (input) =>
    expect(normalizeIndicatorCode(input)).toBeNull(),
  );
});

let row = 1;
function r(code: CellValue, category: CellValue, text: CellValue, points: CellValue): CatalogueRow {
  row++;
  return {
    code,
    category,
    text,
    points,
    ref: { sheet: '指标', cell: `A${row}` },
    codeRef: { sheet: '指标', cell: `A${row}` },
    pointsRef: { sheet: '指标', cell: `D${row}` },
  };
}
function rowsFromDefault(): CatalogueRow[] {
  row = 1;
  const c = defaultCatalogue();
  return c.indicators.map((i) => r(i.code, c.categories[Number(i.category) - 1].name, i.text, i.points));
}

describe('buildCatalogue', () => {
  it('accepts the default catalogue written out as rows', () => {
    const { catalogue, findings } = buildCatalogue(rowsFromDefault(), '指标');
    expect(findings).toEqual([]);
    expect(catalogue).toEqual(defaultCatalogue());
  });
  it('reads number codes, numeric text points and skips blank rows', () => {
    row = 1;
    const rows = [r(1.1, '甲类', '内容一', '60'), r(null, null, '', null), r('1-2', '', '内容二', 40), r(2.1, '乙类', 'x', 0)];
    rows.pop();
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(findings).toEqual([]);
    expect(catalogue?.categories).toEqual([{ code: '1', name: '甲类' }]);
    expect(catalogue?.indicators.map((i) => [i.code, i.points])).toEqual([
      ['1.1', 60],
      ['1.2', 40],
    ]);
  });
  it('accepts decimal points summing to exactly 100', () => {
    row = 1;
    const rows = [r('1.1', 'A', 'a', 33.3), r('1.2', 'A', 'b', 33.3), r('2.1', 'B', 'c', 33.4)];
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(findings).toEqual([]);
    expect(catalogue?.categories.map((c) => c.name)).toEqual(['A', 'B']);
  });
  it('reports a duplicate code at the second code cell', () => {
    const rows = rowsFromDefault();
    rows[1].code = '1.1';
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(catalogue).toBeNull();
    expect(findings.map((f) => [f.code, f.cell, f.blocksAll, f.severity])).toContainEqual(['invalid-catalogue', 'A3', true, 'error']);
    expect(findings[0].message.zh).toContain('1.1');
    expect(findings[0].message.zh).toContain('指标!A2');
  });
  it('reports bad codes, bad points and missing text', () => {
    const rows = rowsFromDefault();
    rows[0].code = 'x1';
    rows[2].points = -3;
    rows[3].points = 'abc';
    rows[4].text = '  ';
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(catalogue).toBeNull();
    expect(findings.map((f) => f.cell)).toEqual(['A2', 'D4', 'D5', 'A6']);
    expect(findings[0].message.zh).toContain('“x1”');
    expect(findings[1].message.en).toContain('"-3"');
    expect(findings[2].message.zh).toContain('“abc”');
    expect(findings[3].message.en).toContain('1.5');
    expect(findings.every((f) => f.code === 'invalid-catalogue' && f.blocksAll)).toBe(true);
  });
  it('requires the points to sum to exactly 100', () => {
    const rows = rowsFromDefault();
    rows[0].points = 3.01;
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(catalogue).toBeNull();
    expect(findings).toHaveLength(1);
    expect(findings[0].message.zh).toContain('100.01');
    expect(findings[0].sheet).toBe('指标');
  });
  it('reports an empty catalogue', () => {
    const { catalogue, findings } = buildCatalogue([], '指标目录');
    expect(catalogue).toBeNull();
    expect(findings[0].code).toBe('invalid-catalogue');
    expect(findings[0].sheet).toBe('指标目录');
  });
  it('an empty catalogue points at its header row when given (BUG-C), only on the same sheet', () => {
    const { findings } = buildCatalogue([{ code: null, category: null, text: '', points: null, ref: { sheet: '指标目录', cell: 'A3' }, codeRef: { sheet: '指标目录', cell: 'A3' }, pointsRef: { sheet: '指标目录', cell: 'D3' } }], '指标目录', { sheet: '指标目录', cell: 'A2:D2' });
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-catalogue', sheet: '指标目录', cell: 'A2:D2', blocksAll: true })]);
    expect(findings[0].message.en).toContain('lists no indicator');
    expect(buildCatalogue([], '指标目录', { sheet: '别的表', cell: 'A1' }).findings[0].cell).toBeUndefined();
  });
  it('names a category by its first non-blank 类别 text, falling back to the default name', () => {
    row = 1;
    const rows = [r('1.1', '', 'a', 50), r('1.2', '班子', 'b', 25), r('2.1', null, 'c', 25)];
    const { catalogue } = buildCatalogue(rows, '指标');
    expect(catalogue?.categories).toEqual([
      { code: '1', name: '班子' },
      { code: '2', name: '二、党员教育管理监督' },
    ]);
  });
  it('keeps the first non-blank 类别 text of a category, whatever later rows say', () => {
    row = 1;
    const rows = [r('1.1', '', 'a', 25), r('1.2', '班子建设', 'b', 25), r('1.3', '别的名字', 'c', 25), r('2.1', '党员', 'd', 25)];
    expect(buildCatalogue(rows, '指标').catalogue?.categories).toEqual([
      { code: '1', name: '班子建设' },
      { code: '2', name: '党员' },
    ]);
  });
  it('names a category without 类别 text by its default name (1 to 6) or by its code (7 and on)', () => {
    row = 1;
    const rows = [r('1.1', null, 'a', 20), r('6.1', '', 'b', 20), r('7.1', '', 'c', 20), r('7.2', null, 'd', 20), r('12.1', ' ', 'e', 20)];
    expect(buildCatalogue(rows, '指标').catalogue?.categories).toEqual([
      { code: '1', name: '一、党支部班子自身建设' },
      { code: '6', name: '六、其它工作' },
      { code: '7', name: '7' },
      { code: '12', name: '12' },
    ]);
  });
  it('lists categories in the order of their first row and gives every indicator its category', () => {
    row = 1;
    const rows = [r('2.1', '乙', 'a', 50), r('1.1', '甲', 'b', 30), r('2.2', '', 'c', 20)];
    const { catalogue } = buildCatalogue(rows, '指标');
    expect(catalogue?.categories.map((c) => c.code)).toEqual(['2', '1']);
    expect(catalogue?.indicators.map((i) => [i.code, i.category, i.text, i.points])).toEqual([
      ['2.1', '2', 'a', 50],
      ['1.1', '1', 'b', 30],
      ['2.2', '2', 'c', 20],
    ]);
  });
  it('reports a wrong sum at the last row’s points cell, with the total, and only that', () => {
    const rows = rowsFromDefault();
    rows[5].points = 2.5;
    rows.push({ ...r(null, null, '', null) });
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(catalogue).toBeNull();
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-catalogue', sheet: '指标', cell: 'D27', severity: 'error', blocksAll: true })]);
    expect(findings[0].message.zh).toBe('各指标分值合计为 99.5，应恰好为 100。');
    expect(findings[0].message.en).toBe("The indicators' points add up to 99.5; they must add up to exactly 100.");
  });
  it('names no cell for a wrong sum when the rows come from another sheet', () => {
    const rows = rowsFromDefault().map((x) => ({ ...x, pointsRef: { sheet: '别的表', cell: x.pointsRef.cell } }));
    rows[0].points = 4;
    const { findings } = buildCatalogue(rows, '指标');
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-catalogue', sheet: '指标' })]);
    expect(findings[0].cell).toBeUndefined();
    expect(findings[0].message.zh).toContain('101');
  });
  it('checks no sum while a row’s points are unreadable (that row is reported instead)', () => {
    const rows = rowsFromDefault();
    rows[0].points = 50;
    rows[1].points = '三分';
    const { findings } = buildCatalogue(rows, '指标');
    expect(findings.map((f) => f.cell)).toEqual(['D3']);
  });
  it.each<[string, CellValue, CellValue, CellValue, CellValue]>([
    ['only a code', '7.1', null, '', null],
    ['only a category', null, '七、其他', '', null],
    ['only a text', null, null, '新增指标', null],
    ['only points', null, null, '', 0],
    ['a code and a text', '7.1', null, '新增指标', ' '],
  ])('a row with %s is read, not skipped as blank', (_, code, category, text, points) => {
    const rows = rowsFromDefault();
    rows.push(r(code, category, text, points));
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(catalogue).toBeNull();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code === 'invalid-catalogue' && f.sheet === '指标' && /^[AD]28$/.test(f.cell ?? ''))).toBe(true);
  });
  it('points of 0 are refused even when the sum is 100', () => {
    const rows = rowsFromDefault();
    rows[0].points = 0;
    rows[1].points = 6;
    const { catalogue, findings } = buildCatalogue(rows, '指标');
    expect(catalogue).toBeNull();
    expect(findings.map((f) => [f.code, f.cell])).toEqual([['invalid-catalogue', 'D2']]);
    expect(findings[0].message.zh).toContain('“0”');
  });
});
