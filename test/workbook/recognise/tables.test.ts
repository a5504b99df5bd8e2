import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { defaultCatalogue } from '../../../src/core/catalogue';
import { SETTING_KEYS } from '../../../src/core/ruleset';
import { Ctx } from '../../../src/workbook/recognise/context';
import { Grid } from '../../../src/workbook/recognise/grid';
import { readSettingRows } from '../../../src/workbook/recognise/tables';
import { book, only, sheet } from './helpers';

const FORMS = sheet('民主测评', [
  ['党支部', '1.1'],
  ['A支部', '优秀'],
]);

describe('roster (支部名单)', () => {
  test('by name: a branch column, merged groups filled down, member counts, blank and duplicate rows', () => {
    const rows: CellValue[][] = [
      ['2025年党支部名单'],
      ['序号', '党支部名称', '所属总支', '书记', '党员人数'],
      [1, '机关第一党支部', '机关党总支', '王一', 31],
      [2, '机关第二党支部', null, '王二', '25人'],
      [],
      [3, '机关第一党支部', '机关党总支', '重复', 9],
      [4, '科研党支部', '科研党总支', null, '约二十'],
      [null, '注：名单以党委发文为准', null, null, null],
    ];
    const r = recognise(book(sheet('支部名单', rows, ['A1:E1', 'C3:C4']), FORMS));
    expect(r.sheets[0]).toEqual({ name: '支部名单', role: 'roster', headerRows: [2] });
    expect(r.input.roster).toEqual([
      { name: '机关第一党支部', group: '机关党总支', secretary: '王一', members: 31, ref: { sheet: '支部名单', cell: 'B3' } },
      { name: '机关第二党支部', group: '机关党总支', secretary: '王二', members: 25, ref: { sheet: '支部名单', cell: 'B4' } },
      { name: '科研党支部', group: '科研党总支', ref: { sheet: '支部名单', cell: 'B7' } },
    ]);
    expect(only(r.input.findings, 'invalid-count')).toEqual([
      expect.objectContaining({ severity: 'error', sheet: '支部名单', cell: 'E7', branch: '科研党支部' }),
    ]);
  });

  test('by signature: a branch column with 所属总支, whatever the sheet name', () => {
    const r = recognise(book(sheet('Sheet2', [['党支部', '所属总支'], ['A支部', '甲总支']]), FORMS));
    expect(r.sheets[0].role).toBe('roster');
    expect(r.input.roster).toEqual([{ name: 'A支部', group: '甲总支', ref: { sheet: 'Sheet2', cell: 'A2' } }]);
  });

  test('no roster sheet → roster null', () => {
    expect(recognise(book(FORMS)).input.roster).toBeNull();
  });
});

describe('catalogue (指标目录)', () => {
  test('a valid catalogue replaces the default and drives header matching', () => {
    const cat = sheet('考核指标', [
      ['指标目录'],
      ['编号', '类别', '考核内容', '分值'],
      ['一、班子建设', null, null, null],
      ['1.1', null, '班子团结', 60],
      ['1.2', null, '制度健全', 40],
      ['合计', null, null, 100],
    ]);
    const ratings = sheet('组织考核', [
      ['党支部', '1.1', '1.2', '1.3'],
      ['A支部', '优秀', '较好', '一般'],
    ]);
    const r = recognise(book(ratings, cat));
    expect(r.sheets.map((s) => s.role)).toEqual(['forms', 'catalogue']);
    expect(r.input.catalogue.indicators.map((i) => [i.code, i.text, i.points])).toEqual([
      ['1.1', '班子团结', 60],
      ['1.2', '制度健全', 40],
    ]);
    expect(r.input.catalogue.categories).toEqual([{ code: '1', name: '一、班子建设' }]);
    // 1.3 is not in this catalogue
    expect(r.input.forms[0].ratings.map((x) => x.indicator)).toEqual(['1.1', '1.2']);
    expect(only(r.input.findings, 'unmapped-column')).toEqual([expect.objectContaining({ cell: 'D1' })]);
  });

  test('an invalid catalogue: findings that block all, and the default catalogue', () => {
    const cat = sheet('Sheet3', [
      ['编号', '类别', '考核内容', '分值'],
      ['1.1', '一', '甲', 50],
      ['1.1', '一', '乙', 40],
    ]);
    const r = recognise(book(cat, FORMS));
    expect(r.sheets[0].role).toBe('catalogue');
    expect(r.input.catalogue.indicators).toHaveLength(26);
    const f = only(r.input.findings, 'invalid-catalogue');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.blocksAll === true && x.sheet === 'Sheet3')).toBe(true);
  });
});

