/**
 * `npm run bench`: every figure, measured in one run on this machine, written into BENCHMARKS.md between
 * its `bench:begin` and `bench:end` markers (the rest of the file is written by hand and kept). Speed and
 * memory are measured here, never asserted in timed tests.
 *
 *   engine       1,001,000 ratings through assess (checks + scores)             bench/engine.ts
 *   grade        491,400 ratings: `npm run cli -- grade` vs a plain openpyxl script bench/xlsx.ts, bench/openpyxl_grade.py
 *                and the floor: npm alone + inflating and finding every cell     bench/floor.cjs
 *   grade900     the same at 900 branches (1,474,200 ratings)
 *   validate     `npm run cli -- validate` on the sample workbook, wall time
 *   tiering      the command line's V8 tiering flags against V8's defaults (grade, validate)
 *   standalone   web.html in Chromium: open, grade, download 300 branches        bench/standalone.ts
 *   excel        syncs and request bytes per 计算等级 on Excel on the web, 10 / 100 / 1,000 / 5,000 branches,
 *                through office.js's own serializer (also BENCHMARKS.md's office.js table) bench/excel-wire.ts
 *   regrade      grade then grade again: the page's path (save + read back after each write) vs the CLI's
 *                                                                                bench/regrade.ts
 *   bundle       the task pane's JavaScript before first render, gzip            scripts/bundle-size.mjs
 *   first render time to first render of the task pane in Chromium              test/e2e (e2e-metrics.json)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchEngine } from './engine';
import { benchExcelWire, type WireRun } from './excel-wire';
import { benchHighlight } from './highlight';
import { benchRegrade } from './regrade';
import { benchStandalone } from './standalone';
import { withLatestRun, withPart } from './doc';
import { DEMOCRATIC_FORMS, generateWorkbook, ORG_FORMS, runChild, type ChildRun } from './xlsx';

const ROOT = path.resolve(__dirname, '..');

interface Row {
  figure: string;
  value: string;
  target?: string;
  command: string;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

async function engineRows(): Promise<Row[]> {
  log('engine …');
  // Best of three: the first run includes JIT warm-up; the machine may be busy with something else.
  const runs = [await benchEngine(), await benchEngine(), await benchEngine()];
  const best = runs.reduce((a, b) => (b.ratingsPerSecond > a.ratingsPerSecond ? b : a));
  return [
    {
      figure: 'Engine: ratings checked and scored per second',
      value:
        `${Math.round(best.ratingsPerSecond).toLocaleString('en')} /s best of 3 ` +
        `(${best.ratings.toLocaleString('en')} ratings in ${best.seconds.toFixed(3)} s); ` +
        `first, cold run ${Math.round(runs[0].ratingsPerSecond).toLocaleString('en')} /s; peak RSS ${Math.round(best.peakRssMB)} MB incl. the generated input`,
      target: '≥ 2,000,000 /s',
      command: 'npx tsx bench/engine.ts',
    },
  ];
}

async function regradeRows(reps: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [0, 300]) {
    log(`regrade, ${n === 0 ? 'the sample' : `${n} branches`}, ${reps} run(s) each …`);
    const r = await benchRegrade(n, reps);
    const what = n === 0 ? `the sample workbook (${r.branches} branches)` : `${n} branches (bench/xlsx.ts)`;
    rows.push({
      figure:
        `Grade, then grade again, ${what}: the page's path (in memory; after each write the package is saved and read back) ` +
        `against the command line's (\`grade\` the file, then \`grade\` its output), in one process, CPU (user + sys), median of ${reps}`,
      value:
        `page ${fmt(r.page)} s, CLI ${fmt(r.cli)} s: **page ÷ CLI ${fmt(r.page / r.cli)}**; ` +
        `the save + read back after the two writes: ${fmt(r.reread)} s (${Math.round((r.reread / r.page) * 100)} % of the page's)`,
      command: `npx tsx bench/regrade.ts ${n}`,
    });
  }
  return rows;
}

interface Alternative {
  branches: number;
  ratings: number;
  totals: Record<string, number>;
}

type JsonReport = { branches: { name: string; total: number | null }[] };

const PYTHON = '/usr/bin/python3'; // Debian's, with python3-openpyxl (scripts/ensure-openpyxl.sh)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 2) => n.toFixed(d);

/** The prebuilt command line must be current before anything is timed (a rebuild is not a run's cost). */
function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `grade` as the README runs it (`npm run -s cli -- grade …`: npm, the shell and node all counted) against
 * bench/openpyxl_grade.py on the same workbook, alternating, `reps` times each; medians of CPU (user + sys)
 * and wall time, the largest peak RSS.
 */
