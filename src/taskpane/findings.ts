/** The checks tab's data work: grouping findings, the cells to mark, the ranges that get drop-downs. */
import { GRADES, type Finding } from '../core/types';
import type { DropDownRange } from './app-host';
import type { GradeOutcome } from './run';

/** The cells to mark: errors and warnings that point at a cell. */
export function highlightRefs(findings: readonly Finding[]): { sheet: string; cell: string }[] {
  const seen = new Set<string>();
  const refs: { sheet: string; cell: string }[] = [];
  for (const f of findings) {
    if (f.severity === 'info' || !f.sheet || !f.cell) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ sheet: f.sheet, cell: f.cell });
  }
  return refs;
}

/** Four-grade drop-downs for the rating ranges recognition found (tally counts get none). */
export function dropDownRanges(ranges: GradeOutcome['recognition']['ratingRanges']): DropDownRange[] {
  return ranges.filter((r) => r.kind === 'grade').map((r) => ({ sheet: r.sheet, range: r.range, list: [...GRADES] }));
}

export interface CodeGroup {
  code: Finding['code'];
  items: Finding[];
}

export interface SeverityGroup {
  severity: Finding['severity'];
  codes: CodeGroup[];
}

/** Findings grouped by severity (error, warning, info), then by code in first-seen order. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const order: Finding['severity'][] = ['error', 'warning', 'info'];
  return order
    .map((severity) => {
      const codes = new Map<Finding['code'], Finding[]>();
      for (const f of findings) {
        if (f.severity !== severity) continue;
        const list = codes.get(f.code);
        if (list) list.push(f);
        else codes.set(f.code, [f]);
      }
      return { severity, codes: [...codes].map(([code, items]) => ({ code, items })) };
    })
    .filter((g) => g.codes.length > 0);
}

/** A finding the user can go to: it names a sheet and a cell. */
export function isLocated(f: Finding): f is Finding & { sheet: string; cell: string } {
  return Boolean(f.sheet && f.cell);
}
