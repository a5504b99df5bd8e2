import { GRADES, type Grade } from '../../../src/core/types';
import type { PlanValue, SheetPlan } from '../../../src/workbook/plan';
import { isValidSheetName, planSample } from '../../../src/workbook/plans';
import { SAMPLE_BRANCHES, SAMPLE_MISTAKES, prng } from '../../../src/workbook/plans/sample';
import { at, rowAt, sheetOf } from './fixtures';

const SCALE: Record<Grade, number> = { 优秀: 1, 较好: 0.85, 一般: 0.75, 差: 0.6 };
const isGrade = (v: PlanValue): v is Grade => typeof v === 'string' && (GRADES as readonly string[]).includes(v);
/** data rows of a forms sheet (label row, header row, then data) */
const dataRows = (s: SheetPlan) => s.values.slice(2);

describe('planSample', () => {
  const plan = planSample();

  test('deterministic, with valid names and plain values', () => {
    expect(planSample()).toEqual(plan);
    expect(JSON.stringify(planSample())).toBe(JSON.stringify(plan));
    expect(plan.sheets.map((s) => s.name)).toEqual(['填表说明', '指标目录', '考核参数', '支部名单', '组织考核', '民主测评', '民主测评票数汇总', '自评', '抽检记录']);
    for (const s of plan.sheets) {
      expect(isValidSheetName(s.name)).toBe(true);
      if (s.mode === 'new') for (const row of s.values) for (const v of row) if (typeof v === 'string') expect(v.startsWith('=')).toBe(false);
    }
  });

  test('prng is seeded and repeatable', () => {
    const a = prng(7);
    const b = prng(7);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(prng(8)()).not.toBe(xs[0]);
  });

  test('roster: 15 branches in 4 general branches, with secretaries and 8–40 members', () => {
    const s = sheetOf(plan, '支部名单');
    expect(rowAt(s, 1)).toEqual(['序号', '党支部', '所属总支', '书记', '党员人数']);
    expect(rowAt(s, 2)).toEqual([1, '机关第一党支部', '机关党总支', '刘志刚', 24]);
    const rows = s.values.slice(1);
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['机关党总支', '科研一党总支', '科研二党总支', '后勤党总支']));
    for (const r of rows) {
      expect(typeof r[3]).toBe('string');
      expect(r[4]).toBeGreaterThanOrEqual(8);
      expect(r[4]).toBeLessThanOrEqual(40);
    }
  });

  test('settings: 年度 2026 and the institute as issuer', () => {
    const s = sheetOf(plan, '考核参数');
    const value = (k: string) => s.values.find((r) => r[0] === k)?.[1];
    expect(value('年度')).toBe(2026);
    expect(value('发文单位')).toBe('中共××研究院党委办公室');
    expect(value('组织考核权重')).toBe('60%');
  });

  test('组织考核: three assessors per branch, one misspelled branch, one blank rating', () => {
    const s = sheetOf(plan, '组织考核');
    const rows = dataRows(s);
    expect(rows).toHaveLength(45);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['王建国', '李红梅', '张志强']));
    expect(rows.filter((r) => r[0] === '机关第二支部')).toHaveLength(1);
    expect(rows.filter((r) => r[0] === '机关第二党支部')).toHaveLength(2);
    const blanks = rows.flatMap((r) => r.slice(2).map((v) => [r[0], r[1], v] as const)).filter(([, , v]) => v === null);
    expect(blanks).toEqual([[SAMPLE_MISTAKES.blank.branch, SAMPLE_MISTAKES.blank.assessor, null]]);
    expect(rows.every((r) => r.length === 28 && r.slice(2).every((v) => v === null || isGrade(v)))).toBe(true);
  });

  test('民主测评 forms: identity 党员/党外群众, one mistyped grade', () => {
    const s = sheetOf(plan, '民主测评');
    const rows = dataRows(s);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['党员', '党外群众']));
    const odd = rows.flatMap((r) => r.slice(2).filter((v) => !isGrade(v)).map((v) => [r[0], v]));
    expect(odd).toEqual([['化学研究室党支部', '优良']]);
    const tallied = SAMPLE_BRANCHES.filter((b) => b.tally).map((b) => b.name);
    expect(rows.some((r) => tallied.includes(String(r[0])))).toBe(false);
    // party-member forms never exceed the roster's 党员人数
    for (const b of SAMPLE_BRANCHES.filter((x) => !x.tally)) {
      const party = rows.filter((r) => r[0] === b.name && r[1] === '党员').length;
      expect(party).toBeGreaterThanOrEqual(5);
      expect(party).toBeLessThanOrEqual(b.members);
      expect(rows.filter((r) => r[0] === b.name && r[1] === '党外群众').length).toBeGreaterThanOrEqual(2);
    }
  });

  test('票数汇总: one labelled block per tallied branch, every indicator with the same vote total', () => {
    const s = sheetOf(plan, '民主测评票数汇总');
    const labels = s.values.map((r, i) => [i, r[0]] as const).filter(([, v]) => typeof v === 'string' && v.startsWith('党支部：'));
    expect(labels.map(([, v]) => v)).toEqual(
      ['生物研究室党支部', '环境研究室党支部', '信息研究室党支部', '研究生党支部'].map((n) => `党支部：${n}\u3000\u3000测评类型：民主测评`),
    );
    let ticks = 0;
    for (const [i] of labels) {
      // nothing in the grade columns of a label row
      expect(s.values[i].slice(2).every((v) => v === null)).toBe(true);
      expect(s.values[i + 1]).toEqual(['编号', '考核内容', '优秀', '较好', '一般', '差']);
      const totals = new Set<number>();
      for (let r = i + 2; r < i + 28; r++) {
        const cells = s.values[r].slice(2);
        ticks += cells.filter((v) => v === '√').length;
        totals.add(cells.reduce<number>((sum, v) => sum + (v === '√' ? 1 : typeof v === 'number' ? v : 0), 0));
      }
      expect(totals.size).toBe(1);
      expect(s.values[i][1]).toBe(`（参评 ${[...totals][0]} 人）`);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  test('自评: every branch half-year and annual', () => {
    const rows = dataRows(sheetOf(plan, '自评'));
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r[1] === '半年')).toHaveLength(15);
    expect(rows.filter((r) => r[1] === '全年')).toHaveLength(15);
  });

  test('抽检记录: a few signed adjustments and a record without one', () => {
    const s = sheetOf(plan, '抽检记录');
    expect(rowAt(s, 1)).toEqual(['党支部', '类型', '日期', '事由', '加减分']);
    const rows = s.values.slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => typeof r[4] === 'number' && r[4] < 0)).toBe(true);
    expect(rows.some((r) => typeof r[4] === 'number' && r[4] > 0)).toBe(true);
    expect(rows.some((r) => r[4] === null)).toBe(true);
    expect(at(s, 'B2')).toBe('专题抽检');
  });

  test('branches spread over the four bands (0.6 × 组织考核 + 0.4 × 民主测评 + adjustments, worked out here)', () => {
    const ratingsOf = (rows: PlanValue[][], name: string) => rows.filter((r) => r[0] === name).flatMap((r) => r.slice(2).filter(isGrade));
    const mean = (gs: Grade[]) => gs.reduce((s, g) => s + SCALE[g], 0) / gs.length;
    const org = dataRows(sheetOf(plan, '组织考核'));
    const dem = dataRows(sheetOf(plan, '民主测评'));
    const tally = sheetOf(plan, '民主测评票数汇总');
    const adjustments = sheetOf(plan, '抽检记录').values.slice(1);

    function tallyMean(name: string): number {
      const i = tally.values.findIndex((r) => String(r[0]).startsWith(`党支部：${name}\u3000`));
      let sum = 0;
      let n = 0;
      for (let r = i + 2; r < i + 28; r++) {
        tally.values[r].slice(2).forEach((v, g) => {
          const k = v === '√' ? 1 : typeof v === 'number' ? v : 0;
          sum += k * SCALE[GRADES[g]];
          n += k;
        });
      }
      return sum / n;
    }

    const band = (t: number): Grade => (t >= 90 ? '优秀' : t >= 80 ? '较好' : t >= 70 ? '一般' : '差');
    const bands: Grade[] = [];
    for (const b of SAMPLE_BRANCHES) {
      const o = mean(ratingsOf(org, b.name));
      const d = b.tally ? tallyMean(b.name) : mean(ratingsOf(dem, b.name));
      const adj = adjustments.filter((r) => r[0] === b.name && typeof r[4] === 'number').reduce((s, r) => s + (r[4] as number), 0);
      const total = 100 * (0.6 * o + 0.4 * d) + adj;
      bands.push(band(total));
      // comfortably inside its band, not on an edge
      expect(band(total)).toBe(b.level);
    }
    expect(bands.filter((g) => g === '优秀')).toHaveLength(3);
    expect(bands.filter((g) => g === '较好')).toHaveLength(8);
    expect(bands.filter((g) => g === '一般')).toHaveLength(3);
    expect(bands.filter((g) => g === '差')).toHaveLength(1);
  });

  test('rating cells carry grade drop-downs', () => {
    expect(sheetOf(plan, '组织考核').validations).toContainEqual({ range: 'C3:AB202', list: [...GRADES] });
  });
});
