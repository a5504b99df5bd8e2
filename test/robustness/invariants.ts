/**
 * Invariants every run must satisfy, whatever the workbook. Each check returns a list of violations
 * (empty = fine) so that a failing property prints what broke, not just "expected true".
 */
import type { AssessmentResult, Finding, FindingCode, Grade, Ruleset } from '../../src/core/types';
import type { RunOutcome } from '../../src/workbook/pipeline';
import type { SheetPlan } from '../../src/workbook/plan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

/** Findings that are about one cell (SPEC §5: "the sheet and cell (A1 form) where it applies"). */
export const CELL_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'invalid-rating',
  'invalid-count',
  'unknown-branch',
  'orphan-row',
  'missing-rating',
  'unmapped-column',
  'duplicate-rater',
]);
/** Cell-specific when they come from a sheet (a built-in default has no sheet). */
export const SHEET_CELL_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(['invalid-settings', 'invalid-catalogue']);

const A1 = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/;

function parseA1(a: string): { r: number; c: number } | null {
  const m = A1.exec(a);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]) - 1;
  if (c - 1 > 16383 || r > 1048575) return null;
  return { r, c: c - 1 };
}

/** Height and width (longest row) of a sheet's grid. */
export function gridSize(snapshot: WorkbookSnapshot, sheet: string): { height: number; width: number } | null {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return null;
  let width = 0;
  for (const row of s.values) if (Array.isArray(row) && row.length > width) width = row.length;
  return { height: s.values.length, width };
}

function describe(f: Finding): string {
  return `${f.severity} ${f.code} ${JSON.stringify(f.sheet)}!${f.cell ?? '-'} (${f.message.en.slice(0, 120)})`;
}

/** Every finding names an existing sheet; cell-specific ones carry a valid A1 cell inside that sheet's grid. */
export function findingPlaceProblems(snapshot: WorkbookSnapshot, findings: Finding[], sizes = new Map<string, { height: number; width: number } | null>()): string[] {
  const out: string[] = [];
  const size = (name: string) => {
    if (!sizes.has(name)) sizes.set(name, gridSize(snapshot, name));
    return sizes.get(name) ?? null;
  };
  for (const f of findings) {
    const needsCell = CELL_CODES.has(f.code) || (SHEET_CELL_CODES.has(f.code) && f.sheet !== undefined);
    if (needsCell && (f.sheet === undefined || f.cell === undefined)) out.push(`no sheet/cell: ${describe(f)}`);
    if (f.cell !== undefined && f.sheet === undefined) out.push(`cell without sheet: ${describe(f)}`);
    if (f.sheet === undefined) continue;
    const g = size(f.sheet);
    if (!g) {
      out.push(`unknown sheet: ${describe(f)}`);
      continue;
    }
    if (f.cell === undefined) continue;
    const parts = f.cell.split(':');
    if (parts.length > 2) {
      out.push(`bad range: ${describe(f)}`);
      continue;
    }
    for (const p of parts) {
      const a = parseA1(p);
      if (!a) out.push(`not A1: ${describe(f)}`);
      else if (a.r >= g.height || a.c >= g.width) out.push(`outside the ${g.height}×${g.width} grid: ${describe(f)}`);
    }
  }
  return out;
}

function bandOf(total: number, t: Ruleset['thresholds']): Grade {
  return total >= t.优秀 ? '优秀' : total >= t.较好 ? '较好' : total >= t.一般 ? '一般' : '差';
}

/** Totals, grades, ranks and statuses agree with SPEC §3 and with the findings. */
export function resultProblems(result: AssessmentResult): string[] {
  const out: string[] = [];
  const { ruleset } = result;
  const scale = 10 ** ruleset.decimals;
  const graded = result.branches.filter((b) => b.status === 'graded');
  const totals = graded.map((b) => b.total as number);
  const names = new Set(result.branches.map((b) => b.name));
  const blockedNames = new Set<string>();
  let blocksAll = false;
  for (const f of result.findings) {
    if (f.severity !== 'error') continue;
    if (f.blocksAll) blocksAll = true;
    if (f.branch !== undefined && names.has(f.branch)) blockedNames.add(f.branch);
  }
  for (const b of result.branches) {
    const who = JSON.stringify(b.name);
    if (b.status === 'incomplete') {
      if (b.total !== null || b.grade !== null || b.rank !== null) out.push(`${who} incomplete but total/grade/rank = ${b.total}/${b.grade}/${b.rank}`);
      continue;
    }
    if (b.status !== 'graded') {
      out.push(`${who} status ${b.status}`);
      continue;
    }
    if (blocksAll) out.push(`${who} graded despite a blocking (every-branch) error`);
    if (blockedNames.has(b.name)) out.push(`${who} graded despite an error on it`);
    const t = b.total;
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 100) {
      out.push(`${who} total ${t} outside 0–100`);
      continue;
    }
    if (Math.abs(Math.round(t * scale) - t * scale) > 1e-6) out.push(`${who} total ${t} has more than ${ruleset.decimals} decimals`);
    if (b.grade !== bandOf(t, ruleset.thresholds)) out.push(`${who} total ${t} graded ${b.grade}, thresholds say ${bandOf(t, ruleset.thresholds)}`);
    const higher = totals.filter((x) => x > t);
    const want = ruleset.ranking === 'competition' ? higher.length + 1 : new Set(higher).size + 1;
    if (b.rank !== want) out.push(`${who} total ${t} rank ${b.rank}, expected ${want} (${ruleset.ranking})`);
    const tied = totals.filter((x) => x === t).length > 1;
    if (b.tied !== tied) out.push(`${who} tied=${b.tied}, expected ${tied}`);
  }
  const counts: Record<Grade, number> = { 优秀: 0, 较好: 0, 一般: 0, 差: 0 };
  for (const b of graded) if (b.grade) counts[b.grade]++;
  if (JSON.stringify(counts) !== JSON.stringify(result.gradeCounts)) out.push(`gradeCounts ${JSON.stringify(result.gradeCounts)} ≠ ${JSON.stringify(counts)}`);
  return out;
}

