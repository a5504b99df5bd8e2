import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, CODES, fill, INDICATORS, only, sheet } from './helpers';

const ALL = CODES; // 26 codes, 1.1 … 6.4

describe('forms layout (宽表)', () => {
  test('reads one form per row with exact cell addresses, after a merged title and blank rows', () => {
    const rows: CellValue[][] = [
      ['2025年度党支部工作目标管理考评表'],
      [],
      ['序号', '党支部', '测评人身份', ...ALL],
      [1, '机关第一党支部', '中共党员', ...fill(26, '优秀')],
      [2, '机关第二党支部', '党外群众', ...fill(25, '较好'), '差'],
    ];
    const r = recognise(book(sheet('民主测评', rows, ['A1:AC1'])));
    expect(r.sheets).toEqual([{ name: '民主测评', role: 'forms', headerRows: [3], source: '民主测评' }]);
    expect(r.input.forms).toHaveLength(2);
    const [a, b] = r.input.forms;
    expect(a.branch).toBe('机关第一党支部');
    expect(a.branchRef).toEqual({ sheet: '民主测评', cell: 'B4' });
    expect(a.ref).toEqual({ sheet: '民主测评', cell: 'A4' });
    expect(a.source).toBe('民主测评');
    expect(a.period).toBe('annual');
    expect(a.raterType).toBe('party');
    expect(a.ratings.map((x) => x.indicator)).toEqual(ALL);
    expect(a.ratings[0]).toEqual({ indicator: '1.1', value: '优秀', ref: { sheet: '民主测评', cell: 'D4' } });
    expect(b.raterType).toBe('nonparty');
    // 26th indicator (6.4) sits in column AC (D + 25)
    expect(b.ratings[25]).toEqual({ indicator: '6.4', value: '差', ref: { sheet: '民主测评', cell: 'AC5' } });
    expect(r.ratingRanges).toEqual([{ sheet: '民主测评', range: 'D4:AC5', kind: 'grade' }]);
    expect(r.input.findings).toEqual([]);
    expect(r.nothingRecognised).toBe(false);
  });

  test('accepts 1-1, 1．1, full-width digits and "code + text" headers', () => {
    const rows: CellValue[][] = [
      ['党支部', '1-1', '1．2', '１.３', '1.4 按要求召开党员大会', '1。5'],
      ['机关第一党支部', '优', '良', '中', '差', 'A'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms[0].ratings.map((x) => [x.indicator, x.value, x.ref.cell])).toEqual([
      ['1.1', '优', 'B2'],
      ['1.2', '良', 'C2'],
      ['1.3', '中', 'D2'],
      ['1.4', '差', 'E2'],
      ['1.5', 'A', 'F2'],
    ]);
    expect(r.input.forms[0].source).toBe('组织考核');
  });

  test('indicator texts as headers: the whole text, a prefix of 8+ characters, punctuation and spaces ignored', () => {
    const rows: CellValue[][] = [
      [
        '党支部',
        INDICATORS[0].text, // whole text of 1.1
        '认真搞好支委会思想作风建设', // prefix of 1.2 (13 chars)
        '有计划地组织支委学习', // prefix of 1.3 (10 chars)
        '按 要 求 召 开 党 员 大 会', // spaces ignored → prefix of 1.4
        '班子成员廉洁自律', // whole text of 1.6 without its full stop
      ],
      ['机关第一党支部', '优秀', '优秀', '较好', '一般', '差'],
    ];
    const r = recognise(book(sheet('自评', rows)));
    expect(r.input.forms[0].ratings.map((x) => x.indicator)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.6']);
    expect(r.input.forms[0].source).toBe('自评');
    expect(r.input.findings).toEqual([]);
  });

  test('two-row header: category names merged above the codes, 党支部 merged over both rows', () => {
    const rows: CellValue[][] = [
      ['民主测评表'],
      ['党支部', '一、党支部班子自身建设', null, null, '二、党员教育管理监督', null],
      [null, '1.1', '1.2', '1.3', '2.1', '2.2'],
      ['机关第一党支部', '优秀', '较好', '一般', '差', '优秀'],
      ['机关第二党支部', '较好', '较好', '较好', '较好', '较好'],
    ];
    const merges = ['A1:F1', 'A2:A3', 'B2:D2', 'E2:F2'];
    const r = recognise(book(sheet('Sheet1', rows, merges)));
    expect(r.sheets[0]).toMatchObject({ role: 'forms', headerRows: [3], source: '民主测评' });
    expect(r.input.forms.map((f) => f.branch)).toEqual(['机关第一党支部', '机关第二党支部']);
    expect(r.input.forms[0].ratings.map((x) => `${x.indicator}=${x.value}@${x.ref.cell}`)).toEqual([
      '1.1=优秀@B4',
      '1.2=较好@C4',
      '1.3=一般@D4',
      '2.1=差@E4',
      '2.2=优秀@F4',
    ]);
    expect(r.input.findings).toEqual([]);
  });

  test('two header rows: codes above texts, data starts below both', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      [null, INDICATORS[0].text, INDICATORS[1].text],
      ['机关第一党支部', '优秀', '一般'],
    ];
    const r = recognise(book(sheet('组织考核', rows)));
    expect(r.input.forms).toHaveLength(1);
    expect(r.input.forms[0].ratings.map((x) => x.ref.cell)).toEqual(['B3', 'C3']);
    expect(r.input.findings).toEqual([]);
  });

  test('unmapped columns: unknown code, text matching nothing, ambiguous prefix, duplicate column', () => {
    const catalogue = sheet('指标目录', [
      ['编号', '类别', '考核内容', '分值'],
      ['1.1', '一、班子', '党支部坚持每两个月至少一次组织活动', 50],
      ['1.2', '一、班子', '党支部坚持每两个月召开支委会', 50],
    ]);
    const rows: CellValue[][] = [
      ['党支部', '1.1', '7.1', '党支部坚持每两个月', '这一列是其他的说明文字', '1-1', '备注', '1.2'],
      ['机关第一党支部', '优秀', '优秀', '优秀', '优秀', '优秀', '无', '较好'],
    ];
    const r = recognise(book(catalogue, sheet('组织考核', rows)));
    const unmapped = only(r.input.findings, 'unmapped-column');
    expect(unmapped.map((f) => [f.cell, f.severity])).toEqual([
      ['C1', 'warning'],
      ['D1', 'warning'],
      ['E1', 'warning'],
      ['F1', 'warning'],
    ]);
    expect(unmapped[0].message.zh).toContain('7.1');
    expect(unmapped[1].message.zh).toContain('1.1、1.2');
    expect(unmapped[3].message.en).toContain('already has a column');
    expect(r.input.forms[0].ratings.map((x) => [x.indicator, x.ref.cell])).toEqual([
      ['1.1', 'B2'],
      ['1.2', 'H2'],
    ]);
  });

  test('orphan rows, blank rows, rows without ratings, and total rows', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2'],
      ['机关第一党支部', '优秀', '优秀'],
      [null, null, null],
      [null, '较好', null], // ratings, no branch → orphan form (branch "")
      ['机关第二党支部', null, null], // a branch with no ratings is still a form
      ['合计', 2, 1], // totals are not forms
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms.map((f) => [f.branch, f.ref.cell])).toEqual([
      ['机关第一党支部', 'A2'],
      ['', 'A4'],
      ['机关第二党支部', 'A5'],
    ]);
    expect(r.input.forms[1].branchRef).toEqual({ sheet: '民主测评', cell: 'A4' });
    expect(r.input.forms[2].ratings.map((x) => x.value)).toEqual([null, null]);
  });

  test('a branch cell merged over several rows applies to each row; merged identity too', () => {
    const rows: CellValue[][] = [
      ['党支部', '身份', '测评人', '1.1', '1.2'],
      ['机关第一党支部', '党员', 'P1', '优秀', '优秀'],
      [null, null, 'P2', '较好', '较好'],
      [null, '群众', 'Q1', '一般', '一般'],
      ['机关第二党支部', '党员', 'P1', '差', '差'],
    ];
    const r = recognise(book(sheet('民主测评', rows, ['A2:A4', 'B2:B3'])));
    expect(r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.raterType, f.rater])).toEqual([
      ['机关第一党支部', 'A2', 'party', 'P1'],
      ['机关第一党支部', 'A2', 'party', 'P2'],
      ['机关第一党支部', 'A2', 'nonparty', 'Q1'],
      ['机关第二党支部', 'A5', 'party', 'P1'],
    ]);
  });

  test('编号 is the rater in a forms sheet', () => {
    const rows: CellValue[][] = [
      ['编号', '党支部', '1.1'],
      [17, '机关第一党支部', '优秀'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms[0].rater).toBe('17');
    expect(r.input.forms[0].ref.cell).toBe('A2');
  });

  test('source column per row; period column; identity blank → undefined', () => {
    const rows: CellValue[][] = [
      ['党支部', '考核方式', '期间', '人员类别', '1.1'],
      ['A支部', '考核组评议', '全年', null, '优秀'],
      ['A支部', '民主测评', '年度', '非党员', '优秀'],
      ['A支部', '支部自评', '上半年', '预备党员', '优秀'],
      ['A支部', '自查', '6月', '', '优秀'],
      ['A支部', '自评', '12月', null, '优秀'],
      ['A支部', '自评', null, null, '优秀'],
    ];
    const r = recognise(book(sheet('评分', rows)));
    expect(r.input.forms.map((f) => [f.source, f.period, f.raterType])).toEqual([
      ['组织考核', 'annual', undefined],
      ['民主测评', 'annual', 'nonparty'],
      ['自评', 'half-year', 'party'],
      ['自评', 'half-year', undefined],
      ['自评', 'annual', undefined],
      ['自评', 'annual', undefined],
    ]);
    expect(r.sheets[0].source).toBeUndefined();
    expect(r.input.findings).toEqual([]);
  });

  test('an unrecognised source value is reported once with its row count, and those rows are dropped', () => {
    const rows: CellValue[][] = [
      ['党支部', '类别', '1.1'],
      ['A支部', '其他', '优秀'],
      ['B支部', '其他', '优秀'],
      ['C支部', '民主测评', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.input.forms.map((f) => f.branch)).toEqual(['C支部']);
    const f = only(r.input.findings, 'unknown-source');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: 'Sheet1', cell: 'B2', branch: 'A支部' });
    expect(f[0].message.zh).toContain('共 2 行');
  });

  test('source from a label above the header; period from the sheet name', () => {
    const rows: CellValue[][] = [
      ['党支部工作目标管理考评表'],
      ['测评类型：组织考核'],
      ['党支部', '1.1'],
      ['A支部', '优秀'],
    ];
    const r = recognise(book(sheet('2025上半年', rows, ['A1:B1'])));
    expect(r.input.forms[0]).toMatchObject({ source: '组织考核', period: 'half-year' });
    expect(r.sheets[0].source).toBe('组织考核');
  });

  test('unknown source: error at the header cell, no forms from the sheet', () => {
    const rows: CellValue[][] = [
      ['党支部工作目标管理考评表'],
      [null, '党支部', '1.1', '1.2'],
      [null, 'A支部', '优秀', '优秀'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.sheets[0].role).toBe('forms');
    expect(r.input.forms).toEqual([]);
    const f = only(r.input.findings, 'unknown-source');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Sheet1', cell: 'B2' })]);
    expect(f[0].blocksAll).toBeFalsy();
    expect(r.nothingRecognised).toBe(false);
  });

  test('a label naming no source is quoted in the unknown-source message', () => {
    const rows: CellValue[][] = [['测评类型：年终'], ['党支部', '1.1'], ['A支部', '优秀']];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(only(r.input.findings, 'unknown-source')[0].message.zh).toContain('年终');
  });

  test('forms for one branch without a branch column: the branch comes from the label above', () => {
    const rows: CellValue[][] = [
      ['党支部：机关第一党支部　测评类型：民主测评'],
      ['测评人编号', '1.1', '1.2'],
      ['001', '优秀', '较好'],
      ['002', '较好', '较好'],
    ];
    const r = recognise(book(sheet('Sheet1', rows, ['A1:C1'])));
    expect(r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.rater, f.source])).toEqual([
      ['机关第一党支部', 'A1', '001', '民主测评'],
      ['机关第一党支部', 'A1', '002', '民主测评'],
    ]);
  });

  test('several blocks in one sheet, each with its own labels and header', () => {
    const rows: CellValue[][] = [
      ['测评类型：民主测评'],
      ['党支部', '1.1', '1.2'],
      ['A支部', '优秀', '优秀'],
      [],
      ['测评类型：组织考核'],
      ['党支部', '1.2', '1.1'],
      ['A支部', '一般', '差'],
    ];
    const r = recognise(book(sheet('Sheet1', rows)));
    expect(r.sheets[0].headerRows).toEqual([2, 6]);
    expect(r.input.forms.map((f) => [f.source, f.ratings.map((x) => `${x.indicator}@${x.ref.cell}`).join(' ')])).toEqual([
      ['民主测评', '1.1@B3 1.2@C3'],
      ['组织考核', '1.2@B7 1.1@C7'],
    ]);
    expect(r.sheets[0].source).toBeUndefined();
  });

  test('footer notes and label rows are not forms', () => {
    const rows: CellValue[][] = [
      ['党支部', '1.1', '1.2', '1.3'],
      ['A支部', '优秀', '优秀', '优秀'],
      [null, null, '填表人：张三', null],
      ['说明：请用"优秀、较好、一般、差"填写', null, null, null],
    ];
    const r = recognise(book(sheet('民主测评', rows, ['A4:D4'])));
    expect(r.input.forms.map((f) => f.branch)).toEqual(['A支部']);
    expect(r.ratingRanges).toEqual([{ sheet: '民主测评', range: 'B2:D2', kind: 'grade' }]);
  });
});
