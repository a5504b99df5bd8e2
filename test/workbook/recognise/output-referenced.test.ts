/**
 * SPEC §5 output-referenced, made once during recognition (src/workbook/recognise/output-referenced.ts):
 * the user's cells, names, charts, pivot tables and validations that refer to a sheet the product rewrites.
 */
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import type { ObjectFormula, OutputKind, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { only, sheet } from './helpers';

const RATINGS = sheet('组织考核', [
  ['党支部', '1.1'],
  ['A支部', '优秀'],
]);

/** A sheet with formulas: `cells` maps A1 addresses to formula text (values are the cached results). */
function withFormulas(name: string, cells: Record<string, string>, createdBy?: OutputKind): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const [a1, f] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const c = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r = Number(m[2]) - 1;
    for (let i = values.length; i <= r; i++) {
      values.push([]);
      formulas.push([]);
    }
    values[r][c] = 1;
    formulas[r][c] = f;
  }
  return sheet(name, values, [], { formulas, ...(createdBy ? { createdBy } : {}) });
}

const PRODUCT_SUMMARY = sheet('考核汇总', [['党支部', '总分'], ['A支部', 90]], [], { createdBy: 'summary' });
const PRODUCT_DETAILS = sheet('计算明细', [['党支部']], [], { createdBy: 'details' });

function findings(snapshot: WorkbookSnapshot) {
  return only(recognise(snapshot).input.findings, 'output-referenced');
}

describe('cells of the user that refer to a product sheet', () => {
  test('one warning per referring sheet, naming the product sheets and the cells, quoted or unquoted', () => {
    const mine = withFormulas('我的统计', { B2: '考核汇总!K5', C3: "'考核汇总'!K6*2", D4: "SUM('计算明细'!B:B)", A9: 'A1+1' });
    const other = withFormulas('另一表', { A1: "VLOOKUP(\"A支部\",'考核汇总'!$C:$N,12,FALSE)" });
    const f = findings({ sheets: [RATINGS, PRODUCT_SUMMARY, PRODUCT_DETAILS, mine, other] });
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([
      ['warning', '我的统计', 'B2'],
      ['warning', '另一表', 'A1'],
    ]);
    expect(f[0].message.zh).toBe(
      '工作表“我的统计”中有 3 个单元格的公式引用了本程序生成的工作表“考核汇总”、“计算明细”（B2、C3、D4）。每次计算等级时，本程序都会就地改写这些表：引用仍指向同一张表，但表中的行随名单和考核结果而变，同一个单元格以后可能对应另一个党支部或另一项数字。请核对这些引用是否仍指向原本想要的内容。',
    );
    expect(f[1].message.en).toContain('1 cell on sheet "另一表" holds a formula referring to "考核汇总", written by this product (A1).');
    expect(f[1].message.en).toContain('rewrites that sheet in place');
    expect(f[0].suggestion?.zh).toContain('XLOOKUP、VLOOKUP 或 INDEX 加 MATCH 在“党支部”列中查找');
    expect(f[0].suggestion?.en).toContain('XLOOKUP, VLOOKUP or INDEX with MATCH on the 党支部 column');
  });

  test('a sheet name inside a string literal is not a reference; the product sheets\' own formulas are not the user\'s', () => {
    const mine = withFormulas('我的统计', { A1: '"考核汇总!K5"', A2: 'INDIRECT("考核汇总!K5")', A3: '"见’考核汇总’"&B1' });
    const own = withFormulas('校验问题', { A1: '考核汇总!A1' }, 'checks');
    expect(findings({ sheets: [RATINGS, PRODUCT_SUMMARY, own, mine] })).toEqual([]);
  });

  test('the office\'s own 考核汇总 is only filled, never rewritten: references to it raise nothing', () => {
    const office = sheet('考核汇总', [['党支部', '总分', '等级'], ['A支部', null, null]]);
    const mine = withFormulas('我的统计', { B2: '考核汇总!B2' });
    const r = recognise({ sheets: [RATINGS, office, mine] });
    expect(r.officeSummary).toBeDefined();
    expect(only(r.input.findings, 'output-referenced')).toEqual([]);
  });

  test('the product\'s summary under another name ("考核汇总 (2)" beside the office\'s own) counts, the office\'s does not', () => {
    const office = sheet('考核汇总', [['党支部', '总分'], ['A支部', null]]);
    const product = sheet('考核汇总 (2)', [['党支部', '总分']], [], { createdBy: 'summary' });
    const mine = withFormulas('我的统计', { A1: '考核汇总!B2', A2: "'考核汇总 (2)'!K5" });
    const f = findings({ sheets: [RATINGS, office, product, mine] });
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([['我的统计', 'A2']]);
    expect(f[0].message.zh).toContain('引用了本程序生成的工作表“考核汇总 (2)”（A2）');
  });

  test('names are compared as Excel does, without regard to case; another workbook\'s sheet of that name does not count', () => {
    const product = sheet('Summary', [['党支部']], [], { createdBy: 'summary' });
    const mine = withFormulas('Mine', { A1: 'summary!A1', A2: '[1]Summary!A1' });
    const f = findings({ sheets: [RATINGS, product, mine] });
    expect(f.map((x) => [x.sheet, x.cell, x.message.en.includes('(A1)')])).toEqual([['Mine', 'A1', true]]);
  });

  test('the cell list is capped at ten, with the count in all', () => {
    const cells: Record<string, string> = {};
    for (let r = 1; r <= 25; r++) cells[`A${r}`] = `考核汇总!K${r}`;
    const f = findings({ sheets: [RATINGS, PRODUCT_SUMMARY, withFormulas('我的统计', cells)] });
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toContain('有 25 个单元格');
    expect(f[0].message.zh).toContain('（A1、A2、A3、A4、A5、A6、A7、A8、A9、A10 等 25 个）');
    expect(f[0].message.en).toContain('(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, … (25 in all))');
  });

  test('a workbook with no product sheet raises nothing, whatever its formulas', () => {
    const mine = withFormulas('我的统计', { A1: '考核汇总!K5' });
    expect(findings({ sheets: [RATINGS, mine] })).toEqual([]);
  });
});