async function gradeRows(dir: string, branches: number, reps: number): Promise<Row[]> {
  log(`grade vs openpyxl, ${branches} branches, ${reps} run(s) each …`);
  const input = path.join(dir, `bench-${branches}.xlsx`);
  const ratings = await generateWorkbook(input, branches);
  const ours: ChildRun[] = [];
  const script: ChildRun[] = [];
  const floor: ChildRun[] = [];
  const npmAlone: ChildRun[] = [];
  let alt = null as Alternative | null;
  let report = null as JsonReport | null;
  const python = hasOpenpyxl();
  for (let i = 0; i < reps; i++) {
    const out = path.join(dir, `out-${branches}-${i}.xlsx`);
    const json = path.join(dir, `report-${branches}-${i}.json`);
    const run = await runChild('npm', ['run', '-s', 'cli', '--', 'grade', input, '--out', out, '--json', json], ROOT);
    if (run.code !== 0 && run.code !== 1) throw new Error(`grade failed (exit ${run.code}): ${run.stderr.trim().split('\n')[0]}`);
    ours.push(run);
    report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
    await rm(out, { force: true });
    if (python) {
      const alternative = await runChild(PYTHON, [path.join(ROOT, 'bench/openpyxl_grade.py'), input, path.join(dir, `alt-${branches}-${i}.xlsx`)], ROOT);
      if (alternative.code !== 0) throw new Error(`openpyxl script failed: ${alternative.stderr.trim().split('\n').pop()}`);
      script.push(alternative);
      alt = JSON.parse(alternative.stdout) as Alternative;
    }
    floor.push(await runChild(process.execPath, [path.join(ROOT, 'bench/floor.cjs'), input], ROOT));
    npmAlone.push(await runNpmAlone());
  }
  const cpu = median(ours.map((r) => r.cpuSeconds));
  const wall = median(ours.map((r) => r.wallSeconds));
  const rss = Math.max(...ours.map((r) => r.peakRssMB));
  const what = `${branches} branches × ${ORG_FORMS + DEMOCRATIC_FORMS} forms × 26 indicators (${ratings.toLocaleString('en')} ratings)`;
  const rows: Row[] = [
    {
      figure: `\`grade\` via \`npm run cli\`, ${what}: CPU time (user + sys, process start included), median of ${reps}`,
      value: `${fmt(cpu)} s CPU; ${fmt(wall)} s wall`,
      command: `npx tsx bench/xlsx.ts ${branches} && npm run -s cli -- grade /tmp/bench-${branches}.xlsx --json r.json`,
    },
    {
      figure: `\`grade\`, ${branches} branches: peak memory (largest RSS of the run)`,
      value: `${Math.round(rss)} MB`,
      target: branches <= 300 ? '< 400 MB' : '< 500 MB',
      command: '/usr/bin/time -v npm run -s cli -- grade …',
    },
  ];
  if (alt && report) {
    const sCpu = median(script.map((r) => r.cpuSeconds));
    const sWall = median(script.map((r) => r.wallSeconds));
    const sRss = Math.max(...script.map((r) => r.peakRssMB));
    const differ = report.branches.filter((b) => b.total !== null && alt!.totals[b.name] !== undefined && alt!.totals[b.name] !== b.total).length;
    rows.push({
      figure:
        `Plain Python + openpyxl script, same workbook, same run (bench/openpyxl_grade.py: two known sheets, no recognition, no checks, ` +
        `float arithmetic, a summary-only new workbook), ${branches} branches: CPU, wall, peak RSS; **script CPU ÷ ours**`,
      value: `${fmt(sCpu)} s CPU, ${fmt(sWall)} s wall, ${Math.round(sRss)} MB; **${fmt(sCpu / cpu, 1)}× ours**; totals that differ from ours: ${differ} of ${alt.branches}`,
      target: '≥ 3×',
      command: `/usr/bin/time -v /usr/bin/python3 bench/openpyxl_grade.py /tmp/bench-${branches}.xlsx alt.xlsx`,
    });
    rows.push(floorRow(floor, npmAlone, sCpu, ratings, branches));
  } else {
    rows.push({ figure: 'The plain Python + openpyxl script', value: 'not measured: install Debian’s python3-openpyxl', command: 'bash scripts/ensure-openpyxl.sh' });
  }
  return rows;
}

