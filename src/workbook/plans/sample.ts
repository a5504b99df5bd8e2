/**
 * A realistic 2026 example workbook (SPEC §7 `sample`): 15 branches in 4 general branches, organisational
 * forms from a three-person assessment group, democratic evaluation as wide forms for some branches and as
 * vote tallies for others, half-year and annual self-assessments, spot checks, and a few real-looking
 * mistakes so that a demo run shows real findings. Deterministic: a seeded PRNG, no clock.
 */
import { defaultCatalogue } from '../../core/catalogue';
import { defaultRuleset } from '../../core/ruleset';
import { GRADES, type Catalogue, type Grade, type RosterEntry } from '../../core/types';
import type { PlanValue, SheetPlan, WorkbookPlan } from '../plan';
import { BORDER, HEADER, SheetBuilder } from './sheet';
import { catalogueSheet, rosterSheet, settingsSheet, sourceSheets, spotCheckSheet } from './template';

export const SAMPLE_YEAR = 2026;
export const SAMPLE_ISSUER = '中共××研究院党委办公室';
export const SAMPLE_SEED = 20261231;

/** mulberry32: small, fast, good enough for demo data, and the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SampleBranch extends RosterEntry {
  group: string;
  secretary: string;
  members: number;
  /** the band its ratings are drawn around */
  level: Grade;
  /** democratic evaluation entered as a vote tally instead of forms */
  tally: boolean;
}

/** The roster with the band each branch's ratings are drawn around: 3 优秀, 8 较好, 3 一般, 1 差. */
export const SAMPLE_BRANCHES: readonly SampleBranch[] = [
  { name: '机关第一党支部', group: '机关党总支', secretary: '刘志刚', members: 24, level: '优秀', tally: false },
  { name: '机关第二党支部', group: '机关党总支', secretary: '陈静', members: 18, level: '较好', tally: false },
  { name: '离退休党支部', group: '机关党总支', secretary: '赵德明', members: 40, level: '较好', tally: false },
  { name: '物理研究室党支部', group: '科研一党总支', secretary: '孙立新', members: 21, level: '优秀', tally: false },
  { name: '化学研究室党支部', group: '科研一党总支', secretary: '周慧敏', members: 16, level: '较好', tally: false },
  { name: '材料研究室党支部', group: '科研一党总支', secretary: '吴海涛', members: 13, level: '一般', tally: false },
  { name: '测试中心党支部', group: '科研一党总支', secretary: '郑晓燕', members: 9, level: '较好', tally: false },
  { name: '生物研究室党支部', group: '科研二党总支', secretary: '王丽娟', members: 19, level: '较好', tally: true },
  { name: '环境研究室党支部', group: '科研二党总支', secretary: '冯建华', members: 15, level: '优秀', tally: true },
  { name: '信息研究室党支部', group: '科研二党总支', secretary: '蒋文博', members: 22, level: '较好', tally: true },
  { name: '研究生党支部', group: '科研二党总支', secretary: '韩雪', members: 35, level: '一般', tally: true },
  { name: '后勤服务党支部', group: '后勤党总支', secretary: '杨国强', members: 17, level: '较好', tally: false },
  { name: '基建处党支部', group: '后勤党总支', secretary: '朱卫东', members: 8, level: '差', tally: false },
  { name: '图书馆党支部', group: '后勤党总支', secretary: '秦玉兰', members: 11, level: '较好', tally: false },
  { name: '院办企业党支部', group: '后勤党总支', secretary: '许振华', members: 12, level: '一般', tally: false },
];

/** 考核组成员 */
export const SAMPLE_ASSESSORS = ['王建国', '李红梅', '张志强'];

/** Chance of 优秀 / 较好 / 一般 / 差 for a branch of each band; means sit well inside the band. */
const DRAW: Record<Grade, readonly number[]> = {
  优秀: [0.72, 0.25, 0.03, 0],
  较好: [0.2, 0.6, 0.18, 0.02],
  一般: [0.05, 0.25, 0.55, 0.15],
  差: [0, 0.05, 0.3, 0.65],
};
/** Self-assessments run about one band high. */
const SELF_LEVEL: Record<Grade, Grade> = { 优秀: '优秀', 较好: '优秀', 一般: '较好', 差: '一般' };

function drawGrade(rand: () => number, level: Grade): Grade {
  const p = DRAW[level];
  let x = rand();
  for (let i = 0; i < GRADES.length; i++) {
    x -= p[i];
    if (x < 0) return GRADES[i];
  }
  return GRADES[GRADES.length - 1];
}

function ratings(rand: () => number, catalogue: Catalogue, level: Grade): PlanValue[] {
  return catalogue.indicators.map(() => drawGrade(rand, level));
}

/** The deliberate mistakes, placed by (branch, rater) so they are easy to find in tests and demos. */
export const SAMPLE_MISTAKES = {
  /** 组织考核: this assessor's form names the branch wrongly (unknown-branch) */
  misspelled: { branch: '机关第二党支部', assessor: '李红梅', written: '机关第二支部' },
  /** 组织考核: one rating left blank (missing-rating) */
  blank: { branch: '图书馆党支部', assessor: '张志强', indicator: 2 },
  /** 民主测评: a mistyped grade (invalid-rating) on this branch's 3rd form */
  mistyped: { branch: '化学研究室党支部', form: 2, indicator: 7, value: '优良' },
} as const;

