/** Settings (考核参数, SPEC §4.3): the edges of every allowed range, what each setting shows back, blank rows. */
import { defaultRuleset, displaySetting, parseSettings, SETTING_KEYS } from '../../src/core/ruleset';
import type { CellValue, SettingKey, SettingRow } from '../../src/core/types';

function parse(...rows: [CellValue, CellValue][]) {
  const settingRows = rows.map(([key, value], i): SettingRow => ({
    key,
    value,
    keyRef: { sheet: '考核参数', cell: `A${i + 2}` },
    valueRef: { sheet: '考核参数', cell: `B${i + 2}` },
  }));
  return parseSettings(settingRows, '考核参数');
}

/**
 * The setting as read back (the 考核参数 sheet's 当前值), or the cell of its bad-value error (a cross check
 * such as the weights' sum is another finding, tested below).
 */
function read(key: SettingKey, value: CellValue): string {
  const { origins, findings } = parse([key, value]);
  const bad = findings.find((f) => f.message.zh.startsWith(`参数“${key}”的值`));
  return bad ? `error at ${bad.cell}` : (origins.find((o) => o.key === key)?.display ?? '?');
}

describe('settings at the edges of what they allow', () => {
  it.each<[SettingKey, CellValue, string]>([
    ['年度', 2026, '2026'],
    ['年度', '2026年度', '2026'],
    ['年度', '２０２６', '2026'],
    ['年度', '2026年份', 'error at B2'],
    ['年度', 20261, 'error at B2'],
    ['年度', '12026', 'error at B2'],
    ['年度', '2026年年', 'error at B2'],
    ['年度', '26年', 'error at B2'],
    ['优秀系数', '100%', '1'],
    ['一般系数', 0.0001, '0.0001'],
    ['一般系数', '0%', 'error at B2'],
    ['一般系数', -0.5, 'error at B2'],
    ['一般系数', 1.0001, 'error at B2'],
    ['自评权重', 0, '0%'],
    ['自评权重', 1, '100%'],
    ['自评权重', '1', '100%'],
    ['自评权重', 100, '100%'],
    ['自评权重', '100%', '100%'],
    ['自评权重', 1.5, '1.5%'],
    ['自评权重', 100.5, 'error at B2'],
    ['自评权重', '101%', 'error at B2'],
    ['自评权重', '150%', 'error at B2'],
    ['自评权重', '100.5%', 'error at B2'],
    ['自评权重', '0.5%', '0.5%'],
    ['自评权重', '-1%', 'error at B2'],
    ['自评权重', '三成', 'error at B2'],
    ['一般分数线', 0, '0'],
    ['一般分数线', '69.5', '69.5'],
    ['优秀分数线', 100, '100'],
    ['一般分数线', -1, 'error at B2'],
    ['一般分数线', 100.01, 'error at B2'],
    ['一般分数线', '七十', 'error at B2'],
    ['总分小数位', 0, '0'],
    ['总分小数位', '2', '2'],
    ['总分小数位', -1, 'error at B2'],
    ['民主测评最少份数', 0, '0'],
    ['民主测评最少份数', 1_000_000, '1000000'],
    ['民主测评最少份数', 1_000_001, 'error at B2'],
    ['先进推荐名额', '３', '3'],
    ['先进推荐名额', 2.5, 'error at B2'],
    ['加减分上限', 0, '0'],
    ['加减分上限', '7.5', '7.5'],
    ['加减分上限', -0.5, 'error at B2'],
    ['排名方式', 'dense', '并列不占位'],
    ['排名方式', 'Competition', '并列占位'],
    ['排名方式', '并列 占位', '并列占位'],
    ['空白评分', '弃权', '空白视为弃权'],
    ['空白评分', 'ERROR', '空白视为错误'],
    ['空白评分', '错误', '空白视为错误'],
    ['空白评分', 1, 'error at B2'],
    ['发文单位', ' 中共某所委员会 ', '中共某所委员会'],
    ['发文单位', 2026, '2026'],
    ['发文单位', true, 'error at B2'],
    ['发文单位', { error: '#N/A' }, 'error at B2'],
    ['公文字体', '仿'.repeat(31), '仿'.repeat(31)],
    ['公文字体', '仿宋\u0007', 'error at B2'],
    ['公文字体', '仿宋\u0000', 'error at B2'],
    ['公文字体', '仿\u001f宋', 'error at B2'],
    ['公文字体', 'Times New Roman', 'Times New Roman'],
    ['公文字体', false, 'error at B2'],
    ['日期格式', '数字', '阿拉伯数字'],
    ['日期格式', 'Chinese', '汉字'],
    ['日期格式', '２０２６年１２月３１日', '阿拉伯数字'],
    ['日期格式', '二〇二六年十二月', 'error at B2'],
    ['日期格式', '26年12月31日', 'error at B2'],
    ['日期格式', '12026年1月1日', 'error at B2'],
    ['日期格式', '2026年1月1日起', 'error at B2'],
    ['日期格式', '2026年123月1日', 'error at B2'],
    ['日期格式', '2026年1月123日', 'error at B2'],
    ['日期格式', '二零二六年一月一日', '汉字'],
    ['日期格式', '二〇二六年十月二十一日', '汉字'],
    ['日期格式', '一二〇二六年一月一日', 'error at B2'],
    ['日期格式', '二〇二六年一月一日前', 'error at B2'],
    ['日期格式', '二〇二六年十二十月一日', 'error at B2'],
    ['日期格式', '二〇二六年一月三十一十日', 'error at B2'],
    ['日期格式', '二〇二六年1月1日', 'error at B2'],
    ['通报写连续优秀', '是', '是'],
    ['通报写连续优秀', ' 否 ', '否'],
    ['通报写连续优秀', 'YES', '是'],
    ['通报写连续优秀', true, '是'],
    ['通报写连续优秀', '连续', 'error at B2'],
    ['通报写连续优秀', 1, 'error at B2'],
    ['问卷选项顺序', 'A/B/C/D', '优秀,较好,一般,差'],
    ['问卷选项顺序', '差；一般；较好；优秀', '差,一般,较好,优秀'],
    ['问卷选项顺序', '优 良 中 差', '优秀,较好,一般,差'],
    ['问卷选项顺序', '优秀,较好,一般,差,差', 'error at B2'],
    ['问卷选项顺序', '优秀，较好;一般／差', '优秀,较好,一般,差'],
    ['问卷选项顺序', ' 差 ,, 一般 ；较好、、优秀 ', '差,一般,较好,优秀'],
    ['问卷选项顺序', 4, 'error at B2'],
    // a separator before the first option leaves an empty part, which is not an option
    ['问卷选项顺序', '，优秀,较好,一般,差', '优秀,较好,一般,差'],
    // text where a number belongs: an error, never a crash
    ['一般系数', '八成', 'error at B2'],
    ['先进推荐名额', '三', 'error at B2'],
    ['民主测评最少份数', '五份', 'error at B2'],
  ])('%s = %j reads as %s', (key, value, want) => expect(read(key, value)).toBe(want));

  it('a bad value names the setting, quotes the value and says what is allowed, in both languages', () => {
    const { findings } = parse(['发文单位', true]);
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-settings', severity: 'error', blocksAll: true, sheet: '考核参数', cell: 'B2' })]);
    expect(findings[0].message.zh).toContain('“发文单位”');
    expect(findings[0].message.zh).toContain('“TRUE”');
    expect(findings[0].message.zh).toContain('应为发文单位名称');
    expect(findings[0].message.en).toContain('enter the issuing office');
  });
});

