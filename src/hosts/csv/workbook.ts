/**
 * A CSV download as an .xlsx workbook, so the command line and the standalone page grade it like any
 * workbook and write the results beside the answers in a new .xlsx (a CSV cannot hold the sheets).
 * The answers become an unmarked sheet of a new package (a 'template' sheet carries no marker).
 */
import type { PlanValue } from '../../workbook/plan';
import { buildWorkbook, readWorkbook, type XlsxWorkbook } from '../xlsx';
import { csvSnapshot } from './read';

export function csvWorkbook(bytes: Uint8Array, fileName: string): XlsxWorkbook {
  const [sheet] = csvSnapshot(bytes, fileName).sheets;
  const values: PlanValue[][] = sheet.values.map((row) => row.map((v) => (v !== null && typeof v !== 'object' ? v : null)));
  const source = buildWorkbook({ sheets: [{ mode: 'new', kind: 'template', name: sheet.name, values, styles: [], merges: [], columnWidths: [], links: [], validations: [] }] });
  return { snapshot: readWorkbook(source), source };
}
