/**
 * The ruleset (考核参数): SPEC §3 defaults, and a settings sheet's overrides (SPEC §4.3).
 */
import { add, compare, fromInt, fromNumber, ONE, rational, toNumber, ZERO, type Rational } from './decimal';
import * as msg from './messages';
import { MAX_YEAR, MIN_YEAR, readDateValue } from './dates';
import { normalizeLoose } from './text';
import { GRADES, type CellRef, type DateStyle, type Finding, type Grade, type Ruleset, type SettingKey, type SettingOrigin, type SettingRow, type Source, type Text } from './types';
import { parseGrade } from './scale';
import { isBlank, readDecimal, showValue, textOf } from './values';

export const DEFAULT_ISSUER = '中共××党委办公室';
/** GB/T 9704-2012 body font; 公文字体 may name 仿宋 where 仿宋_GB2312 is not installed. */
export const DEFAULT_DOCUMENT_FONT = '仿宋_GB2312';
/** 请示主送 by default: the Party committee that approves the 先进党支部 (SPEC §8). */
export const DEFAULT_REQUEST_ADDRESSEE = '院党委';

/** SPEC §3 and §4.3 defaults; year null (unknown). */
export function defaultRuleset(): Ruleset {
  return {
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
    issuer: DEFAULT_ISSUER,
    documentFont: DEFAULT_DOCUMENT_FONT,
    dateStyle: 'arabic',
    requestAddressee: DEFAULT_REQUEST_ADDRESSEE,
  };
}

export const SETTING_KEYS: readonly SettingKey[] = [
  '年度',
  '优秀系数',
  '较好系数',
  '一般系数',
  '差系数',
  '组织考核权重',
  '民主测评权重',
  '自评权重',
  '优秀分数线',
  '较好分数线',
  '一般分数线',
  '总分小数位',
  '排名方式',
  '民主测评最少份数',
  '加减分上限',
  '先进推荐名额',
  '空白评分',
  '发文单位',
  '公文字体',
  '日期格式',
  '成文日期',
  '通报写连续优秀',
  '问卷选项顺序',
  '发文机关标志',
  '发文字号',
  '签发人',
  '抄送',
  '印发机关',
  '请示主送',
];

const KEY_OF = new Map<string, SettingKey>(SETTING_KEYS.map((k) => [normalizeLoose(k), k]));

/** A settings key as written ("优秀系数：", "优秀 系数") → its SettingKey; undefined when unknown. */
export function settingKeyOf(text: string): SettingKey | undefined {
  return KEY_OF.get(normalizeLoose(text));
}

const RANKING_WORDS = new Map<string, Ruleset['ranking']>([
  ['并列占位', 'competition'],
  ['competition', 'competition'],
  ['并列不占位', 'dense'],
  ['dense', 'dense'],
]);
const YES_NO = new Map<string, boolean>([
  ['是', true],
  ['写', true],
  ['yes', true],
  ['true', true],
  ['否', false],
  ['不写', false],
  ['no', false],
  ['false', false],
]);

const BLANK_WORDS = new Map<string, Ruleset['blank']>([
  ['空白视为弃权', 'abstain'],
  ['弃权', 'abstain'],
  ['abstain', 'abstain'],
  ['空白视为错误', 'error'],
  ['错误', 'error'],
  ['error', 'error'],
]);

/** 日期格式: a style word or an example date in that style. */
const DATE_WORDS = new Map<string, DateStyle>([
  ['阿拉伯数字', 'arabic'],
  ['数字', 'arabic'],
  ['arabic', 'arabic'],
  ['汉字', 'chinese'],
  ['汉字数字', 'chinese'],
  ['中文数字', 'chinese'],
  ['中文', 'chinese'],
  ['chinese', 'chinese'],
]);

function readDateStyle(row: SettingRow): DateStyle | null {
  const t = normalizeLoose(textOf(row.value));
  const word = DATE_WORDS.get(t);
  if (word) return word;
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) return 'arabic';
  if (/^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(t)) return 'chinese';
  return null;
}

/** 问卷选项顺序: the four grades in the order the questionnaire lists its options ("优秀,较好,一般,差"). */
function readOptionOrder(row: SettingRow): Grade[] | null {
  const parts = textOf(row.value).split(/[,，、;；/／\s]+/).filter((p) => p !== '');
  const grades = parts.map((p) => parseGrade(p)).map((g) => (g.kind === 'grade' ? g.grade : null));
  if (grades.length !== GRADES.length || grades.some((g) => g === null) || new Set(grades).size !== GRADES.length) return null;
  return grades as Grade[];
}

