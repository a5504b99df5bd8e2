/**
 * Words written into the output sheets, by language. Grades stay Chinese in both languages: they are the
 * policy's band names and the values of the JSON report; only labels and headers are translated.
 */
import type { FindingCode, Lang, Severity, SourceScoreKey, Text } from '../../core/types';

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
    zh: '说明：均值为有效评分系数的平均值（票数按份计，显示 4 位小数）；加权得分 = 分值 × Σ(权重 × 均值)；合计行的“均值”列为该方式得分（0–100），“加权得分”为加减分前的合计，总分 = 合计 + 加减分。',
    en: 'Mean = average coefficient of the valid ratings (votes count as forms; 4 decimals shown); weighted score = points × Σ(weight × mean); on each total row the mean columns hold the source scores (0–100), the weighted column the sum before adjustments, and total score = that sum + adjustment.',
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
    zh: `共 ${e + w + i} 项：错误 ${e} 项（相关党支部暂不评定）、警告 ${w} 项、提示 ${i} 项。`,
    en: `${e + w + i} findings: ${e} error(s) (the branches concerned are not graded), ${w} warning(s), ${i} info.`,
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

/** Short names of the finding codes, for the count table of the checks sheet. */
export const CODE_NAME: Record<FindingCode, Text> = {
  'invalid-rating': { zh: '评分无效', en: 'Invalid rating' },
  'invalid-count': { zh: '票数无效', en: 'Invalid vote count' },
  'unknown-branch': { zh: '党支部不在名单中', en: 'Unknown branch' },
  'unknown-source': { zh: '无法确定考核方式', en: 'Unknown source' },
  'missing-source': { zh: '缺少考核方式', en: 'Missing source' },
  'missing-indicator': { zh: '指标无有效评分', en: 'Indicator not rated' },
  'orphan-row': { zh: '评分行缺少党支部', en: 'Row without branch' },
  'invalid-catalogue': { zh: '指标目录有误', en: 'Invalid catalogue' },
  'invalid-settings': { zh: '考核参数有误', en: 'Invalid settings' },
  'invalid-adjustment': { zh: '加减分无效', en: 'Invalid adjustment' },
  'too-many-forms': { zh: '测评表多于党员人数', en: 'More forms than members' },
  'missing-rating': { zh: '评分空白', en: 'Blank rating' },
  'unmapped-column': { zh: '无法对应指标的列', en: 'Unmapped column' },
  'tally-mismatch': { zh: '票数合计不一致', en: 'Tally mismatch' },
  'low-participation': { zh: '参评人数偏少', en: 'Low participation' },
  'no-nonparty-raters': { zh: '无党外群众参评', en: 'No non-party raters' },
  'duplicate-rater': { zh: '测评人重复', en: 'Duplicate rater' },
  'formula-not-overwritten': { zh: '公式单元格未覆盖', en: 'Formula not overwritten' },
  'no-roster': { zh: '无支部名单', en: 'No roster' },
  'sheet-renamed': { zh: '输出表已改名', en: 'Output sheet renamed' },
  'uniform-form': { zh: '整表评分相同', en: 'Uniform form' },
  'legacy-format': { zh: '旧版文件格式', en: 'Legacy file format' },
  'self-gap': { zh: '自评明显偏高', en: 'Self score far above total' },
  'ignored-sheet': { zh: '未识别的工作表', en: 'Sheet not recognised' },
  'skipped-row': { zh: '含评分的行未读取', en: 'Skipped row with ratings' },
  'possible-double-count': { zh: '可能重复计票', en: 'Possible double count' },
  'advanced-tie': { zh: '先进名额处并列', en: 'Tie at the advanced cap' },
  'no-ratings': { zh: '尚无评分', en: 'No ratings yet' },
  'derived-tally': { zh: '公式汇总的票数表', en: 'Derived tally' },
};
