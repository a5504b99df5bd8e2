/**
 * The indicator catalogue (指标目录), SPEC §2 and §4.2: the built-in default and the one a catalogue sheet
 * defines.
 */
import { add, compare, fromInt, toDecimalString, toNumber, ZERO, type Rational } from './decimal';
import * as msg from './messages';
import { foldWidth, trimAll } from './text';
import type { Catalogue, CatalogueRow, CellRef, Finding, Indicator } from './types';
import { isBlank, readDecimal, showValue, textOf } from './values';

export const DEFAULT_CATEGORIES: readonly { name: string; points: number; items: number }[] = [
  { name: '一、党支部班子自身建设', points: 3, items: 6 },
  { name: '二、党员教育管理监督', points: 4, items: 6 },
  { name: '三、发展党员工作', points: 5, items: 3 },
  { name: '四、思想政治工作', points: 4, items: 4 },
  { name: '五、党政配合', points: 5, items: 3 },
  { name: '六、其它工作', points: 3, items: 4 },
];

/** The seed's bullets of section 二, in order, with the corrections of SPEC §1. */
const DEFAULT_TEXTS: readonly string[] = [
  '支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。',
  '认真搞好支委会思想作风建设,按时并有成效地开好支委生活会,坚持民主集中制,成员团结,有凝聚力和战斗力。',
  '有计划地组织支委学习党委布置的各项学习内容,定期研究支部工作,支部工作有计划、有总结。',
  '按要求召开党员大会报告工作及进行工作总结。',
  '按要求以不同形式向党委报告工作。',
  '班子成员廉洁自律。',
  '认真组织党员参加院党委安排的党课、党纪教育活动,出勤率达80%以上(出差除外)。',
  '党支部注意树立和宣传党员典型,用典型的示范引导作用带动多数党员在实践中更好地发挥先锋模范作用。',
  '党支部坚持每两个月至少一次组织活动,组织活动主题明确,有考勤,有记录,形式多样,效果较好。',
  '党支部每半年召开一次民主生活会,交流思想,检查执行党的决议情况和保证中心任务完成情况,开展批评与自我批评,增强团结。',
  '党支部坚持对外出党员提出要求,保证联系,跟踪管理;对流动党员及时办理党员流动证;党员退休要按时到组织部办理移交。',
  '党支部认真监督党员、党员干部执行中纪委、市科教纪工委、院纪委的有关规定,对违纪党员敢于批评教育,直至组织处理、党纪处理,严肃党的纪律。',
  '认真贯彻“十六字方针”,积极开展发展党员工作,工作有计划、有措施,每半年至少研究一次发展党员工作。',
  '重视非党积极分子队伍建设,不断扩大积极分子队伍,积极做好入党积极分子的培养、教育、考察、写实、发展等工作。',
  '做好预备党员的教育、考察和转正工作。',
  '认真组织单位职工学习党委规定的学习内容,参学率达70%以上(出差除外),形式多样,方法灵活,效果较好。',
  '结合形势任务,利用各种渠道,加强宣传教育工作力度板报内容丰富,喜闻乐见,注意宣传好人好事,单位内有较强的正气。',
  '经常分析研究职工的思想动态和要求,解决好职工的思想认识和实际问题。',
  '不断总结思想政治工作的经验,提高思想政治工作的效果。',
  '党支部认真参与本单位重要问题的研究和决策,保证决策正确可行。',
  '党支部每年至少召开两次支部委员会,听取行政领导通报工作情况,支持行政领导做好本单位各项工作。',
  '党政领导工作上相互支持,主动沟通情况,步调一致,团结协调。',
  '配合党委做好民主党派成员和其它成员的工作。',
  '领导并支持工会支会、共青团支部积极负责地开展工作',
  '做好本单位安全、保密、治安综合治理工作、计划生育工作。',
  '做好创建精神文明先进单位的有关工作。',
];

/** SPEC §2, as a fresh deep copy each call (callers may edit it). */
export function defaultCatalogue(): Catalogue {
  const catalogue: Catalogue = { categories: [], indicators: [] };
  let t = 0;
  DEFAULT_CATEGORIES.forEach((c, ci) => {
    const category = String(ci + 1);
    catalogue.categories.push({ code: category, name: c.name });
    for (let i = 1; i <= c.items; i++) {
      catalogue.indicators.push({ code: `${category}.${i}`, category, text: DEFAULT_TEXTS[t++], points: c.points });
    }
  });
  return catalogue;
}