describe('catalogue by name', () => {
  test('a sheet named 指标… without a 分值 column is still the catalogue, and invalid', () => {
    const cat = sheet('指标目录', [
      ['编号', '考核内容', '权重'],
      ['1.1', '班子团结', 0.5],
    ]);
    const r = recognise(book(cat, FORMS));
    expect(r.sheets[0]).toMatchObject({ role: 'catalogue', headerRows: [1] });
    expect(only(r.input.findings, 'invalid-catalogue').length).toBeGreaterThan(0);
    expect(r.input.catalogue.indicators).toHaveLength(26);
  });
});

describe('settings (考核参数)', () => {
  test('by signature 参数 | 值', () => {
    const s = sheet('Sheet5', [
      ['考核参数'],
      ['参数', '值', '说明'],
      ['年度', 2025, null],
      ['组织考核权重', '70%', null],
      ['民主测评权重', 0.3, null],
    ], ['A1:C1']);
    const r = recognise(book(s, FORMS));
    expect(r.sheets[0]).toMatchObject({ role: 'settings', headerRows: [2] });
    expect(r.input.ruleset.year).toBe(2025);
    expect(r.input.ruleset.weights).toEqual({ 组织考核: 0.7, 民主测评: 0.3, 自评: 0 });
    expect(r.origins.find((o) => o.key === '组织考核权重')).toEqual({ key: '组织考核权重', display: expect.any(String), ref: { sheet: 'Sheet5', cell: 'B4' } });
    expect(r.origins.find((o) => o.key === '自评权重')?.ref).toBeUndefined();
  });

  test('by name without a header; an unknown key is an error naming the cell', () => {
    const s = sheet('考核设置', [
      ['年度', 2024],
      ['不存在的参数', 1],
    ]);
    const r = recognise(book(s, FORMS));
    expect(r.sheets[0].role).toBe('settings');
    expect(r.input.ruleset.year).toBe(2024);
    expect(only(r.input.findings, 'invalid-settings')).toEqual([expect.objectContaining({ sheet: '考核设置', cell: 'A2' })]);
  });

  test('no settings sheet: the default ruleset and default origins', () => {
    const r = recognise(book(FORMS));
    expect(r.input.ruleset.weights).toEqual({ 组织考核: 0.6, 民主测评: 0.4, 自评: 0 });
    expect(r.origins.length).toBe(SETTING_KEYS.length);
    expect(r.origins.every((o) => o.ref === undefined)).toBe(true);
  });
});

describe('spot checks (抽检记录)', () => {
  test('by name: one adjustment per row with a branch; blank value is a record; date serials become ISO dates', () => {
    const s = sheet('抽检记录', [
      ['党支部', '类型', '日期', '事由', '加减分'],
      ['A支部', '日常抽检', 45657, '学习笔记齐全', 2],
      ['B支部', '专题抽检', '2025-03-01', '记录缺失', '-1.5'],
      ['C支部', '日常抽检', null, '仅记录', null],
      [null, null, null, '无支部', 3],
    ]);
    const r = recognise(book(s, FORMS));
    expect(r.sheets[0]).toMatchObject({ role: 'spot-checks', headerRows: [1] });
    expect(r.input.adjustments).toEqual([
      { branch: 'A支部', branchRef: { sheet: '抽检记录', cell: 'A2' }, kind: '日常抽检', date: '2024-12-31', reason: '学习笔记齐全', value: 2, valueRef: { sheet: '抽检记录', cell: 'E2' } },
      { branch: 'B支部', branchRef: { sheet: '抽检记录', cell: 'A3' }, kind: '专题抽检', date: '2025-03-01', reason: '记录缺失', value: '-1.5', valueRef: { sheet: '抽检记录', cell: 'E3' } },
      { branch: 'C支部', branchRef: { sheet: '抽检记录', cell: 'A4' }, kind: '日常抽检', reason: '仅记录', value: null, valueRef: { sheet: '抽检记录', cell: 'E4' } },
    ]);
  });

  test('by name without a 加减分 column: every row is a record only', () => {
    const r = recognise(book(sheet('专题抽检', [['党支部', '事由'], ['A支部', '笔记不全']]), FORMS));
    expect(r.sheets[0].role).toBe('spot-checks');
    expect(r.input.adjustments).toEqual([
      { branch: 'A支部', branchRef: { sheet: '专题抽检', cell: 'A2' }, reason: '笔记不全', value: null, valueRef: { sheet: '专题抽检', cell: 'A2' } },
    ]);
  });

  test('by signature: a branch column with 加减分', () => {
    const r = recognise(book(sheet('Sheet7', [['单位', '加减分'], ['A支部', -2]]), FORMS));
    expect(r.sheets[0].role).toBe('spot-checks');
    expect(r.input.adjustments.map((a) => [a.branch, a.value, a.valueRef.cell])).toEqual([['A支部', -2, 'B2']]);
  });
});

