/** Small builders for core inputs, so each test states only what matters to it. */
import { defaultCatalogue } from '../../src/core/catalogue';
import { defaultRuleset } from '../../src/core/ruleset';
import type {
  Adjustment,
  AssessmentInput,
  AssessmentResult,
  BranchResult,
  CellValue,
  Finding,
  Form,
  Grade,
  Period,
  RaterType,
  RosterEntry,
  Ruleset,
  Source,
  Tally,
} from '../../src/core/types';

export const CODES = defaultCatalogue().indicators.map((i) => i.code);

/** A1 column letters of a 1-based column number. */
export function col(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What a form rates: one grade for every indicator, one value per indicator, or some indicators. */
export type Ratings = Grade | string | CellValue[] | Record<string, CellValue>;

function ratingValues(r: Ratings): CellValue[] {
  if (typeof r === 'string') return CODES.map(() => r); // a grade or any other spelling
  if (Array.isArray(r)) return r;
  return CODES.map((c) => (c in r ? r[c] : r['*'] ?? null));
}

export interface FormOptions {
  period?: Period;
  raterType?: RaterType;
  rater?: string;
  sheet?: string;
}

export class InputBuilder {
  private rows = new Map<string, number>();
  readonly input: AssessmentInput;

  constructor(roster: (string | RosterEntry)[] | null = null, ruleset: Partial<Ruleset> = {}) {
    this.input = {
      catalogue: defaultCatalogue(),
      ruleset: { ...defaultRuleset(), ...ruleset },
      roster: roster && roster.map((e, i) => (typeof e === 'string' ? { name: e, ref: { sheet: '支部名单', cell: `A${i + 2}` } } : e)),
      forms: [],
      tallies: [],
      adjustments: [],
      findings: [],
    };
  }

  /** Next row of a sheet (rows start at 2, under a header). */
  private row(sheet: string): number {
    const r = (this.rows.get(sheet) ?? 1) + 1;
    this.rows.set(sheet, r);
    return r;
  }

  /** One form in a wide sheet named after its source: branch in A, indicators from B in catalogue order. */
  form(branch: string, source: Source, ratings: Ratings, o: FormOptions = {}): this {
    const sheet = o.sheet ?? source;
    const row = this.row(sheet);
    const values = ratingValues(ratings);
    const form: Form = {
      branch,
      branchRef: { sheet, cell: `A${row}` },
      source,
      period: o.period ?? 'annual',
      ref: { sheet, cell: `A${row}` },
      ratings: values.map((value, i) => ({ indicator: CODES[i], value, ref: { sheet, cell: `${col(i + 2)}${row}` } })),
    };
    if (o.raterType) form.raterType = o.raterType;
    if (o.rater !== undefined) form.rater = o.rater;
    this.input.forms.push(form);
    return this;
  }

  /** n identical forms. */
  forms(n: number, branch: string, source: Source, ratings: Ratings, o: FormOptions = {}): this {
    for (let i = 0; i < n; i++) this.form(branch, source, ratings, o);
    return this;
  }

  /** A vote tally: per indicator [优秀, 较好, 一般, 差] counts; `all` applies to every indicator not listed. */
  tally(branch: string, source: Source, counts: Record<string, CellValue[]>, o: FormOptions = {}): Tally {
    const sheet = o.sheet ?? `${source}票数`;
    const header = this.row(sheet);
    const t: Tally = {
      branch,
      branchRef: { sheet, cell: `B${header - 1 > 0 ? header - 1 : 1}` },
      source,
      period: o.period ?? 'annual',
      ref: { sheet, cell: `A${header}` },
      rows: CODES.filter((c) => c in counts || 'all' in counts).map((c) => {
        const row = this.row(sheet);
        const v = counts[c] ?? counts.all;
        const cell = (j: number) => ({ value: v[j], ref: { sheet, cell: `${col(j + 2)}${row}` } });
        return { indicator: c, ref: { sheet, cell: `A${row}` }, counts: { 优秀: cell(0), 较好: cell(1), 一般: cell(2), 差: cell(3) } };
      }),
    };
    this.input.tallies.push(t);
    return t;
  }

  adjustment(branch: string, value: CellValue, sheet = '抽检记录'): this {
    const row = this.row(sheet);
    const a: Adjustment = { branch, branchRef: { sheet, cell: `A${row}` }, value, valueRef: { sheet, cell: `E${row}` } };
    this.input.adjustments.push(a);
    return this;
  }

  finding(f: Finding): this {
    this.input.findings.push(f);
    return this;
  }

  /** The usual minimum for a graded branch: 1 组织考核 and `demo` 民主测评 forms. */
  graded(branch: string, org: Ratings, demo: Ratings, demoForms = 5): this {
    return this.form(branch, '组织考核', org).forms(demoForms, branch, '民主测评', demo);
  }

  build(): AssessmentInput {
    return this.input;
  }
}

export function codesOf(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** The result row of one branch (throws when the branch is missing, so a test fails at the right line). */
export function branch(r: AssessmentResult, name: string): BranchResult {
  const b = r.branches.find((x) => x.name === name);
  if (!b) throw new Error(`no branch ${name}`);
  return b;
}

/** The findings with one code. */
export function only(r: AssessmentResult, code: Finding['code']): Finding[] {
  return r.findings.filter((f) => f.code === code);
}
