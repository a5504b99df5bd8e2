/**
 * The annual workbook (SPEC §7 `template`): catalogue, settings, roster, one forms sheet per source with
 * drop-down lists on rating cells, and the spot-check record. Headers are exactly those recognition reads
 * (SPEC §4). The sheet builders take data so that the sample workbook is the same layout, filled in.
 */
import { defaultCatalogue } from '../../core/catalogue';
import { SETTING_KEYS, defaultRuleset, displaySetting } from '../../core/ruleset';
import { GRADES, type Catalogue, type RosterEntry, type Ruleset, type SettingKey, type Source } from '../../core/types';
import type { PlanValue, SheetPlan, WorkbookPlan } from '../plan';
import { BORDER, HEADER, SheetBuilder, linesHeight, wrappedLines } from './sheet';

/** Rows prepared with borders and drop-downs below each header. */
export const TEMPLATE_ROWS = 200;
export const RATER_TYPES = ['党员', '党外群众'];
export const PERIODS = ['半年', '全年'];
export const CHECK_KINDS = ['日常抽检', '专题抽检'];
export const RANKING_WORDS = ['并列占位', '并列不占位'];
export const BLANK_WORDS = ['空白视为弃权', '空白视为错误'];

const SETTING_NOTES: Record<SettingKey, string> = {
  年度: '考核年度，如 2026',
  优秀系数: '评为“优秀”的指标按分值的该比例计分',
  较好系数: '评为“较好”的指标按分值的该比例计分',
  一般系数: '评为“一般”的指标按分值的该比例计分',
  差系数: '评为“差”的指标按分值的该比例计分',
  组织考核权重: '三项权重之和须为 100%（60%、0.6、60 均表示 60%）',
  民主测评权重: '三项权重之和须为 100%',
  自评权重: '默认 0%：自评仅作参考，半年自评不计分',
  优秀分数线: '总分不低于该分数为“优秀”',
  较好分数线: '总分不低于该分数为“较好”',
  一般分数线: '总分不低于该分数为“一般”，低于为“差”',
  总分小数位: '总分保留的小数位数（0–2），四舍五入后评定等级、排名',
  排名方式: '并列占位（1、2、2、4）或 并列不占位（1、2、2、3）',
  民主测评最少份数: '民主测评表少于该份数时给出警告',
  加减分上限: '抽检加减分合计的上限（正负均适用）',
  先进推荐名额: '先进党支部推荐名额，0 表示不限',
  空白评分: '空白视为弃权 或 空白视为错误',
  发文单位: '考核结果通报的落款单位',
  公文字体: '通报正文字体：仿宋_GB2312（默认）；电脑上没有该字体时可填 仿宋',
  问卷选项顺序: '在线问卷下载为选项序号时填写，如 优秀,较好,一般,差（序号 1 为优秀）；下载为选项文本时留空',
  日期格式: '通报落款日期：阿拉伯数字（2026年12月31日，默认）或 汉字（二〇二六年十二月三十一日）',
  成文日期: '通报等文件的成文日期，如 2026-12-31；不填为计算当天（命令行 --date 优先）',
  发文机关标志: '填写后通报带红色版头，如 中共××研究院委员会办公室文件；留空为普通格式',
  发文字号: '如 院党办〔2026〕3号（有发文机关标志时印在版头）',
  签发人: '请示版头右侧的签发人姓名，如 张三（有发文机关标志时印出；通报不印签发人）',
  抄送: '通报版记中的抄送机关，多个用顿号或逗号分开',
  印发机关: '通报版记中的印发机关，如 中共××研究院委员会办公室',
  请示主送: '先进党支部推荐名单请示的主送机关，默认 院党委',
  通报写连续优秀: '是 或 否（默认）：与上年结果对比时，通报中写明连续两年“优秀”的党支部',
};

/** A settings value as written into the sheet: numbers as numbers, percentages and words as text. */
function settingValue(key: SettingKey, rs: Ruleset): PlanValue {
  const shown = displaySetting(key, rs);
  if (shown === '') return null;
  return /^-?\d+(\.\d+)?$/.test(shown) ? Number(shown) : shown;
}

/** Header in row 1 (index 0); rows below get borders for `rows` lines. */
function tableSheet(headers: string[], rows: PlanValue[][], blankRows: number): SheetBuilder {
  const sb = new SheetBuilder();
  sb.row(0, 0, headers).style(0, 0, 0, headers.length - 1, HEADER).height(0, 24);
  rows.forEach((row, i) => sb.row(i + 1, 0, row));
  const last = Math.max(rows.length, blankRows);
  if (last > 0) sb.style(1, 0, last, headers.length - 1, BORDER);
  return sb;
}

export function catalogueSheet(catalogue: Catalogue): SheetPlan {
  const names = new Map(catalogue.categories.map((c) => [c.code, c.name]));
  const rows = catalogue.indicators.map((i) => [i.code, names.get(i.category) ?? i.category, i.text, i.points]);
  const sb = tableSheet(['编号', '类别', '考核内容', '分值'], rows, 0);
  if (rows.length) sb.style(1, 2, rows.length, 2, { wrap: true }).style(1, 0, rows.length, 0, { hAlign: 'center' });
  return sb.build({ kind: 'template', name: '指标目录', columnWidths: [8, 24, 70, 8], freeze: { rows: 1, columns: 0 } });
}