// Separators people type between category and item: . - _ 。 ． · and dashes (full-width ones are folded).
const CODE = /^(\d{1,3})\s*[.\-_\u3002\u00b7\u2010-\u2015]\s*(\d{1,3})(?!\d|\s*[.\-_\u3002]\s*\d)/;

/**
 * The indicator code at the start of a header or cell: "1-1", "1．1", "１.１ 支委会…" → "1.1";
 * "2.10" stays "2.10". Null when the text does not start with a code.
 */
export function normalizeIndicatorCode(s: string): string | null {
  const m = CODE.exec(foldWidth(trimAll(s)));
  if (!m) return null;
  const category = parseInt(m[1], 10);
  const item = parseInt(m[2], 10);
  if (category === 0 || item === 0) return null;
  return `${category}.${item}`;
}

/** A code cell's text: a number cell 1.1 reads as "1.1". */
function codeText(row: CatalogueRow): string {
  return textOf(row.code);
}

function isBlankRow(row: CatalogueRow): boolean {
  return isBlank(row.code) && isBlank(row.category) && isBlank(row.text) && isBlank(row.points);
}

interface RowCheck {
  indicator: Indicator | null;
  points: Rational | null;
  findings: Finding[];
}

/** One catalogue row on its own: code, points and text. */
function checkRow(row: CatalogueRow, seen: Map<string, CellRef>): RowCheck {
  const findings: Finding[] = [];
  const code = normalizeIndicatorCode(codeText(row));
  if (code === null) {
    findings.push(msg.catalogueBadCode(row.codeRef, showValue(row.code)));
    return { indicator: null, points: null, findings };
  }
  const first = seen.get(code);
  if (first) findings.push(msg.catalogueDuplicateCode(row.codeRef, code, first));
  else seen.set(code, row.codeRef);
  const points = readDecimal(row.points);
  const pointsOk = points !== null && compare(points, ZERO) > 0;
  if (!pointsOk) findings.push(msg.catalogueBadPoints(row.pointsRef, code, showValue(row.points)));
  const text = textOf(row.text);
  if (text === '') findings.push(msg.catalogueMissingText(row.ref, code));
  const indicator: Indicator = { code, category: code.split('.')[0], text, points: pointsOk ? toNumber(points) : 0 };
  return { indicator, points: pointsOk ? points : null, findings };
}

/** Category names: the 类别 text of the category's first row (or the first non-blank one). */
function categoriesOf(rows: CatalogueRow[], indicators: Indicator[]): Catalogue['categories'] {
  const names = new Map<string, string>();
  indicators.forEach((ind, i) => {
    // a blank name so far gives way to the next row's (blank over blank changes nothing)
    if ((names.get(ind.category) ?? '') === '') names.set(ind.category, textOf(rows[i].category));
  });
  return [...names].map(([code, name]) => ({ code, name: name || defaultCategoryName(code) }));
}

/** The default name of category "1".."6"; for a new category its code ("7"). */
function defaultCategoryName(code: string): string {
  const i = Number(code) - 1;
  return DEFAULT_CATEGORIES[i]?.name ?? code;
}

/**
 * A catalogue sheet's rows as a catalogue (SPEC §4.2). Any problem is an invalid-catalogue error that
 * blocks every branch, and the catalogue is then null. `headerRef` (optional) is the sheet's header row,
 * the place named when there is no indicator row.
 */
export function buildCatalogue(rows: CatalogueRow[], sheet: string, headerRef?: CellRef): { catalogue: Catalogue | null; findings: Finding[] } {
  const used = rows.filter((r) => !isBlankRow(r));
  // no row to point at: the header row (headerRef, e.g. "A1:D1") is where the indicators belong
  if (used.length === 0) return { catalogue: null, findings: [msg.catalogueEmpty(sheet, headerRef?.sheet === sheet ? headerRef.cell : undefined)] };
  const seen = new Map<string, CellRef>();
  const checks = used.map((r) => checkRow(r, seen));
  const findings = checks.flatMap((c) => c.findings);
  const pointsKnown = checks.every((c) => c.points !== null);
  if (pointsKnown) {
    const total = checks.reduce((acc, c) => add(acc, c.points as Rational), ZERO);
    if (compare(total, fromInt(100)) !== 0) {
      const last = used[used.length - 1].pointsRef;
      findings.push(msg.catalogueSum(sheet, last.sheet === sheet ? last.cell : undefined, toDecimalString(total)));
    }
  }
  if (findings.length) return { catalogue: null, findings };
  const indicators = checks.map((c) => c.indicator as Indicator);
  return { catalogue: { categories: categoriesOf(used, indicators), indicators }, findings };
}
