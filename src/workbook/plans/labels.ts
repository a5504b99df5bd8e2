/**
 * Words written into the output sheets, by language. Grades stay Chinese in both languages: they are the
 * policy's band names and the values of the JSON report; only labels and headers are translated.
 */
import { FINDING_CODES, type FindingCode, type Lang, type Severity, type SourceScoreKey, type Text } from '../../core/types';
import { bilingual } from '../terms';

export function pick(t: Text, lang: Lang): string {
  return t[lang];
}

export const SUMMARY = {
  title: (year: number | null): Text => ({
    zh: `${year === null ? '' : `${year}年度`}党支部工作目标管理考核汇总表`,
    en: `${year === null ? '' : `${year} `}Party Branch Target Management Assessment: Summary`,
  }),
  index: { zh: '序号', en: 'No.' },
  group: { zh: '所属总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Branch' },
  org: { zh: '组织考核', en: 'Organisational' },
  dem: { zh: '民主测评', en: 'Democratic' },
  self: { zh: '自评(参考)', en: 'Self (reference)' },
  adjustment: { zh: '加减分', en: 'Adjustment' },
  total: { zh: '总分', en: 'Total' },
  grade: { zh: '等级', en: 'Grade' },
  rank: { zh: '排名', en: 'Rank' },
  previousTotal: { zh: '上年总分', en: "Last year's total" },
  previousGrade: { zh: '上年等级', en: "Last year's grade" },
  previousRank: { zh: '上年名次', en: "Last year's rank" },
  rankChange: { zh: '名次变化', en: 'Rank change' },
  status: { zh: '状态', en: 'Status' },
  notes: { zh: '备注', en: 'Notes' },
  graded: { zh: '已评定', en: 'Graded' },
  incomplete: { zh: '待补充', en: 'Incomplete' },
  noFigures: { zh: '数据不全，不列分项得分（部分数据见计算明细）', en: 'incomplete data: no subtotals shown (partial figures in the calculation details)' },
  tiedNote: (rank: number): Text => ({ zh: `并列第${rank}名`, en: `tied at rank ${rank}` }),
  /** number format of a tied rank: the value stays a number (sortable), the marker shows */
  tiedFormat: { zh: '0"（并列）"', en: '0" (tied)"' },
  category: (name: string, points: string): Text => ({ zh: `${name}(${points}分)`, en: `${name} (${points} pts)` }),
} satisfies Record<string, unknown>;

export const DETAILS = {
  title: (year: number | null): Text => ({
    zh: `${year === null ? '' : `${year}年度`}党支部工作目标管理考核计算明细`,
    en: `${year === null ? '' : `${year} `}Party Branch Assessment: Calculation Details`,
  }),
  branch: { zh: '党支部', en: 'Branch' },
  code: { zh: '编号', en: 'Code' },
  text: { zh: '考核内容', en: 'Indicator' },
  points: { zh: '分值', en: 'Points' },
  forms: { zh: '份数', en: 'Forms' },
  mean: { zh: '均值', en: 'Mean' },
  weighted: { zh: '加权得分', en: 'Weighted score' },
  subtotal: { zh: '合计', en: 'Total' },
  subtotalIncomplete: { zh: '合计（数据不全，待补充）', en: 'Total (incomplete data, not graded)' },
  adjustment: { zh: '加减分', en: 'Adjustment' },
  total: { zh: '总分', en: 'Total score' },
  note: {
    zh: '说明：均值为有效评分系数的平均值（票数按份计，保留 4 位小数，显示 2–4 位）；加权得分 = 分值 × Σ(权重 × 均值)；合计行的“均值”列为该方式得分（0–100），“加权得分”为加减分前的合计，总分 = 合计 + 加减分。',
    en: 'Mean = average coefficient of the valid ratings (votes count as forms; kept to 4 decimals, 2–4 shown); weighted score = points × Σ(weight × mean); on each total row the mean columns hold the source scores (0–100), the weighted column the sum before adjustments, and total score = that sum + adjustment.',
  },
} satisfies Record<string, unknown>;

export const SOURCE_LABEL: Record<SourceScoreKey, Text> = {
  组织考核: { zh: '组织考核', en: 'Organisational' },
  民主测评: { zh: '民主测评', en: 'Democratic' },
  自评: { zh: '自评(全年)', en: 'Self (annual)' },
  '自评(半年)': { zh: '自评(半年)', en: 'Self (half-year)' },
};

export const CHECKS = {
  title: { zh: '校验问题', en: 'Checks' },
  none: { zh: '未发现问题。', en: 'No problems found.' },
  counts: (e: number, w: number, i: number): Text => ({
    zh: `共 ${e + w + i} 项：${e ? `错误 ${e} 项（相关党支部暂不评定）` : '没有错误'}、警告 ${w} 项、提示 ${i} 项。`,
    en: `${e + w + i} findings: ${e ? `${e} error(s) (the branches concerned are not graded)` : 'no errors'}, ${w} warning(s), ${i} info.`,
  }),
  severity: { zh: '级别', en: 'Severity' },
  code: { zh: '代码', en: 'Code' },
  name: { zh: '问题类型', en: 'Kind' },
  count: { zh: '数量', en: 'Count' },
  sheet: { zh: '工作表', en: 'Sheet' },
  cell: { zh: '单元格', en: 'Cell' },
  branch: { zh: '党支部', en: 'Branch' },
  indicator: { zh: '指标', en: 'Indicator' },
  message: { zh: '说明', en: 'Message' },
  suggestion: { zh: '建议', en: 'Suggestion' },
} satisfies Record<string, unknown>;

export const SEVERITY_LABEL: Record<Severity, Text> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

/** Short names of the finding codes, for the count table of the checks sheet: the same words as the pane's. */
export const CODE_NAME: Record<FindingCode, Text> = Object.fromEntries(
  FINDING_CODES.map((code) => [code, bilingual((t) => t.findingCodes[code])]),
) as Record<FindingCode, Text>;