describe('an existing 考核汇总 sheet (§4.6)', () => {
  test('a user-made 考核汇总 with a branch column and 总分/等级/排名 is a target', () => {
    const s = sheet('考核汇总', [
      ['2025年考核汇总'],
      ['序号', '党支部', '总分', '等级', '排名'],
      [1, '机关第一党支部', null, null, null],
      [2, ' 机关第二党支部 ', null, null, null],
      [],
      ['合计', null, null, null, null],
    ], ['A1:E1']);
    const r = recognise(book(s, FORMS));
    expect(r.sheets[0]).toEqual({ name: '考核汇总', role: 'office-summary', headerRows: [2] });
    expect(r.officeSummary).toEqual({
      sheet: '考核汇总',
      headerRow: 1,
      branchCol: 1,
      totalCol: 2,
      gradeCol: 3,
      rankCol: 4,
      rows: [
        { branch: '机关第一党支部', row: 2 },
        { branch: '机关第二党支部', row: 3 },
      ],
    });
  });

  test('the product\'s own 考核汇总 is output, not a target', () => {
    const s = sheet('考核汇总', [['党支部', '总分'], ['A支部', 90]], [], { createdBy: 'summary' });
    const r = recognise(book(s, FORMS));
    expect(r.sheets[0]).toEqual({ name: '考核汇总', role: 'output' });
    expect(r.officeSummary).toBeUndefined();
    expect(r.input.findings).toEqual([]);
  });

  test('only 总分 (no 等级) is enough; a summary sheet with another name is not a target', () => {
    const a = recognise(book(sheet('考核 汇总', [['单位', '总分'], ['A支部', null]]), FORMS));
    expect(a.officeSummary).toMatchObject({ totalCol: 1, rows: [{ branch: 'A支部', row: 1 }] });
    expect(a.officeSummary?.gradeCol).toBeUndefined();
    const b = recognise(book(sheet('汇总表', [['党支部', '总分', '等级'], ['A支部', null, null]]), FORMS));
    expect(b.officeSummary).toBeUndefined();
    expect(b.sheets[0].role).toBe('ignored');
  });
});

