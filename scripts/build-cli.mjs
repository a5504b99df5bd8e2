/**
 * Builds the command line (src/cli/main.ts, src/cli/demo.ts) into dist-cli/*.cjs with esbuild: one file
 * each, dependencies included, so `npm run cli` starts node on plain JavaScript (no tsx, no type
 * stripping, no module resolution across node_modules). scripts/cli.mjs calls build() when an input changed
 * since the last build (dist-cli/inputs.stamp); `npm run build:cli` forces it. Nothing is printed on stdout.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'dist-cli');
export const ENTRIES = { main: 'src/cli/main.ts', demo: 'src/cli/demo.ts' };
export const bundlePath = (name) => path.join(OUT_DIR, `${name}.cjs`);

/**
 * Everything a bundle depends on: the sources, the lock file (dependency versions), tsconfig and this
 * script. A file added, removed, renamed, resized or touched changes the stamp.
 */
const INPUT_FILES = ['package-lock.json', 'tsconfig.json', 'scripts/build-cli.mjs'];
export const STAMP = path.join(OUT_DIR, 'inputs.stamp');

/**
 * One line per input (path, size, mtime), synchronously: a few milliseconds for the whole tree, where
 * awaiting a stat per file cost tens. Compared for equality, not "newer than", so a file restored with an
 * old date (git checkout, cp -p, an editor's undo) still counts as a change.
 */
export function inputStamp() {
  const lines = [];
  const add = (p) => {
    const s = statSync(p, { throwIfNoEntry: false });
    lines.push(`${path.relative(ROOT, p)}\t${s ? `${s.size}\t${s.mtimeMs}` : '-'}`);
  };
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else add(p);
    }
  };
  walk(path.join(ROOT, 'src'));
  for (const f of INPUT_FILES) add(path.join(ROOT, f));
  return lines.join('\n');
}

/** True when a bundle is missing or any input changed since it was built. */
export function isStale() {
  if (Object.keys(ENTRIES).some((name) => !existsSync(bundlePath(name)))) return true;
  let built;
  try {
    built = readFileSync(STAMP, 'utf8');
  } catch {
    return true;
  }
  return built !== inputStamp();
}

export async function build() {
  // Taken before reading the sources: an edit made while building leaves a stamp that no longer matches.
  const stamp = inputStamp();
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
    // fflate's Node entry loads worker_threads at start-up for its async API, which the command line never
    // uses (zlib inflates and deflates here); its browser entry is the same code without that.
    alias: { fflate: path.join(ROOT, 'node_modules/fflate/esm/browser.js') },
    // import() becomes a deferred require(): scripts/cli.mjs runs the bundle as a vm.Script, which has no
    // dynamic-import hook, and a lazily loaded module (node:crypto, docx) is still loaded only when used.
    supported: { 'dynamic-import': false },
    legalComments: 'none',
    logLevel: 'error',
  });
  // Each file lands whole (temporary name, then rename): two runs building at once never read half a bundle.
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    await writeFile(tmp, f.contents);
    await rename(tmp, f.path);
  }
  // The V8 code caches belonged to the old bundles (V8 would reject them anyway); the next runs make new ones.
  for (const name of readdirSync(OUT_DIR)) {
    if (name.endsWith('.v8cache')) await rm(path.join(OUT_DIR, name), { force: true });
  }
  await writeFile(`${STAMP}.${process.pid}.tmp`, stamp);
  await rename(`${STAMP}.${process.pid}.tmp`, STAMP);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  await build();
  process.stderr.write(`build-cli: dist-cli/ in ${Math.round(performance.now() - started)} ms\n`);
}
