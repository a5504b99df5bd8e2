/** Reading last year's results (SPEC §8 --previous): the marked 考核汇总 of a graded workbook, or the JSON report. */
import { planSample } from '../../src/workbook/plans';
import type { SheetPlan } from '../../src/workbook/plan';
import { runAssessment } from '../../src/workbook/pipeline';
import { previousFromReport, previousFromSnapshot } from '../../src/workbook/previous';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

function sampleSnapshot(): WorkbookSnapshot {
  return { sheets: (planSample().sheets as SheetPlan[]).map((s) => ({ name: s.name, values: s.values.map((r) => r ?? []), merges: s.merges })) };
}

/** The sample graded, its summary sheet as a later read of the graded file sees it (marked). */
function gradedSnapshot(lang: 'zh' | 'en'): { snapshot: WorkbookSnapshot; outcome: ReturnType<typeof runAssessment> } {
  const outcome = runAssessment(sampleSnapshot(), { lang, date: '2026-12-31' });
  const summary = outcome.plan.sheets.find((s) => s.kind === 'summary') as SheetPlan;
  return { outcome, snapshot: { sheets: [{ name: summary.name, values: summary.values.map((r) => r ?? []), merges: summary.merges, createdBy: 'summary' }] } };
}

describe('previousFromSnapshot', () => {
  test.each(['zh', 'en'] as const)('reads every branch of a %s 考核汇总: total, grade, rank; blanks for 待补充', (lang) => {
    const { snapshot, outcome } = gradedSnapshot(lang);
    const read = previousFromSnapshot(snapshot, 'graded.xlsx');
    if (!read.ok) throw new Error(read.error.en);
    expect(read.previous.year).toBe(2026);
    expect(read.previous.branches).toEqual(outcome.result.branches.map((b) => ({ name: b.name, total: b.total, grade: b.grade, rank: b.rank })));
    expect(read.previous.branches.some((b) => b.rank === null)).toBe(true);
  });

  test('a workbook without the product\'s 考核汇总 is refused in one sentence naming the file', () => {
    const read = previousFromSnapshot(sampleSnapshot(), '2025.xlsx');
    expect(read).toEqual({ ok: false, error: expect.objectContaining({ zh: expect.stringMatching(/^2025\.xlsx 中没有本产品写入的“考核汇总”表/) }) });
    const unmarked = { sheets: gradedSnapshot('zh').snapshot.sheets.map((s) => ({ ...s, createdBy: undefined })) };
    expect(previousFromSnapshot(unmarked, 'x.xlsx').ok).toBe(false);
  });
});

describe('previousFromReport', () => {
  test('reads the report of a run (schemaVersion 1)', () => {
    const { outcome } = gradedSnapshot('zh');
    const json = JSON.parse(JSON.stringify(outcome.report));
    const read = previousFromReport(json, 'r.json');
    if (!read.ok) throw new Error(read.error.en);
    expect(read.previous).toEqual({
      year: 2026,
      source: 'r.json',
      branches: outcome.result.branches.map((b) => ({ name: b.name, total: b.total, grade: b.grade, rank: b.rank })),
    });
  });

  test('anything else is refused: not an object, another schema, a branch without a name', () => {
    for (const bad of [null, [], 'text', { schemaVersion: 2, branches: [] }, { schemaVersion: 1 }]) {
      const read = previousFromReport(bad, 'x.json');
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error.zh).toBe('x.json 不是本产品的 JSON 报告（缺少 schemaVersion 1 和 branches）');
    }
    const noName = previousFromReport({ schemaVersion: 1, branches: [{ total: 90 }] }, 'x.json');
    expect(noName.ok || noName.error.zh).toBe('x.json 的 branches[0] 缺少党支部名称（name）');
  });

  test('a grade off the scale or a non-number rank counts as not ranked, never as a figure', () => {
    const read = previousFromReport({ schemaVersion: 1, year: 2025, branches: [{ name: '甲', total: 90, grade: 'A', rank: 1 }, { name: '乙', total: 88, grade: '较好', rank: '2' }] }, 'x.json');
    expect(read.ok && read.previous.branches).toEqual([
      { name: '甲', total: null, grade: null, rank: null },
      { name: '乙', total: null, grade: null, rank: null },
    ]);
  });
});
