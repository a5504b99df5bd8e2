/**
 * Builds the command line (src/cli/main.ts, src/cli/demo.ts) into dist-cli/*.cjs with esbuild: one file
 * each, dependencies included, so `npm run cli` starts node on plain JavaScript (no tsx, no type
 * stripping, no module resolution across node_modules). scripts/cli.mjs calls build() when a source is
 * newer than the bundle; `npm run build:cli` forces it. Nothing is printed on stdout.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'dist-cli');
export const ENTRIES = { main: 'src/cli/main.ts', demo: 'src/cli/demo.ts' };
export const bundlePath = (name) => path.join(OUT_DIR, `${name}.cjs`);

/** Everything a bundle depends on: the sources, the lock file (dependency versions) and this script. */
async function newestInput() {
  let newest = 0;
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else newest = Math.max(newest, (await stat(p)).mtimeMs);
    }
  };
  await walk(path.join(ROOT, 'src'));
  for (const f of ['package-lock.json', 'tsconfig.json', 'scripts/build-cli.mjs']) {
    newest = Math.max(newest, (await stat(path.join(ROOT, f)).catch(() => ({ mtimeMs: 0 }))).mtimeMs);
  }
  return newest;
}

/** True when a bundle is missing or older than any input (a quick mtime scan, a few milliseconds). */
export async function isStale() {
  const newest = await newestInput();
  for (const name of Object.keys(ENTRIES)) {
    const s = await stat(bundlePath(name)).catch(() => null);
    if (!s || s.mtimeMs < newest) return true;
  }
  return false;
}

export async function build() {
  await mkdir(OUT_DIR, { recursive: true });
  // Loaded only to build: a normal run never pays for esbuild's module.
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    write: false,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(ROOT, v)])),
    outdir: OUT_DIR,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Smaller files parse faster at every start; messages and names the user sees are strings, kept.
    minify: true,
    // SheetJS (legacy .xls/.et only) and docx (--docx, forms) stay in node_modules, required when such a
    // file is opened or written: every other run starts without parsing them.
    external: ['@e965/xlsx', 'docx'],
    legalComments: 'none',
    logLevel: 'error',
  });
  // Each file lands whole (temporary name, then rename): two runs building at once never read half a bundle.
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    await writeFile(tmp, f.contents);
    await rename(tmp, f.path);
    // Its V8 code cache belonged to the old bundle (V8 would reject it anyway); the next run makes a new one.
    await rm(`${f.path}.v8cache`, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  await build();
  process.stderr.write(`build-cli: dist-cli/ in ${Math.round(performance.now() - started)} ms\n`);
}
