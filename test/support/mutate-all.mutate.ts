/**
 * Mutation runs only (jest.mutate.config.js; MUTATE_ONE_FILE=0 goes back to one jest file per test file): every selected test file, loaded into
 * this one jest test file, each under a describe named by its path. Jest gives each test file a module
 * registry of its own, so a mutant covered by tests in twenty files paid for loading the sources twenty
 * times; here they load once per mutant run. The selected files use no module mocks (which would leak
 * between them in one registry).
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const selection = (process.env.MUTATE_TESTS || 'test/core,test/workbook/recognise')
  .split(',')
  .map((p) => p.trim().replace(/\/$/, ''))
  .filter(Boolean);

function testFiles(p: string): string[] {
  const full = path.join(ROOT, p);
  if (/\.test\.ts$/.test(p)) return [full];
  const out: string[] = [];
  for (const name of readdirSync(full).sort()) {
    const child = path.join(p, name);
    if (statSync(path.join(ROOT, child)).isDirectory()) out.push(...testFiles(child));
    else if (name.endsWith('.test.ts')) out.push(path.join(ROOT, child));
  }
  return out;
}

/**
 * A mutant run's testNamePattern lists the covering tests' full names, each escaped with backslashes; in
 * this file every full name starts with its file's path. Loading the other files (their sources and
 * describe blocks) cost most of a mutant run: a file is loaded only when its path, followed by the space
 * jest puts between names, appears in the unescaped pattern. A false match only loads a file too many; no
 * match at all (the dry run, a pattern of another shape) loads every file.
 */
function wanted(files: string[]): string[] {
  const pattern = (globalThis as { __MUTATE_TEST_NAME_PATTERN__?: string }).__MUTATE_TEST_NAME_PATTERN__;
  if (!pattern || process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) return files;
  const raw = pattern.replace(/\\(.)/g, '$1');
  const some = files.filter((file) => raw.includes(`${path.relative(ROOT, file)} `));
  return some.length > 0 ? some : files;
}

for (const file of wanted(selection.flatMap(testFiles))) {
  describe(path.relative(ROOT, file), () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  });
}