describe('catalogue: only a sheet that is meant to be one (BUG-A, BUG-C)', () => {
  test('a rater list (编号, 姓名, 类别) is not the catalogue: no invalid-catalogue, default indicators', () => {
    const raters = sheet('测评人名单', [['编号', '姓名', '类别'], [1, '张三', '党员'], [2, '李四', '群众']]);
    const r = recognise(book(raters, FORMS));
    expect(r.sheets[0]).toMatchObject({ name: '测评人名单', role: 'ignored' });
    expect(only(r.input.findings, 'invalid-catalogue')).toEqual([]);
    expect(only(r.input.findings, 'ignored-sheet')).toEqual([expect.objectContaining({ severity: 'info', sheet: '测评人名单' })]);
    expect(r.input.catalogue.indicators).toHaveLength(26);
  });

  test('编号 + 考核内容 + 分值 over rows that are not indicator codes is not the catalogue', () => {
    const other = sheet('Sheet4', [['编号', '考核内容', '分值'], ['A001', '出勤', 5], ['A002', '发言', 3], ['1.1', '其他', 2]]);
    const r = recognise(book(other, FORMS));
    expect(r.sheets[0].role).toBe('ignored');
    expect(only(r.input.findings, 'invalid-catalogue')).toEqual([]);
  });

  test('编号 + 考核内容 + 分值 over indicator codes is the catalogue, whatever the name; bands and totals do not count', () => {
    const cat = sheet('Sheet4', [['编号', '考核内容', '分值'], ['一、班子建设', null, null], ['1.1', '甲', 60], ['1-2', '乙', 40], ['合计', null, 100]]);
    const r = recognise(book(cat, FORMS));
    expect(r.sheets[0]).toMatchObject({ role: 'catalogue', headerRows: [1] });
    expect(r.input.catalogue.indicators.map((i) => i.code)).toEqual(['1.1', '1.2']);
  });

  test('a sheet named 指标… with 编号 and 分值 but no row is the catalogue, and its error names the header row', () => {
    const cat = sheet('指标目录', [['2025年指标目录'], ['编号', '类别', '考核内容', '分值']], ['A1:D1']);
    const r = recognise(book(cat, FORMS));
    expect(r.sheets[0]).toMatchObject({ role: 'catalogue', headerRows: [2] });
    expect(only(r.input.findings, 'invalid-catalogue')).toEqual([
      expect.objectContaining({ severity: 'error', sheet: '指标目录', cell: 'A2:D2', blocksAll: true }),
    ]);
  });

  test('a sheet named 指标… without 分值 and without indicator codes is ignored with the reason, not an error', () => {
    const notes = sheet('指标说明', [['编号', '说明'], ['一', '按季度填写'], ['二', '年底汇总']]);
    const r = recognise(book(notes, FORMS));
    expect(r.sheets[0].role).toBe('ignored');
    expect(only(r.input.findings, 'invalid-catalogue')).toEqual([]);
    expect(only(r.input.findings, 'ignored-sheet')[0].message.en).toContain('the indicator catalogue');
  });
});

describe('roster notes (BUG-D)', () => {
  test('a name with a colon is a branch; 注/说明/备注/填表说明 + colon, and wide merges, are notes', () => {
    const rows: CellValue[][] = [
      ['党支部', '书记'],
      ['研究室:一支部', '王一'],
      ['后勤：二支部', '王二'],
      ['注：名单以党委发文为准', null],
      ['说明: 按笔画排序', null],
      ['备注 ：无', null],
      ['填表说明：每行一个支部', null],
      ['以上共两个支部', null],
    ];
    const r = recognise(book(sheet('支部名单', rows, ['A8:B8']), FORMS));
    expect(r.input.roster?.map((e) => [e.name, e.ref?.cell])).toEqual([
      ['研究室:一支部', 'A2'],
      ['后勤：二支部', 'A3'],
    ]);
  });
});

describe('settings tables without the usual header', () => {
  test('a header with 值 but no 参数: the keys are in the first column', () => {
    const r = recognise(book(sheet('考核参数', [['名称', '值'], ['年度', 2025]]), FORMS));
    expect(r.sheets[0]).toMatchObject({ role: 'settings', headerRows: [1] });
    expect(r.input.ruleset.year).toBe(2025);
    expect(r.origins.find((o) => o.key === '年度')?.ref).toEqual({ sheet: '考核参数', cell: 'B2' });
  });

  test('a header with 参数 but no 值: the values are in the column right of the keys', () => {
    const r = recognise(book(sheet('考核参数', [['说明', '参数', '备注'], [null, '年度', 2023]]), FORMS));
    expect(r.input.ruleset.year).toBe(2023);
    expect(r.origins.find((o) => o.key === '年度')?.ref).toEqual({ sheet: '考核参数', cell: 'C2' });
    expect(r.input.findings).toEqual([]);
  });

  test('blank rows, merged section titles and notes with a colon are no settings; any other text is read and reported', () => {
    const rows: CellValue[][] = [
      ['参数', '值'],
      [],
      ['一、权重设置', null],
      ['组织考核权重', 0.5],
      ['注：两项权重之和为1', null],
      ['民主测评权重', 0.5],
      ['年度', null],
      ['说明', '见文件'],
    ];
    const r = recognise(book(sheet('考核参数', rows, ['A3:B3']), FORMS));
    expect(r.input.ruleset.weights).toEqual({ 组织考核: 0.5, 民主测评: 0.5, 自评: 0 });
    expect(r.input.findings.map((f) => [f.code, f.cell])).toEqual([['invalid-settings', 'A8']]);
  });

  test('a sheet named like settings with no setting key in it gives no rows to edit', () => {
    const g = new Grid({ name: '考核设置', values: [['说明'], ['本表暂未填写']], merges: [] }, 0);
    expect(readSettingRows(g, new Ctx(defaultCatalogue()), null)).toEqual([]);
  });
});