describe('names, charts, pivot tables and validations', () => {
  const objects: ObjectFormula[] = [
    { kind: 'name', label: '第一支部总分', formula: '考核汇总!$K$5' },
    { kind: 'chart', label: '图表 1', sheet: '图表页', formula: "'考核汇总'!$K$3:$K$20" },
    { kind: 'pivot', label: '数据透视表1', sheet: '透视', formula: "'计算明细'!A1:H300" },
    { kind: 'validation', label: 'C3:C40 E3', sheet: '我的统计', formula: '考核汇总!$C$3:$C$40' },
    { kind: 'name', label: '无关', formula: 'Sheet9!$A$1' },
    { kind: 'name', label: '文字', formula: '"考核汇总!K5"' },
    // the product's own objects live on its sheets
    { kind: 'conditional-format', label: 'L3:L40', sheet: '考核汇总', formula: '考核汇总!$L3="优秀"' },
  ];

  test('one warning per object, naming it and where it lives', () => {
    const f = findings({ sheets: [RATINGS, PRODUCT_SUMMARY, PRODUCT_DETAILS], objectFormulas: objects });
    expect(f.map((x) => [x.sheet ?? null, x.cell ?? null, x.message.zh.split('。')[0]])).toEqual([
      [null, null, '名称“第一支部总分”引用了本程序生成的工作表“考核汇总”'],
      ['图表页', null, '图表“图表 1”（在工作表“图表页”中）引用了本程序生成的工作表“考核汇总”'],
      ['透视', null, '数据透视表“数据透视表1”（在工作表“透视”中）引用了本程序生成的工作表“计算明细”'],
      ['我的统计', 'C3:C40', '数据验证“C3:C40 E3”（在工作表“我的统计”中）引用了本程序生成的工作表“考核汇总”'],
    ]);
    expect(f[0].message.en).toMatch(/^The defined name "第一支部总分" refers to "考核汇总", written by this product\. Each time/);
    expect(f[1].message.en).toMatch(/^The chart "图表 1" on sheet "图表页" refers to "考核汇总"/);
    expect(f.every((x) => x.severity === 'warning' && x.suggestion !== undefined)).toBe(true);
  });

  test('a legacy file\'s output holds the product\'s sheets only: nothing of the user\'s is carried over to warn about', () => {
    const mine = withFormulas('我的统计', { A1: '考核汇总!K5' });
    expect(findings({ sheets: [RATINGS, PRODUCT_SUMMARY, mine], objectFormulas: objects, format: 'xls' })).toEqual([]);
    // the same workbook as .xlsx: the cells, the name, the chart and the validation (计算明细 is not there, so the pivot is not)
    expect(findings({ sheets: [RATINGS, PRODUCT_SUMMARY, mine], objectFormulas: objects, format: 'xlsx' }).map((x) => x.message.en.split(' refer')[0])).toEqual([
      '1 cell on sheet "我的统计" holds a formula',
      'The defined name "第一支部总分"',
      'The chart "图表 1" on sheet "图表页"',
      'The data validation "C3:C40 E3" on sheet "我的统计"',
    ]);
  });

  test('a conditional format of the user\'s over the summary: one warning at the first range it covers', () => {
    const cf: ObjectFormula[] = [{ kind: 'conditional-format', label: 'B2:B20 D2', sheet: '我的统计', formula: '$B2>考核汇总!$K$5' }];
    const f = findings({ sheets: [RATINGS, PRODUCT_SUMMARY], objectFormulas: cf });
    expect(f.map((x) => [x.sheet, x.cell, x.message.zh.split('。')[0]])).toEqual([['我的统计', 'B2:B20', '条件格式“B2:B20 D2”（在工作表“我的统计”中）引用了本程序生成的工作表“考核汇总”']]);
  });

  test('odd entries from a host (no formula, an unknown kind, no snapshot fields) are passed over, never a crash', () => {
    const odd = [null, { kind: 'name', label: 'x' }, { kind: 'macro', label: 'm', formula: '考核汇总!A1' }, { kind: 'name', label: 7, formula: '考核汇总!A1' }] as unknown as ObjectFormula[];
    const f = findings({ sheets: [RATINGS, PRODUCT_SUMMARY, { name: undefined, values: [], merges: [], formulas: [['考核汇总!A1']] } as unknown as SheetSnapshot], objectFormulas: odd });
    expect(f.map((x) => x.message.zh.split('引用')[0])).toEqual(['名称“7”']);
  });
});
