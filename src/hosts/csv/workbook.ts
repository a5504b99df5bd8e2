/**
 * A CSV download as an .xlsx workbook (ExcelJS), so the command line and the standalone page grade it like
 * any workbook and write the results beside the answers in a new .xlsx (a CSV cannot hold the sheets).
 */
import { createWorkbook, type XlsxWorkbook } from '../xlsx';
import { csvSnapshot } from './read';

export function csvWorkbook(bytes: Uint8Array, fileName: string): XlsxWorkbook {
  const [sheet] = csvSnapshot(bytes, fileName).sheets;
  const wb = createWorkbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && typeof v !== 'object') ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  return wb;
}
