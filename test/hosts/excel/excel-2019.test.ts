/**
 * @jest-environment jsdom
 */
/**
 * Retail Excel 2019 runs ExcelApi 1.8 (learn.microsoft.com, "Excel JavaScript API requirement sets": Excel
 * 2019 retail supports up to ExcelApi 1.8). The API members the two ways of rewriting a product sheet rely
 * on, with their requirement sets as the Excel JavaScript API reference gives them (also in the
 * "[Api set: …]" notes of @types/office-js):
 *   - Range.copyFrom: ExcelApi 1.9 — so not on Excel 2019; Worksheet.copy is ExcelApi 1.7 but makes a NEW
 *     sheet object, which references to the old one do not follow;
 *   - Range.clear (Excel.ClearApplyTo "All": "Clears everything in the range"): ExcelApi 1.1;
 *   - Range.values, Worksheet.getRange, WorksheetCollection.getItem: ExcelApi 1.1; Range.merge and
 *     RangeFormat.columnWidth/rowHeight: ExcelApi 1.2; NamedItemCollection.add: ExcelApi 1.4;
 *     Range.hyperlink: ExcelApi 1.7; Range.dataValidation: ExcelApi 1.8.
 * So on 1.8 a product sheet is cleared and written straight into (no copy, never deleted), and the user's
 * formulas, names and charts that refer to it keep working. Deleting a sheet would turn every reference to
 * it into #REF!, which a new sheet of the same name does not repair (Excel, "Delete a worksheet").
 *
 * The stand-in models 1.8 through isSetSupported (a member of a later set fails with ApiNotFound, as in
 * Excel), and recalculates formulas that reference one cell of another sheet (automatic calculation).
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import { address } from '../../../src/workbook/snapshot';
import { branchName, createFakeExcel, type FakeExcelRuntime, seedAssessmentWorkbook } from '../../support/fake-excel';
import { OfficeJsHarness } from '../../support/office-js';

const BRANCHES = 10;

async function grade(host: ExcelHost) {
  const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  return outcome;
}

/** Where 第1党支部's 总分 is on 考核汇总, as the user would point at it ("N5"). */
function totalCell(fake: FakeExcelRuntime): string {
  const grid = fake.grid('考核汇总', 'A1:Z30');
  const header = grid.findIndex((row) => row.includes('总分'));
  const row = grid.findIndex((r) => r.includes(branchName(0)));
  return address(row, grid[header].indexOf('总分'));
}

/** The clerk corrects 第1党支部's 组织考核 ratings: its total changes. */
function correctRatings(fake: FakeExcelRuntime): void {
  for (let c = 2; c < 10; c++) fake.sheet('组织考核').cells.get(2, c)!.value = '差';
}

async function regradeKeepsReferences(fake: FakeExcelRuntime, excel: typeof Excel) {
  expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(true);
  expect(fake.isSetSupported('ExcelApi', '1.9')).toBe(false);
  seedAssessmentWorkbook(fake, BRANCHES, 3);
  const host = new ExcelHost(excel, { isSetSupported: fake.isSetSupported });
  const first = await grade(host);
  const k = totalCell(fake);
  // the office's own sheet and a name that point at the results
  fake.seed('我的统计', { values: [['第1党支部总分', `=考核汇总!${k}`]] });
  fake.addWorkbookName('第一支部总分', '考核汇总', k);
  const ids = new Map(fake.model.sheets.map((s) => [s.name, s.id]));

  correctRatings(fake);
  const second = await grade(host);
  expect(second.result.branches[0].total).not.toBe(first.result.branches[0].total);

  // the reference still points at the sheet and shows the new total
  expect(fake.cell('我的统计', 'B1')?.formula).toBe(`=考核汇总!${k}`);
  expect(fake.value('我的统计', 'B1')).toBe(second.result.branches[0].total);
  expect(fake.nameFormula(fake.model.names.find((n) => n.name === '第一支部总分')!)).toBe(`=考核汇总!${k.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')}`);
  // no sheet was deleted and added again: every sheet is the same object, under the same name
  for (const [name, id] of ids) expect(fake.sheet(name).id).toBe(id);
  expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
  expect(fake.model.names.map((n) => n.name).filter((n) => n.includes('_step_'))).toEqual([]);
  // the rewritten sheet is whole: still ours (marker), title merged, totals in place, nothing left over
  expect(fake.names('考核汇总')).toEqual(['BranchAssessment_summary']);
  expect(fake.merges('考核汇总').length).toBeGreaterThan(0);
  return { first, second };
}

