/**
 * The pipeline on a legacy (.xls/.et) input: the results go to a new .xlsx holding the product's sheets
 * only, so nothing is filled or renamed against the old file's sheets, and the user is told (info legacy-format).
 */
import { buildWorkbook, loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { runAssessment } from '../../src/workbook/pipeline';
import { planSample } from '../../src/workbook/plans';
import type { SheetPlan } from '../../src/workbook/plan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

/** The sample workbook as a snapshot, plus the office's own 考核汇总 sheet. */
function sampleSnapshot(format: WorkbookSnapshot['format']): WorkbookSnapshot {
  const sheets = (planSample().sheets as SheetPlan[]).map((s) => ({ name: s.name, values: s.values.map((r) => r ?? []), merges: s.merges }));
  const office = { name: '考核汇总', values: [['序号', '党支部', '总分', '等级'], [1, '机关第一党支部', null, null]], merges: [] };
  return { sheets: [...sheets, office], format };
}

const OPTIONS = { lang: 'zh' as const, date: '2026-12-31' };

describe('a legacy input', () => {
  it.each(['xls', 'et'] as const)('%s: info legacy-format, all four sheets new under their own names', (format) => {
    const outcome = runAssessment(sampleSnapshot(format), OPTIONS);
    const legacy = outcome.findings.filter((f) => f.code === 'legacy-format');
    expect(legacy).toHaveLength(1);
    expect(legacy[0].severity).toBe('info');
    expect(legacy[0].message.zh).toContain(format === 'et' ? '.et' : '.xls');
    expect(legacy[0].message.en).toContain('new .xlsx');
    expect(outcome.plan.sheets.map((s) => [s.mode, s.name])).toEqual([
      ['new', '考核汇总'],
      ['new', '考核结果通报'],
      ['new', '校验问题'],
      ['new', '计算明细'],
    ]);
    expect(outcome.report.issues.some((i) => i.code === 'legacy-format')).toBe(true);
  });

  it('the written workbook holds the product sheets only, the checks sheet naming legacy-format', async () => {
    const outcome = runAssessment(sampleSnapshot('xls'), OPTIONS);
    const snap = snapshotOf(await loadWorkbook(buildWorkbook(outcome.plan)));
    expect(snap.sheets.map((s) => [s.name, s.createdBy])).toEqual([
      ['考核汇总', 'summary'],
      ['考核结果通报', 'notification'],
      ['校验问题', 'checks'],
      ['计算明细', 'details'],
    ]);
    expect(snap.sheets[2].values.flat()).toContain('legacy-format');
  });

  it('an .xlsx input fills the office summary and has no legacy-format', () => {
    const outcome = runAssessment(sampleSnapshot('xlsx'), OPTIONS);
    expect(outcome.findings.some((f) => f.code === 'legacy-format')).toBe(false);
    expect(outcome.plan.sheets[0]).toMatchObject({ mode: 'fill', name: '考核汇总' });
  });
});
