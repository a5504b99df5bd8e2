import { periodOfText, raterTypeOf, recognise, sourceOfText } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, only, sheet } from './helpers';

const FORMS = sheet('民主测评', [
  ['党支部', '1.1'],
  ['A支部', '优秀'],
]);

describe('sheet roles', () => {
  test('empty, output and unrecognised sheets; workbook order kept', () => {
    const r = recognise(
      book(
        sheet('封面', [['2025年度党支部考核'], ['党委办公室']]),
        sheet('空白', [[null, '  ', '\u3000'], []]),
        sheet('校验问题', [['级别', '代码']], [], { createdBy: 'checks' }),
        FORMS,
      ),
    );
    expect(r.sheets.map((s) => [s.name, s.role])).toEqual([
      ['封面', 'ignored'],
      ['空白', 'empty'],
      ['校验问题', 'output'],
      ['民主测评', 'forms'],
    ]);
    const info = only(r.input.findings, 'ignored-sheet');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', sheet: '封面' });
    expect(info[0].message.zh).toContain('封面');
    expect(info[0].message.en).toContain('no recognisable header');
  });

  test('a named sheet without its header is ignored with the reason', () => {
    const r = recognise(book(sheet('支部名单', [['名单见附件']]), FORMS));
    expect(r.sheets[0].role).toBe('ignored');
    expect(only(r.input.findings, 'ignored-sheet')[0].message.en).toContain('the branch roster');
  });

  test('a second roster is ignored; the first one is read', () => {
    const r = recognise(
      book(sheet('名单一', [['党支部'], ['A支部']]), sheet('名单二', [['党支部'], ['B支部']]), FORMS),
    );
    expect(r.sheets.map((s) => s.role)).toEqual(['roster', 'ignored', 'forms']);
    expect(r.input.roster?.map((e) => e.name)).toEqual(['A支部']);
    expect(only(r.input.findings, 'ignored-sheet')[0].message.zh).toContain('名单一');
  });

  test('nothingRecognised when no rating sheet is found', () => {
    const r = recognise(book(sheet('支部名单', [['党支部'], ['A支部']])));
    expect(r.nothingRecognised).toBe(true);
    expect(recognise(book()).nothingRecognised).toBe(true);
    expect(recognise(book(FORMS)).nothingRecognised).toBe(false);
  });

  test('header matching ignores white space of every width and full-width letters', () => {
    const rows: CellValue[][] = [
      ['党 支 部', '测评人\u3000身份', '１．１'],
      ['A支部', '党员', '优秀'],
    ];
    const r = recognise(book(sheet('民主测评', rows)));
    expect(r.input.forms[0]).toMatchObject({ branch: 'A支部', raterType: 'party' });
    expect(r.input.forms[0].ratings[0].ref.cell).toBe('C2');
  });

  test('the label above the header wins over the sheet name; the sheet name over titles', () => {
    const labelled = recognise(book(sheet('组织考核', [['测评类型：民主测评'], ['党支部', '1.1'], ['A', '优秀']])));
    expect(labelled.input.forms[0].source).toBe('民主测评');
    const titled = recognise(book(sheet('自评表', [['组织考核评分表'], ['党支部', '1.1'], ['A', '优秀']])));
    expect(titled.input.forms[0].source).toBe('自评');
    const titleOnly = recognise(book(sheet('Sheet1', [['党支部民主测评表'], ['党支部', '1.1'], ['A', '优秀']])));
    expect(titleOnly.input.forms[0].source).toBe('民主测评');
  });
});

