import { defaultCatalogue } from '../../../src/core/catalogue';
import { SETTING_KEYS } from '../../../src/core/ruleset';
import { GRADES } from '../../../src/core/types';
import { isValidSheetName, planTemplate } from '../../../src/workbook/plans';
import { at, column, rowAt, sheetOf } from './fixtures';

describe('planTemplate', () => {
  const plan = planTemplate(2027);

  test('the sheets of an annual workbook, all template sheets with valid names', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['填表说明', '指标目录', '考核参数', '支部名单', '组织考核', '民主测评', '自评', '抽检记录']);
    expect(plan.sheets.every((s) => s.mode === 'new' && s.kind === 'template')).toBe(true);
    expect(plan.sheets.every((s) => isValidSheetName(s.name))).toBe(true);
    expect(plan.activate).toBe('支部名单');
  });

  test('指标目录: the default catalogue of SPEC §2', () => {
    const s = sheetOf(plan, '指标目录');
    expect(rowAt(s, 1)).toEqual(['编号', '类别', '考核内容', '分值']);
    expect(rowAt(s, 2)).toEqual(['1.1', '一、党支部班子自身建设', '支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。', 3]);
    expect(rowAt(s, 27)).toEqual(['6.4', '六、其它工作', '做好创建精神文明先进单位的有关工作。', 3]);
    expect(s.values).toHaveLength(27);
    const points = column(s, 3, 2, 27) as number[];
    expect(points.reduce((a, b) => a + b, 0)).toBe(100);
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
  });

  test('填表说明: how the year goes and what 测评人身份 and 期间 mean, in Chinese', () => {
    const text = sheetOf(plan, '填表说明').values.map((r) => String(r[0] ?? '')).join('\n');
    expect(text.startsWith('2027年度党支部工作目标管理考核 填表说明')).toBe(true);
    const steps = ['forms 表格.docx', '问卷星', '6月各党支部填写半年自评表', '党员大会', '粘贴为新的工作表', '抽检记录', 'grade 本工作簿.xlsx', '校验问题', '--docx 通报.docx'];
    const at = steps.map((w) => text.indexOf(w));
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    expect(text).toMatch(/测评人身份：[^\n]*党员[^\n]*党外群众[^\n]*不影响计分/);
    expect(text).toMatch(/期间：[^\n]*半年[^\n]*全年[^\n]*只有全年自评计入自评得分/);
  });

  test('考核参数: every key of SPEC §4.3 with its default; weights as percentages; the year', () => {
    const s = sheetOf(plan, '考核参数');
    expect(rowAt(s, 1)).toEqual(['参数', '值', '说明']);
    expect(column(s, 0, 2, 1 + SETTING_KEYS.length)).toEqual([...SETTING_KEYS]);
    const value = (k: string) => s.values.find((r) => r[0] === k)?.[1];
    expect(value('年度')).toBe(2027);
    expect(value('优秀系数')).toBe(1);
    expect(value('较好系数')).toBe(0.85);
    expect(value('一般系数')).toBe(0.75);
    expect(value('差系数')).toBe(0.6);
    expect(value('组织考核权重')).toBe('60%');
    expect(value('民主测评权重')).toBe('40%');
    expect(value('自评权重')).toBe('0%');
    expect(value('优秀分数线')).toBe(90);
    expect(value('较好分数线')).toBe(80);
    expect(value('一般分数线')).toBe(70);
    expect(value('总分小数位')).toBe(1);
    expect(value('排名方式')).toBe('并列占位');
    expect(value('民主测评最少份数')).toBe(5);
    expect(value('加减分上限')).toBe(10);
    expect(value('先进推荐名额')).toBe(0);
    expect(value('空白评分')).toBe('空白视为弃权');
    expect(value('发文单位')).toBe('中共××党委办公室');
    expect(value('公文字体')).toBe('仿宋_GB2312');
    expect(value('日期格式')).toBe('阿拉伯数字');
    expect(s.values.every((r, i) => i === 0 || typeof r[2] === 'string')).toBe(true);
    // 排名方式 is row 14, 空白评分 row 18
    expect(s.validations).toEqual([
      { range: 'B14', list: ['并列占位', '并列不占位'] },
      { range: 'B18', list: ['空白视为弃权', '空白视为错误'] },
    ]);
  });

  test('支部名单: headers only, rows prepared', () => {
    const s = sheetOf(plan, '支部名单');
    expect(s.values).toEqual([['序号', '党支部', '所属总支', '书记', '党员人数']]);
    expect(s.styles.some((x) => x.range === 'A2:E51' && x.style.border)).toBe(true);
  });

  test('组织考核: source label above the header, one column per indicator, grade drop-downs', () => {
    const s = sheetOf(plan, '组织考核');
    expect(at(s, 'A1')).toBe('考核方式：组织考核');
    const header = rowAt(s, 2);
    // the code, then the indicator's whole text: never cut ("1.4 按要求召开党员大会报告工作及" was)
    const catalogue = defaultCatalogue();
    expect(header.slice(0, 2)).toEqual(['党支部', '测评人']);
    expect(header.slice(2)).toEqual(catalogue.indicators.map((i) => `${i.code} ${i.text}`));
    expect(header[5]).toBe('1.4 按要求召开党员大会报告工作及进行工作总结。');
    expect(header[27]).toBe('6.4 做好创建精神文明先进单位的有关工作。');
    // the header row wraps and is tall enough for the longest text (2.6, 67 characters) at 9 a line
    const longest = Math.max(...catalogue.indicators.map((i) => i.text.length));
    expect(s.styles.some((x) => x.range === 'A2:AB2' && x.style.wrap)).toBe(true);
    const height = s.rowHeights?.find((h) => h.row === 1)?.height ?? 0;
    expect(height).toBeGreaterThanOrEqual(Math.ceil((longest + 4) / 9) * 15);
    expect(height).toBeLessThanOrEqual(409);
    expect(s.columnWidths?.slice(2).every((w) => w === 18)).toBe(true);
    // 26 indicators from column C to AB, 200 rows from row 3
    expect(s.validations).toEqual([{ range: 'C3:AB202', list: [...GRADES] }]);
    expect(s.freeze).toEqual({ rows: 2, columns: 2 });
    expect(s.values).toHaveLength(2);
  });

  test('民主测评: rater identity with its drop-down', () => {
    const s = sheetOf(plan, '民主测评');
    expect(at(s, 'A1')).toBe('考核方式：民主测评');
    expect(rowAt(s, 2).slice(0, 3)).toEqual(['党支部', '测评人身份', '1.1 支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。']);
    expect(s.validations).toEqual([
      { range: 'B3:B202', list: ['党员', '党外群众'] },
      { range: 'C3:AB202', list: ['优秀', '较好', '一般', '差'] },
    ]);
  });

  test('自评: period with its drop-down', () => {
    const s = sheetOf(plan, '自评');
    expect(at(s, 'A1')).toBe('考核方式：自评');
    expect(rowAt(s, 2).slice(0, 2)).toEqual(['党支部', '期间']);
    expect(s.validations[0]).toEqual({ range: 'B3:B202', list: ['半年', '全年'] });
  });

  test('抽检记录: headers of SPEC §4.5 and the kind drop-down', () => {
    const s = sheetOf(plan, '抽检记录');
    expect(s.values).toEqual([['党支部', '类型', '日期', '事由', '加减分']]);
    expect(s.validations).toEqual([{ range: 'B2:B201', list: ['日常抽检', '专题抽检'] }]);
  });

  test('drop-down lists fit Excel’s 255-character limit', () => {
    for (const s of plan.sheets) {
      if (s.mode !== 'new') continue;
      for (const v of s.validations) expect(v.list.join(',').length).toBeLessThanOrEqual(255);
    }
  });

  test('deterministic', () => {
    expect(planTemplate(2027)).toEqual(plan);
    expect(at(sheetOf(planTemplate(2030), '考核参数'), 'B2')).toBe(2030);
  });
});
