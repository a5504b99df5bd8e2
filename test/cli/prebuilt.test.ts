/**
 * The prebuilt command line (scripts/cli.cjs → dist-cli/): `npm run -s cli -- grade … --json -` prints the
 * JSON report and nothing else on stdout, even on the run that rebuilds the bundle; the bundle is rebuilt
 * whenever a source changed (even to an older date, as a git checkout leaves it), and only then; V8 accepts
 * the code cache a run leaves behind.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist-cli', 'main.cjs');
const CACHE = `${BUNDLE}.validate.v8cache`;
// A source the bundle is built from; only its date is changed, its contents never.
const SOURCE = path.join(ROOT, 'src', 'cli', 'summary.ts');

// Without NODE_OPTIONS: the code cache's name depends on node's options (scripts/cli.cjs).
function sh(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, env: { ...process.env, BA_DATE: '2026-12-20', NODE_OPTIONS: undefined }, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) => {
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
  await sh(process.execPath, ['scripts/build-cli.mjs']);
  // A source restored with an old date (git checkout, cp -p) is a change too: this run must rebuild first.
  await utimes(SOURCE, new Date(2000, 0, 1), new Date(2000, 0, 1));
  const built = (await stat(BUNDLE)).mtimeMs;
  const r = await sh('npm', ['run', '-s', 'cli', '--', 'grade', path.join(FIXTURES, 'office-2026.xlsx'), '--out', path.join(dir, 'out.xlsx'), '--json', '-']);
  expect([0, 1]).toContain(r.code);
  expect(r.stderr).toContain('Building the command line');
  const report = JSON.parse(r.stdout);
  expect(report.schemaVersion).toBe(1);
  expect(report.branches.length).toBeGreaterThan(0);
  expect(r.stdout.trim().startsWith('{')).toBe(true);
  expect((await stat(BUNDLE)).mtimeMs).toBeGreaterThan(built);
  expect((await stat(path.join(dir, 'out.xlsx'))).size).toBeGreaterThan(0);
});

it('runs the bundle without rebuilding when nothing changed', async () => {
  const before = (await stat(BUNDLE)).mtimeMs;
  const r = await sh(process.execPath, ['scripts/cli.cjs', '--help', '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^Usage:/);
  expect((await stat(BUNDLE)).mtimeMs).toBe(before);
});

it('keeps the code cache a validate run left behind: V8 accepted it, so the next run does not rewrite it', async () => {
  const now = new Date();
  await utimes(SOURCE, now, now);
  const input = path.join(FIXTURES, 'office-2026.xlsx');
  // The first run rebuilds (the source's date changed) and leaves a fresh cache; the next ones use it.
  await sh(process.execPath, ['scripts/cli.cjs', 'validate', input]);
  const written = (await stat(CACHE)).mtimeMs;
  // --help writes a cache of its own: it must not replace the one validate uses.
  await sh(process.execPath, ['scripts/cli.cjs', '--help']);
  const r = await sh(process.execPath, ['scripts/cli.cjs', 'validate', input]);
  expect([0, 1]).toContain(r.code);
  expect(r.stdout).toContain('党支部');
  expect((await stat(CACHE)).mtimeMs).toBe(written);
});

it("keeps V8's default tiering (CLI_V8_DEFAULTS=1, for the bench) apart: its own code cache, the usual one untouched, the same output", async () => {
  const input = path.join(FIXTURES, 'office-2026.xlsx');
  const usual = await sh(process.execPath, ['scripts/cli.cjs', 'validate', input]);
  const written = (await stat(CACHE)).mtimeMs;
  const own = `${BUNDLE}.validate.v8defaults.v8cache`;
  await rm(own, { force: true });
  const defaults = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['scripts/cli.cjs', 'validate', input], { cwd: ROOT, env: { ...process.env, BA_DATE: '2026-12-20', CLI_V8_DEFAULTS: '1', NODE_OPTIONS: undefined } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
  expect(defaults.code).toBe(usual.code);
  expect(defaults.stdout).toBe(usual.stdout);
  expect(defaults.stderr).toBe(usual.stderr);
  expect((await stat(own)).size).toBeGreaterThan(0);
  expect((await stat(CACHE)).mtimeMs).toBe(written);
});

it('keeps one code cache per way of starting node: `npm run cli` (with --max-semi-space-size) and node started by hand never replace each other', async () => {
  const input = path.join(FIXTURES, 'office-2026.xlsx');
  const flagged = ['--max-semi-space-size=2', 'scripts/cli.cjs', 'validate', input];
  // Each kind runs once to leave its cache (V8 refuses a cache made under other flags, and a refused one is rewritten).
  await sh(process.execPath, ['scripts/cli.cjs', 'validate', input]);
  await sh(process.execPath, flagged);
  const own = (await readdir(path.dirname(BUNDLE))).filter((n) => /^main\.cjs\.validate\.[0-9a-z]+\.v8cache$/.test(n) && !n.includes('v8defaults'));
  expect(own).toHaveLength(1);
  const flaggedCache = path.join(path.dirname(BUNDLE), own[0]);
  const plainWritten = (await stat(CACHE)).mtimeMs;
  const flaggedWritten = (await stat(flaggedCache)).mtimeMs;
  const plain = await sh(process.execPath, ['scripts/cli.cjs', 'validate', input]);
  const withFlag = await sh(process.execPath, flagged);
  expect(withFlag.stdout).toBe(plain.stdout);
  expect((await stat(CACHE)).mtimeMs).toBe(plainWritten);
  expect((await stat(flaggedCache)).mtimeMs).toBe(flaggedWritten);
});