describe('keyword rules', () => {
  test('source of a text', () => {
    expect(sourceOfText('组织考核')).toBe('组织考核');
    expect(sourceOfText('考核组评分')).toBe('组织考核');
    expect(sourceOfText('民主测评')).toBe('民主测评');
    expect(sourceOfText('党员测评')).toBe('民主测评');
    expect(sourceOfText('支部自评')).toBe('自评');
    expect(sourceOfText('自查表')).toBe('自评');
    expect(sourceOfText('自评测评')).toBe('自评');
    expect(sourceOfText('民主测评（考核组汇总）')).toBe('民主测评');
    expect(sourceOfText('考评表')).toBeUndefined();
    expect(sourceOfText('')).toBeUndefined();
  });

  test('period of a text', () => {
    expect(periodOfText('上半年')).toBe('half-year');
    expect(periodOfText('半年')).toBe('half-year');
    expect(periodOfText('6月')).toBe('half-year');
    expect(periodOfText('2025年06月')).toBe('half-year');
    expect(periodOfText('12月')).toBe('annual');
    expect(periodOfText('16月')).toBeUndefined();
    expect(periodOfText('全年')).toBe('annual');
    expect(periodOfText('年度')).toBe('annual');
    expect(periodOfText('下半年')).toBe('annual');
    expect(periodOfText('')).toBeUndefined();
  });

  test('rater identity', () => {
    expect(raterTypeOf('党员')).toBe('party');
    expect(raterTypeOf('中共预备党员')).toBe('party');
    expect(raterTypeOf('非党员')).toBe('nonparty');
    expect(raterTypeOf('非党行政领导')).toBe('nonparty');
    expect(raterTypeOf('群众')).toBe('nonparty');
    expect(raterTypeOf(' ')).toBeUndefined();
  });
});

describe('classification limits and exclusions', () => {
  test('a header is looked for in the first 30 rows only', () => {
    const at = (n: number): CellValue[][] => [...Array.from({ length: n }, (): CellValue[] => ['说明文字']), ['党支部', '1.1'], ['A支部', '优秀']];
    expect(recognise(book(sheet('民主测评', at(29)))).sheets[0]).toMatchObject({ role: 'forms', headerRows: [30] });
    expect(recognise(book(sheet('民主测评', at(30)))).sheets[0].role).toBe('ignored');
  });

  test('编号 + 考核内容 + 分值 is the catalogue only when its code cells are mostly indicator codes', () => {
    const FORMS = sheet('民主测评', [['党支部', '1.1'], ['A支部', '优秀']]);
    const tie = sheet('Sheet4', [['编号', '考核内容', '分值'], ['1.1', '甲', 50], ['A-01', '乙', 50]]);
    expect(recognise(book(tie, FORMS)).sheets[0].role).toBe('ignored');
    const more = sheet('Sheet4', [['编号', '考核内容', '分值'], ['1.1', '甲', 50], ['1.2', '乙', 30], ['A-01', '丙', 20]]);
    expect(recognise(book(more, FORMS)).sheets[0].role).toBe('catalogue');
    // a code cell alone in its row (a band), a total or a merged title is not counted against it
    const bands = sheet('Sheet4', [['编号', '考核内容', '分值'], ['班子建设', null, null], ['1.1', '甲', 100], ['小计', null, null], ['说明', null, null]], ['A5:C5']);
    expect(recognise(book(bands, FORMS)).sheets[0].role).toBe('catalogue');
  });

  test('a branch list with grades, tally words or indicators is no roster', () => {
    const FORMS = sheet('民主测评', [['党支部', '1.1'], ['A支部', '优秀']]);
    expect(recognise(book(sheet('Sheet2', [['党支部', '书记'], ['A支部', '王一']]), FORMS)).sheets[0].role).toBe('roster');
    expect(recognise(book(sheet('Sheet2', [['党支部', '书记', '等级'], ['A支部', '王一', '优秀']]), FORMS)).sheets[0].role).toBe('ignored');
    expect(recognise(book(sheet('Sheet2', [['党支部', '党员人数', '优秀票数'], ['A支部', 10, 3]]), FORMS)).sheets[0].role).toBe('ignored');
    expect(recognise(book(sheet('Sheet2', [['党支部', '所属总支', '备注'], ['A支部', '甲', '']]), FORMS)).sheets[0].role).toBe('roster');
  });
});
