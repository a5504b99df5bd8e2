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

/**
 * A workbook from disk, read with its XML parts inflated ahead by the browser's own DecompressionStream
 * (hosts/xlsx/zip.ts prepareInflater): native code, where fflate took about a second on a 300-branch file.
 */
export async function loadWorkbookFile(data: Uint8Array, fileName: string): Promise<Awaited<ReturnType<XlsxModule['loadWorkbook']>>> {
  const [xlsx, zip] = await Promise.all([loadXlsx(), import('../hosts/xlsx/zip')]);
  zip.useInflater(await zip.prepareInflater(data));
  try {
    return await xlsx.loadWorkbook(data, { fileName });
  } finally {
    // The prepared parts belong to this file only.
    zip.useInflater(undefined);
  }
}