const RATING_ROLES = new Set(['forms', 'tally', 'long']);

/** Exit status of SPEC §7 from the findings alone. */
export function expectedExit(outcome: RunOutcome): 0 | 1 | 2 {
  const nothing = !outcome.recognition.sheets.some((s) => RATING_ROLES.has(s.role));
  if (nothing || outcome.findings.some((f) => f.severity === 'error' && f.blocksAll)) return 2;
  return outcome.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export function exitProblems(outcome: RunOutcome): string[] {
  const out: string[] = [];
  const want = expectedExit(outcome);
  if (outcome.exitCode !== want) out.push(`exit ${outcome.exitCode}, findings say ${want}`);
  if ((outcome.exitCode === 2) !== (outcome.fatal !== undefined)) out.push(`exit ${outcome.exitCode} with fatal=${JSON.stringify(outcome.fatal)}`);
  if (outcome.fatal && (/[\r\n]/.test(outcome.fatal.zh) || /[\r\n]/.test(outcome.fatal.en))) out.push(`fatal reason is not one line: ${JSON.stringify(outcome.fatal)}`);
  return out;
}

/** The JSON report survives JSON unchanged (no undefined, NaN, Infinity) and matches the result. */
export function reportProblems(outcome: RunOutcome): string[] {
  const out: string[] = [];
  const { report, result } = outcome;
  const text = JSON.stringify(report);
  const back = JSON.parse(text);
  if (JSON.stringify(back) !== text) out.push('report does not round-trip');
  try {
    expect(back).toEqual(report);
  } catch {
    out.push('report changes through JSON (undefined or non-finite values)');
  }
  if (report.branches.length !== result.branches.length) out.push('report branch count differs');
  report.branches.forEach((b, i) => {
    const r = result.branches[i];
    if (!r || b.name !== r.name || b.status !== r.status || b.total !== r.total || b.grade !== r.grade || b.rank !== r.rank) {
      out.push(`report branch ${i} ${JSON.stringify(b.name)} differs from the result`);
    }
  });
  if (report.issues.length !== outcome.findings.length) out.push(`report has ${report.issues.length} issues, run has ${outcome.findings.length} findings`);
  return out;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
/** Excel's cell text limit. */
export const MAX_CELL_TEXT = 32767;

/** Output plans Excel can take: valid unique sheet names, texts within the cell limit, links to real sheets. */
export function planProblems(snapshot: WorkbookSnapshot, outcome: RunOutcome): string[] {
  const out: string[] = [];
  const names = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s]));
  for (const p of outcome.plan.sheets) {
    if (p.mode === 'fill') {
      if (!names.has(p.name.toLowerCase())) out.push(`fill plan for missing sheet ${p.name}`);
      for (const c of p.cells) {
        if (typeof c.value === 'string' && c.value.length > MAX_CELL_TEXT) out.push(`fill ${p.name}!${c.cell}: ${c.value.length} characters`);
      }
      continue;
    }
    const sp = p as SheetPlan;
    if (sp.name.length === 0 || sp.name.length > 31 || SHEET_FORBIDDEN.test(sp.name) || sp.name.startsWith("'") || sp.name.endsWith("'")) {
      out.push(`invalid sheet name ${JSON.stringify(sp.name)}`);
    }
    const existing = names.get(sp.name.toLowerCase());
    if (existing && sp.replaces === undefined) out.push(`plan adds ${sp.name} over an existing sheet`);
    if (existing && existing.createdBy === undefined) out.push(`plan replaces the user's sheet ${sp.name}`);
    if (sp.replaces !== undefined) names.delete(sp.replaces.toLowerCase());
    names.set(sp.name.toLowerCase(), { name: sp.name, values: [], merges: [], createdBy: 'summary' });
    sp.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v === 'string' && v.length > MAX_CELL_TEXT) out.push(`${sp.name} row ${r + 1} col ${c + 1}: ${v.length} characters (Excel's limit is ${MAX_CELL_TEXT})`);
        if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${sp.name} row ${r + 1} col ${c + 1}: ${v}`);
      }),
    );
  }
  for (const p of outcome.plan.sheets) {
    if (p.mode !== 'new') continue;
    for (const l of p.links) if (!names.has(l.sheet.toLowerCase())) out.push(`${p.name}!${l.cell} links to missing sheet ${JSON.stringify(l.sheet)}`);
  }
  return out;
}

/** Recognition catches its own exceptions and reports the sheet as unreadable: that hides bugs. */
export function swallowedErrors(findings: Finding[]): string[] {
  return findings.filter((f) => f.code === 'ignored-sheet' && /读取时出错/.test(f.message.zh)).map((f) => `recognition threw on ${JSON.stringify(f.sheet)}: ${f.message.en}`);
}

/** Every invariant of one run. */
export function allProblems(snapshot: WorkbookSnapshot, outcome: RunOutcome): string[] {
  return [
    ...swallowedErrors(outcome.findings),
    ...findingPlaceProblems(snapshot, outcome.findings),
    ...resultProblems(outcome.result),
    ...exitProblems(outcome),
    ...reportProblems(outcome),
    ...planProblems(snapshot, outcome),
  ];
}
