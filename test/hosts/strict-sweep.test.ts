/**
 * Every kind of file the product writes, checked strictly (issue 21 item 2): each XML part parsed by
 * libxml2, namespace-aware, any unbound prefix or malformed part failing (test/support/strict.ts). The
 * graded copy of every workbook fixture (rating sheets added to those that have none, as an office
 * would), the template, the sample, the export and next-year workbooks, and both Word documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderForms, renderNotification, renderRequest } from '../../src/hosts/docx';
import { buildWorkbook, InternalError, loadWorkbook, XlsxError, XlsxHost } from '../../src/hosts/xlsx';
import { writePackage } from '../../src/hosts/xlsx/package-write';
import { openZip } from '../../src/hosts/xlsx/zip';
import { defaultCatalogue } from '../../src/core/catalogue';
import type { SheetPlan } from '../../src/workbook/plan';
import { runAssessment } from '../../src/workbook/pipeline';
import { exportPlan, nextYearPlan, planSample, planTemplate } from '../../src/workbook/plans';
import { buildFormsDocument, buildNotificationDocument, buildRequestDocument } from '../../src/workbook/plans/documents';
import { buildNotification } from '../../src/core/notification';
import { expectStrictPackage } from '../support/strict';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
/** Every workbook fixture, in every folder under test/fixtures. */
function workbooks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return workbooks(full);
    return /\.(xlsx|xlsm|xls|et)$/i.test(e.name) ? [full] : [];
  });
}
const FILES = workbooks(FIXTURES).map((f) => path.relative(FIXTURES, f));
const RATING_SHEETS = (planSample().sheets as SheetPlan[]).filter((s) => ['支部名单', '组织考核', '民主测评'].includes(s.name));

async function graded(bytes: Uint8Array, name: string): Promise<{ out: Uint8Array; exit: number }> {
  const host = new XlsxHost(await loadWorkbook(bytes, { fileName: name }));
  const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  return { out: await host.save(), exit: outcome.exitCode };
}

describe.each(FILES)('grading %s', (file) => {
  it('reads it or refuses it for a stated reason, and every package written is strictly well-formed', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    let first: { out: Uint8Array; exit: number };
    try {
      first = await graded(bytes, path.basename(file));
    } catch (e) {
      // An encrypted file is refused with its reason; our own error never passes.
      expect(e).not.toBeInstanceOf(InternalError);
      expect(e).toBeInstanceOf(XlsxError);
      return;
    }
    if (first.exit !== 2) {
      await expectStrictPackage(first.out);
      return;
    }
    // No rating sheet: the office adds the sample's (legacy files are graded into a new workbook as they are).
    if (/\.(xls|et)$/i.test(file)) return;
    const withRatings = writePackage([...openZip(bytes).entries], [{ sheets: RATING_SHEETS }]);
    await expectStrictPackage(withRatings);
    const second = await graded(withRatings, path.basename(file));
    expect(second.exit).not.toBe(2);
    await expectStrictPackage(second.out);
  });
});

describe('the workbooks and documents written without an input', () => {
  it('template, sample, export and next-year workbooks', async () => {
    await expectStrictPackage(buildWorkbook(planTemplate(2026)));
    const sample = buildWorkbook(planSample());
    await expectStrictPackage(sample);
    const host = new XlsxHost(await loadWorkbook(sample));
    const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
    await expectStrictPackage(buildWorkbook(exportPlan(outcome, 'zh')));
    await expectStrictPackage(buildWorkbook(exportPlan(outcome, 'en')));
    await expectStrictPackage(buildWorkbook(nextYearPlan(2027, outcome.recognition.input.roster)));
    // The sample graded in place, twice (the second replaces the product's own sheets).
    await host.applyPlan(outcome.plan);
    const once = await host.save();
    await expectStrictPackage(once);
    await expectStrictPackage((await graded(once, 'sample.xlsx')).out);
  });

  it('the notification and the paper forms (.docx)', async () => {
    const host = new XlsxHost(await loadWorkbook(buildWorkbook(planSample())));
    const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
    await expectStrictPackage(await renderNotification(buildNotificationDocument(outcome.notification, outcome.result.ruleset)));
    // with 版头 and 版记, and the request for approval
    const rs = { ...outcome.result.ruleset, letterhead: '中共××研究院委员会办公室文件', documentNumber: '院党办〔2026〕3号', cc: ['院长办公室'], printer: '中共××研究院委员会办公室' };
    const official = buildNotification({ ...outcome.result, ruleset: rs }, outcome.date);
    await expectStrictPackage(await renderNotification(buildNotificationDocument(official, rs)));
    await expectStrictPackage(await renderRequest(buildRequestDocument(outcome.request!, outcome.result.ruleset)));
    await expectStrictPackage(await renderForms(buildFormsDocument(defaultCatalogue(), ['机关第一党支部', '机关第二党支部'], 2026)));
  });
});