/** 公文字体: a font name as Word stores it (at most 31 characters, no control characters). */
function readFont(row: SettingRow): string | null {
  const t = textOf(row.value); // trimmed already
  return t !== '' && t.length <= 31 && !/[\u0000-\u001f]/.test(t) ? t : null;
}

/** A name printed on a document (发文机关标志, 印发机关, 请示主送): one line of text, not too long. */
function readName(row: SettingRow, max: number): string | null {
  const t = textOf(row.value);
  return t !== '' && t.length <= max && !/[\u0000-\u001f]/.test(t) ? t : null;
}

/**
 * 发文字号 (GB/T 9704-2012 7.2.4): 机关代字, the year in 〔〕 and the number with 号, no leading zeros.
 * [2026], (2026), 【2026】 are written as 〔2026〕; "院党办〔2026〕03号" → "院党办〔2026〕3号".
 */
export function readDocumentNumber(text: string): string | null {
  const m = /^([^\s〔〕\[\]［］()（）【】]{0,20})\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*第?\s*(\d{1,5})\s*号$/.exec(text.trim());
  if (!m || Number(m[3]) === 0) return null;
  return `${m[1]}〔${m[2]}〕${Number(m[3])}号`;
}

/** 抄送: offices separated by 、，, ; or new lines; the list keeps their order. */
function readOffices(row: SettingRow): string[] | null {
  const names = textOf(row.value)
    .split(/[、，,；;\r\n]+/)
    .map((n) => n.trim().replace(/[。.]$/, ''))
    .filter((n) => n !== '');
  return names.length > 0 && names.length <= 30 && names.every((n) => n.length <= 40) ? names : null;
}

const COEFFICIENT: Record<string, Grade> = { 优秀系数: '优秀', 较好系数: '较好', 一般系数: '一般', 差系数: '差' };
const WEIGHT: Record<string, Source> = { 组织考核权重: '组织考核', 民主测评权重: '民主测评', 自评权重: '自评' };
const THRESHOLD: Record<string, '优秀' | '较好' | '一般'> = { 优秀分数线: '优秀', 较好分数线: '较好', 一般分数线: '一般' };

/** What each kind of value allows, for the message. */
const ALLOWED = {
  year: { zh: '应为四位年份，如 2026 或 2026年', en: 'enter a four-digit year such as 2026' },
  documentDate: {
    zh: `应为 ${MIN_YEAR}–${MAX_YEAR} 年间的日期，如 2026-12-31 或 2026年12月31日；不填则为当天`,
    en: `enter a date between ${MIN_YEAR} and ${MAX_YEAR} such as 2026-12-31 or 2026年12月31日; blank means today`,
  },
  coefficient: { zh: '应为大于 0 且不大于 1 的小数，如 0.85 或 85%', en: 'enter a fraction above 0 and at most 1, such as 0.85 or 85%' },
  weight: { zh: '应为 0 到 100% 之间的比例，如 60%、0.6 或 60', en: 'enter a share between 0 and 100%, such as 60%, 0.6 or 60' },
  threshold: { zh: '应为 0 到 100 之间的分数', en: 'enter a score between 0 and 100' },
  decimals: { zh: '应为 0、1 或 2', en: 'enter 0, 1 or 2' },
  ranking: { zh: '应为“并列占位”或“并列不占位”', en: 'enter 并列占位 (1, 2, 2, 4) or 并列不占位 (1, 2, 2, 3)' },
  count: { zh: '应为不小于 0 的整数', en: 'enter a whole number ≥ 0' },
  cap: { zh: '应为不小于 0 的数', en: 'enter a number ≥ 0' },
  blank: { zh: '应为“空白视为弃权”或“空白视为错误”', en: 'enter 空白视为弃权 (blank = abstention) or 空白视为错误 (blank = error)' },
  issuer: { zh: '应为发文单位名称', en: 'enter the issuing office' },
  optionOrder: {
    zh: '应为问卷中四个选项的顺序，用逗号分开，如 优秀,较好,一般,差',
    en: 'enter the four options in the order of the questionnaire, separated by commas, such as 优秀,较好,一般,差',
  },
  font: { zh: '应为字体名称（不超过 31 个字符），如 仿宋_GB2312 或 仿宋', en: 'enter a font name (at most 31 characters) such as 仿宋_GB2312 or 仿宋' },
  letterhead: { zh: '应为发文机关标志（一行，不超过 30 个字），如 中共××研究院委员会办公室文件', en: 'enter the issuing authority mark (one line, at most 30 characters)' },
  documentNumber: { zh: '应为发文字号，如 院党办〔2026〕3号（年份用六角括号，序号后加“号”）', en: 'enter a document number such as 院党办〔2026〕3号 (the year in 〔〕, the number followed by 号)' },
  offices: { zh: '应为抄送机关名称，多个用顿号或逗号分开', en: 'enter the offices, separated by 、 or commas' },
  signer: { zh: '应为签发人姓名（一行，不超过 20 个字），如 张三', en: 'enter the signer’s name (one line, at most 20 characters)' },
  printer: { zh: '应为印发机关名称（不超过 40 个字）', en: 'enter the printing office (at most 40 characters)' },
  requestAddressee: { zh: '应为请示的主送机关（不超过 40 个字），如 院党委', en: 'enter whom the request is addressed to (at most 40 characters), such as 院党委' },
  yesNo: { zh: '应为“是”或“否”', en: 'enter 是 (yes) or 否 (no)' },
  dateStyle: {
    zh: '应为“阿拉伯数字”（2026年12月31日）或“汉字”（二〇二六年十二月三十一日）',
    en: 'enter 阿拉伯数字 (2026年12月31日) or 汉字 (二〇二六年十二月三十一日)',
  },
} satisfies Record<string, Text>;

