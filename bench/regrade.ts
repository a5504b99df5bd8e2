/**
 * Grade, then grade again (issue 23): what the standalone page's way of writing costs against the
 * command line's. The page keeps the workbook in memory and, after each plan, saves it and reads it back
 * (XlsxHost.applyPlan), so the next run sees the product's own sheets exactly as `grade` sees them on the
 * file it wrote. The command line reads the file, writes the output, and the second `grade` reads that.
 * Both in this process, on the same bytes, CPU time (user + sys) from process.cpuUsage, medians.
 *
 *   page:  load → (snapshot → run → applyPlan [plan, save, read back]) × 2
 *   cli:   runCli grade in → out1, then runCli grade out1 → out2 (files on disk)
 *   part:  of the page's figure, the save + read back after each write (the re-read itself)
 *
 * Run directly: npx tsx bench/regrade.ts [branches…]  (0 = the sample workbook)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliIo } from '../src/cli/commands';
import { identify, writeFileSafely } from '../src/cli/files';
import { applyPlan, loadWorkbook, readWorkbook, saveWorkbook, snapshotOf, XlsxHost } from '../src/hosts/xlsx';
import { runAssessment } from '../src/workbook/pipeline';
import { generateWorkbookBytes } from './xlsx';

const DATE = '2026-12-28';

export interface RegradeRun {
  branches: number;
  /** CPU seconds, median */
  page: number;
  cli: number;
  /** of `page`: saving and reading the package back after the two writes */
  reread: number;
  reps: number;
}

function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function cli(argv: string[]): Promise<number> {
  const io: CliIo = {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async (f) => new Uint8Array(await readFile(f)),
    writeFile: (f, d, replace) => writeFileSafely(f, d, replace),
    identify,
    env: { BA_DATE: DATE },
    today: () => DATE,
  };
  return runCli(argv, io);
}

/** The page's path: one XlsxHost, graded twice (the second run replaces the first's sheets). */
async function pagePath(bytes: Uint8Array): Promise<{ cpu: number; totals: string }> {
  const t0 = cpu();
  const host = new XlsxHost(await loadWorkbook(bytes));
  let totals = '';
  for (let i = 0; i < 2; i++) {
    const out = runAssessment(await host.readSnapshot(), { lang: 'zh', date: DATE });
    await host.applyPlan(out.plan);
    totals = out.result.branches.map((b) => String(b.total)).join(',');
  }
  return { cpu: cpu() - t0, totals };
}

/** The same two writes, timing only the save and the read back that follow each plan. */
async function rereadPart(bytes: Uint8Array): Promise<number> {
  let wb = await loadWorkbook(bytes);
  let spent = 0;
  for (let i = 0; i < 2; i++) {
    const out = runAssessment(snapshotOf(wb), { lang: 'zh', date: DATE });
    applyPlan(wb, out.plan);
    const t0 = cpu();
    const saved = await saveWorkbook(wb);
    wb = { snapshot: readWorkbook(saved), source: saved };
    spent += cpu() - t0;
  }
  return spent;
}

/** The command line's path: grade the file, then grade the file it wrote. */
async function cliPath(dir: string, bytes: Uint8Array, i: number): Promise<{ cpu: number }> {
  const input = path.join(dir, `regrade-in-${i}.xlsx`);
  const out1 = path.join(dir, `regrade-out1-${i}.xlsx`);
  const out2 = path.join(dir, `regrade-out2-${i}.xlsx`);
  await writeFile(input, bytes);
  const t0 = cpu();
  const a = await cli(['grade', input, '--out', out1, '--force']);
  const b = await cli(['grade', out1, '--out', out2, '--force']);
  const spent = cpu() - t0;
  if (a >= 2 || b >= 2) throw new Error(`cli grade failed (exit ${a}, ${b})`);
  await Promise.all([input, out1, out2].map((f) => rm(f, { force: true })));
  return { cpu: spent };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `branches` 0: the sample workbook (`cli sample`); otherwise bench/xlsx.ts's generated workbook. */
export async function benchRegrade(branches: number, reps: number): Promise<RegradeRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ba-regrade-'));
  try {
    let bytes: Uint8Array;
    if (branches === 0) {
      const file = path.join(dir, 'sample.xlsx');
      if ((await cli(['sample', file])) !== 0) throw new Error('cli sample failed');
      bytes = new Uint8Array(await readFile(file));
    } else {
      bytes = generateWorkbookBytes(branches).bytes;
    }
    // One unmeasured round of each first: the JIT warms up on the same code both paths share.
    await pagePath(bytes);
    await cliPath(dir, bytes, -1);
    const page: number[] = [];
    const cliRuns: number[] = [];
    const reread: number[] = [];
    let count = 0;
    for (let i = 0; i < reps; i++) {
      const p = await pagePath(bytes);
      page.push(p.cpu);
      count = p.totals.split(',').length;
      cliRuns.push((await cliPath(dir, bytes, i)).cpu);
      reread.push(await rereadPart(bytes));
    }
    return { branches: branches === 0 ? count : branches, page: median(page), cli: median(cliRuns), reread: median(reread), reps };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  void (async () => {
    for (const n of sizes.length ? sizes : [0, 300]) console.log(JSON.stringify(await benchRegrade(n, Number(process.env.BENCH_REPS ?? 3))));
  })().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
