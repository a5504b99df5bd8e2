// StrykerJS mutation testing for the engine (src/core) and workbook recognition (src/workbook/recognise).
// `npm run mutate` runs both; one area or file: `npm run mutate -- --mutate "src/core/**/*.ts"`.
// Not part of `npm test`: a full run takes tens of minutes on a small machine.

// Incremental mode stores only the files of the current run, so a run over one area would throw away
// the other area's results. Each --mutate selection therefore keeps its own file under reports/
// (gitignored: it holds copies of sources and tests and changes on every run).
const arg = process.argv.indexOf('--mutate');
const selection = arg >= 0 ? process.argv[arg + 1] : '';
const slug = selection ? `-${selection.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
// test/support/mutate-log-reporter.mjs: each verdict as it comes, so that a run cut short still tells.
process.env.STRYKER_MUTANT_LOG = `reports/mutation/mutants${slug}.jsonl`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: process.env.MUTATE_ONE_FILE === '0' },
  mutate: ['src/core/**/*.ts', 'src/workbook/recognise/**/*.ts', '!src/core/index.ts', '!src/core/types.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared; raise with `-- --concurrency 2` when it is idle.
  concurrency: 1,
  // Incremental results are kept only with a jest file per test file: in one file (the default) Stryker sees
  // one test file whose text never changes, so it could not tell that a test's body changed.
  incremental: process.env.MUTATE_ONE_FILE === '0',
  incrementalFile: `reports/stryker-incremental${slug}.json`,
  plugins: ['@stryker-mutator/*', './test/support/mutate-log-reporter.mjs'],
  reporters: ['clear-text', 'progress', 'html', 'json', 'mutant-log'],
  htmlReporter: { fileName: `reports/mutation/mutation${slug}.html` },
  jsonReporter: { fileName: `reports/mutation/mutation${slug}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
  // A busy machine makes honest mutants slow; give them room before calling them timeouts.
  timeoutMS: 10000,
  ignorePatterns: ['dist', 'coverage', 'test-results', 'bench', 'test/e2e', 'assets', '.stryker-tmp', 'reports'],
  tempDirName: '.stryker-tmp',
};
