/**
 * Every string of the task pane's chrome, in Chinese and English. Components take a `Strings` table and
 * never hold literals, so switching to English leaves no Chinese in the UI (workbook data such as branch
 * and sheet names stays as written).
 */
import type { FindingCode, Grade, Lang, SettingKey, Severity, Text } from '../core/types';

export type StepId = 'read' | 'check' | 'compute' | 'write';
export type TabId = 'grade' | 'checks' | 'export' | 'template' | 'settings';

export interface Strings {
  appTitle: string;
  /** after a label: full-width in Chinese */
  colon: string;
  /** between items of a list of names */
  listSep: string;
  langSwitchLabel: string;
  /** the other language's name, shown on the switch in that language */
  otherLangName: string;
  tabs: Record<TabId, string>;
  tabListLabel: string;
  steps: Record<StepId, string>;
  stepOf: (i: number, n: number, label: string) => string;
  grades: Record<Grade, string>;
  severities: Record<Severity, string>;
  findingCodes: Record<FindingCode, string>;
  settingKeys: Record<SettingKey, string>;

  // grade tab
  gradeButton: string;
  regradeButton: string;
  gradeIntro: string;
  openWorkbook: string;
  openWorkbookHint: string;
  openedFile: (name: string) => string;
  downloadGraded: string;
  gradedFileName: (stem: string) => string;
  gradeCountsTitle: string;
  gradeCountsLabel: string;
  gradeCountItem: (grade: string, n: number) => string;
  branchesTitle: string;
  colBranch: string;
  colTotal: string;
  colGrade: string;
  colRank: string;
  colStatus: string;
  statusGraded: string;
  statusIncomplete: string;
  rankValue: (rank: number, tied: boolean) => string;
  doneOk: (graded: number, total: number) => string;
  doneWithErrors: (errors: number, blocked: number) => string;
  doneTitle: string;
  errorsTitle: string;
  fatalTitle: string;
  nothingRecognised: string;
  noWorkbookYet: string;
  needGradeFirst: string;
  busy: string;

  // checks tab
  runChecks: string;
  checksIntro: string;
  noFindings: string;
  findingsLabel: string;
  moreFindings: (n: number) => string;
  branchLabel: string;
  indicatorLabel: string;
  suggestionLabel: string;
  candidatesLabel: string;
  goToCell: (address: string) => string;
  selectedCell: string;
  highlight: string;
  clearHighlight: string;
  highlighted: (n: number) => string;
  highlightCleared: string;
  addDropDowns: string;
  dropDownsAdded: (n: number) => string;
  dropDownsUnsupported: string;
  dropDownsNone: string;
  standaloneCellHint: string;

  // export tab
  exportIntro: string;
  exportNewWorkbook: string;
  exportOpened: string;
  exportUnsupported: string;
  downloadXlsx: string;
  downloadNotificationCsv: string;
  downloadSummaryCsv: string;
  exportPdf: string;
  pdfUnsupported: string;
  downloaded: (name: string) => string;
  exportFileStem: string;
  notificationFileStem: string;
  summaryFileStem: string;

  // template tab
  templateIntro: string;
  yearLabel: string;
  addMissingSheets: string;
  addedSheets: (names: string[]) => string;
  noMissingSheets: string;
  nextYearWorkbook: string;
  nextYearDone: (year: number, branches: number) => string;
  downloadTemplate: string;
  downloadSample: string;
  templateFileName: (year: number) => string;
  sampleFileName: string;

  // settings tab
  settingsIntro: string;
  settingsTableLabel: string;
  originDefault: string;
  save: string;
  valueFor: (key: string) => string;
  settingSaved: (key: string) => string;
  sheetKeyLabel: string;

  genericError: (detail: string) => string;
}

