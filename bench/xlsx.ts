/**
 * .xlsx benchmark: 300 branches × 60 forms × 26 indicators = 468,000 ratings in one workbook (generated
 * with ExcelJS's streaming writer, not timed), then the whole CLI path is timed in a child process:
 * `node --import tsx src/cli/main.ts grade in.xlsx --out out.xlsx` (load, snapshot, recognise, check, score,
 * plan, write, save). Wall time is measured here; the child's peak RSS comes from /usr/bin/time -v when
 * present, else from the child's own report (process.resourceUsage().maxRSS via BA_BENCH_RSS).
 * Run directly: npx tsx bench/xlsx.ts
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { prng } from '../src/workbook/plans/sample'; // the sample's PRNG: the same data every run

const BRANCHES = 300;
const DEMOCRATIC_FORMS = 50;
const ORG_FORMS = 10;
const INDICATORS = [6, 6, 3, 4, 3, 4].flatMap((n, c) => Array.from({ length: n }, (_, i) => `${c + 1}.${i + 1}`));
const GRADES = ['优秀', '较好', '一般', '差'];

/** Writes the workbook; returns the number of ratings in it. */
export async function generateWorkbook(file: string): Promise<number> {
  const rand = prng(2026);
  const branch = (b: number) => `第${String(b + 1).padStart(3, '0')}党支部`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const roster = wb.addWorksheet('支部名单');
  roster.addRow(['序号', '党支部', '所属总支', '党员人数']).commit();
  for (let b = 0; b < BRANCHES; b++) roster.addRow([b + 1, branch(b), `第${Math.floor(b / 20) + 1}党总支`, 60]).commit();
  roster.commit();
  let ratings = 0;
  for (const [name, forms] of [['组织考核', ORG_FORMS], ['民主测评', DEMOCRATIC_FORMS]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`2026年度党支部工作目标管理考评表（${name}）`]).commit();
    ws.addRow(['党支部', '测评人身份', ...INDICATORS]).commit();
    for (let b = 0; b < BRANCHES; b++) {
      // Each branch leans to one grade, so totals spread over the bands.
      const lean = Math.floor(rand() * 4);
      for (let f = 0; f < forms; f++) {
        const grades = INDICATORS.map(() => GRADES[rand() < 0.6 ? lean : Math.floor(rand() * 4)]);
        ws.addRow([branch(b), f === forms - 1 ? '党外群众' : '党员', ...grades]).commit();
        ratings += grades.length;
      }
    }
    ws.commit();
  }
  await wb.commit();
  return ratings;
}

export interface ChildRun {
  code: number | null;
  seconds: number;
  peakRssMB: number;
  stderr: string;
  stdout: string;
}

/** Run `node …args` (or any command with `command`), timing its wall clock and peak RSS. */
export function runChild(args: string[], cwd: string, command = process.execPath): Promise<ChildRun> {
  const useTime = existsSync('/usr/bin/time');
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, BA_DATE: '2026-12-31', BA_BENCH_RSS: useTime ? '' : '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // GNU time: "Maximum resident set size (kbytes): 123456"
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakRssMB = m ? Number(m[1]) / 1024 : 0;
      resolve({ code, seconds, peakRssMB, stderr, stdout });
    });
  });
}

export async function benchXlsx(): Promise<{ ratings: number; seconds: number; peakRssMB: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ba-bench-'));
  const input = path.join(dir, 'bench.xlsx');
  const output = path.join(dir, 'bench-out.xlsx');
  try {
    const ratings = await generateWorkbook(input);
    const root = path.resolve(__dirname, '..');
    const run = await runChild(['--import', 'tsx', 'src/cli/main.ts', 'grade', input, '--out', output], root);
    if (run.code !== 0 && run.code !== 1) throw new Error(`grade failed (exit ${run.code}): ${run.stderr.split('\n')[0]}`);
    if (!existsSync(output)) throw new Error('grade wrote no output');
    process.stderr.write(`bench: input ${((await stat(input)).size / 1e6).toFixed(1)} MB, output ${((await stat(output)).size / 1e6).toFixed(1)} MB\n`);
    return { ratings, seconds: run.seconds, peakRssMB: Math.round(run.peakRssMB) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchXlsx().then(
    (r) => console.log(`xlsx: ${r.ratings} ratings, ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMB} MB (target < 10 s, < 1024 MB)`),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
