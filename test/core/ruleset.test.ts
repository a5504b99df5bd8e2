import { defaultRuleset, parseSettings, readDocumentNumber, SETTING_KEYS } from '../../src/core/ruleset';
import type { CellValue, SettingRow } from '../../src/core/types';

let line = 1;
function s(key: CellValue, value: CellValue): SettingRow {
  line++;
  return { key, value, keyRef: { sheet: '考核参数', cell: `A${line}` }, valueRef: { sheet: '考核参数', cell: `B${line}` } };
}
function parse(...rows: [CellValue, CellValue][]) {
  line = 1;
  return parseSettings(
    rows.map(([k, v]) => s(k, v)),
    '考核参数',
  );
}

describe('defaultRuleset', () => {
  it('holds the SPEC §3 defaults', () => {
    expect(defaultRuleset()).toEqual({
      year: null,
      scale: { 优秀: 1, 较好: 0.85, 一般: 0.75, 差: 0.6 },
      weights: { 组织考核: 0.6, 民主测评: 0.4, 自评: 0 },
      thresholds: { 优秀: 90, 较好: 80, 一般: 70 },
      decimals: 1,
      ranking: 'competition',
      adjustmentCap: 10,
      minDemocraticForms: 5,
      advancedQuota: 0,
      blank: 'abstain',
      issuer: '中共××党委办公室',
      documentFont: '仿宋_GB2312',
      dateStyle: 'arabic',
      requestAddressee: '院党委',
    });
  });
});

