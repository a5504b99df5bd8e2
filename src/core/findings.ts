/**
 * Ordering findings (SPEC §6 校验问题): errors, warnings, info; then by sheet in the order the sheets first
 * appear in the input, then by cell (row, then column). Findings without a sheet or cell come first in
 * their group. The sort is stable.
 */
import { parseAddress } from './a1';
import type { AssessmentInput, Finding, Severity } from './types';

const SEVERITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Row and column of the first cell of an A1 address ("B12", "$C$3", "A3:F3"); null when unreadable. */
export function cellPosition(cell: string): { row: number; col: number } | null {
  try {
    const p = parseAddress(cell.split(':')[0]);
    return { row: p.r + 1, col: p.c + 1 };
  } catch {
    return null;
  }
}

/** Sheets in order of first appearance: roster, forms, tallies, adjustments, then recognition's findings. */
export function sheetOrder(input: AssessmentInput): Map<string, number> {
  const order = new Map<string, number>();
  const see = (sheet: string | undefined) => {
    if (sheet !== undefined && !order.has(sheet)) order.set(sheet, order.size);
  };
  for (const e of input.roster ?? []) see(e.ref?.sheet);
  let last: string | undefined;
  for (const f of input.forms) {
    if (f.ref.sheet !== last) see((last = f.ref.sheet));
  }
  for (const t of input.tallies) see(t.ref.sheet);
  for (const a of input.adjustments) see(a.valueRef.sheet);
  for (const f of input.findings) see(f.sheet);
  return order;
}

export function sortFindings(findings: Finding[], order: Map<string, number>): Finding[] {
  const keyed = findings.map((f, i) => {
    const pos = f.cell !== undefined ? cellPosition(f.cell) : null;
    const sheet = f.sheet === undefined ? -1 : (order.get(f.sheet) ?? order.size);
    return { f, i, sev: SEVERITY[f.severity], sheet, name: f.sheet ?? '', row: pos?.row ?? 0, col: pos?.col ?? 0 };
  });
  keyed.sort(
    (a, b) =>
      a.sev - b.sev ||
      a.sheet - b.sheet ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      a.row - b.row ||
      a.col - b.col ||
      a.i - b.i,
  );
  return keyed.map((k) => k.f);
}