export function settingsSheet(ruleset: Ruleset): SheetPlan {
  const rows = SETTING_KEYS.map((k) => [k, settingValue(k, ruleset), SETTING_NOTES[k]]);
  const sb = tableSheet(['参数', '值', '说明'], rows, 0);
  const at = (k: SettingKey) => SETTING_KEYS.indexOf(k) + 1;
  sb.validate(at('排名方式'), 1, at('排名方式'), 1, RANKING_WORDS);
  sb.validate(at('空白评分'), 1, at('空白评分'), 1, BLANK_WORDS);
  sb.style(1, 1, rows.length, 1, { hAlign: 'center' });
  return sb.build({ kind: 'template', name: '考核参数', columnWidths: [18, 26, 56], freeze: { rows: 1, columns: 0 } });
}

export function rosterSheet(roster: RosterEntry[], blankRows = 0): SheetPlan {
  const rows = roster.map((e, i) => [i + 1, e.name, e.group ?? null, e.secretary ?? null, e.members ?? null]);
  const sb = tableSheet(['序号', '党支部', '所属总支', '书记', '党员人数'], rows, blankRows);
  return sb.build({ kind: 'template', name: '支部名单', columnWidths: [6, 24, 18, 10, 10], freeze: { rows: 1, columns: 0 } });
}

/**
 * Indicator column header: its code (what recognition reads) then the indicator's whole text, so the
 * person typing the forms in sees what each column rates; the header row wraps and is made tall enough.
 */
export function indicatorHeader(code: string, text: string): string {
  return `${code} ${text}`;
}

/** Width of an indicator column: about 9 Chinese characters a line of its header. */
const INDICATOR_WIDTH = 18;

export interface FormsSheetSpec {
  name: string;
  source: Source;
  /** columns between the branch and the indicators, with their drop-down list if any */
  extra: { header: string; list?: string[]; width?: number }[];
  /** data rows from the branch column on */
  rows: PlanValue[][];
}

/**
 * A forms sheet (宽表): the source label above the header ("考核方式：组织考核"), then 党支部, the extra
 * columns and one column per indicator; rating cells carry the four-grade drop-down.
 */
export function formsSheet(catalogue: Catalogue, spec: FormsSheetSpec): SheetPlan {
  const sb = new SheetBuilder();
  sb.set(0, 0, `考核方式：${spec.source}`).style(0, 0, 0, 0, { bold: true });
  const h = 1;
  const first = 1 + spec.extra.length;
  const last = first + catalogue.indicators.length - 1;
  const headers = ['党支部', ...spec.extra.map((e) => e.header), ...catalogue.indicators.map((i) => indicatorHeader(i.code, i.text))];
  const widths = [22, ...spec.extra.map((e) => e.width ?? 10), ...catalogue.indicators.map(() => INDICATOR_WIDTH)];
  sb.row(h, 0, headers);
  // Explicit: neither Excel nor LibreOffice grows a generated row to its wrapped text. One unit of width
  // kept back for the cell's padding.
  const lines = Math.max(...headers.map((text, c) => wrappedLines(text, widths[c] - 1)));
  sb.style(h, 0, h, last, HEADER).height(h, Math.max(48, linesHeight(lines)));
  spec.rows.forEach((row, i) => sb.row(h + 1 + i, 0, row));
  const end = h + Math.max(TEMPLATE_ROWS, spec.rows.length);
  sb.style(h + 1, 0, end, last, BORDER);
  sb.style(h + 1, first, end, last, { hAlign: 'center' });
  spec.extra.forEach((e, i) => {
    if (e.list) sb.validate(h + 1, 1 + i, end, 1 + i, e.list);
  });
  if (catalogue.indicators.length) sb.validate(h + 1, first, end, last, [...GRADES]);
  return sb.build({
    kind: 'template',
    name: spec.name,
    columnWidths: widths,
    freeze: { rows: h + 1, columns: first },
  });
}

export function spotCheckSheet(rows: PlanValue[][]): SheetPlan {
  const sb = tableSheet(['党支部', '类型', '日期', '事由', '加减分'], rows, TEMPLATE_ROWS);
  sb.validate(1, 1, TEMPLATE_ROWS, 1, CHECK_KINDS);
  sb.style(1, 3, TEMPLATE_ROWS, 3, { wrap: true });
  sb.style(1, 4, TEMPLATE_ROWS, 4, { numberFormat: '+0.0;-0.0;0' });
  return sb.build({ kind: 'template', name: '抽检记录', columnWidths: [22, 10, 12, 44, 8], freeze: { rows: 1, columns: 0 } });
}