describe('roster member counts', () => {
  test('blank is no count; a negative, a fraction, TRUE or an error value is reported as written', () => {
    const rows: CellValue[][] = [
      ['党支部', '党员人数'],
      ['A支部', null],
      ['B支部', -3],
      ['C支部', 2.5],
      ['D支部', true],
      ['E支部', { error: '#N/A' }],
      ['F支部', ' 12 '],
      ['G支部', 0],
    ];
    const r = recognise(book(sheet('支部名单', rows), FORMS));
    expect(r.input.roster?.map((e) => [e.name, e.members ?? null])).toEqual([
      ['A支部', null],
      ['B支部', null],
      ['C支部', null],
      ['D支部', null],
      ['E支部', null],
      ['F支部', 12],
      ['G支部', 0],
    ]);
    expect(r.input.roster?.[0]).not.toHaveProperty('members');
    expect(only(r.input.findings, 'invalid-count').map((f) => [f.cell, f.branch, f.message.zh])).toEqual([
      ['B3', 'B支部', '党员人数“-3”不是非负整数。'],
      ['B4', 'C支部', '党员人数“2.5”不是非负整数。'],
      ['B5', 'D支部', '党员人数“TRUE”不是非负整数。'],
      ['B6', 'E支部', '党员人数“#N/A”不是非负整数。'],
    ]);
  });
});

describe('spot-check dates', () => {
  test('a date serial within Excel\'s calendar becomes a date (its time of day dropped); outside it, no date', () => {
    const rows: CellValue[][] = [
      ['党支部', '日期', '加减分'],
      ['A支部', 1, 1],
      ['B支部', 45657.75, 1],
      ['C支部', 2958465, 1],
      ['D支部', 0, 1],
      ['E支部', 2958466, 1],
      ['F支部', -2, 1],
      ['G支部', '  ', 1],
    ];
    const r = recognise(book(sheet('抽检记录', rows), FORMS));
    expect(r.input.adjustments.map((a) => [a.branch, a.date ?? null])).toEqual([
      ['A支部', '1899-12-31'],
      ['B支部', '2024-12-31'],
      ['C支部', '9999-12-31'],
      ['D支部', null],
      ['E支部', null],
      ['F支部', null],
      ['G支部', null],
    ]);
  });
});

describe('a user-made 考核汇总 with 等级 only', () => {
  test('the grade column is a target, the total column is not', () => {
    const r = recognise(book(sheet('考核汇总', [['党支部', '等级'], ['A支部', null]]), FORMS));
    expect(r.officeSummary).toEqual({ sheet: '考核汇总', headerRow: 0, branchCol: 0, gradeCol: 1, rows: [{ branch: 'A支部', row: 1 }] });
  });
});

describe('catalogue category bands', () => {
  test('a band written in a first column of its own names the category of the items below; totals and notes do not', () => {
    const cat = sheet('考核指标', [
      ['序号', '编号', '考核内容', '分值'],
      ['一、班子建设', null, null, null],
      [1, '1.1', '班子团结', 60],
      ['二、制度建设', null, null, null],
      ['注：按季度评', null, null, null],
      ['合计', null, null, null],
      [2, '2.1', '制度健全', 40],
    ]);
    const r = recognise(book(cat, FORMS));
    expect(r.sheets[0].role).toBe('catalogue');
    expect(r.input.catalogue.indicators.map((i) => [i.code, i.points])).toEqual([
      ['1.1', 60],
      ['2.1', 40],
    ]);
    expect(r.input.catalogue.categories).toEqual([
      { code: '1', name: '一、班子建设' },
      { code: '2', name: '二、制度建设' },
    ]);
  });
});

