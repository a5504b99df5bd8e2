/**
 * Jest for `npm run mutate` (StrykerJS): only the suites that exercise src/core and src/workbook/recognise
 * in-process. Left out: acceptance/CLI suites (they grade through a child process, which Stryker's
 * per-test coverage cannot see) and the 470,000-rating timing tests (seconds per run, and they assert
 * speed, not results, so under a mutant they would only time out).
 *
 * MUTATE_TESTS (comma-separated folders or test files, relative to the project) narrows the suites,
 * e.g. MUTATE_TESTS=test/core while the other area is mid-change, or one test file for a quick look.
 * The selected files run as one jest file (test/support/mutate-all.mutate.ts: one module registry per
 * mutant run, not one per test file); MUTATE_ONE_FILE=0 runs them as separate files (docs/mutation.md).
 */
const base = require('./jest.config.js');

const selection = (process.env.MUTATE_TESTS || 'test/core,test/workbook/recognise')
  .split(',')
  .map((p) => p.trim().replace(/\/$/, ''))
  .filter(Boolean);

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // src as a root too: Stryker asks jest for the tests related to a mutated file, and jest follows imports
  // only through files under its roots.
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: process.env.MUTATE_ONE_FILE !== '0'
    ? ['<rootDir>/test/support/mutate-all.mutate.ts']
    : selection.map((p) => (/\.tsx?$/.test(p) ? `<rootDir>/${p}` : `<rootDir>/${p}/**/*.test.ts`)),
  // (in one-file mode a test's full name starts with its file's path)
  testNamePattern: String.raw`^(?!(\S+\.test\.ts )?performance )`,
  setupFiles: ['<rootDir>/test/support/mutate-setup.js'],
  // A mutant's run stops at its first failing test, and the files most likely to fail run first.
  testEnvironment: require('path').join(__dirname, 'test/support/mutate-environment.js'),
  testSequencer: require('path').join(__dirname, 'test/support/mutate-sequencer.js'),
};
