/**
 * What a host (Office.js inside Excel, or an .xlsx file) offers the rest of the product. Both hosts
 * implement it; the CLI and the task pane only talk to this.
 */
import type { OutputKind, WorkbookSnapshot } from './snapshot';
import type { WorkbookPlan } from './plan';

/**
 * The product marks the sheets it creates with a sheet-scoped defined name `BranchAssessment_<kind>`
 * referring to the sheet's A1. It survives save/reopen and both hosts can read it; a sheet without it
 * is the user's and is never replaced.
 */
export const MARKER_PREFIX = 'BranchAssessment_';
export const OUTPUT_KINDS: readonly OutputKind[] = ['summary', 'notification', 'checks', 'details'];

export function markerName(kind: OutputKind): string {
  return MARKER_PREFIX + kind;
}

/** The kind a marker name stands for, or undefined when it is not one of ours. */
export function kindOfMarker(name: string): OutputKind | undefined {
  if (!name.startsWith(MARKER_PREFIX)) return undefined;
  const kind = name.slice(MARKER_PREFIX.length);
  return (OUTPUT_KINDS as readonly string[]).includes(kind) ? (kind as OutputKind) : undefined;
}

export interface WorkbookHost {
  /** Read every sheet (values, formulas, merges, markers) in one batch. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Apply a plan in one batch. A new sheet is built completely before it replaces the product's previous
   * sheet of that name, so a failure while building leaves the previous results as they were; a failure
   * after results went into place is told sheet by sheet (Excel: src/hosts/excel/progress.ts). Raw ratings
   * are never touched.
   */
  applyPlan(plan: WorkbookPlan): Promise<void>;
}