describe('catalogue rows', () => {
  test('a category cell merged down applies to each row; without 分值 the missing points are named at the row\'s first cell', () => {
    const cat = sheet('指标目录', [['编号', '类别', '考核内容', '分值'], ['1.1', '一、班子', '班子团结', 60], ['1.2', null, '制度健全', 30], ['2.1', '二、制度', '学习', 10]], ['B2:B3']);
    const r = recognise(book(cat, FORMS));
    expect(r.input.catalogue.categories).toEqual([
      { code: '1', name: '一、班子' },
      { code: '2', name: '二、制度' },
    ]);
    expect(r.input.catalogue.indicators.map((i) => [i.code, i.category])).toEqual([
      ['1.1', '1'],
      ['1.2', '1'],
      ['2.1', '2'],
    ]);
    const noPoints = recognise(book(sheet('指标目录', [['序号', '编号', '考核内容', '权重'], [1, '1.1', '班子团结', 0.5]]), FORMS));
    expect(only(noPoints.input.findings, 'invalid-catalogue').map((f) => [f.sheet, f.cell, f.message.zh])).toEqual([['指标目录', 'A2', '指标 1.1 的分值“”无效，分值应为大于 0 的数。']]);
  });
});

describe('tables: rows the run over tables.ts asked about', () => {
  const catalogue = (rows: CellValue[][]): ReturnType<typeof recognise> => recognise(book(sheet('指标目录', [['编号', '类别', '考核内容', '分值'], ...rows]), FORMS));
  const found = (r: ReturnType<typeof recognise>): string[][] => r.input.findings.map((f) => [f.code, f.cell ?? '', f.message.zh]);

  test('catalogue: a band survives a blank row; an item\'s own category beats the band; a code alone is an item; a row without code is reported', () => {
    const r = catalogue([['一、班子', null, null, null], [], ['1.1', null, '甲', 60], ['2.1', '二、其他', '乙', 40]]);
    expect(r.input.catalogue.categories).toEqual([
      { code: '1', name: '一、班子' },
      { code: '2', name: '二、其他' },
    ]);
    expect(found(catalogue([['1.1', '一', '甲', 60], ['1.2', null, null, null], ['1.3', '一', '丙', 40]]))).toEqual([
      ['invalid-catalogue', 'D3', '指标 1.2 的分值“”无效，分值应为大于 0 的数。'],
      ['invalid-catalogue', 'A3', '指标 1.2 没有填写考核内容。'],
    ]);
    expect(found(catalogue([['1.1', '一', '甲', 60], [null, '一', '乙', null], ['1.3', '一', '丙', 40]]))).toEqual([['invalid-catalogue', 'A3', '指标编号“”无效，应为“类别号.序号”的形式。']]);
  });

  test('catalogue: a total row with a note beside it is no item; bad points are named in the 分值 column', () => {
    expect(found(catalogue([['1.1', '一', '甲', 60], ['1.2', '一', '乙', 40], ['合计', null, '以上各项', 100]]))).toEqual([]);
    expect(found(catalogue([['1.1', '一', '甲', 0], ['1.2', '一', '乙', 100]]))).toEqual([['invalid-catalogue', 'D2', '指标 1.1 的分值“0”无效，分值应为大于 0 的数。']]);
  });

  test('settings: the 值 column wherever it stands; a text row without value is read (and reported), a key with a colon too', () => {
    const r = recognise(book(sheet('考核参数', [['参数', '说明', '值'], ['年度', '考核年度', 2025], ['其他说明', null, null], ['年度：', null, null]]), FORMS));
    expect(r.input.ruleset.year).toBe(2025);
    expect(r.origins.find((o) => o.key === '年度')?.ref).toEqual({ sheet: '考核参数', cell: 'C2' });
    expect(found(r)).toEqual([
      ['invalid-settings', 'A3', '无法识别的参数“其他说明”。'],
      ['invalid-settings', 'A4', '参数“年度”重复，考核参数!A2 已设置该参数。'],
    ]);
  });

  test('settings without a header: a key is looked for in the first 30 rows only', () => {
    const at = (n: number): CellValue[][] => [...Array.from({ length: n }, (): CellValue[] => ['说明']), ['年度', 2024]];
    const r = recognise(book(sheet('考核设置', at(29)), FORMS));
    expect([r.sheets[0].role, r.input.ruleset.year]).toEqual(['settings', 2024]);
    expect(recognise(book(sheet('考核设置', at(30)), FORMS)).sheets[0].role).toBe('ignored');
  });

  test('roster and spot checks: a title above the header, a repeated header row and member counts with more words are no data', () => {
    const roster = recognise(book(sheet('支部名单', [['机关党支部名单'], ['党支部', '党员人数'], ['A支部', '约25'], ['党支部', '党员人数'], ['B支部', '25人以上'], ['C支部', '25人']]), FORMS));
    expect(roster.input.roster?.map((e) => [e.name, e.members ?? null])).toEqual([
      ['A支部', null],
      ['B支部', null],
      ['C支部', 25],
    ]);
    expect(only(roster.input.findings, 'invalid-count').map((f) => f.cell)).toEqual(['B3', 'B5']);
    const spot = recognise(book(sheet('抽检记录', [['抽检记录表'], ['加减分', '党支部'], [2, 'A支部'], ['加减分', '党支部'], [-1, 'B支部']]), FORMS));
    expect(spot.input.adjustments.map((a) => [a.branch, a.value, a.valueRef.cell])).toEqual([
      ['A支部', 2, 'A3'],
      ['B支部', -1, 'A5'],
    ]);
  });

  test('a user-made 考核汇总 whose 总分 is the first column', () => {
    const r = recognise(book(sheet('考核汇总', [['总分', '等级', '排名', '党支部'], [null, null, null, 'A支部']]), FORMS));
    expect(r.officeSummary).toEqual({ sheet: '考核汇总', headerRow: 0, branchCol: 3, totalCol: 0, gradeCol: 1, rankCol: 2, rows: [{ branch: 'A支部', row: 1 }] });
  });
});

