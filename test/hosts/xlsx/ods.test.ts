/**
 * Issue 21 item 7, SPEC §4: an OpenDocument spreadsheet (.ods, LibreOffice's own format) is read through
 * the same maintained library as .xls (@e965/xlsx), under the same limits; its results go to a new .xlsx
 * holding the product's sheets only (info legacy-format). The fixture is the product's sample workbook
 * saved by LibreOffice 7.4 (see sample-lo.ORIGIN.md).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { loadWorkbook, snapshotOf, XlsxError, XlsxHost } from '../../../src/hosts/xlsx';
import { runAssessment } from '../../../src/workbook/pipeline';

const bytes = () => new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'sample-lo.ods')));
const OPTIONS = { lang: 'zh' as const, date: '2026-12-31' };

test('an .ods saved by LibreOffice is read as a legacy format: every sheet, its values', async () => {
  const wb = await loadWorkbook(bytes(), { fileName: '2026年考核.ods' });
  expect(wb.source).toBeUndefined(); // nothing of the package is kept: the output is a new .xlsx
  const snap = snapshotOf(wb);
  expect(snap.format).toBe('ods');
  expect(snap.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['支部名单', '指标目录', '考核参数', '民主测评', '组织考核']));
  const roster = snap.sheets.find((s) => s.name === '支部名单')!;
  expect(roster.values.flat()).toContain('物理研究室党支部');
});

test('graded like the .xlsx it was saved from, with the legacy-format info naming .ods', async () => {
  const out = runAssessment(snapshotOf(await loadWorkbook(bytes())), OPTIONS);
  expect(out.result.branches).toHaveLength(15);
  expect(out.result.branches.filter((b) => b.status !== 'graded').map((b) => b.name)).toEqual(['机关第二党支部', '化学研究室党支部']);
  const top = out.result.branches.find((b) => b.rank === 1)!;
  expect([top.name, top.total, top.grade]).toEqual(['物理研究室党支部', 96.3, '优秀']);
  const legacy = out.result.findings.filter((f) => f.code === 'legacy-format');
  expect(legacy).toHaveLength(1);
  expect(legacy[0].severity).toBe('info');
  expect(legacy[0].message.zh).toContain('OpenDocument 表格（.ods）');
  expect(legacy[0].message.en).toContain('OpenDocument Spreadsheet (.ods)');
});

test('the results are a new .xlsx holding the product’s sheets only', async () => {
  const host = new XlsxHost(await loadWorkbook(bytes()));
  const out = runAssessment(await host.readSnapshot(), OPTIONS);
  await host.applyPlan(out.plan);
  const written = snapshotOf(await loadWorkbook(await host.save()));
  expect(written.sheets.map((s) => s.createdBy)).toEqual(['summary', 'notification', 'checks', 'details']);
});

test('the same limits as any input: over the unpacked size or the cell count, refused with the reason', async () => {
  const reason = async (options: { unpackedLimit?: number; cellLimit?: number }) => {
    try {
      await loadWorkbook(bytes(), options);
      return 'read';
    } catch (e) {
      return e instanceof XlsxError ? e.reason : String(e);
    }
  };
  expect(await reason({ unpackedLimit: 100_000 })).toBe('too-large');
  expect(await reason({ cellLimit: 1000 })).toBe('too-many-cells');
  expect(await reason({})).toBe('read');
});

test('bytes that are no workbook: the reason names every format that is read', async () => {
  try {
    await loadWorkbook(new TextEncoder().encode('党支部,总分\n'));
    throw new Error('read');
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    const err = e as XlsxError;
    expect(err.reason).toBe('not-a-workbook');
    for (const ext of ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv']) {
      expect(err.text.zh).toContain(ext);
      expect(err.text.en).toContain(ext);
    }
  }
});

test('the library reads without a word on the console (SPEC §7: standard error carries our one line only)', async () => {
  // SheetJS notes "ODS number format may be incorrect" on this LibreOffice file through console.error.
  const spies = (['error', 'warn', 'log', 'info'] as const).map((m) => jest.spyOn(console, m));
  try {
    await loadWorkbook(bytes());
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(typeof console.error).toBe('function');
});
