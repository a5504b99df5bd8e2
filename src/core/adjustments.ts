/**
 * Spot-check adjustments (加减分, SPEC §4.5): a signed number per record; blank = a record only. The sum per
 * branch is clamped to ±adjustmentCap.
 */
import { EMPTY, type Branches } from './branches';
import { add, clamp, compare, fromNumber, neg, toNumber, ZERO, type Rational } from './decimal';
import * as msg from './messages';
import { trimAll } from './text';
import type { Adjustment, Finding, SpotCheck } from './types';
import { isBlank, readDecimal, showValue } from './values';

export interface AdjustmentSums {
  /** per branch, unclamped */
  raw: Rational[];
  /** per branch, clamped to ±cap */
  clamped: Rational[];
  /** per branch, its records in sheet order (records without a value included), for the feedback page */
  records: SpotCheck[][];
  findings: Finding[];
}

function spotCheck(a: Adjustment, value: number | null): SpotCheck {
  const r: SpotCheck = { value };
  if (a.kind) r.kind = a.kind;
  if (a.date) r.date = a.date;
  if (a.reason) r.reason = a.reason;
  return r;
}

export function sumAdjustments(adjustments: Adjustment[], branches: Branches, cap: number): AdjustmentSums {
  const raw: Rational[] = branches.list.map(() => ZERO);
  const records: SpotCheck[][] = branches.list.map(() => []);
  const findings: Finding[] = [];
  for (const a of adjustments) {
    if (isBlank(a.value)) {
      const b = branches.indexOf(a.branch);
      if (b >= 0) records[b].push(spotCheck(a, null));
      continue;
    }
    const b = branches.indexOf(a.branch);
    if (b === EMPTY) {
      findings.push(msg.orphanRow(a.branchRef));
      continue;
    }
    const v = readDecimal(a.value);
    if (v === null) {
      const name = b >= 0 ? branches.list[b].name : trimAll(a.branch);
      findings.push(msg.invalidAdjustment(a.valueRef, name, showValue(a.value)));
      continue;
    }
    if (b >= 0) {
      raw[b] = add(raw[b], v);
      records[b].push(spotCheck(a, toNumber(v)));
    }
  }
  const c = fromNumber(cap);
  const clamped = raw.map((r) => clamp(r, neg(c), c));
  return { raw, clamped, records, findings };
}

export function wasClamped(s: AdjustmentSums, b: number): boolean {
  return compare(s.raw[b], s.clamped[b]) !== 0;
}