function isWhole(r: Rational): boolean {
  return r.d === 1n;
}

function inRange(r: Rational, lo: number, hi: number): boolean {
  return compare(r, fromInt(lo)) >= 0 && compare(r, fromInt(hi)) <= 0;
}

/** 年度: a number 2026, or text "2026", "2026年", "2026年度". */
function readYear(row: SettingRow): number | null {
  const m = /^(\d{4})(年度?)?$/.exec(normalizeLoose(textOf(row.value)));
  return m ? Number(m[1]) : null;
}

/**
 * A weight: "60%", 0.6 and 60 all mean 60%; a plain number above 1 is a percentage. "150%" is 150%, too
 * much, not 1.5%.
 */
function readWeight(row: SettingRow): Rational | null {
  const plain = readDecimal(row.value);
  const share = plain === null ? readDecimal(row.value, true) : compare(plain, ONE) > 0 ? rational(plain.n, plain.d * 100n) : plain;
  return share !== null && compare(share, ZERO) >= 0 && compare(share, ONE) <= 0 ? share : null;
}

/** A coefficient: 0.85 or 85%, in (0, 1]. */
function readCoefficient(row: SettingRow): Rational | null {
  const r = readDecimal(row.value, true);
  return r !== null && compare(r, ZERO) > 0 && compare(r, ONE) <= 0 ? r : null;
}

function readWhole(row: SettingRow, lo: number, hi: number): number | null {
  const r = readDecimal(row.value);
  return r !== null && isWhole(r) && inRange(r, lo, hi) ? Number(r.n) : null;
}

