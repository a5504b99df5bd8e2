/**
 * The hot path: read every rating cell and tally count once, and count grades per branch, source and
 * indicator in typed arrays. Exact arithmetic happens later, per branch × source × indicator (scoring.ts).
 */
import { EMPTY, type Branches } from './branches';
import * as msg from './messages';
import { parseCount, parseGrade } from './scale';
import { normalize, trimAll } from './text';
import { isUncalculated } from './values';
import { GRADE_COUNT, GRADES, SOURCE_SCORE_KEYS, type CellRef, type Finding, type Form, type Period, type Source, type Tally } from './types';

/** Score keys in SOURCE_SCORE_KEYS order: 组织考核, 民主测评, 自评 (annual), 自评(半年). */
export const KEY_COUNT = SOURCE_SCORE_KEYS.length;
export const DEMOCRATIC = 1;
const SELF_HALF_YEAR = 3;

/** Period only matters for self-assessment: half-year 组织考核/民主测评 forms count as annual. */
export function keyIndex(source: Source, period: Period): number {
  if (source === '自评') return period === 'half-year' ? SELF_HALF_YEAR : 2;
  return source === '组织考核' ? 0 : DEMOCRATIC;
}

export interface Counts {
  /** indicators */
  K: number;
  /** grade counts, index ((b × KEY_COUNT + k) × K + i) × GRADE_COUNT + g */
  grades: Int32Array;
  /** forms per branch and key (tally votes count as forms), index b × KEY_COUNT + k */
  forms: Int32Array;
  /** the sheet of a branch's forms per key; null when they come from several sheets */
  sheets: (string | null | undefined)[];
  /** 民主测评 forms per branch: from party members, non-party raters, and with any rater identity */
  party: Int32Array;
  nonparty: Int32Array;
  typed: Int32Array;
  findings: Finding[];
}

export function emptyCounts(branches: number, K: number): Counts {
  return {
    K,
    grades: new Int32Array(branches * KEY_COUNT * K * GRADE_COUNT),
    forms: new Int32Array(branches * KEY_COUNT),
    sheets: new Array(branches * KEY_COUNT),
    party: new Int32Array(branches),
    nonparty: new Int32Array(branches),
    typed: new Int32Array(branches),
    findings: [],
  };
}

const BLANK = -1;
const INVALID = -2;
const GRADE_INDEX = new Map(GRADES.map((g, i) => [g, i]));

/** Grade index 0–3, BLANK or INVALID, with a cache on the raw string (the same few spellings repeat). */
function makeGradeIndex(): (v: Form['ratings'][number]['value']) => number {
  const cache = new Map<string, number>();
  const slow = (v: Form['ratings'][number]['value']): number => {
    const r = parseGrade(v);
    return r.kind === 'grade' ? (GRADE_INDEX.get(r.grade) as number) : r.kind === 'blank' ? BLANK : INVALID;
  };
  return (v) => {
    if (typeof v !== 'string') return v === null ? BLANK : INVALID;
    let g = cache.get(v);
    if (g === undefined) {
      g = slow(v);
      if (cache.size < 10_000) cache.set(v, g);
    }
    return g;
  };
}

function noteSheet(c: Counts, bk: number, sheet: string): void {
  const s = c.sheets[bk];
  if (s === undefined) c.sheets[bk] = sheet;
  else if (s !== null && s !== sheet) c.sheets[bk] = null;
}

interface FormContext {
  c: Counts;
  branches: Branches;
  indicatorIndex: Map<string, number>;
  blankIsError: boolean;
  gradeIndex: (v: Form['ratings'][number]['value']) => number;
  /** the previous form's indicator codes and indices by position: forms of a sheet share their columns */
  lastCodes: string[];
  lastIndex: number[];
  /** per branch: rater key → the form's first cell */
  raters: Map<number, Map<string, CellRef>>;
}

function branchName(ctx: FormContext, b: number, written: string): string {
  return b >= 0 ? ctx.branches.list[b].name : trimAll(written);
}

/** Count every form's ratings; findings for invalid and blank ratings, orphan rows, uniform forms. */
export function collectForms(forms: Form[], branches: Branches, indicatorIndex: Map<string, number>, blankIsError: boolean, c: Counts): void {
  const ctx: FormContext = {
    c,
    branches,
    indicatorIndex,
    blankIsError,
    gradeIndex: makeGradeIndex(),
    raters: new Map(),
    lastCodes: [],
    lastIndex: [],
  };
  for (const form of forms) collectForm(ctx, form);
}

