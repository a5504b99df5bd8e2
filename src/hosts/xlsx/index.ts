/**
 * The .xlsx host for the command line (Node) and the standalone page (browser): the workbook read from
 * its bytes, plans written into the same package by surgery. Nothing here touches the file system;
 * callers read and write the bytes.
 */
import type { WorkbookHost } from '../../workbook/host';
import type { WorkbookPlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { readWorkbook, snapshotOf, type XlsxWorkbook } from './read';
import { applyPlan, saveWorkbook } from './write';

export { InternalError, XlsxError, type XlsxErrorReason } from './errors';
export { createWorkbook, loadWorkbook, readWorkbook, snapshotOf, type LoadOptions, type XlsxWorkbook } from './read';
export { applyPlan, buildWorkbook, PlanConflict, saveWorkbook } from './write';

/**
 * A loaded workbook behind the WorkbookHost interface (the standalone page). After each plan the
 * workbook becomes the file the command line would write (saved and read back), so the next snapshot
 * sees the product's marked sheets and the edited settings: grading again replaces them exactly as
 * `grade` does on a graded file. One path for both, no second bookkeeping of what was applied.
 */
export class XlsxHost implements WorkbookHost {
  private current: XlsxWorkbook;

  constructor(private readonly original: XlsxWorkbook) {
    this.current = original;
  }

  /** The workbook as it is now (with every plan applied). */
  get workbook(): XlsxWorkbook {
    return this.current;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.current);
  }

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    if (!this.current.source) {
      // A legacy file (.xls, .et) has no package to keep: its output holds the product's sheets only,
      // planned against an empty workbook each time, so the latest plan replaces the previous one.
      const fresh: XlsxWorkbook = { snapshot: this.original.snapshot };
      applyPlan(fresh, plan);
      this.current = fresh;
      return;
    }
    applyPlan(this.current, plan);
    const bytes = await saveWorkbook(this.current);
    this.current = { snapshot: readWorkbook(bytes), source: bytes };
  }

  /** The workbook as .xlsx bytes. */
  save(): Promise<Uint8Array> {
    return saveWorkbook(this.current);
  }
}
