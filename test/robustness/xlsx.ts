/** Writes a snapshot as .xlsx bytes with ExcelJS directly (the test's own writer, not the product's). */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

function area(range: string): number {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return 1;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return (Math.abs(col(m[3]) - col(m[1])) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
}

export async function xlsxOf(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        // a plain string value, even "=1+1": ExcelJS writes formulas only from { formula }
        ws.getCell(r + 1, c + 1).value = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      }),
    );
    for (const m of s.merges) {
      // ExcelJS materialises every cell of a merge: a sheet-wide one would exhaust the heap
      if (area(m) > 10000) continue;
      try {
        ws.mergeCells(m);
      } catch {
        // overlapping or malformed merges cannot be written; Excel would not hold them either
      }
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