/** Parse one row into `rs`; what is allowed when the value is not. */
function apply(key: SettingKey, row: SettingRow, rs: Ruleset): Text | null {
  if (key === '年度') {
    const y = readYear(row);
    if (y === null) return ALLOWED.year;
    rs.year = y;
  } else if (key in COEFFICIENT) {
    const c = readCoefficient(row);
    if (c === null) return ALLOWED.coefficient;
    rs.scale[COEFFICIENT[key]] = toNumber(c);
  } else if (key in WEIGHT) {
    const w = readWeight(row);
    if (w === null) return ALLOWED.weight;
    rs.weights[WEIGHT[key]] = toNumber(w);
  } else if (key in THRESHOLD) {
    const t = readDecimal(row.value);
    if (t === null || !inRange(t, 0, 100)) return ALLOWED.threshold;
    rs.thresholds[THRESHOLD[key]] = toNumber(t);
  } else if (key === '总分小数位') {
    const d = readWhole(row, 0, 2);
    if (d === null) return ALLOWED.decimals;
    rs.decimals = d;
  } else if (key === '排名方式') {
    const m = RANKING_WORDS.get(normalizeLoose(textOf(row.value)));
    if (!m) return ALLOWED.ranking;
    rs.ranking = m;
  } else if (key === '空白评分') {
    const b = BLANK_WORDS.get(normalizeLoose(textOf(row.value)));
    if (!b) return ALLOWED.blank;
    rs.blank = b;
  } else if (key === '加减分上限') {
    const c = readDecimal(row.value);
    if (c === null || compare(c, ZERO) < 0) return ALLOWED.cap;
    rs.adjustmentCap = toNumber(c);
  } else if (key === '民主测评最少份数' || key === '先进推荐名额') {
    const n = readWhole(row, 0, 1_000_000);
    if (n === null) return ALLOWED.count;
    if (key === '民主测评最少份数') rs.minDemocraticForms = n;
    else rs.advancedQuota = n;
  } else if (key === '发文单位') {
    const t = textOf(row.value);
    if (t === '') return ALLOWED.issuer;
    rs.issuer = t;
  } else if (key === '公文字体') {
    const f = readFont(row);
    if (f === null) return ALLOWED.font;
    rs.documentFont = f;
  } else if (key === '问卷选项顺序') {
    const o = readOptionOrder(row);
    if (o === null) return ALLOWED.optionOrder;
    rs.optionOrder = o;
  } else if (key === '成文日期') {
    const d = readDateValue(row.value);
    if (d === null) return ALLOWED.documentDate;
    rs.documentDate = d;
  } else if (key === '通报写连续优秀') {
    const v = typeof row.value === 'boolean' ? row.value : YES_NO.get(normalizeLoose(textOf(row.value)).toLowerCase());
    if (v === undefined) return ALLOWED.yesNo;
    rs.consecutiveExcellent = v;
  } else if (key === '日期格式') {
    const d = readDateStyle(row);
    if (d === null) return ALLOWED.dateStyle;
    rs.dateStyle = d;
  } else if (key === '发文机关标志') {
    const t = readName(row, 30);
    if (t === null) return ALLOWED.letterhead;
    rs.letterhead = t;
  } else if (key === '发文字号') {
    const n = readDocumentNumber(textOf(row.value));
    if (n === null) return ALLOWED.documentNumber;
    rs.documentNumber = n;
  } else if (key === '签发人') {
    const t = readName(row, 20);
    if (t === null) return ALLOWED.signer;
    rs.signer = t;
  } else if (key === '抄送') {
    const o = readOffices(row);
    if (o === null) return ALLOWED.offices;
    rs.cc = o;
  } else if (key === '印发机关') {
    const t = readName(row, 40);
    if (t === null) return ALLOWED.printer;
    rs.printer = t;
  } else if (key === '请示主送') {
    const t = readName(row, 40);
    if (t === null) return ALLOWED.requestAddressee;
    rs.requestAddressee = t;
  }
  return null;
}

/** Exact percentage text of a fraction: 0.6 → "60%". */
function percentOf(x: number): string {
  const r = fromNumber(x);
  return `${toNumber({ n: r.n * 100n, d: r.d })}%`;
}

/** The effective value of a key as a user reads it. */
export function displaySetting(key: SettingKey, rs: Ruleset): string {
  if (key === '年度') return rs.year === null ? '' : String(rs.year);
  if (key in COEFFICIENT) return String(rs.scale[COEFFICIENT[key]]);
  if (key in WEIGHT) return percentOf(rs.weights[WEIGHT[key]]);
  if (key in THRESHOLD) return String(rs.thresholds[THRESHOLD[key]]);
  switch (key) {
    case '总分小数位':
      return String(rs.decimals);
    case '排名方式':
      return rs.ranking === 'competition' ? '并列占位' : '并列不占位';
    case '民主测评最少份数':
      return String(rs.minDemocraticForms);
    case '加减分上限':
      return String(rs.adjustmentCap);
    case '先进推荐名额':
      return String(rs.advancedQuota);
    case '空白评分':
      return rs.blank === 'abstain' ? '空白视为弃权' : '空白视为错误';
    case '公文字体':
      return rs.documentFont ?? DEFAULT_DOCUMENT_FONT;
    case '日期格式':
      return rs.dateStyle === 'chinese' ? '汉字' : '阿拉伯数字';
    case '成文日期':
      return rs.documentDate ?? '';
    case '通报写连续优秀':
      return rs.consecutiveExcellent ? '是' : '否';
    case '问卷选项顺序':
      return rs.optionOrder ? rs.optionOrder.join(',') : '';
    case '发文机关标志':
      return rs.letterhead ?? '';
    case '发文字号':
      return rs.documentNumber ?? '';
    case '签发人':
      return rs.signer ?? '';
    case '抄送':
      return rs.cc ? rs.cc.join('、') : '';
    case '印发机关':
      return rs.printer ?? '';
    case '请示主送':
      return rs.requestAddressee ?? DEFAULT_REQUEST_ADDRESSEE;
    default:
      return rs.issuer;
  }
}

