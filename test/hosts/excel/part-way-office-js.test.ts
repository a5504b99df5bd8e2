/**
 * @jest-environment jsdom
 */
/**
 * A write that fails part-way, through the real office.js serializer (test/support/office-js): the
 * milestone names (NamedItemCollection.add on a Range, ExcelApi 1.4; NamedItem.delete, ExcelApi 1.4) and the
 * check after the failure are requests office.js builds and sends, and the error office.js raises from
 * Excel's answer carries the code the message is built from. See part-way.test.ts for every step.
 */
import { ExcelHost, ExcelHostError } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import { createFakeExcel, seedAssessmentWorkbook } from '../../support/fake-excel';
import { OfficeJsHarness } from '../../support/office-js';

test('grading again on the web, the copy into 校验问题 fails: the message and the workbook agree', async () => {
  const fake = createFakeExcel({ platform: 'web' });
  seedAssessmentWorkbook(fake, 20, 3);
  const wire = new OfficeJsHarness(fake);
  const host = new ExcelHost(wire.excel, { isSetSupported: fake.isSetSupported });
  const grade = async () => host.applyPlan(runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' }).plan);
  await grade();
  fake.sheet('组织考核').cells.get(2, 2)!.value = '差';
  const details = JSON.stringify(fake.sheet('计算明细').cells.entries());
  fake.failSync({ code: 'GeneralException', when: (op) => op.member === 'copyFrom' && op.sheet === '校验问题' });
  let error: unknown;
  await grade().catch((e) => (error = e));
  expect(error).toBeInstanceOf(ExcelHostError);
  const e = error as ExcelHostError;
  expect(e.code).toBe('GeneralException');
  expect(e.text.zh).toContain('“考核汇总”已换成新结果');
  expect(e.text.zh).toContain('“考核结果通报”已换成新结果');
  expect(e.text.zh).toContain('“校验问题”的旧结果已清除，新结果未能完整写入');
  expect(e.text.zh).toContain('未改动：“计算明细”');
  expect(fake.sheet('校验问题').cells.size).toBe(0);
  expect(JSON.stringify(fake.sheet('计算明细').cells.entries())).toBe(details);
  expect(fake.sheetNames().filter((n) => n.startsWith('~BA'))).toEqual([]);
  expect(fake.model.names.map((n) => n.name).filter((n) => n.includes('_step_'))).toEqual([]);
  // every request but the one that failed was answered
  expect(wire.syncs.filter((s) => s.failed !== undefined).map((s) => s.failed)).toEqual(['GeneralException']);
});