const zh: Strings = {
  appTitle: '党支部工作目标管理考核',
  colon: '：',
  listSep: '、',
  langSwitchLabel: '切换语言',
  otherLangName: 'English',
  tabs: { grade: '计算等级', checks: '校验', export: '导出', template: '模板', settings: '设置' },
  tabListLabel: '功能',
  steps: { read: '读取', check: '校验', compute: '计算', write: '写入' },
  stepOf: (i, n, label) => `第 ${i}/${n} 步：${label}`,
  grades: { 优秀: '优秀', 较好: '较好', 一般: '一般', 差: '差' },
  severities: { error: '错误', warning: '警告', info: '提示' },
  findingCodes: {
    'invalid-rating': '评分无效',
    'invalid-count': '票数无效',
    'unknown-branch': '未知党支部',
    'unknown-source': '无法确定考核方式',
    'missing-source': '缺少考核方式',
    'missing-indicator': '缺少指标评分',
    'orphan-row': '缺少党支部的评分行',
    'invalid-catalogue': '指标目录有误',
    'invalid-settings': '考核参数有误',
    'invalid-adjustment': '加减分无效',
    'too-many-forms': '测评表多于党员人数',
    'missing-rating': '空白评分',
    'unmapped-column': '无法对应的列',
    'tally-mismatch': '票数合计不一致',
    'low-participation': '参评人数偏少',
    'no-nonparty-raters': '缺少党外代表测评',
    'duplicate-rater': '重复测评人',
    'formula-not-overwritten': '公式单元格未覆盖',
    'no-roster': '缺少支部名单',
    'sheet-renamed': '结果写入了新工作表',
    'uniform-form': '整表同一等级',
    'legacy-format': '旧版文件格式',
    'self-gap': '自评明显偏高',
    'ignored-sheet': '未识别的工作表',
    'skipped-row': '含评分但未读取的行',
    'possible-double-count': '可能重复计票',
    'advanced-tie': '先进名额处并列',
    'no-ratings': '尚无评分',
    'derived-tally': '由公式汇总的票数表',
  },
  settingKeys: {
    年度: '年度',
    优秀系数: '优秀系数',
    较好系数: '较好系数',
    一般系数: '一般系数',
    差系数: '差系数',
    组织考核权重: '组织考核权重',
    民主测评权重: '民主测评权重',
    自评权重: '自评权重',
    优秀分数线: '优秀分数线',
    较好分数线: '较好分数线',
    一般分数线: '一般分数线',
    总分小数位: '总分小数位',
    排名方式: '排名方式',
    民主测评最少份数: '民主测评最少份数',
    加减分上限: '加减分上限',
    先进推荐名额: '先进推荐名额',
    空白评分: '空白评分',
    发文单位: '发文单位',
    公文字体: '公文字体',
    日期格式: '日期格式',
    问卷选项顺序: '问卷选项顺序',
  },

  gradeButton: '计算等级',
  regradeButton: '重新计算',
  gradeIntro: '读取本工作簿的评分，校验后计算各党支部的总分、等级和名次，并写入汇总、通报、校验问题和计算明细工作表。',
  openWorkbook: '打开工作簿',
  openWorkbookHint: '选择一个 .xlsx 工作簿。文件只在本机处理，不会上传。',
  openedFile: (name) => `已打开：${name}`,
  downloadGraded: '下载考核结果',
  gradedFileName: (stem) => `${stem}-考核结果.xlsx`,
  gradeCountsTitle: '各等级数量',
  gradeCountsLabel: '各等级党支部数量',
  gradeCountItem: (grade, n) => `${grade}：${n} 个`,
  branchesTitle: '各党支部结果',
  colBranch: '党支部',
  colTotal: '总分',
  colGrade: '等级',
  colRank: '名次',
  colStatus: '状态',
  statusGraded: '已评定',
  statusIncomplete: '待补充',
  rankValue: (rank, tied) => (tied ? `${rank}（并列）` : String(rank)),
  doneOk: (graded, total) => `已评定 ${graded}/${total} 个党支部，结果已写入工作簿。`,
  doneWithErrors: (errors, blocked) => `发现 ${errors} 个错误，${blocked} 个党支部待补充；其余结果已写入。请在“校验”中查看。`,
  doneTitle: '完成',
  errorsTitle: '有待补充的数据',
  fatalTitle: '无法计算',
  nothingRecognised: '没有识别到评分表。请检查表头，或在“模板”中添加标准工作表。',
  noWorkbookYet: '请先打开一个工作簿。',
  needGradeFirst: '请先在“计算等级”中计算，或运行校验。',
  busy: '正在处理…',

  runChecks: '运行校验',
  checksIntro: '只校验，不写入工作簿。',
  noFindings: '没有发现问题。',
  findingsLabel: '校验问题',
  moreFindings: (n) => `另有 ${n} 条未列出，完整列表见“校验问题”工作表。`,
  branchLabel: '党支部',
  indicatorLabel: '指标',
  suggestionLabel: '建议',
  candidatesLabel: '相近名称',
  goToCell: (a) => `转到单元格 ${a}`,
  selectedCell: '请在工作簿中找到单元格',
  highlight: '标出问题单元格',
  clearHighlight: '清除标记',
  highlighted: (n) => `已标出 ${n} 处问题单元格。`,
  highlightCleared: '已清除标记。',
  addDropDowns: '为评分单元格添加下拉列表',
  dropDownsAdded: (n) => `已为 ${n} 个区域添加下拉列表。`,
  dropDownsUnsupported: '当前 Excel 版本不支持通过加载项添加下拉列表，请使用“数据 → 数据验证”。',
  dropDownsNone: '没有找到需要添加下拉列表的评分区域。',
  standaloneCellHint: '在 Excel 中打开该工作簿，按 Ctrl+G 转到此单元格。',

  exportIntro: '将考核汇总和考核结果通报另存为新工作簿（只含数值，不含原始评分），或下载 CSV、PDF。',
  exportNewWorkbook: '导出为新工作簿',
  exportOpened: '已在新窗口中打开导出的工作簿。',
  exportUnsupported: '当前 Excel 版本不能直接新建工作簿，已改为下载文件。',
  downloadXlsx: '下载 .xlsx',
  downloadNotificationCsv: '下载通报 CSV',
  downloadSummaryCsv: '下载汇总 CSV',
  exportPdf: '导出 PDF',
  pdfUnsupported: '当前环境不能由加载项导出 PDF。请使用“文件 → 导出 → PDF”；“考核结果通报”工作表已设置好打印格式。',
  downloaded: (name) => `已下载：${name}`,
  exportFileStem: '考核结果',
  notificationFileStem: '考核结果通报',
  summaryFileStem: '考核汇总',

  templateIntro: '按标准格式补充工作表，或为下一年度准备新的工作簿。已有的工作表不会被覆盖。',
  yearLabel: '年度',
  addMissingSheets: '添加缺少的标准工作表',
  addedSheets: (names) => `已添加：${names.join('、')}`,
  noMissingSheets: '标准工作表都已存在，未作改动。',
  nextYearWorkbook: '新建下一年度工作簿',
  nextYearDone: (year, n) => `已生成 ${year} 年度工作簿，并复制了 ${n} 个党支部的名单。`,
  downloadTemplate: '下载空白模板',
  downloadSample: '下载示例工作簿',
  templateFileName: (year) => `${year}年度党支部考核.xlsx`,
  sampleFileName: '党支部考核示例.xlsx',

  settingsIntro: '当前生效的考核参数及其来源。修改后写入考核参数工作表并重新计算。',
  settingsTableLabel: '考核参数',
  originDefault: '默认',
  save: '保存',
  valueFor: (key) => `${key} 的值`,
  settingSaved: (key) => `已保存“${key}”，并已重新计算。`,
  sheetKeyLabel: '表中名称',

  genericError: (detail) => `操作失败：${detail}`,
};

