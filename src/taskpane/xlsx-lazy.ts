/**
 * The .xlsx host (package reader and writer), loaded on demand so the task pane never imports it statically:
 * the first render stays small, and the chunk is fetched only when a file is opened or built.
 */
import type { WorkbookPlan } from '../workbook/plan';

export type XlsxModule = typeof import('../hosts/xlsx');

let loading: Promise<XlsxModule> | null = null;

export function loadXlsx(): Promise<XlsxModule> {
  loading ??= import('../hosts/xlsx');
  return loading;
}

/** A new workbook holding exactly the plan's sheets, as .xlsx bytes. */
export async function buildWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  const xlsx = await loadXlsx();
  return xlsx.buildWorkbook(plan);
}
