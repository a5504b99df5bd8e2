/**
 * Acceptance: workbooks written by another tool (openpyxl, scripts/make-acceptance.py), graded through the CLI,
 * compared with expectations computed independently in that script from SPEC §3 (exact fractions).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../cli/helpers';

const DIR = path.join(__dirname, '..', 'fixtures', 'acceptance');

interface ExpectedIssue {
  code: string;
  sheet: string;
  cell: string | null;
  branch?: string | null;
  /** cell: exact A1; row: any cell of that row; branch: code + sheet + branch; sheet: code + sheet */
  match: 'cell' | 'row' | 'branch' | 'sheet';
}
interface Expected {
  file: string;
  exitCode: number;
  ruleset: { weights: Record<string, number>; decimals: number };
  branches: { name: string; status: string; total: number | null; grade: string | null; rank: number | null }[];
  gradeCounts: Record<string, number>;
  errors: ExpectedIssue[];
  warnings: ExpectedIssue[];
  infos: ExpectedIssue[];
}
interface ReportIssue {
  severity: string;
  code: string;
  sheet?: string | null;
  cell?: string | null;
  branch?: string | null;
}
interface Report {
  ruleset: { weights: Record<string, number>; decimals: number };
  branches: { name: string; status: string; total: number | null; grade: string | null; rank: number | null }[];
  gradeCounts: Record<string, number>;
  issues: ReportIssue[];
}

const rowOf = (cell: string | null | undefined) => (cell ? cell.replace(/^[A-Z]+/, '') : null);

function matches(e: ExpectedIssue, a: ReportIssue, severity: string): boolean {
  if (a.severity !== severity || a.code !== e.code || a.sheet !== e.sheet) return false;
  switch (e.match) {
    case 'cell':
      return a.cell === e.cell;
    case 'row':
      return rowOf(a.cell) === rowOf(e.cell);
    case 'branch':
      return a.branch === e.branch;
    case 'sheet':
      return true;
  }
}

const show = (a: ReportIssue) => `${a.severity} ${a.code} ${a.sheet ?? '-'}!${a.cell ?? '-'} ${a.branch ?? ''}`;

async function grade(name: string): Promise<{ code: number; report: Report; stderr: string; wroteOut: boolean }> {
  const input = new Uint8Array(readFileSync(path.join(DIR, `${name}.xlsx`)));
  const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx', '--json', 'report.json'], { 'in.xlsx': input }, { BA_DATE: '2026-12-20' });
  const raw = r.files.get('report.json');
  if (raw === undefined) throw new Error(`no report (exit ${r.code}): ${r.stderr}`);
  const report = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw)) as Report;
  return { code: r.code, report, stderr: r.stderr, wroteOut: r.files.get('out.xlsx') instanceof Uint8Array };
}

const FIXTURES = ['forms', 'tallies', 'longlist', 'edge'];
const results = new Map<string, Promise<{ code: number; report: Report; stderr: string; wroteOut: boolean }>>();
const graded = (name: string) => {
  if (!results.has(name)) results.set(name, grade(name));
  return results.get(name)!;
};

/*
 * longlist.xlsx: a rating under the misspelled name "机关第一党支布" also blocks 机关第一党支部, with an
 * unknown-branch error naming it (README, decisions: no grade from partial data). The independent checker
 * first read SPEC literally (graded 97.6); the expectation now encodes the documented choice.
 */

describe.each(FIXTURES)('acceptance: %s.xlsx', (name) => {
  const exp = JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as Expected;

  it('exits with the expected status and writes the summary', async () => {
    const { code, wroteOut } = await graded(name);
    expect({ code, wroteOut }).toEqual({ code: exp.exitCode, wroteOut: true });
  });

  it('reports the effective ruleset', async () => {
    const { report } = await graded(name);
    expect(report.ruleset.weights).toEqual(exp.ruleset.weights);
    expect(report.ruleset.decimals).toBe(exp.ruleset.decimals);
  });

  it('gives every branch the independently computed status, total, grade and rank', async () => {
    const { report } = await graded(name);
    const actual = report.branches.map((b) => ({ name: b.name, status: b.status, total: b.total, grade: b.grade, rank: b.rank }));
    const expected = exp.branches.map((b) => ({ name: b.name, status: b.status, total: b.total, grade: b.grade, rank: b.rank }));
    expect(actual).toEqual(expected);
  });

  it('counts the grades', async () => {
    const { report } = await graded(name);
    expect(report.gradeCounts).toEqual(exp.gradeCounts);
  });

  it('reports every expected finding at its cell', async () => {
    const { report } = await graded(name);
    const missing = [
      ...exp.errors.map((e) => ['error', e] as const),
      ...exp.warnings.map((e) => ['warning', e] as const),
      ...exp.infos.map((e) => ['info', e] as const),
    ]
      .filter(([sev, e]) => !report.issues.some((a) => matches(e, a, sev)))
      .map(([sev, e]) => `${sev} ${e.code} ${e.sheet}!${e.cell ?? '-'} ${e.branch ?? ''}`);
    expect(missing).toEqual([]);
  });

  it('reports no unexpected error', async () => {
    const { report } = await graded(name);
    const extra = report.issues.filter((a) => a.severity === 'error' && !exp.errors.some((e) => matches(e, a, 'error'))).map(show);
    expect(extra).toEqual([]);
  });
});