describe('parseSettings', () => {
  it('keeps every default for an empty sheet, with origins and no findings', () => {
    const { ruleset, origins, findings } = parse();
    expect(ruleset).toEqual(defaultRuleset());
    expect(findings).toEqual([]);
    expect(origins).toHaveLength(SETTING_KEYS.length);
    expect(origins.find((o) => o.key === '组织考核权重')).toEqual({ key: '组织考核权重', display: '60%' });
    expect(origins.find((o) => o.key === '排名方式')).toEqual({ key: '排名方式', display: '并列占位' });
    expect(origins.every((o) => o.ref === undefined)).toBe(true);
  });

  it('reads weights as 70%, 0.3 or 0 and records where they came from', () => {
    const { ruleset, origins, findings } = parse(['组织考核权重', '70%'], ['民主测评权重', 0.3], ['自评权重', 0]);
    expect(findings).toEqual([]);
    expect(ruleset.weights).toEqual({ 组织考核: 0.7, 民主测评: 0.3, 自评: 0 });
    expect(origins.find((o) => o.key === '民主测评权重')).toEqual({
      key: '民主测评权重',
      display: '30%',
      ref: { sheet: '考核参数', cell: 'B3' },
    });
  });

  it('reads 60 as 60%, and needs the weights to sum to 1 exactly', () => {
    expect(parse(['组织考核权重', 50], ['民主测评权重', '30'], ['自评权重', '20%']).ruleset.weights).toEqual({
      组织考核: 0.5,
      民主测评: 0.3,
      自评: 0.2,
    });
    // 0.1 + 0.2 + 0.7 is 1 exactly (a float sum would not be)
    expect(parse(['组织考核权重', 0.7], ['民主测评权重', 0.2], ['自评权重', 0.1]).findings).toEqual([]);
    const bad = parse(['组织考核权重', '70%']);
    expect(bad.findings).toHaveLength(1);
    expect(bad.findings[0]).toMatchObject({ code: 'invalid-settings', severity: 'error', blocksAll: true, cell: 'B2' });
    expect(bad.findings[0].message.zh).toContain('110%');
    expect(bad.findings[0].message.en).toContain('100%');
  });

  it('reads every other key', () => {
    const { ruleset, findings } = parse(
      ['年度', '2026年'],
      ['优秀系数', 1],
      ['较好系数', '0.9'],
      ['一般系数', '80%'],
      ['差系数', 0.5],
      ['优秀分数线', 95],
      ['较好分数线', '85'],
      ['一般分数线', 60],
      ['总分小数位', 2],
      ['排名方式', '并列不占位'],
      ['民主测评最少份数', '8'],
      ['加减分上限', 5],
      ['先进推荐名额', 3],
      ['空白评分', ' 空白视为错误 '],
      ['发文单位', '中共某研究所委员会办公室'],
      ['公文字体', '仿宋'],
      ['日期格式', '二〇二六年十二月三十一日'],
    );
    expect(findings).toEqual([]);
    expect(ruleset).toEqual({
      year: 2026,
      scale: { 优秀: 1, 较好: 0.9, 一般: 0.8, 差: 0.5 },
      weights: { 组织考核: 0.6, 民主测评: 0.4, 自评: 0 },
      thresholds: { 优秀: 95, 较好: 85, 一般: 60 },
      decimals: 2,
      ranking: 'dense',
      adjustmentCap: 5,
      minDemocraticForms: 8,
      advancedQuota: 3,
      blank: 'error',
      issuer: '中共某研究所委员会办公室',
      documentFont: '仿宋',
      dateStyle: 'chinese',
      requestAddressee: '院党委',
    });
  });

  it('reads the official-document keys: 发文机关标志, 发文字号, 抄送, 印发机关, 请示主送 (SPEC §8)', () => {
    const { ruleset, findings, origins } = parse(
      ['发文机关标志', '中共××研究院委员会办公室文件'],
      ['发文字号', '院党办[2026]03号'],
      ['抄送', '院长办公室、院纪委，工会'],
      ['印发机关', '中共××研究院委员会办公室'],
      ['请示主送', '中共××研究院委员会'],
    );
    expect(findings).toEqual([]);
    expect(ruleset).toMatchObject({
      letterhead: '中共××研究院委员会办公室文件',
      documentNumber: '院党办〔2026〕3号',
      cc: ['院长办公室', '院纪委', '工会'],
      printer: '中共××研究院委员会办公室',
      requestAddressee: '中共××研究院委员会',
    });
    expect(origins.find((o) => o.key === '抄送')).toEqual({ key: '抄送', display: '院长办公室、院纪委、工会', ref: { sheet: '考核参数', cell: 'B4' } });
    expect(origins.find((o) => o.key === '发文字号')?.display).toBe('院党办〔2026〕3号');
  });

  it('签发人 (an extension of SPEC §4.3, for the 请示): a name on one line; a long text names the cell', () => {
    const { ruleset, findings, origins } = parse(['签发人', ' 张志强 ']);
    expect(findings).toEqual([]);
    expect(ruleset.signer).toBe('张志强');
    expect(origins.find((o) => o.key === '签发人')?.display).toBe('张志强');
    const long = parse(['签发人', '很'.repeat(21)]);
    expect(long.findings[0]).toMatchObject({ code: 'invalid-settings', severity: 'error', sheet: '考核参数', cell: 'B2' });
    expect(long.findings[0].message.zh).toContain('签发人');
    expect(long.ruleset.signer).toBeUndefined();
  });

  it('发文字号: the year in 〔〕 whatever brackets were typed, no leading zeros; anything else names the cell', () => {
    expect(readDocumentNumber('〔2026〕3号')).toBe('〔2026〕3号');
    expect(readDocumentNumber('党办发（2026）12号')).toBe('党办发〔2026〕12号');
    expect(readDocumentNumber('党办【2026】第7号')).toBe('党办〔2026〕7号');
    for (const bad of ['2026-3', '党办〔26〕3号', '党办〔2026〕号', '党办〔2026〕0号']) expect(readDocumentNumber(bad)).toBeNull();
    const r = parse(['发文字号', '第三号']);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'invalid-settings', severity: 'error', sheet: '考核参数', cell: 'B2' });
    expect(r.findings[0].message.zh).toContain('〔2026〕3号');
    expect(r.ruleset.documentNumber).toBeUndefined();
    const long = parse(['发文机关标志', '很'.repeat(31)]);
    expect(long.findings[0]).toMatchObject({ code: 'invalid-settings', cell: 'B2' });
  });

  it('reads 日期格式 as a word or an example date, and refuses anything else naming the cell (SPEC §8)', () => {
    for (const v of ['汉字', '中文数字', '二〇二六年十二月三十一日', '二〇二七年一月五日']) expect(parse(['日期格式', v]).ruleset.dateStyle).toBe('chinese');
    for (const v of ['阿拉伯数字', '2026年12月31日', '2027年1月5日']) expect(parse(['日期格式', v]).ruleset.dateStyle).toBe('arabic');
    const bad = parse(['日期格式', '2026-12-31']);
    expect(bad.findings).toHaveLength(1);
    expect(bad.findings[0]).toMatchObject({ code: 'invalid-settings', cell: 'B2' });
    expect(bad.findings[0].message.zh).toContain('二〇二六年十二月三十一日');
    expect(bad.ruleset.dateStyle).toBe('arabic');
  });

  it('reads 问卷选项顺序 as the four grades in any order, in any spelling; anything else names the cell', () => {
    expect(parse(['问卷选项顺序', '优秀,较好,一般,差']).ruleset.optionOrder).toEqual(['优秀', '较好', '一般', '差']);
    expect(parse(['问卷选项顺序', '差、一般、良、优']).ruleset.optionOrder).toEqual(['差', '一般', '较好', '优秀']);
    expect(parse(['问卷选项顺序', '优秀,较好,一般,差']).origins.find((o) => o.key === '问卷选项顺序')?.display).toBe('优秀,较好,一般,差');
    for (const bad of ['优秀,较好,一般', '优秀,优秀,一般,差', '优秀,较好,一般,很差']) {
      const r = parse(['问卷选项顺序', bad]);
      expect(r.findings[0]).toMatchObject({ code: 'invalid-settings', cell: 'B2' });
      expect(r.ruleset.optionOrder).toBeUndefined();
    }
  });

  it('reads 公文字体 as a font name; a name longer than Word allows is an error', () => {
    expect(parse(['公文字体', ' 仿宋 ']).ruleset.documentFont).toBe('仿宋');
    const bad = parse(['公文字体', '仿'.repeat(32)]);
    expect(bad.findings[0]).toMatchObject({ code: 'invalid-settings', cell: 'B2' });
    expect(bad.ruleset.documentFont).toBe('仿宋_GB2312');
  });

  it('matches keys ignoring white space, width and a trailing colon', () => {
    const { ruleset, findings } = parse([' 年 度：', 2025], ['排名方式', '并列占位']);
    expect(findings).toEqual([]);
    expect(ruleset.year).toBe(2025);
    expect(ruleset.ranking).toBe('competition');
  });

  it('keeps the default for a blank value', () => {
    const { ruleset, origins, findings } = parse(['优秀分数线', null], ['发文单位', '  ']);
    expect(findings).toEqual([]);
    expect(ruleset.thresholds.优秀).toBe(90);
    expect(ruleset.issuer).toBe('中共××党委办公室');
    expect(origins.find((o) => o.key === '优秀分数线')?.ref).toBeUndefined();
  });

  it('reports an unknown key at the key cell, listing the allowed keys', () => {
    const { findings } = parse(['权重', 0.5]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'invalid-settings', cell: 'A2', sheet: '考核参数', blocksAll: true });
    expect(findings[0].message.zh).toContain('“权重”');
    expect(findings[0].suggestion?.zh).toContain('组织考核权重');
  });

  it.each<[string, CellValue, string]>([
    ['年度', '明年', '四位年份'],
    ['年度', 26, '四位年份'],
    ['优秀系数', 1.2, '不大于 1'],
    ['差系数', 0, '大于 0'],
    ['组织考核权重', 150, '100%'],
    ['组织考核权重', -0.1, '100%'],
    ['优秀分数线', 101, '0 到 100'],
    ['总分小数位', 3, '0、1 或 2'],
    ['总分小数位', 1.5, '0、1 或 2'],
    ['排名方式', '并列', '并列占位'],
    ['民主测评最少份数', 2.5, '整数'],
    ['先进推荐名额', -1, '整数'],
    ['加减分上限', 'ten', '不小于 0'],
    ['空白评分', '忽略', '空白视为弃权'],
    ['年度', { error: '#N/A' }, '四位年份'],
  ])('rejects %s = %j at the value cell', (key, value, allowed) => {
    const { findings, ruleset } = parse([key, value]);
    const f = findings.find((x) => x.cell === 'B2');
    expect(f).toMatchObject({ code: 'invalid-settings', severity: 'error', blocksAll: true });
    expect(f?.message.zh).toContain(`“${key}”`);
    expect(f?.message.zh).toContain(allowed);
    expect(f?.message.en.length).toBeGreaterThan(10);
    // the bad value leaves the default in place
    expect(ruleset.decimals).toBe(1);
  });

  it('quotes the value as shown', () => {
    expect(parse(['年度', { error: '#N/A' }]).findings[0].message.zh).toContain('“#N/A”');
    expect(parse(['优秀系数', 1.2]).findings[0].message.en).toContain('"1.2"');
  });

  it('needs coefficients descending and thresholds strictly descending', () => {
    const c = parse(['较好系数', 1], ['优秀系数', 0.9]);
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0].message.zh).toContain('等级系数');
    expect(c.findings[0].cell).toBe('B3'); // the first coefficient in key order: 优秀系数
    expect(parse(['较好系数', 1]).findings).toEqual([]); // 优秀 = 较好 = 1 is allowed
    const t = parse(['较好分数线', 90]);
    expect(t.findings).toHaveLength(1);
    expect(t.findings[0].message.zh).toContain('分数线');
  });

  it('reports a duplicate key and a value without a key', () => {
    const { findings } = parse(['年度', 2026], ['年度', 2027], [null, 'x']);
    expect(findings.map((f) => f.cell)).toEqual(['A3', 'B4']);
    expect(findings[0].message.zh).toContain('考核参数!A2');
  });
});