describe('settings rows', () => {
  it('a row blank in both cells says nothing; a key with a blank value keeps the default', () => {
    const { ruleset, findings } = parse([null, null], ['', '  '], ['\u3000', null], ['年度', null]);
    expect(findings).toEqual([]);
    expect(ruleset).toEqual(defaultRuleset());
  });

  it('the weights-sum error points at the first weight the sheet set', () => {
    const { findings } = parse(['自评权重', '10%'], ['民主测评权重', '40%']);
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-settings', cell: 'B3' })]);
    expect(findings[0].message.zh).toContain('110%');
  });

  it('a bad weight keeps its default, so the sum is checked with the default', () => {
    const { findings, ruleset } = parse(['组织考核权重', '七成']);
    expect(findings.map((f) => f.cell)).toEqual(['B2']);
    expect(ruleset.weights.组织考核).toBe(0.6);
  });
});

describe('cross checks', () => {
  it('the weights-sum error lists each weight and the sum', () => {
    const { findings } = parse(['组织考核权重', '70%'], ['自评权重', '5%']);
    expect(findings).toHaveLength(1);
    expect(findings[0].message.zh).toBe('三种考核方式的权重合计为 115%（组织考核 70%、民主测评 40%、自评 5%），应恰好为 100%。');
  });

  it.each<[string, [SettingKey, number][], string | null]>([
    ['较好 above 优秀', [['优秀系数', 0.9], ['较好系数', 1]], '0.9 / 1 / 0.75 / 0.6'],
    ['一般 above 较好', [['一般系数', 0.9]], '1 / 0.85 / 0.9 / 0.6'],
    ['差 above 一般', [['差系数', 0.8]], '1 / 0.85 / 0.75 / 0.8'],
    ['一般 equal to 较好', [['一般系数', 0.85]], null],
    ['差 equal to 一般', [['差系数', 0.75]], null],
  ])('coefficients: %s', (_, rows, values) => {
    const { findings } = parse(...rows);
    if (values === null) expect(findings).toEqual([]);
    else {
      expect(findings).toEqual([expect.objectContaining({ code: 'invalid-settings', cell: 'B2' })]);
      expect(findings[0].message.zh).toBe(`等级系数的顺序不对（${values}）。`);
      expect(findings[0].message.en).toBe(`The grade coefficients are out of order (${values}).`);
    }
  });

  it.each<[string, [SettingKey, number][], string | null]>([
    ['较好 equal to 优秀', [['较好分数线', 90]], '90 / 90 / 70'],
    ['一般 equal to 较好', [['一般分数线', 80]], '90 / 80 / 80'],
    ['一般 above 较好', [['一般分数线', 85]], '90 / 80 / 85'],
    ['优秀 below 较好', [['优秀分数线', 75]], '75 / 80 / 70'],
    ['all lowered in order', [['优秀分数线', 85], ['较好分数线', 75], ['一般分数线', 60]], null],
  ])('thresholds: %s', (_, rows, values) => {
    const { findings } = parse(...rows);
    if (values === null) expect(findings).toEqual([]);
    else {
      expect(findings).toEqual([expect.objectContaining({ code: 'invalid-settings', cell: 'B2' })]);
      expect(findings[0].message.zh).toBe(`分数线的顺序不对（${values}）。`);
      expect(findings[0].message.en).toBe(`The score thresholds are out of order (${values}).`);
    }
  });

  it('coefficients out of order point at the first coefficient the sheet set, in key order (较好 before 一般)', () => {
    const { findings } = parse(['一般系数', 0.8], ['较好系数', 0.7]);
    expect(findings.map((f) => f.cell)).toEqual(['B3']);
  });

  it('points at the first key of the group the sheet set, in key order', () => {
    const { findings } = parse(['发文单位', '办公室'], ['一般分数线', 85], ['优秀分数线', 95]);
    expect(findings.map((f) => f.cell)).toEqual(['B4']);
  });
});

