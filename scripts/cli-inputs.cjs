/**
 * What the prebuilt command line (dist-cli/) is built from, and whether it is stale: shared by the
 * launcher (scripts/cli.cjs, every run) and the build (scripts/build-cli.mjs). CommonJS with string paths
 * only: the launcher loads it at every start, where node's ES module loader and path.join/relative over
 * the source tree cost about 10 ms of a 0.2 s `validate`.
 */
'use strict';
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = `${ROOT}/dist-cli`;
const ENTRIES = { main: 'src/cli/main.ts', demo: 'src/cli/demo.ts' };
const STAMP = `${OUT_DIR}/inputs.stamp`;
const bundlePath = (name) => `${OUT_DIR}/${name}.cjs`;

/**
 * Everything a bundle depends on besides src/: the lock file (dependency versions), tsconfig and the build
 * scripts. A file added, removed, renamed, resized or touched changes the stamp.
 */
const INPUT_FILES = ['package-lock.json', 'tsconfig.json', 'scripts/build-cli.mjs', 'scripts/cli-inputs.cjs'];

/**
 * One line per input (path relative to the project, size, mtime), synchronously: a few milliseconds for
 * the whole tree. Compared for equality, not "newer than", so a file restored with an old date (git
 * checkout, cp -p, an editor's undo) still counts as a change.
 */
function inputStamp() {
  const lines = [];
  const add = (rel) => {
    const s = statSync(`${ROOT}/${rel}`, { throwIfNoEntry: false });
    lines.push(`${rel}\t${s ? `${s.size}\t${s.mtimeMs}` : '-'}`);
  };
  const walk = (rel) => {
    const entries = readdirSync(`${ROOT}/${rel}`, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else add(p);
    }
  };
  walk('src');
  for (const f of INPUT_FILES) add(f);
  return lines.join('\n');
}

/** True when a bundle is missing or any input changed since it was built. */
function isStale() {
  if (Object.keys(ENTRIES).some((name) => !existsSync(bundlePath(name)))) return true;
  let built;
  try {
    built = readFileSync(STAMP, 'utf8');
  } catch {
    return true;
  }
  return built !== inputStamp();
}

module.exports = { ROOT, OUT_DIR, ENTRIES, STAMP, bundlePath, inputStamp, isStale };
