/**
 * `npm run cli` / `npm run demo`: runs the prebuilt command line (dist-cli/, scripts/build-cli.mjs),
 * rebuilding it first only when a source is newer than the bundle. The bundle runs in this same process,
 * so a run costs one node start; V8's code cache for it (dist-cli/*.v8cache, written after the first run
 * of a new bundle) spares compiling it again at every start. Usage: node scripts/cli.mjs [--demo] <arguments…>
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { build, bundlePath, isStale } from './build-cli.mjs';

const demo = process.argv[2] === '--demo';
if (demo) process.argv.splice(2, 1);

if (await isStale()) {
  // On stderr: stdout may be a JSON report (`--json -`).
  process.stderr.write('正在构建命令行程序（源代码有更新）… / Building the command line (sources changed)…\n');
  await build();
}

const file = bundlePath(demo ? 'demo' : 'main');
run(file);

/** Runs the CommonJS bundle as require() would, compiled with V8's code cache when there is a good one. */
function run(file) {
  const req = createRequire(file);
  const cacheFile = `${file}.v8cache`;
  let script;
  try {
    const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
    script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
      // At exit the cache holds every function this run compiled, not only the top level.
      process.once('exit', () => {
        try {
          const tmp = `${cacheFile}.${process.pid}.tmp`;
          writeFileSync(tmp, script.createCachedData());
          renameSync(tmp, cacheFile);
        } catch {
          // A read-only checkout just runs without the cache.
        }
      });
    }
  } catch {
    req(file);
    return;
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, req, module, file, path.dirname(file));
}