function orgRows(rand: () => number, catalogue: Catalogue): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const b of SAMPLE_BRANCHES) {
    for (const assessor of SAMPLE_ASSESSORS) {
      const row: PlanValue[] = [b.name, assessor, ...ratings(rand, catalogue, b.level)];
      const m = SAMPLE_MISTAKES;
      if (b.name === m.misspelled.branch && assessor === m.misspelled.assessor) row[0] = m.misspelled.written;
      if (b.name === m.blank.branch && assessor === m.blank.assessor) row[2 + m.blank.indicator] = null;
      rows.push(row);
    }
  }
  return rows;
}

/** Party-member forms from 70–95% of the members, plus 2–4 non-party representatives. */
function voters(rand: () => number, b: SampleBranch): { party: number; nonparty: number } {
  const party = Math.max(5, Math.round(b.members * (0.7 + 0.25 * rand())));
  return { party: Math.min(party, b.members), nonparty: 2 + Math.floor(rand() * 3) };
}

function democraticRows(rand: () => number, catalogue: Catalogue): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const b of SAMPLE_BRANCHES) {
    if (b.tally) continue;
    const v = voters(rand, b);
    for (let f = 0; f < v.party + v.nonparty; f++) {
      const row: PlanValue[] = [b.name, f < v.party ? '党员' : '党外群众', ...ratings(rand, catalogue, b.level)];
      const m = SAMPLE_MISTAKES.mistyped;
      if (b.name === m.branch && f === m.form) row[2 + m.indicator] = m.value;
      rows.push(row);
    }
  }
  return rows;
}

function selfRows(rand: () => number, catalogue: Catalogue): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const period of ['半年', '全年']) {
    for (const b of SAMPLE_BRANCHES) rows.push([b.name, period, ...ratings(rand, catalogue, SELF_LEVEL[b.level])]);
  }
  return rows;
}

/**
 * 民主测评票数汇总: one block per branch, each with its label row ("党支部：XXX　　测评类型：民主测评")
 * above its own header; a single vote is sometimes entered as a tick.
 */
function tallySheet(rand: () => number, catalogue: Catalogue): SheetPlan {
  const sb = new SheetBuilder();
  let r = 0;
  for (const b of SAMPLE_BRANCHES) {
    if (!b.tally) continue;
    const v = voters(rand, b);
    const n = v.party + v.nonparty;
    // Labels stay left of the grade columns, where a count would be read.
    sb.set(r, 0, `党支部：${b.name}\u3000\u3000测评类型：民主测评`).set(r, 1, `（参评 ${n} 人）`);
    sb.style(r, 0, r, 1, { bold: true });
    r++;
    sb.row(r, 0, ['编号', '考核内容', ...GRADES]).style(r, 0, r, 5, HEADER);
    r++;
    const top = r;
    for (const ind of catalogue.indicators) {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) counts[GRADES.indexOf(drawGrade(rand, b.level))]++;
      const cells = counts.map((c): PlanValue => (c === 0 ? null : c === 1 && rand() < 0.5 ? '√' : c));
      sb.row(r, 0, [ind.code, ind.text, ...cells]);
      r++;
    }
    sb.style(top, 0, r - 1, 5, BORDER).style(top, 2, r - 1, 5, { hAlign: 'center' });
    r++;
  }
  return sb.build({ kind: 'template', name: '民主测评票数汇总', columnWidths: [8, 48, 9, 9, 9, 9] });
}

const SPOT_CHECKS: readonly PlanValue[][] = [
  ['机关第二党支部', '专题抽检', '2026-04-18', '“三会一课”记录完整规范，作为经验交流', 2],
  ['物理研究室党支部', '日常抽检', '2026-06-05', '党员学习笔记抽查，全部合格', 1],
  ['基建处党支部', '日常抽检', '2026-07-22', '连续两个月未开展组织活动', -3],
  ['院办企业党支部', '专题抽检', '2026-09-10', '发展党员材料不齐全，已限期整改', -2],
  ['测试中心党支部', '日常抽检', '2026-10-16', '支委会记录抽查，情况正常', null],
  ['研究生党支部', '日常抽检', '2026-11-20', '主题党日活动组织得力', 1],
];

function readmeSheet(): SheetPlan {
  const lines = [
    '示例工作簿：2026 年度党支部工作目标管理考核（数据为虚构）',
    '“民主测评”为逐份录入的测评表；“民主测评票数汇总”为按支部汇总的票数（“√”表示 1 票）。',
    '示例中故意保留了几处常见错误（支部名称写错、等级写成“优良”、漏填评分），运行后可在“校验问题”中查看。',
  ];
  const sb = new SheetBuilder();
  lines.forEach((t, i) => sb.set(i, 0, t));
  sb.style(0, 0, 0, 0, { bold: true, fontSize: 14 });
  return sb.build({ kind: 'template', name: '填表说明', columnWidths: [100] });
}

export function planSample(): WorkbookPlan {
  const rand = prng(SAMPLE_SEED);
  const catalogue = defaultCatalogue();
  const ruleset = { ...defaultRuleset(), year: SAMPLE_YEAR, issuer: SAMPLE_ISSUER };
  const roster: RosterEntry[] = SAMPLE_BRANCHES.map(({ name, group, secretary, members }) => ({ name, group, secretary, members }));
  const forms = sourceSheets(catalogue, {
    组织考核: orgRows(rand, catalogue),
    民主测评: democraticRows(rand, catalogue),
    自评: selfRows(rand, catalogue),
  });
  return {
    sheets: [
      readmeSheet(),
      catalogueSheet(catalogue),
      settingsSheet(ruleset),
      rosterSheet(roster),
      ...forms.slice(0, 2),
      tallySheet(rand, catalogue),
      forms[2],
      spotCheckSheet(SPOT_CHECKS.map((r) => [...r])),
    ],
    activate: '支部名单',
  };
}
