#!/usr/bin/env node
/**
 * `npm run cli` / `npm run demo`: runs the prebuilt command line (dist-cli/, scripts/build-cli.mjs),
 * rebuilding it first only when an input changed since the bundle was built (a synchronous stat of each
 * source against dist-cli/inputs.stamp, scripts/cli-inputs.cjs). The bundle runs in this same process,
 * so a run costs one node start; V8's code cache for it (dist-cli/*.<command>[.<flags>].v8cache, written
 * after the first run of each command and set of node options with a new bundle) spares compiling it again
 * at every start. CommonJS: node's ES module loader took about 5 ms of every start. Usage: node scripts/cli.cjs [--demo] <arguments…>;
 * it is also package.json's `bin`, `branch-assessment` (npx branch-assessment …, or anywhere after npm install -g .).
 */
'use strict';
const { existsSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');
const { bundlePath, isStale } = require('./cli-inputs.cjs');

// A run lives a second or two, and V8's optimising compiler (TurboFan, on background threads) took about a
// third of its CPU, mostly on functions hot only for a moment or compiled again after inlining too much.
// Optimise later and inline less (BENCHMARKS.md, "V8 tiering": 18 % less CPU for grade, 30 % for validate).
// Set before the bundle is compiled. Only on the V8 versions these flags were checked with (Node 20–24):
// a later V8 that dropped one would print an error line for it. CLI_V8_DEFAULTS=1 keeps V8's own tiering
// (for `npm run bench -- tiering`, which measures the difference).
const v8Defaults = process.env.CLI_V8_DEFAULTS === '1';
if (Number(process.versions.v8.split('.')[0]) <= 13 && !v8Defaults) {
  const { setFlagsFromString } = require('node:v8');
  setFlagsFromString('--interrupt-budget=1000000');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}

const demo = process.argv[2] === '--demo';
if (demo) process.argv.splice(2, 1);

const COMMANDS = new Set(['grade', 'validate', 'template', 'sample', 'forms']);
const file = bundlePath(demo ? 'demo' : 'main');

if (isStale()) {
  // On stderr: stdout may be a JSON report (`--json -`). esbuild and the build are loaded only now.
  process.stderr.write('正在构建命令行程序（源代码有更新）… / Building the command line (sources changed)…\n');
  import('./build-cli.mjs')
    .then((m) => m.build())
    .then(
      () => run(file),
      (e) => {
        process.stderr.write(`构建命令行程序失败 / Building the command line failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
        process.exitCode = 2;
      },
    );
} else {
  run(file);
}

/** Runs the CommonJS bundle as require() would, compiled with V8's code cache when there is a good one. */
function run(file) {
  const req = Module.createRequire(file);
  // One cache per command: V8 keeps in it the functions the run compiled, and a cache written by `sample`
  // would leave everything `validate` needs to be compiled again at every run.
  const command = process.argv.slice(2).find((a) => COMMANDS.has(a)) ?? 'other';
  // V8 refuses a cache made under other flags (`npm run cli` passes --max-semi-space-size, node started by
  // hand does not), and a refused cache is written anew: each set of flags keeps its own, or two ways of
  // starting the command would keep replacing each other's.
  const cacheFile = `${file}.${command}${v8Defaults ? '.v8defaults' : ''}${flagsKey()}.v8cache`;
  let script;
  try {
    const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
    script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
      // At exit the cache holds every function this run compiled, not only the top level.
      process.once('exit', () => {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        try {
          writeFileSync(tmp, script.createCachedData());
          renameSync(tmp, cacheFile);
        } catch {
          // A read-only checkout or a full disk just runs without the cache; no half-written file stays behind.
          rmSync(tmp, { force: true });
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

/** '' for node started without options, else a short key of its options (command line and NODE_OPTIONS). */
function flagsKey() {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  if (flags === '') return '';
  let h = 0x811c9dc5; // FNV-1a, 32 bits: a file name, not a secret
  for (let i = 0; i < flags.length; i++) h = Math.imul(h ^ flags.charCodeAt(i), 0x01000193);
  return `.${(h >>> 0).toString(36)}`;
}
