/** The Node-only save tuning writes the same sheet XML as ExcelJS alone. */
import JSZip from 'jszip';
import { createWorkbook, loadWorkbook, saveWorkbook, snapshotOf } from '../../../src/hosts/xlsx';
import { tuneExcelJsForNode } from '../../../src/hosts/xlsx/node';

async function sheetXml(): Promise<{ xml: string; bytes: Uint8Array }> {
  const wb = createWorkbook();
  const ws = wb.addWorksheet('大表');
  // ~14 XML pieces a cell: 12,000 cells make several 65,536-piece chunks.
  for (let r = 1; r <= 1000; r++) ws.addRow(Array.from({ length: 12 }, (_, c) => (c % 2 ? `文本${r}-${c}` : r * c)));
  ws.getCell('A1').font = { bold: true };
  ws.getCell('B1').alignment = { horizontal: 'center' }; // an xform that uses a rollback
  const bytes = await saveWorkbook(wb);
  return { xml: await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string'), bytes };
}

it('chunked XML rendering writes the same sheet XML', async () => {
  const plain = await sheetXml();
  tuneExcelJsForNode();
  tuneExcelJsForNode(); // idempotent
  const tuned = await sheetXml();
  expect(tuned.xml).toBe(plain.xml);
  expect(tuned.xml.length).toBeGreaterThan(200_000);
  const values = snapshotOf(await loadWorkbook(tuned.bytes)).sheets[0].values;
  expect(values[999]).toEqual([1000 * 0, '文本1000-1', 2000, '文本1000-3', 4000, '文本1000-5', 6000, '文本1000-7', 8000, '文本1000-9', 10000, '文本1000-11']);
});