describe('displaySetting', () => {
  it('shows each setting of the defaults as the settings sheet writes it', () => {
    const rs = defaultRuleset();
    expect(SETTING_KEYS.map((k) => [k, displaySetting(k, rs)])).toEqual([
      ['年度', ''],
      ['优秀系数', '1'],
      ['较好系数', '0.85'],
      ['一般系数', '0.75'],
      ['差系数', '0.6'],
      ['组织考核权重', '60%'],
      ['民主测评权重', '40%'],
      ['自评权重', '0%'],
      ['优秀分数线', '90'],
      ['较好分数线', '80'],
      ['一般分数线', '70'],
      ['总分小数位', '1'],
      ['排名方式', '并列占位'],
      ['民主测评最少份数', '5'],
      ['加减分上限', '10'],
      ['先进推荐名额', '0'],
      ['空白评分', '空白视为弃权'],
      ['发文单位', '中共××党委办公室'],
      ['公文字体', '仿宋_GB2312'],
      ['日期格式', '阿拉伯数字'],
      ['成文日期', ''],
      ['通报写连续优秀', '否'],
      ['问卷选项顺序', ''],
      ['发文机关标志', ''],
      ['发文字号', ''],
      ['签发人', ''],
      ['抄送', ''],
      ['印发机关', ''],
      ['请示主送', '院党委'],
    ]);
  });

  it('shows the default font and date style for a ruleset saved without them', () => {
    const rs = { ...defaultRuleset(), documentFont: undefined, dateStyle: undefined };
    expect(displaySetting('公文字体', rs)).toBe('仿宋_GB2312');
    expect(displaySetting('日期格式', rs)).toBe('阿拉伯数字');
    expect(displaySetting('日期格式', { ...rs, dateStyle: 'chinese' })).toBe('汉字');
    expect(displaySetting('排名方式', { ...rs, ranking: 'dense' })).toBe('并列不占位');
    expect(displaySetting('空白评分', { ...rs, blank: 'error' })).toBe('空白视为错误');
    expect(displaySetting('年度', { ...rs, year: 2027 })).toBe('2027');
    expect(displaySetting('自评权重', { ...rs, weights: { 组织考核: 0.5, 民主测评: 0.35, 自评: 0.15 } })).toBe('15%');
  });
});