/** The three forms sheets of SPEC §4.4 a), with the given rows (empty in the template). */
export function sourceSheets(
  catalogue: Catalogue,
  rows: { 组织考核: PlanValue[][]; 民主测评: PlanValue[][]; 自评: PlanValue[][] },
): SheetPlan[] {
  return [
    formsSheet(catalogue, { name: '组织考核', source: '组织考核', extra: [{ header: '测评人' }], rows: rows.组织考核 }),
    formsSheet(catalogue, {
      name: '民主测评',
      source: '民主测评',
      extra: [{ header: '测评人身份', list: RATER_TYPES, width: 11 }],
      rows: rows.民主测评,
    }),
    formsSheet(catalogue, { name: '自评', source: '自评', extra: [{ header: '期间', list: PERIODS, width: 8 }], rows: rows.自评 }),
  ];
}

/**
 * 填表说明: how the year goes and what the less obvious columns mean, for the clerk who opens the template
 * (SPEC §8). Plain lines in one wide column; not a rating sheet (recognition lists it as ignored).
 */
export function guideSheet(year: number): SheetPlan {
  const heading = (t: string): [string, boolean] => [t, true];
  const line = (t: string): [string, boolean] => [t, false];
  const lines: [string, boolean][] = [
    heading(`${year}年度党支部工作目标管理考核 填表说明`),
    line(''),
    heading('一、全年工作流程'),
    line('1. 年初准备：在“支部名单”中填写各党支部（所属总支、书记、党员人数）；需要时修改“指标目录”的分值和“考核参数”（年度、权重、分数线、发文单位等）。'),
    line('2. 印发表格：打印每个党支部的《党支部工作目标管理考评表》和《党支部目标管理考核自评表》（任务窗格“模板”，或命令行 npm run cli -- forms 表格.docx --in 本工作簿.xlsx）；也可以在问卷星、腾讯问卷等平台发布内容相同的问卷。'),
    line('3. 自评：6月各党支部填写半年自评表，12月填写全年自评表。'),
    line('4. 民主测评和组织考核：年底在党员大会上发放考评表（不记名），并邀请党外群众代表参加；考核组听取汇报、查阅记录后填写考评表。'),
    line('5. 收集录入：纸质表每份录入一行，分别填入“组织考核”“民主测评”“自评”工作表；也可按党支部录入各等级票数。在线问卷把下载的答卷（Excel 或 CSV）粘贴为新的工作表或直接打开。'),
    line('6. 抽检：日常抽检、专题抽检的记录和加减分填入“抽检记录”。'),
    line('7. 计算：在任务窗格中点“计算”，或运行命令行 npx branch-assessment grade 本工作簿.xlsx。'),
    line('8. 检查：查看“校验问题”工作表，按所列工作表和单元格改正后重新计算；有错误的党支部暂不评定等级（待补充），改正后再计算。'),
    line('9. 通报：核对“考核汇总”和“考核结果通报”后，导出通报 Word 文档（任务窗格“导出”，或命令行 grade … --docx 通报.docx），报党委审定后印发。'),
    line(''),
    heading('二、栏目说明'),
    line('测评人身份：民主测评表上勾选的“党员”或“党外群众”（应邀参加测评的非党行政领导、群众代表）。只用于检查参评情况（党员参评人数、有无党外群众参评），不影响计分。测评不记名，不填写姓名。'),
    line('期间：自评表上勾选的“半年”（6月）或“全年”（12月）。只有全年自评计入自评得分，半年自评单列作参考；不填视为全年。'),
    line('测评人：组织考核表上填写考核组成员的姓名或编号，用于发现同一人重复录入的表。'),
    line('评分：每项指标填写 优秀、较好、一般 或 差（也可写 优、良、中、A、B、C、D：Excel 提示“不在下拉列表中”时选“是”保留，计算时会检查）；空白视为弃权，可在“考核参数”的“空白评分”中改为视为错误。'),
    line('考核方式：表格第一行的“考核方式：组织考核”等说明这张工作表属于哪种考核，请勿删除。'),
  ];
  const sb = new SheetBuilder();
  lines.forEach(([text, bold], i) => {
    sb.set(i, 0, text).style(i, 0, i, 0, { wrap: true, vAlign: 'middle', ...(bold ? { bold: true } : {}) });
    // about 52 characters a line in the 110-wide column: give wrapped lines their height
    if (text.length > 52) sb.height(i, Math.ceil(text.length / 52) * 16 + 4);
  });
  sb.style(0, 0, 0, 0, { fontSize: 14 });
  return sb.build({ kind: 'template', name: '填表说明', columnWidths: [110] });
}

/** An empty annual workbook for `year`. */
export function planTemplate(year: number): WorkbookPlan {
  const catalogue = defaultCatalogue();
  const ruleset = { ...defaultRuleset(), year };
  return {
    sheets: [
      guideSheet(year),
      catalogueSheet(catalogue),
      settingsSheet(ruleset),
      rosterSheet([], 50),
      ...sourceSheets(catalogue, { 组织考核: [], 民主测评: [], 自评: [] }),
      spotCheckSheet([]),
    ],
    activate: '支部名单',
  };
}
