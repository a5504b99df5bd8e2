/**
 * `npm run cli` / `npm run demo`: runs the prebuilt command line (dist-cli/, scripts/build-cli.mjs),
 * rebuilding it first only when a source is newer than the bundle. The bundle runs in this same process,
 * so a run costs one node start. Usage: node scripts/cli.mjs [--demo] <arguments…>
 */
import { createRequire } from 'node:module';
import { build, bundlePath, isStale } from './build-cli.mjs';

const demo = process.argv[2] === '--demo';
if (demo) process.argv.splice(2, 1);

if (await isStale()) {
  // On stderr: stdout may be a JSON report (`--json -`).
  process.stderr.write('正在构建命令行程序（源代码有更新）… / Building the command line (sources changed)…\n');
  await build();
}
createRequire(import.meta.url)(bundlePath(demo ? 'demo' : 'main'));