/** npm's own start, shell included, with nothing to run: `npm run -s env` (npm's built-in script). */
async function runNpmAlone(): Promise<ChildRun> {
  const run = await runChild('npm', ['run', '-s', 'env'], ROOT);
  if (run.code !== 0) throw new Error(`npm run env failed: ${run.stderr.trim().split('\n')[0]}`);
  return run;
}

/**
 * The fastest `npm run cli -- grade` could be on this machine: npm's own start plus bench/floor.cjs (node
 * started, every part inflated, every cell found, nothing else), measured in the same alternation. Shows what
 * ratio against the script the machine allows at all.
 */
function floorRow(floor: ChildRun[], npmAlone: ChildRun[], scriptCpu: number, ratings: number, branches: number): Row {
  const found = JSON.parse(floor[floor.length - 1].stdout) as { values: number };
  if (floor.some((r) => r.code !== 0) || found.values < ratings) throw new Error('bench/floor.cjs did not find every rating');
  const npmCpu = median(npmAlone.map((r) => r.cpuSeconds));
  const floorCpu = median(floor.map((r) => r.cpuSeconds));
  return {
    figure:
      `The floor, ${branches} branches, same run: npm's own start with nothing to run (\`npm run -s env\`) + node inflating every part and finding every ` +
      'cell, nothing else (bench/floor.cjs: no decoding, no values, no checks, no output); CPU medians; **script CPU ÷ floor**',
    value: `${fmt(npmCpu)} + ${fmt(floorCpu)} = ${fmt(npmCpu + floorCpu)} s CPU; **${fmt(scriptCpu / (npmCpu + floorCpu), 1)}×** at most`,
    command: `npm run -s env && node bench/floor.cjs /tmp/bench-${branches}.xlsx`,
  };
}

/**
 * The V8 tiering scripts/cli.cjs sets (optimise later, inline less) against V8's defaults
 * (CLI_V8_DEFAULTS=1), alternating, `reps` runs each of `grade` at 300 branches and `validate` on the sample,
 * node started directly (npm's own time would only dilute the difference). CPU medians, every thread counted.
 */
async function tieringRows(dir: string, reps: number): Promise<Row[]> {
  log(`V8 tiering, ${reps} run(s) each …`);
  const input = path.join(dir, 'bench-300.xlsx');
  if (!existsSync(input)) await generateWorkbook(input, 300);
  const sample = path.join(dir, 'sample.xlsx');
  if (!existsSync(sample)) await runChild('npm', ['run', '-s', 'cli', '--', 'sample', sample], ROOT);
  const rows: Row[] = [];
  for (const [name, args] of [
    ['grade, 300 branches', ['grade', input, '--out', path.join(dir, 'tiering.xlsx'), '--force']],
    ['validate, sample', ['validate', sample]],
  ] as const) {
    const ours: number[] = [];
    const defaults: number[] = [];
    // One run each first, left out: each setting's V8 code cache is written then (scripts/cli.cjs keeps one per setting).
    for (let i = 0; i <= reps; i++) {
      const a = await runChild(process.execPath, ['scripts/cli.cjs', ...args], ROOT);
      const b = await runChild(process.execPath, ['scripts/cli.cjs', ...args], ROOT, { CLI_V8_DEFAULTS: '1' });
      if (i === 0) continue;
      ours.push(a.cpuSeconds);
      defaults.push(b.cpuSeconds);
    }
    rows.push({
      figure: `V8 tiering (scripts/cli.cjs: \`--interrupt-budget=1000000 --max-inlined-bytecode-size-cumulative=300\`) against V8's defaults, ${name}: CPU, median of ${reps}`,
      value: `${fmt(median(ours))} s against ${fmt(median(defaults))} s: **${Math.round((1 - median(ours) / median(defaults)) * 100)} % less**`,
      command: `node scripts/cli.cjs ${args[0]} … vs CLI_V8_DEFAULTS=1 node scripts/cli.cjs ${args[0]} …`,
    });
  }
  return rows;
}