const en: Strings = {
  appTitle: 'Branch assessment',
  colon: ': ',
  listSep: ', ',
  langSwitchLabel: 'Switch language',
  otherLangName: '中文',
  tabs: { grade: 'Grades', checks: 'Checks', export: 'Export', template: 'Template', settings: 'Settings' },
  tabListLabel: 'Features',
  steps: { read: 'Read', check: 'Check', compute: 'Calculate', write: 'Write' },
  stepOf: (i, n, label) => `Step ${i} of ${n}: ${label}`,
  grades: { 优秀: 'Excellent', 较好: 'Good', 一般: 'Fair', 差: 'Poor' },
  severities: { error: 'Errors', warning: 'Warnings', info: 'Information' },
  findingCodes: {
    'invalid-rating': 'Invalid rating',
    'invalid-count': 'Invalid vote count',
    'unknown-branch': 'Unknown branch',
    'unknown-source': 'Unknown assessment method',
    'missing-source': 'Missing assessment method',
    'missing-indicator': 'Indicator without rating',
    'orphan-row': 'Ratings without a branch',
    'invalid-catalogue': 'Catalogue error',
    'invalid-settings': 'Settings error',
    'invalid-adjustment': 'Invalid adjustment',
    'too-many-forms': 'More forms than members',
    'missing-rating': 'Blank rating',
    'unmapped-column': 'Unmatched column',
    'tally-mismatch': 'Vote totals differ',
    'low-participation': 'Low participation',
    'no-nonparty-raters': 'No non-party raters',
    'duplicate-rater': 'Duplicate rater',
    'formula-not-overwritten': 'Formula not overwritten',
    'no-roster': 'No branch roster',
    'sheet-renamed': 'Output written to a new sheet',
    'uniform-form': 'Same grade throughout',
    'legacy-format': 'Legacy file format',
    'self-gap': 'High self-assessment',
    'ignored-sheet': 'Sheet not recognised',
    'skipped-row': 'Row with ratings not read',
    'possible-double-count': 'Possible double count',
    'advanced-tie': 'Tie at the advanced cap',
    'no-ratings': 'No ratings yet',
    'derived-tally': 'Tally computed from forms',
  },
  settingKeys: {
    年度: 'Year',
    优秀系数: 'Excellent coefficient',
    较好系数: 'Good coefficient',
    一般系数: 'Fair coefficient',
    差系数: 'Poor coefficient',
    组织考核权重: 'Organisational assessment weight',
    民主测评权重: 'Democratic evaluation weight',
    自评权重: 'Self-assessment weight',
    优秀分数线: 'Excellent threshold',
    较好分数线: 'Good threshold',
    一般分数线: 'Fair threshold',
    总分小数位: 'Total decimals',
    排名方式: 'Ranking of ties',
    民主测评最少份数: 'Minimum democratic forms',
    加减分上限: 'Adjustment cap',
    先进推荐名额: 'Advanced branch quota',
    空白评分: 'Blank ratings',
    发文单位: 'Issuer',
    公文字体: 'Document font',
    日期格式: 'Date style',
    问卷选项顺序: 'Questionnaire option order',
  },

  gradeButton: 'Calculate grades',
  regradeButton: 'Calculate again',
  gradeIntro:
    "Reads this workbook's ratings, checks them, calculates each branch's total, grade and rank, and writes the summary, notification, checks and details sheets.",
  openWorkbook: 'Open workbook',
  openWorkbookHint: 'Choose an .xlsx workbook. The file is processed on this computer and never uploaded.',
  openedFile: (name) => `Opened: ${name}`,
  downloadGraded: 'Download graded workbook',
  gradedFileName: (stem) => `${stem}-graded.xlsx`,
  gradeCountsTitle: 'Branches per grade',
  gradeCountsLabel: 'Number of branches in each grade',
  gradeCountItem: (grade, n) => `${grade}: ${n}`,
  branchesTitle: 'Results by branch',
  colBranch: 'Branch',
  colTotal: 'Total',
  colGrade: 'Grade',
  colRank: 'Rank',
  colStatus: 'Status',
  statusGraded: 'Graded',
  statusIncomplete: 'Pending',
  rankValue: (rank, tied) => (tied ? `${rank} (tied)` : String(rank)),
  doneOk: (graded, total) => `${graded} of ${total} branches graded; the results were written to the workbook.`,
  doneWithErrors: (errors, blocked) =>
    `${errors} errors found, ${blocked} branches incomplete; everything else was written. See Checks.`,
  doneTitle: 'Done',
  errorsTitle: 'Some data need fixing',
  fatalTitle: 'Cannot calculate',
  nothingRecognised: 'No rating sheet was recognised. Check the headers, or add the standard sheets under Template.',
  noWorkbookYet: 'Open a workbook first.',
  needGradeFirst: 'Calculate grades first, or run the checks.',
  busy: 'Working…',

  runChecks: 'Run checks',
  checksIntro: 'Checks only; nothing is written to the workbook.',
  noFindings: 'No problems found.',
  findingsLabel: 'Findings',
  moreFindings: (n) => `${n} more not listed; the checks sheet lists them all.`,
  branchLabel: 'Branch',
  indicatorLabel: 'Indicator',
  suggestionLabel: 'Suggestion',
  candidatesLabel: 'Closest names',
  goToCell: (a) => `Go to cell ${a}`,
  selectedCell: 'Find this cell in the workbook',
  highlight: 'Highlight problem cells',
  clearHighlight: 'Clear highlights',
  highlighted: (n) => `${n} problem cells highlighted.`,
  highlightCleared: 'Highlights cleared.',
  addDropDowns: 'Add drop-down lists to rating cells',
  dropDownsAdded: (n) => `Drop-down lists added to ${n} ranges.`,
  dropDownsUnsupported:
    'This version of Excel does not let add-ins add drop-down lists; use Data → Data Validation instead.',
  dropDownsNone: 'No rating ranges that need a drop-down list were found.',
  standaloneCellHint: 'Open the workbook in Excel and press Ctrl+G to go to this cell.',

  exportIntro:
    'Save the summary and the notification as a new workbook (values only, no raw ratings), or download CSV or PDF.',
  exportNewWorkbook: 'Export as a new workbook',
  exportOpened: 'The exported workbook was opened in a new window.',
  exportUnsupported: 'This version of Excel cannot create a workbook directly; the file was downloaded instead.',
  downloadXlsx: 'Download .xlsx',
  downloadNotificationCsv: 'Download notification CSV',
  downloadSummaryCsv: 'Download summary CSV',
  exportPdf: 'Export PDF',
  pdfUnsupported:
    'PDF export is not available to add-ins here. Use File → Export → PDF; the notification sheet already has its print setup.',
  downloaded: (name) => `Downloaded: ${name}`,
  exportFileStem: 'assessment-results',
  notificationFileStem: 'notification',
  summaryFileStem: 'summary',

  templateIntro:
    'Add the standard sheets, or prepare a new workbook for next year. Existing sheets are never overwritten.',
  yearLabel: 'Year',
  addMissingSheets: 'Add missing standard sheets',
  addedSheets: (names) => `Added: ${names.join(', ')}`,
  noMissingSheets: 'All standard sheets already exist; nothing changed.',
  nextYearWorkbook: "Create next year's workbook",
  nextYearDone: (year, n) => `Workbook for ${year} created, with the roster of ${n} branches copied.`,
  downloadTemplate: 'Download blank template',
  downloadSample: 'Download sample workbook',
  templateFileName: (year) => `branch-assessment-${year}.xlsx`,
  sampleFileName: 'branch-assessment-sample.xlsx',

  settingsIntro:
    'The settings in effect and where each comes from. A change is written to the settings sheet and the grades are recalculated.',
  settingsTableLabel: 'Settings',
  originDefault: 'Default',
  save: 'Save',
  valueFor: (key) => `Value of ${key}`,
  settingSaved: (key) => `"${key}" saved and grades recalculated.`,
  sheetKeyLabel: 'Key in sheet',

  genericError: (detail) => `The operation failed: ${detail}`,
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}

/** A bilingual text in the UI's language. */
export function pick(text: Text, lang: Lang): string {
  return text[lang];
}

/** zh-CN, zh-TW, zh → zh; anything else (or nothing) → en. */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh' : 'en';
}

/** Standalone: ?lang=en|zh in the URL wins, else the browser's language. */
export function langFromPage(search: string, navigatorLanguage: string | undefined): Lang {
  const wanted = new URLSearchParams(search).get('lang');
  if (wanted === 'zh' || wanted === 'en') return wanted;
  return langFromTag(navigatorLanguage);
}
