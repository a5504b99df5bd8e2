/**
 * Per-run caches: normalised keys and header flags are computed once per distinct string, which keeps
 * recognition of hundreds of thousands of cells fast.
 */
import { normalizeKey } from '../../core/text';
import { GRADES, type Catalogue, type Finding } from '../../core/types';
import type { Grid } from './grid';
import { IndicatorMatcher } from './indicators';
import { BRANCH, CODE, GRADE, ROLE_WORDS, TEXT, tallyGradeOf } from './vocab';

export const F_ROLE = 1 << 0;
export const F_BRANCH = 1 << 1;
export const F_INDICATOR = 1 << 2;
export const F_GRADE_COL = 1 << 3;
export const F_CODE_COL = 1 << 4;
export const F_TEXT_COL = 1 << 5;
/** tally grade columns: F_TALLY << index in GRADES (one bit per grade of the scale) */
export const F_TALLY = 1 << 6;
export const TALLY_ALL = GRADES.reduce((all, _g, i) => all | (F_TALLY << i), 0);

/** What one row looks like as a header. */
export interface RowProfile {
  flags: number;
  indicators: number;
  distinctIndicators: number;
}

export class Ctx {
  readonly findings: Finding[] = [];
  readonly matcher: IndicatorMatcher;
  private readonly keys = new Map<string, string>();
  private readonly flagMemo = new Map<string, number>();

  constructor(catalogue: Catalogue) {
    this.matcher = new IndicatorMatcher(catalogue);
  }

  key(s: string): string {
    let k = this.keys.get(s);
    if (k === undefined) {
      k = normalizeKey(s);
      if (this.keys.size > 100000) this.keys.clear();
      this.keys.set(s, k);
    }
    return k;
  }

  /** Header flags of a cell text (see F_*). */
  flags(s: string): number {
    let f = this.flagMemo.get(s);
    if (f === undefined) {
      f = this.computeFlags(s);
      if (this.flagMemo.size > 100000) this.flagMemo.clear();
      this.flagMemo.set(s, f);
    }
    return f;
  }

  private computeFlags(s: string): number {
    const k = this.key(s);
    if (k === '') return 0;
    let f = 0;
    if (ROLE_WORDS.has(k)) f |= F_ROLE;
    if (BRANCH.has(k)) f |= F_BRANCH;
    if (GRADE.has(k)) f |= F_GRADE_COL;
    if (CODE.has(k)) f |= F_CODE_COL;
    if (TEXT.has(k)) f |= F_TEXT_COL;
    const g = tallyGradeOf(s);
    if (g) f |= F_TALLY << GRADES.indexOf(g);
    if (!(f & F_ROLE) && this.matcher.match(s).kind === 'indicator') f |= F_INDICATOR;
    return f;
  }

  private readonly scratch: RowProfile = { flags: 0, indicators: 0, distinctIndicators: 0 };

  /**
   * The row's header profile, from its own cells only (cheap enough to run on every data row). The
   * object is reused by the next call: read it at once.
   */
  profile(grid: Grid, r: number): RowProfile {
    return this.profileOf(grid.row(r));
  }

  /** The header profile of a row's cells (values, or a header row's texts); same reuse as profile(). */
  profileOf(row: readonly unknown[]): RowProfile {
    let flags = 0;
    let indicators = 0;
    let first: string | null = null;
    let distinct = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let s: string;
      if (typeof v === 'string') s = v;
      else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
      else continue;
      const f = this.flags(s);
      if (f === 0) continue;
      flags |= f;
      if (f & F_INDICATOR) {
        indicators++;
        if (distinct < 2) {
          const code = this.matcher.codeOf(s);
          if (first === null) {
            first = code;
            distinct = 1;
          } else if (code !== first) distinct = 2;
        }
      }
    }
    const p = this.scratch;
    p.flags = flags;
    p.indicators = indicators;
    p.distinctIndicators = distinct;
    return p;
  }
}

/** Forms header: a branch column with an indicator column, or two different indicator columns. */
export function isFormsHeader(p: RowProfile): boolean {
  return (p.indicators >= 1 && (p.flags & F_BRANCH) !== 0) || p.distinctIndicators >= 2;
}

export function isTallyHeader(p: RowProfile): boolean {
  return (p.flags & TALLY_ALL) === TALLY_ALL;
}

export function isLongHeader(p: RowProfile): boolean {
  return (p.flags & F_GRADE_COL) !== 0 && (p.flags & (F_CODE_COL | F_TEXT_COL)) !== 0;
}
