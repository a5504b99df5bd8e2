/**
 * The prebuilt command line (scripts/cli.mjs → dist-cli/): `npm run -s cli -- grade … --json -` prints the
 * JSON report and nothing else on stdout, even on the run that rebuilds the bundle; the bundle is rebuilt
 * only when a source is newer.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist-cli', 'main.cjs');

function sh(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, env: { ...process.env, BA_DATE: '2026-12-20' }, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ba-prebuilt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('grade --json - through npm: stdout is exactly the JSON report, after a rebuild too', async () => {
  // Make the bundle older than the sources, so this run rebuilds it first.
  await sh(process.execPath, ['scripts/build-cli.mjs']);
  await utimes(BUNDLE, new Date(2000, 0, 1), new Date(2000, 0, 1));
  const r = await sh('npm', ['run', '-s', 'cli', '--', 'grade', path.join(FIXTURES, 'office-2026.xlsx'), '--out', path.join(dir, 'out.xlsx'), '--json', '-']);
  expect([0, 1]).toContain(r.code);
  expect(r.stderr).toContain('Building the command line');
  const report = JSON.parse(r.stdout);
  expect(report.schemaVersion).toBe(1);
  expect(report.branches.length).toBeGreaterThan(0);
  expect(r.stdout.trim().startsWith('{')).toBe(true);
  expect((await stat(BUNDLE)).mtimeMs).toBeGreaterThan(new Date(2001, 0, 1).getTime());
  expect((await stat(path.join(dir, 'out.xlsx'))).size).toBeGreaterThan(0);
});

it('runs the bundle without rebuilding when nothing changed', async () => {
  const before = (await stat(BUNDLE)).mtimeMs;
  const r = await sh(process.execPath, ['scripts/cli.mjs', '--help', '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^Usage:/);
  expect((await stat(BUNDLE)).mtimeMs).toBe(before);
});
