/**
 * The office's own 考核汇总 (SPEC §4.6): write only 总分 / 等级 / 排名 of the rows whose branch was graded,
 * never over a formula, and nothing else.
 */
import { formulaFinding } from '../../core/messages';
import { normalize } from '../../core/text';
import type { AssessmentResult, BranchResult, Finding } from '../../core/types';
import type { FillPlan, PlanValue } from '../plan';
import type { OfficeSummaryTarget } from '../recognise/model';
import { address, type WorkbookSnapshot } from '../snapshot';

export type { OfficeSummaryTarget };
export { formulaFinding };

function formulaAt(snapshot: WorkbookSnapshot, sheet: string, r: number, c: number): string | null {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  return s?.formulas?.[r]?.[c] ?? null;
}


export function planOfficeSummary(
  result: AssessmentResult,
  snapshot: WorkbookSnapshot,
  target: OfficeSummaryTarget,
): { plan: FillPlan; findings: Finding[] } {
  const byName = new Map<string, BranchResult>();
  for (const b of result.branches) if (!byName.has(normalize(b.name))) byName.set(normalize(b.name), b);

  const cells: FillPlan['cells'] = [];
  const findings: Finding[] = [];
  for (const { branch, row } of target.rows) {
    const b = byName.get(normalize(branch));
    if (!b || b.status !== 'graded') continue;
    const writes: [number | undefined, PlanValue][] = [
      [target.totalCol, b.total],
      [target.gradeCol, b.grade],
      [target.rankCol, b.rank],
    ];
    for (const [col, value] of writes) {
      if (col === undefined) continue;
      const cell = address(row, col);
      const formula = formulaAt(snapshot, target.sheet, row, col);
      if (formula !== null) findings.push(formulaFinding(target.sheet, cell, b.name, formula));
      else cells.push({ cell, value });
    }
  }
  return { plan: { mode: 'fill', kind: 'summary', name: target.sheet, cells }, findings };
}
