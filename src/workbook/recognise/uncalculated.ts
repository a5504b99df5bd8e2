/**
 * SPEC §4 uncalculated-formula: a formula cell with no stored result (files written by openpyxl and other
 * scripts, or saved to recalculate on opening) is never read as a blank. Once per sheet: an error when
 * rating or count cells are among them (their forms and tallies carry the core's UNCALCULATED marker,
 * which the core skips, and the branches concerned are blocked), else a warning (roster, settings and
 * other cells are read as blank).
 */
import { uncalculatedFormula } from '../../core/messages';
import { UNCALCULATED } from '../../core/values';
import type { CellValue, Finding, Form, Tally } from '../../core/types';
import type { SheetSnapshot } from '../snapshot';
import type { SheetRecognition } from './model';

export function uncalculatedFormulas(
  sheets: readonly SheetSnapshot[],
  recognitions: readonly SheetRecognition[],
  forms: readonly Form[],
  tallies: readonly Tally[],
  /** sheets whose tallies were all dropped as derived (their counts are not read at all) */
  derivedOnly: ReadonlySet<string>,
): Finding[] {
  const out: Finding[] = [];
  sheets.forEach((sheet, i) => {
    const cells = sheet.uncalculated;
    if (!cells || cells.length === 0) return;
    const role = recognitions[i]?.role;
    if (role === 'output' || derivedOnly.has(sheet.name)) return;
    const pending = new Set(cells);
    const branches = new Set<string>();
    let ratings = 0;
    let counts = 0;
    for (const f of forms) {
      if (f.ref.sheet !== sheet.name) continue;
      const row = f.row;
      if (row) {
        const values = row.values as CellValue[];
        for (let j = 0; j < values.length; j++) {
          if (values[j] === null && pending.has(row.letters[j] + row.row)) {
            values[j] = UNCALCULATED;
            ratings++;
            if (f.branch) branches.add(f.branch);
          }
        }
      } else {
        for (const r of f.ratings) {
          if (r.value === null && r.ref.sheet === sheet.name && pending.has(r.ref.cell)) {
            r.value = UNCALCULATED;
            ratings++;
            if (f.branch) branches.add(f.branch);
          }
        }
      }
    }
    for (const t of tallies) {
      if (t.ref.sheet !== sheet.name) continue;
      for (const row of t.rows) {
        for (const count of Object.values(row.counts)) {
          if (count.value === null && pending.has(count.ref.cell)) {
            count.value = UNCALCULATED;
            counts++;
            if (t.branch) branches.add(t.branch);
          }
        }
      }
    }
    const kind = ratings > 0 ? 'rating' : counts > 0 ? 'count' : 'other';
    out.push(uncalculatedFormula(sheet.name, cells, kind, [...branches]));
  });
  return out;
}
