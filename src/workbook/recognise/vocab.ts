/**
 * Header words of SPEC §4, as normalizeKey() keys. One list per column role; a layout decides which
 * roles it reads (编号 is a rater in a forms sheet but the indicator code in a tally or long sheet).
 */
import { normalizeKey, normalizeLoose } from '../../core/text';
import { GRADES, type Grade } from '../../core/types';

const keys = (...words: string[]): ReadonlySet<string> => new Set(words.map(normalizeKey));

export const BRANCH = keys('党支部', '支部', '支部名称', '党支部名称', '单位', '被考核单位', '被考核党支部', '党组织', '被考核党组织');
export const SOURCE = keys('考核方式', '测评方式', '考核类型', '测评类型', '类别', '来源');
export const IDENTITY = keys('身份', '测评人身份', '评议人身份', '人员类别');
export const PERIOD = keys('期间', '时段', '考核期间', '测评期间');
/** Rater columns of a long sheet; a forms sheet also reads 编号 as the rater. */
export const RATER = keys('测评人', '评议人', '测评人编号', '评议人编号', '测评人姓名', '评议人姓名');
export const FORMS_RATER = keys('测评人', '评议人', '编号', '测评人编号', '评议人编号', '测评人姓名', '评议人姓名');
/** Indicator columns of tally and long sheets (and of the catalogue). */
export const CODE = keys('编号', '指标编号', '指标代码', '代码');
export const TEXT = keys('考核内容', '指标', '考核指标', '指标内容', '指标名称', '考核项目', '项目', '内容');
/** The grade column of a long sheet. */
export const GRADE = keys(
  '等级', '评价', '评定', '评分', '考核等级', '测评等级', '评价等级', '评定等级', '自评等级', '评议等级', '考核结果', '测评结果', '评价结果',
);

export const CATEGORY = keys('类别', '指标类别', '类别名称');
export const POINTS = keys('分值', '分数', '标准分', '标准分值', '满分');
export const SETTING_KEY = keys('参数', '参数名', '参数名称');
export const SETTING_VALUE = keys('值', '参数值', '取值', '设定值', '数值');

export const GROUP = keys('所属总支', '所属党总支', '总支', '党总支');
export const SECRETARY = keys('书记', '支部书记', '党支部书记');
export const MEMBERS = keys('党员人数', '党员数', '党员数量');

export const KIND = keys('类型', '抽检类型');
export const DATE = keys('日期', '抽检日期', '时间');
export const REASON = keys('事由', '原因', '理由', '内容', '说明');
export const ADJUSTMENT = keys('加减分', '加减分值', '加(减)分', '加/减分', '加分减分');

export const TOTAL = keys('总分');
export const RANK = keys('排名', '名次');

/** Rows labelled like this are totals, not branches. */
export const TOTAL_ROWS = keys('合计', '小计', '总计', '平均', '平均分', '汇总');

/** Every column-header word: a row holding one is a header, never data. */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  ...BRANCH, ...SOURCE, ...IDENTITY, ...PERIOD, ...FORMS_RATER, ...CODE, ...TEXT, ...GRADE,
  ...POINTS, ...GROUP, ...SECRETARY, ...MEMBERS, ...ADJUSTMENT, ...keys('序号', '备注'),
]);

const TALLY_SUFFIX = /^(票|票数|票数合计|人数|人|张|数)?$/;

/** A tally grade column ("优秀", "优秀票数", "较好(票)") → its grade. */
export function tallyGradeOf(text: string): Grade | undefined {
  const loose = normalizeLoose(text);
  for (const g of GRADES) {
    if (loose.startsWith(g) && TALLY_SUFFIX.test(loose.slice(g.length))) return g;
  }
  return undefined;
}

/** First column whose key is in the set, else -1. */
export function findCol(keysOfRow: readonly string[], set: ReadonlySet<string>, except: readonly number[] = []): number {
  for (let c = 0; c < keysOfRow.length; c++) {
    if (set.has(keysOfRow[c]) && !except.includes(c)) return c;
  }
  return -1;
}