test('Excel 2019 (ExcelApi 1.8): after grading again, =考核汇总!<总分> still refers to the sheet and shows the new value', async () => {
  const fake = createFakeExcel({ apiVersion: '1.8', platform: 'windows' });
  await regradeKeepsReferences(fake, fake.excel);
});

test('the same through the real office.js serializer: every request is valid there, nothing over 5 MB', async () => {
  const fake = createFakeExcel({ apiVersion: '1.8', platform: 'windows' });
  const wire = new OfficeJsHarness(fake, { limitBytes: 5 * 1024 * 1024 });
  await regradeKeepsReferences(fake, wire.excel);
  expect(wire.syncs.length).toBeGreaterThan(0);
  for (const s of wire.syncs) {
    expect(s.failed).toBeUndefined();
    expect(s.requestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  }
});

test('a product sheet that is fewer rows than before leaves none of the old rows behind', async () => {
  const fake = createFakeExcel({ apiVersion: '1.8' });
  seedAssessmentWorkbook(fake, BRANCHES, 3);
  const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
  await grade(host);
  const rows = () => Math.max(...fake.sheet('考核汇总').cells.entries().map(([r]) => r));
  const before = rows();
  // two branches fewer on the roster and forms
  for (const sheet of ['支部名单', '组织考核', '民主测评']) {
    const s = fake.sheet(sheet);
    for (const [r, , cell] of s.cells.entries()) {
      if (cell.value === branchName(BRANCHES - 1) || cell.value === branchName(BRANCHES - 2)) {
        for (const [r2, c2] of s.cells.entries()) if (r2 === r) s.cells.delete(r2, c2);
      }
    }
  }
  await grade(host);
  expect(rows()).toBeLessThan(before);
  const text = [...fake.sheet('考核汇总').cells.values()].map((c) => c.value);
  expect(text).not.toContain(branchName(BRANCHES - 1));
});

test('no reference is left that cannot survive: a product sheet renamed while rewritten keeps its references too (Excel follows a rename)', async () => {
  // Issue 22 asks for output-referenced where a reference cannot survive; it is now raised for every
  // reference to a product sheet (recognise/output-referenced.ts), and none breaks: the host never deletes a
  // sheet that existed before the write (only its own temporary sheets), and Excel rewrites references on
  // a rename ("when you rename a worksheet, formulas that refer to it are updated", Excel help, Rename a
  // worksheet), so no such case is left on any ExcelApi version, 1.8 included.
  const fake = createFakeExcel({ apiVersion: '1.8' });
  fake.seed('说明', { values: [['x']] });
  const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
  const plan = (name: string, replaces: string | undefined, value: number) => ({
    mode: 'new' as const, kind: 'summary' as const, name, ...(replaces ? { replaces } : {}), values: [[value]], styles: [], merges: [], columnWidths: [], links: [], validations: [],
  });
  await host.applyPlan({ sheets: [plan('考核汇总', undefined, 1)] });
  fake.seed('我的统计', { values: [['=考核汇总!A1']] });
  const id = fake.sheet('考核汇总').id;
  await host.applyPlan({ sheets: [plan('考核汇总 2026', '考核汇总', 2)] });
  expect(fake.sheet('考核汇总 2026').id).toBe(id);
  expect(fake.cell('我的统计', 'A1')?.formula).toBe("='考核汇总 2026'!A1");
  expect(fake.value('我的统计', 'A1')).toBe(2);
});