/** `validate` on the sample workbook (a small office file), through npm as the README runs it. */
async function validateRows(dir: string, reps: number): Promise<Row[]> {
  log('validate …');
  const sample = path.join(dir, 'sample.xlsx');
  const made = await runChild('npm', ['run', '-s', 'cli', '--', 'sample', sample], ROOT);
  if (made.code !== 0) throw new Error(`sample failed: ${made.stderr.trim()}`);
  // Alternating, so a slow minute of the shared machine weighs on each the same.
  const runs: ChildRun[] = [];
  const node: ChildRun[] = [];
  const empty: ChildRun[] = [];
  const npmAlone: ChildRun[] = [];
  for (let i = 0; i < reps; i++) {
    runs.push(await runChild('npm', ['run', '-s', 'cli', '--', 'validate', sample], ROOT));
    node.push(await runChild(process.execPath, ['--max-semi-space-size=2', 'scripts/cli.cjs', 'validate', sample], ROOT));
    empty.push(await runChild(process.execPath, ['-e', '0'], ROOT));
    npmAlone.push(await runNpmAlone());
  }
  const walls = runs.map((r) => r.wallSeconds);
  const wall = (rs: ChildRun[]) => fmt(median(rs.map((r) => r.wallSeconds)));
  return [
    {
      figure: `\`npm run cli -- validate\` on the sample workbook (15 branches), wall time, median of ${reps} (min–max)`,
      value:
        `${fmt(median(walls))} s (${fmt(Math.min(...walls))}–${fmt(Math.max(...walls))}); ${fmt(median(runs.map((r) => r.cpuSeconds)))} s CPU; ` +
        `without npm (node --max-semi-space-size=2 scripts/cli.cjs) ${wall(node)} s; same run, with nothing to do: npm (\`npm run -s env\`) ${wall(npmAlone)} s, node (\`node -e 0\`) ${wall(empty)} s`,
      target: '< 0.5 s',
      command: 'npm run -s cli -- sample s.xlsx && time npm run -s cli -- validate s.xlsx',
    },
  ];
}

