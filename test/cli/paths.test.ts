/**
 * A command line for people (issue 24): relative paths are the user's, taken from the folder the command
 * is typed in, whichever way it is started: `npm run cli --` from a sub-folder of the project (npm itself
 * runs the script in the project folder), `npx branch-assessment`, or the `bin` run from anywhere.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sh(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // INIT_CWD is dropped: under `npm test` it names the project folder, and npm must set it afresh.
    const env: NodeJS.ProcessEnv = { ...process.env, BA_DATE: '2026-12-20', NODE_OPTIONS: undefined, INIT_CWD: undefined, npm_lifecycle_event: undefined };
    execFile(cmd, args, { cwd, env, maxBuffer: 16 * 2 ** 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let inside: string;
let outside: string;
beforeAll(async () => {
  await mkdir(path.join(ROOT, 'out'), { recursive: true });
  inside = path.join(await mkdtemp(path.join(ROOT, 'out', 'paths-')), 'sub');
  await mkdir(inside);
  outside = await mkdtemp(path.join(os.tmpdir(), 'ba-paths-'));
});
afterAll(async () => {
  await rm(path.dirname(inside), { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

it('npm run cli -- template t.xlsx from out/…/sub writes out/…/sub/t.xlsx, not into the project folder', async () => {
  const r = await sh('npm', ['run', '-s', 'cli', '--', 'template', 't.xlsx'], inside);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('已写入：t.xlsx\n');
  expect(existsSync(path.join(inside, 't.xlsx'))).toBe(true);
  expect(existsSync(path.join(ROOT, 't.xlsx'))).toBe(false);
});

it('npx branch-assessment validate t.xlsx in the same folder reads that file', async () => {
  if (!existsSync(path.join(inside, 't.xlsx'))) await sh('npm', ['run', '-s', 'cli', '--', 'template', 't.xlsx'], inside);
  const r = await sh('npx', ['--no-install', 'branch-assessment', 'validate', 't.xlsx'], inside);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^等级分布：/);
  expect(r.stdout).toContain('（仅校验，未写入工作簿）');
});

it('the bin is scripts/cli.cjs, executable with a node shebang, and run from a folder outside the project writes there', async () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  expect(pkg.bin).toEqual({ 'branch-assessment': 'scripts/cli.cjs' });
  const bin = path.join(ROOT, pkg.bin['branch-assessment']);
  expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
  const r = await sh(bin, ['template', '年度.xlsx', '--year', '2027'], outside);
  expect(r.code).toBe(0);
  expect(existsSync(path.join(outside, '年度.xlsx'))).toBe(true);
  const refused = await sh(bin, ['template', 'old.xlsx', '--year', '1899'], outside);
  expect(refused.code).toBe(2);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toBe('--year 应为 2000–2100 之间的四位年份，而不是 1899\n');
});