describe('tables: columns in first place, and what a row without them holds', () => {
  test('a roster without 所属总支 or 书记 gives entries without them', () => {
    const r = recognise(book(sheet('支部名单', [['党支部', '党员人数'], ['A支部', 3]]), FORMS));
    expect(r.input.roster).toEqual([{ name: 'A支部', members: 3, ref: { sheet: '支部名单', cell: 'A2' } }]);
    expect(r.input.roster?.[0]).not.toHaveProperty('group');
    expect(r.input.roster?.[0]).not.toHaveProperty('secretary');
  });

  test('a title right above the spot-check header is not a branch', () => {
    const r = recognise(book(sheet('抽检记录', [['抽检记录表', null], ['党支部', '加减分'], ['A支部', 1]]), FORMS));
    expect(r.input.adjustments.map((a) => a.branch)).toEqual(['A支部']);
  });

  test('值 left of 参数 is still the value column', () => {
    const r = recognise(book(sheet('考核参数', [['值', '参数'], [2025, '年度']]), FORMS));
    expect(r.input.ruleset.year).toBe(2025);
    expect(r.input.findings).toEqual([]);
  });

  test('a settings row whose text has a colon and a value is read, and reported when it names no setting', () => {
    const r = recognise(book(sheet('考核参数', [['参数', '值'], ['年度', 2025], ['备注：', '见文件']]), FORMS));
    expect(r.input.findings.map((f) => [f.code, f.cell])).toEqual([['invalid-settings', 'A3']]);
  });

  test('分值, 等级 or 排名 in the first column', () => {
    const cat = recognise(book(sheet('指标目录', [['分值', '编号', '考核内容'], [0, '1.1', '甲'], [100, '1.2', '乙']]), FORMS));
    expect(only(cat.input.findings, 'invalid-catalogue').map((f) => f.cell)).toEqual(['A2']);
    expect(recognise(book(sheet('考核汇总', [['等级', '党支部'], [null, 'A支部']]), FORMS)).officeSummary).toMatchObject({ gradeCol: 0, branchCol: 1 });
    expect(recognise(book(sheet('考核汇总', [['排名', '党支部', '总分'], [null, 'A支部', null]]), FORMS)).officeSummary).toMatchObject({ rankCol: 0, totalCol: 2 });
  });
});
