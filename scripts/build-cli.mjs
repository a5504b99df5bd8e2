/**
 * Builds the command line (src/cli/main.ts, src/cli/demo.ts) into dist-cli/*.cjs with esbuild: one file
 * each, dependencies included, so `npm run cli` starts node on plain JavaScript (no tsx, no type
 * stripping, no module resolution across node_modules). scripts/cli.cjs calls build() when an input changed
 * since the last build (dist-cli/inputs.stamp, scripts/cli-inputs.cjs); `npm run build:cli` forces it. Nothing is printed on stdout.
 */
import { readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import inputs from './cli-inputs.cjs';

const { ROOT, OUT_DIR, ENTRIES, STAMP, inputStamp } = inputs;

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
    // import() becomes a deferred require(): scripts/cli.cjs runs the bundle as a vm.Script, which has no
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
