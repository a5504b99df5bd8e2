/**
 * `npm run corpus -- <folder>`: every workbook in a folder (and its subfolders) read, and each one read
 * graded with the sample's rating sheets added (as an office adds them), the output checked strictly
 * (every XML part we wrote namespace-well-formed, test/support/strict.ts; parts copied unchanged from the
 * input are the input's own). Prints the counts: read, refused with
 * the stated reason, internal errors (ours: the target is none), and the files behind every internal
 * error or strictness failure. Never writes into the folder. Exit 1 when any internal error or
 * strictness failure was found.
 *
 *   npm run corpus -- /tmp/poi/spreadsheet
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildWorkbook, InternalError, loadWorkbook, XlsxError, XlsxHost } from '../src/hosts/xlsx';
import { PlanConflict, writePackage } from '../src/hosts/xlsx/package-write';
import { openZip } from '../src/hosts/xlsx/zip';
import { useNodeDeflate } from '../src/hosts/xlsx/zip-write-node';
import { useNodeZlib } from '../src/hosts/xlsx/zip-node';
import type { SheetPlan } from '../src/workbook/plan';
import { runAssessment } from '../src/workbook/pipeline';
import { planSample } from '../src/workbook/plans';
import type { SheetSnapshot } from '../src/workbook/snapshot';
import { strictProblems } from '../test/support/strict';

const WORKBOOK = /\.(xlsx|xlsm|xltx|xltm|xls|et)$/i;
const RATING_NAMES = ['支部名单', '组织考核', '民主测评'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : WORKBOOK.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

type Outcome =
  | { kind: 'read'; graded: 'strict' | 'not-strict' | 'no-room'; problems?: string[] }
  | { kind: 'refused'; reason: string }
  | { kind: 'internal'; where: 'read' | 'grade'; message: string };

async function sweepOne(file: string, ratings: SheetPlan[], ratingSnapshots: SheetSnapshot[]): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(file));
  const fileName = path.basename(file);
  let wb;
  try {
    wb = await loadWorkbook(bytes, { fileName });
  } catch (e) {
    if (e instanceof XlsxError) return { kind: 'refused', reason: e.reason };
    return { kind: 'internal', where: 'read', message: describe(e) };
  }
  try {
    let host: XlsxHost;
    let before: Uint8Array | undefined;
    if (wb.source) {
      // The office adds its rating sheets to its own workbook; a name already taken leaves no room.
      let withRatings: Uint8Array;
      try {
        withRatings = writePackage([...openZip(wb.source).entries], [{ sheets: ratings }]);
      } catch (e) {
        if (e instanceof PlanConflict) return { kind: 'read', graded: 'no-room' };
        throw e;
      }
      host = new XlsxHost(await loadWorkbook(withRatings, { fileName }));
      before = wb.source;
    } else {
      // A legacy file is graded into a new workbook: its sheets plus the rating sheets, as read.
      const names = new Set(wb.snapshot.sheets.map((s) => s.name));
      if (RATING_NAMES.some((n) => names.has(n))) return { kind: 'read', graded: 'no-room' };
      host = new XlsxHost({ snapshot: { ...wb.snapshot, sheets: [...wb.snapshot.sheets, ...ratingSnapshots] } });
    }
    const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
    await host.applyPlan(outcome.plan);
    const out = await host.save();
    // The parts we wrote (the input's own, copied byte for byte, are its business).
    const problems = await strictProblems(out, before);
    return problems.length === 0 ? { kind: 'read', graded: 'strict' } : { kind: 'read', graded: 'not-strict', problems };
  } catch (e) {
    return { kind: 'internal', where: 'grade', message: describe(e) };
  }
}

function describe(e: unknown): string {
  const inner = e instanceof InternalError ? e.cause : e;
  const part = e instanceof InternalError && e.part ? ` [${e.part}]` : '';
  const msg = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
  const at = inner instanceof Error ? (inner.stack ?? '').split('\n').find((l) => /\bsrc\//.test(l))?.trim() : undefined;
  return `${msg.split('\n')[0]}${part}${at ? ` (${at})` : ''}`;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write('usage: npm run corpus -- <folder>\n');
    process.exitCode = 2;
    return;
  }
  useNodeZlib();
  useNodeDeflate();
  const sample = planSample();
  const ratings = (sample.sheets as SheetPlan[]).filter((s) => RATING_NAMES.includes(s.name));
  const ratingSnapshots = (await loadWorkbook(buildWorkbook({ sheets: ratings }))).snapshot.sheets;
  const list = files(dir);
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const notes: string[] = [];
  const started = Date.now();
  for (const [i, file] of list.entries()) {
    const rel = path.relative(dir, file);
    const o = await sweepOne(file, ratings, ratingSnapshots);
    if (o.kind === 'read') {
      bump('read');
      bump(`graded: ${o.graded}`);
      if (o.problems) notes.push(`NOT STRICT ${rel}: ${o.problems.slice(0, 3).join(' | ')}`);
    } else if (o.kind === 'refused') {
      bump('refused');
      bump(`refused: ${o.reason}`);
    } else {
      bump('internal error');
      notes.push(`INTERNAL (${o.where}) ${rel}: ${o.message}`);
    }
    if ((i + 1) % 50 === 0) process.stderr.write(`${i + 1}/${list.length} …\n`);
  }
  const lines = [
    `${list.length} workbooks in ${dir} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    ...[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `  ${k}: ${v}`),
    ...notes,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (counts.get('internal error') || counts.get('graded: not-strict')) process.exitCode = 1;
}

void main();
