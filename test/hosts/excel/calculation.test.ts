/**
 * Calculation mode. Application.calculationMode is application-wide: the mode of the first workbook opened
 * applies to every workbook open (learn.microsoft.com, "Change formula recalculation, iteration, or
 * precision in Excel"), so another workbook can leave this one on Manual, where formula results (COUNTIF
 * tallies, formula ratings, roster lookups) stay as last calculated. The host recalculates first, as F9
 * does (Application.calculate, ExcelApi 1.1); where Excel refuses, the report says the figures come from the
 * last calculation (calculation-manual, SPEC §5). suspendApiCalculationUntilNextSync leaves recalculating to
 * the add-in ("it is the developer's responsibility to re-calc the workbook", Excel.Application reference),
 * so it is not used when a user's formula may read what is written.
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import { createFakeExcel, FakeExcelRuntime, seedAssessmentWorkbook } from '../../support/fake-excel';

function hostFor(fake: FakeExcelRuntime): ExcelHost {
  return new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
}

/** A sheet whose formula counts ratings; its cached result (3) is stale until a recalculation gives 5. */
function staleWorkbook(): FakeExcelRuntime {
  const fake = createFakeExcel();
  seedAssessmentWorkbook(fake, 3, 5);
  fake.seed('统计', { values: [['优秀票数']], formulas: { B1: ['=COUNTIF(民主测评!C:C,"优秀")', 3] } });
  fake.onCalculate = () => {
    (fake.cell('统计', 'B1') as { value: unknown }).value = 5;
  };
  return fake;
}

test('manual calculation: the workbook is recalculated before the values are read', async () => {
  const fake = staleWorkbook();
  fake.calculationMode = 'Manual';
  const snapshot = await hostFor(fake).readSnapshot();
  expect(fake.calculations.map((c) => c.type)).toEqual(['Recalculate']);
  expect(snapshot.sheets.find((s) => s.name === '统计')?.values[0][1]).toBe(5);
  expect(snapshot.staleCalculation).toBeUndefined();
  const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
  expect(outcome.result.findings.some((f) => f.code === 'calculation-manual')).toBe(false);
});

test('automatic calculation: nothing is recalculated and the read stays at two syncs', async () => {
  const fake = staleWorkbook();
  fake.resetStats();
  const snapshot = await hostFor(fake).readSnapshot();
  expect(fake.calculations).toEqual([]);
  expect(fake.syncCount).toBe(2);
  expect(snapshot.sheets.find((s) => s.name === '统计')?.values[0][1]).toBe(3);
});

test('a recalculation Excel refuses: the read goes on, and the report warns that figures are as last calculated', async () => {
  const fake = staleWorkbook();
  fake.calculationMode = 'Manual';
  fake.failSync({ code: 'GeneralException', when: (op) => op.object === 'Application' && op.member === 'calculate' });
  const snapshot = await hostFor(fake).readSnapshot();
  expect(snapshot.staleCalculation).toBe(true);
  expect(snapshot.sheets.find((s) => s.name === '统计')?.values[0][1]).toBe(3);
  const outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
  const finding = outcome.result.findings.find((f) => f.code === 'calculation-manual');
  expect(finding?.severity).toBe('warning');
  expect(finding?.message.zh).toContain('上次计算的结果');
  expect(finding?.suggestion?.zh).toContain('F9');
  // a warning blocks nothing: every branch is graded
  expect(outcome.result.branches.every((b) => b.status === 'graded')).toBe(true);
});

test('rewriting 考核汇总 in place: calculation is not suspended, and in manual mode Excel recalculates after the copy', async () => {
  const fake = createFakeExcel();
  seedAssessmentWorkbook(fake, 5, 3);
  const host = hostFor(fake);
  const grade = async () => host.applyPlan(runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' }).plan);
  await grade();
  fake.seed('我的统计', { formulas: { A1: ['=考核汇总!A1', fake.value('考核汇总', 'A1')] } });
  fake.calculationMode = 'Manual';
  fake.resetStats();
  fake.calculations.length = 0;
  await grade();
  const writes = fake.syncs.filter((s) => s.run === fake.runs.length);
  expect(writes.every((s) => !s.calcSuspended)).toBe(true);
  // one before the read, one at the end of the write (after the copy into 考核汇总)
  expect(fake.calculations.map((c) => c.type)).toEqual(['Recalculate', 'Recalculate']);
  expect(fake.calculations[1].sync).toBe(writes[writes.length - 1].index);
});