/** Cross checks once every row is read: weights sum to 1, coefficients and thresholds descend. */
function crossCheck(rs: Ruleset, refs: Map<SettingKey, CellRef>, sheet: string): Finding[] {
  const firstRef = (keys: SettingKey[]) => keys.map((k) => refs.get(k)).find((r) => r !== undefined) ?? { sheet };
  const findings: Finding[] = [];
  const weightKeys: SettingKey[] = ['组织考核权重', '民主测评权重', '自评权重'];
  const total = weightKeys.reduce((acc, k) => add(acc, fromNumber(rs.weights[WEIGHT[k]])), ZERO);
  if (compare(total, ONE) !== 0) {
    const parts = weightKeys.map((k) => `${WEIGHT[k]} ${percentOf(rs.weights[WEIGHT[k]])}`);
    findings.push(msg.settingsWeightsSum(firstRef(weightKeys), parts, percentOf(toNumber(total))));
  }
  const s = rs.scale;
  if (!(s.优秀 >= s.较好 && s.较好 >= s.一般 && s.一般 >= s.差)) {
    const ref = firstRef(['优秀系数', '较好系数', '一般系数', '差系数']);
    const values = `${s.优秀} / ${s.较好} / ${s.一般} / ${s.差}`;
    findings.push(msg.settingsOrder(ref, { zh: '等级系数', en: 'grade coefficients' }, values));
  }
  const t = rs.thresholds;
  if (!(t.优秀 > t.较好 && t.较好 > t.一般)) {
    const ref = firstRef(['优秀分数线', '较好分数线', '一般分数线']);
    const values = `${t.优秀} / ${t.较好} / ${t.一般}`;
    findings.push(msg.settingsOrder(ref, { zh: '分数线', en: 'score thresholds' }, values));
  }
  return findings;
}

/**
 * A settings sheet's rows over the defaults (SPEC §4.3). A blank value keeps the default. Unknown keys and
 * bad values are invalid-settings errors that block every branch; the ruleset then keeps the default for
 * that key.
 */
export function parseSettings(
  rows: SettingRow[],
  sheet: string,
): { ruleset: Ruleset; origins: SettingOrigin[]; findings: Finding[] } {
  const rs = defaultRuleset();
  const refs = new Map<SettingKey, CellRef>(); // value cells of the keys the sheet set
  const seen = new Map<SettingKey, CellRef>(); // key cells, for duplicates
  const findings: Finding[] = [];
  for (const row of rows) {
    const keyText = textOf(row.key);
    if (keyText === '') {
      if (!isBlank(row.value)) findings.push(msg.settingsValueWithoutKey(row.valueRef, showValue(row.value)));
      continue;
    }
    const key = settingKeyOf(keyText);
    if (!key) {
      findings.push(msg.settingsUnknownKey(row.keyRef, keyText, SETTING_KEYS));
      continue;
    }
    const first = seen.get(key);
    if (first) {
      findings.push(msg.settingsDuplicateKey(row.keyRef, key, first));
      continue;
    }
    seen.set(key, row.keyRef);
    if (isBlank(row.value)) continue;
    const bad = apply(key, row, rs);
    if (bad) findings.push(msg.settingsBadValue(row.valueRef, key, showValue(row.value), bad));
    else refs.set(key, row.valueRef);
  }
  findings.push(...crossCheck(rs, refs, sheet));
  const origins = SETTING_KEYS.map((key): SettingOrigin => {
    const ref = refs.get(key);
    return ref ? { key, display: displaySetting(key, rs), ref } : { key, display: displaySetting(key, rs) };
  });
  return { ruleset: rs, origins, findings };
}