/** The standalone page on the 300-branch workbook (bench/standalone.ts). */
async function standaloneRows(dir: string, dist: string): Promise<Row[]> {
  log('standalone page in Chromium …');
  process.env.CHROMIUM_PATH ||= execFileSync('bash', ['scripts/ensure-chromium.sh'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const input = path.join(dir, 'bench-300.xlsx');
  if (!existsSync(input)) await generateWorkbook(input, 300);
  const r = await benchStandalone(dist, input, 300);
  return [
    {
      figure: 'Standalone page (web.html, production build) in Chromium, 300 branches (491,400 ratings): open the file, 计算等级 until every branch row shows, 下载考核结果 until saved',
      value: `${fmt(r.totalSeconds, 1)} s (open ${fmt(r.openSeconds, 1)} s, grade ${fmt(r.gradeSeconds, 1)} s, download ${fmt(r.downloadSeconds, 1)} s; ${fmt(r.downloadedMB, 1)} MB), ${r.browser}`,
      target: '< 8 s',
      command: 'npm run build && npx tsx bench/standalone.ts dist /tmp/bench-300.xlsx 300',
    },
  ];
}

const EXCEL_BRANCHES = [10, 100, 1000, 5000];

/**
 * 计算等级 on Excel on the web through office.js's own request serializer (bench/excel-wire.ts): syncs and
 * bytes as office.js sends them, one row per size; also the table of BENCHMARKS.md's office.js section.
 */
async function excelRows(): Promise<{ rows: Row[]; table: string }> {
  const runs: WireRun[] = [];
  for (const branches of EXCEL_BRANCHES) {
    log(`excel through office.js, ${branches} branches …`);
    runs.push(await benchExcelWire(branches));
  }
  const n = (x: number) => x.toLocaleString('en');
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(2)} MB`;
  const refused = (x: WireRun['read'], redo: string) => (x.refused ? `, ${x.refused} of them refused for its size (${mb(x.refusedBytes)}) and ${redo}` : '');
  const rows = runs.map((r) => ({
    figure: `计算等级 on Excel on the web, ${n(r.branches)} branches, through office.js's own serializer: syncs (read + write) and the largest request and response Excel accepted`,
    value:
      `${r.read.syncs + r.write.syncs} syncs (read ${r.read.syncs}${refused(r.read, 'read again in row blocks')}; write ${r.write.syncs}${refused(r.write, 'sent again in halves')}); ` +
      `largest request ${mb(Math.max(r.read.largestRequest, r.write.largestRequest))} (${n(r.write.largestActions)} statements), largest response ${mb(Math.max(r.read.largestResponse, r.write.largestResponse))}` +
      `${r.withinLimit ? '' : '; **over 5 MB**'}`,
    target: 'every request and response ≤ 5 MB',
    command: `npx tsx bench/excel-wire.ts ${r.branches}`,
  }));
  const table = [
    `Measured by \`npm run bench -- excel\` (bench/excel-wire.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit()}.`,
    '',
    '| branches | read: syncs, largest response | write: syncs, largest request (statements) | syncs in all | every request and response ≤ 5 MB |',
    '| --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${n(r.branches)} | ${r.read.syncs}${r.read.refused ? ` (the whole read refused at ${n(r.read.refusedBytes)} B, then row blocks)` : ''}, ${n(r.read.largestResponse)} B | ` +
        `${r.write.syncs}${r.write.refused ? ` (${r.write.refused} refused at up to ${n(r.write.refusedBytes)} B, sent again in halves)` : ''}, ${n(r.write.largestRequest)} B (${n(r.write.largestActions)}) | ` +
        `${r.read.syncs + r.write.syncs} | ${r.withinLimit ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  return { rows, table };
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function highlightRows(): Row[] {
  log('highlight areas …');
  const r = benchHighlight();
  return [
    {
      figure: `Excel highlight areas for ${r.cells.toLocaleString('en')} problem cells in one column (CPU; the quadratic version before issue 22 beside it)`,
      value: `${r.newMs.toFixed(1)} ms against ${(r.oldMs / 1000).toFixed(1)} s before: ${Math.round(r.ratio).toLocaleString('en')}× less CPU`,
      target: 'linear',
      command: 'npx tsx bench/highlight.ts',
    },
  ];
}

/** A production build of the pages; BENCH_DIST reuses one already made (webpack takes minutes here). */
function buildPages(): string {
  if (process.env.BENCH_DIST) return path.resolve(process.env.BENCH_DIST);
  log('production build …');
  const dist = path.join(os.tmpdir(), 'ba-bench-dist');
  execFileSync('npx', ['webpack', '--mode', 'production', '--output-path', dist], { cwd: ROOT, stdio: 'ignore' });
  return dist;
}

function bundleRows(dist: string): Row[] {
  const out = execFileSync(process.execPath, ['scripts/bundle-size.mjs', dist], { cwd: ROOT, encoding: 'utf8' });
  const m = /taskpane\.html[^\n]*?([\d.]+)\s*KB/.exec(out);
  return [
    {
      figure: 'Task pane JavaScript loaded before first render (gzip; office.js from the CDN not counted)',
      value: m ? `${m[1]} KB` : out.trim().split('\n')[0],
      target: '≤ 300 KB',
      command: 'npm run build && node scripts/bundle-size.mjs',
    },
  ];
}

interface E2eMetrics {
  taskpaneFirstRender?: { page: string; runs: number; firstRenderMsMedian: number; firstRenderMsMin: number; firstRenderMsMax: number; browser: string };
  taskpaneGrade?: { branches: number; syncs: number; clickToResultsMs: number };
}

function firstRenderRows(): Row[] {
  const file = path.join(ROOT, 'test-results/e2e-metrics.json');
  const m: E2eMetrics = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as E2eMetrics) : {};
  const fr = m.taskpaneFirstRender;
  const grade = m.taskpaneGrade;
  return [
    {
      figure: 'Task pane time to first render in headless Chromium (navigation start → the 计算等级 button painted; the App on the stand-in Excel)',
      value: fr ? `${fr.firstRenderMsMedian} ms median of ${fr.runs} cold loads (${fr.firstRenderMsMin}–${fr.firstRenderMsMax} ms), ${fr.browser}` : 'run `npm run e2e` first',
      command: 'npm run e2e (test/e2e/perf.test.ts → test-results/e2e-metrics.json)',
    },
    {
      figure: 'Task pane 计算等级 in Chromium, click to results shown (sample workbook, stand-in Excel)',
      value: grade ? `${grade.clickToResultsMs} ms, ${grade.branches} branches, ${grade.syncs} syncs` : 'run `npm run e2e` first',
      command: 'npm run e2e',
    },
  ];
}

function table(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| figure | measured | target | reproduce with |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${esc(r.figure)} | ${esc(r.value)} | ${esc(r.target ?? '—')} | \`${esc(r.command)}\` |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const rows: Row[] = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ba-bench-'));
  try {
    if (want('grade') || want('validate') || want('tiering')) buildCli();
    if (want('grade')) rows.push(...(await gradeRows(dir, 300, Number(process.env.BENCH_REPS ?? 3))));
    if (want('grade900')) rows.push(...(await gradeRows(dir, 900, 1)));
    if (want('validate')) rows.push(...(await validateRows(dir, Number(process.env.BENCH_REPS ?? 9))));
    if (want('tiering')) rows.push(...(await tieringRows(dir, Number(process.env.BENCH_REPS ?? 5))));
    const dist = want('bundle') || want('standalone') ? buildPages() : '';
    if (want('standalone')) rows.push(...(await standaloneRows(dir, dist)));
    if (want('regrade')) rows.push(...(await regradeRows(Number(process.env.BENCH_REPS ?? 3))));
    if (want('engine')) rows.push(...(await engineRows()));
    if (want('excel')) {
      const excel = await excelRows();
      rows.push(...excel.rows);
      // BENCHMARKS.md's office.js section is rewritten by this part alone too.
      const file = path.join(ROOT, 'BENCHMARKS.md');
      writeFileSync(file, withPart(existsSync(file) ? readFileSync(file, 'utf8') : '', 'excel', excel.table));
    }
    if (want('highlight')) rows.push(...highlightRows());
    if (want('bundle')) rows.push(...bundleRows(dist));
    if (want('render')) rows.push(...firstRenderRows());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const body = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, on ${machine()}.`,
    'Every figure comes from that one run; the command beside it reproduces it alone. The machine is shared',
    '(2 cores, other jobs running), so absolute times vary from run to run; what the run is for is the',
    '**ratio**: our `grade` and the openpyxl script run alternately in the same run, under the same load, and',
    'CPU time (user + sys from the child\'s own rusage, GNU time) counts the work done whatever the load.',
    'Wall times, the standalone page\'s included, suffer from the load and are upper bounds. The engine figure',
    'is the best of three runs. `npm run bench grade validate standalone` runs only those parts.',
    '',
    table(rows),
    '',
  ].join('\n');
  console.log(body);
  if (only.length === 0) {
    const file = path.join(ROOT, 'BENCHMARKS.md');
    writeFileSync(file, withLatestRun(existsSync(file) ? readFileSync(file, 'utf8') : '', body));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
