/**
 * Why a sheet was not read (src/workbook/recognise/messages.ts), in both languages, as the ignored-sheet
 * finding shows it.
 */
import { recognise } from '../../../src/workbook/recognise';
import type { CellValue } from '../../../src/core/types';
import { book, only, sheet } from './helpers';

const FORMS = (): ReturnType<typeof sheet> => sheet('民主测评', [['党支部', '1.1'], ['A支部', '优秀']]);

function reasons(...sheets: [string, CellValue[][]][]): [string, string, string][] {
  const r = recognise(book(...sheets.map(([name, rows]) => sheet(name, rows)), FORMS()));
  return only(r.input.findings, 'ignored-sheet').map((f) => [f.sheet ?? '', f.message.zh, f.message.en]);
}

describe('reasons a sheet is not read', () => {
  test('no header anywhere in the first 30 rows', () => {
    expect(reasons(['杂项', [['甲', '乙'], [1, 2]]])).toEqual([
      [
        '杂项',
        '工作表“杂项”未识别，未读取：前 30 行中未找到可识别的表头（如“党支部”列、指标编号列、优秀/较好/一般/差票数列）。',
        'Sheet "杂项" was not recognised and not read: no recognisable header in the first 30 rows (a 党支部 column, indicator columns, or 优秀/较好/一般/差 vote columns).',
      ],
    ]);
  });

  test('a name that suggests a table whose header is not there', () => {
    const got = reasons(['考核参数', [['说明'], ['暂无']]], ['支部名单', [['序号', '姓名'], [1, '张三']]], ['抽检记录', [['日期'], ['3月']]]);
    expect(got.map(([s, zh, en]) => [s, zh.split('：')[1], en.split(': ')[1]])).toEqual([
      ['考核参数', '工作表名称像考核参数，但未找到相应的表头。', 'the sheet name suggests the settings, but its header was not found.'],
      ['支部名单', '工作表名称像支部名单，但未找到相应的表头。', 'the sheet name suggests the branch roster, but its header was not found.'],
      ['抽检记录', '工作表名称像抽检记录，但未找到相应的表头。', 'the sheet name suggests the spot checks, but its header was not found.'],
    ]);
  });

  test('a second catalogue, settings, roster or summary sheet: the first one read is named', () => {
    const catalogue: CellValue[][] = [['编号', '考核内容', '分值'], ['1.1', '甲', 100]];
    const settings: CellValue[][] = [['参数', '值'], ['年度', 2025]];
    const roster: CellValue[][] = [['党支部', '所属总支'], ['A支部', '甲总支']];
    const summary: CellValue[][] = [['党支部', '总分'], ['A支部', null]];
    const got = reasons(['目录一', catalogue], ['目录二', catalogue], ['参数一', settings], ['参数二', settings], ['名单一', roster], ['名单二', roster], ['考核汇总', summary], ['考核 汇总', summary]);
    expect(got.map(([s, zh, en]) => [s, zh.split('：')[1], en.split(': ')[1]])).toEqual([
      ['目录二', '已读取指标目录“目录一”，此表未读取。', 'the indicator catalogue "目录一" was already read; this one was not.'],
      ['参数二', '已读取考核参数“参数一”，此表未读取。', 'the settings "参数一" was already read; this one was not.'],
      ['名单二', '已读取支部名单“名单一”，此表未读取。', 'the branch roster "名单一" was already read; this one was not.'],
      ['考核 汇总', '已读取考核汇总表“考核汇总”，此表未读取。', 'the summary sheet "考核汇总" was already read; this one was not.'],
    ]);
  });
});