function collectForm(ctx: FormContext, form: Form): void {
  const { c, gradeIndex, lastCodes, lastIndex } = ctx;
  const b = ctx.branches.indexOf(form.branch);
  const k = keyIndex(form.source, form.period);
  const bk = b * KEY_COUNT + k;
  const base = b >= 0 ? bk * c.K * GRADE_COUNT : -1;
  let valid = 0;
  let blanks = 0;
  let invalid = 0;
  let pending = 0;
  let first = -1;
  let uniform = true;
  // A form read from one sheet row carries its ratings compactly (row); others as RatingCells.
  const row = form.row;
  const ratings = row ? undefined : form.ratings;
  const n = row ? row.values.length : form.ratings.length;
  for (let j = 0; j < n; j++) {
    const code = row ? row.codes[j] : ratings![j].indicator;
    let i = lastIndex[j];
    if (lastCodes[j] !== code) {
      i = ctx.indicatorIndex.get(code) ?? -1;
      lastCodes[j] = code;
      lastIndex[j] = i;
    }
    if (i < 0) continue;
    const value = row ? row.values[j] : ratings![j].value;
    const g = gradeIndex(value);
    if (g >= 0) {
      valid++;
      if (first < 0) first = g;
      else if (g !== first) uniform = false;
      if (base >= 0) c.grades[base + i * GRADE_COUNT + g]++;
    } else if (g === BLANK) {
      blanks++;
    } else if (isUncalculated(value)) {
      // reported once for its sheet (uncalculated-formula), which blocks the branch
      pending++;
    } else {
      invalid++;
      const shown = parseGrade(value);
      const text = shown.kind === 'invalid' ? shown.shown : '';
      c.findings.push(msg.invalidRating(ratingRef(form, j), branchName(ctx, b, form.branch), code, text));
    }
  }
  const name = branchName(ctx, b, form.branch);
  if (valid + invalid === 0) {
    // a row with neither branch nor rating is just an empty row
    if (b !== EMPTY && pending === 0) c.findings.push(msg.emptyForm(form.ref, name));
    return;
  }
  if (b === EMPTY) c.findings.push(msg.orphanRow(form.branchRef));
  if (blanks > 0) reportBlanks(ctx, form, name);
  if (b < 0) return;
  c.forms[bk]++;
  noteSheet(c, bk, form.ref.sheet);
  if (k === DEMOCRATIC && form.raterType) {
    c.typed[b]++;
    if (form.raterType === 'party') c.party[b]++;
    else c.nonparty[b]++;
  }
  if (uniform && invalid === 0 && blanks === 0 && pending === 0 && valid >= 2) {
    c.findings.push(msg.uniformForm(form.ref, name, form.source, GRADES[first]));
  }
  if (form.rater !== undefined) checkRater(ctx, form, b, name);
}

/** Where rating j of a form lives (built only for a finding). */
function ratingRef(form: Form, j: number): CellRef {
  const row = form.row;
  return row ? { sheet: row.sheet, cell: row.letters[j] + row.row } : form.ratings[j].ref;
}

function reportBlanks(ctx: FormContext, form: Form, name: string): void {
  const row = form.row;
  const n = row ? row.values.length : form.ratings.length;
  for (let j = 0; j < n; j++) {
    const code = row ? row.codes[j] : form.ratings[j].indicator;
    if (!ctx.indicatorIndex.has(code)) continue;
    if (ctx.gradeIndex(row ? row.values[j] : form.ratings[j].value) === BLANK) {
      ctx.c.findings.push(msg.missingRating(ratingRef(form, j), name, code, ctx.blankIsError));
    }
  }
}

// Printable ASCII and CJK ideographs only: already normalised, no need to rebuild the string.
const PLAIN = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/** duplicate-rater: the same rater twice for one branch, source and period. */
function checkRater(ctx: FormContext, form: Form, b: number, name: string): void {
  const raw = form.rater ?? '';
  const rater = PLAIN.test(raw) ? raw : normalize(raw);
  if (rater === '') return;
  let seen = ctx.raters.get(b);
  if (!seen) ctx.raters.set(b, (seen = new Map()));
  const key = `${form.source}|${form.period}|${rater}`;
  const first = seen.get(key);
  if (first) ctx.c.findings.push(msg.duplicateRater(form.ref, name, form.source, trimAll(raw), first));
  else seen.set(key, form.ref);
}

/** Count tally votes as forms; invalid-count, orphan-row and tally-mismatch findings. */
export function collectTallies(tallies: Tally[], branches: Branches, indicatorIndex: Map<string, number>, c: Counts): void {
  for (const t of tallies) collectTally(t, branches, indicatorIndex, c);
}

function collectTally(t: Tally, branches: Branches, indicatorIndex: Map<string, number>, c: Counts): void {
  const b = branches.indexOf(t.branch);
  const name = b >= 0 ? branches.list[b].name : trimAll(t.branch);
  const bk = b * KEY_COUNT + keyIndex(t.source, t.period);
  const totals: { indicator: string; votes: number }[] = [];
  let pending = false;
  for (const row of t.rows) {
    const i = indicatorIndex.get(row.indicator);
    if (i === undefined) continue;
    let votes = 0;
    GRADES.forEach((g, gi) => {
      const cell = row.counts[g];
      if (isUncalculated(cell.value)) {
        pending = true; // reported once for its sheet, which blocks the branch
        return;
      }
      const r = parseCount(cell.value);
      if (r.kind === 'invalid') {
        c.findings.push(msg.invalidCount(cell.ref, name, row.indicator, g, r.shown));
        return;
      }
      votes += r.n;
      if (b >= 0) c.grades[(bk * c.K + i) * GRADE_COUNT + gi] += r.n;
    });
    totals.push({ indicator: row.indicator, votes });
  }
  const most = totals.reduce((m, x) => Math.max(m, x.votes), 0);
  if (most > 0 && b === EMPTY) c.findings.push(msg.orphanRow(t.branchRef));
  if (!pending && new Set(totals.map((x) => x.votes)).size > 1) c.findings.push(msg.tallyMismatch(t.ref, name, totals));
  if (b < 0) return;
  c.forms[bk] += most;
  if (most > 0) noteSheet(c, bk, t.ref.sheet);
}
