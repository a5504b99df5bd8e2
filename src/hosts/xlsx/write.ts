/**
 * Plans applied to a workbook file by package surgery (package-write.ts): the output is the input
 * package with the product's sheets added or replaced and nothing else changed. `applyPlan` checks a
 * plan at once (it throws before anything is written when a user's sheet is in the way) and records it;
 * `saveWorkbook` writes the package.
 */
import type { WorkbookPlan } from '../../workbook/plan';
import { inspectPackage, PlanConflict, writePackage, type SourcePart } from './package-write';
import type { XlsxWorkbook } from './read';
import { openZip } from './zip';

export { PlanConflict } from './package-write';

interface State {
  /** the input file, when the workbook was loaded from one */
  bytes?: Uint8Array;
  plans: WorkbookPlan[];
  /** sheet names in tab order and the marked ones, as the output will have them */
  names: string[];
  marked: Set<string>;
}

const states = new WeakMap<object, State>();

function stateOf(wb: XlsxWorkbook): State {
  let s = states.get(wb);
  if (!s) {
    const bytes = wb.source;
    // A new workbook (or a legacy file's) has no package to keep: the plans' sheets make the output.
    s = bytes ? { bytes, plans: [], ...inspectPackage(openZip(bytes).entries) } : { plans: [], names: [], marked: new Set() };
    states.set(wb, s);
  }
  return s;
}

/** Check the plan against the workbook as it will be, and record it. Throws (recording nothing) on a conflict. */
export function applyPlan(wb: XlsxWorkbook, plan: WorkbookPlan): void {
  const s = stateOf(wb);
  const names = [...s.names];
  const marked = new Set(s.marked);
  for (const sheet of plan.sheets) {
    if (sheet.mode === 'fill') {
      if (!names.includes(sheet.name)) throw new PlanConflict(`sheet "${sheet.name}" to fill does not exist`);
      continue;
    }
    const at = sheet.replaces !== undefined ? names.indexOf(sheet.replaces) : -1;
    if (at >= 0 && !marked.has(names[at])) throw new PlanConflict(`refusing to replace sheet "${names[at]}": it has no BranchAssessment marker`);
    if (names.some((n, i) => i !== at && n.toLowerCase() === sheet.name.toLowerCase())) {
      throw new PlanConflict(`sheet "${sheet.name}" already exists and is not replaced by the plan`);
    }
    if (at >= 0) {
      marked.delete(names[at]);
      names[at] = sheet.name;
    } else names.push(sheet.name);
    if (sheet.kind !== 'template') marked.add(sheet.name);
  }
  s.plans.push(plan);
  s.names = names;
  s.marked = marked;
}

/** The output file: the input package (or, for a new workbook, a fresh one) with every plan applied. */
export async function saveWorkbook(wb: XlsxWorkbook): Promise<Uint8Array> {
  const s = stateOf(wb);
  const source: SourcePart[] | null = s.bytes ? [...openZip(s.bytes).entries] : null;
  return writePackage(source, s.plans);
}

/** A new workbook holding exactly the plan's sheets (template, sample, the task pane's export). */
export function buildWorkbook(plan: WorkbookPlan): Uint8Array {
  return writePackage(null, [plan]);
}
