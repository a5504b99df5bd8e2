/**
 * The .xlsx host for the command line (Node) and the standalone page (browser): the workbook read from
 * its bytes, plans written into the same package by surgery. Nothing here touches the file system;
 * callers read and write the bytes.
 */
import type { WorkbookHost } from '../../workbook/host';
import type { WorkbookPlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { snapshotOf, type XlsxWorkbook } from './read';
import { applyPlan, saveWorkbook } from './write';

export { InternalError, XlsxError, type XlsxErrorReason } from './errors';
export { createWorkbook, loadWorkbook, readWorkbook, snapshotOf, type LoadOptions, type XlsxWorkbook } from './read';
export { applyPlan, buildWorkbook, PlanConflict, saveWorkbook } from './write';

/** A loaded workbook behind the WorkbookHost interface. */
export class XlsxHost implements WorkbookHost {
  constructor(public readonly workbook: XlsxWorkbook) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    applyPlan(this.workbook, plan);
  }

  /** The workbook as .xlsx bytes. */
  save(): Promise<Uint8Array> {
    return saveWorkbook(this.workbook);
  }
}
