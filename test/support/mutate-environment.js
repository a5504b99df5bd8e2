// Mutation runs only (jest.mutate.config.js): the node test environment with a bail per mutant.
// Stryker's jest runner turns jest's `bail` off (jest cannot bail programmatically) and runs every test
// that covers a mutant, in every file that holds one, although the first failing test already kills it.
// Once a test has failed while a mutant is active, the rest of that run is skipped: later tests and whole
// later files (their hooks too). The verdict is unchanged (a failed test is all Stryker needs for
// "killed"); only the time spent confirming it goes. The dry run has no active mutant and skips nothing.
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE = '__STRYKER_ACTIVE_MUTANT__';
// Module state of the outer (runner) context: Stryker runs jest in band, so every test file of a mutant
// run shares it.
let failedUnder;

class MutateEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // For test/support/mutate-all.mutate.ts: a mutant run names the tests that cover the mutant in jest's
    // testNamePattern, and only the files holding them need loading.
    this.global.__MUTATE_TEST_NAME_PATTERN__ = config.globalConfig.testNamePattern;
  }

  async handleTestEvent(event) {
    const active = process.env[ACTIVE];
    if (active === undefined) return;
    if (event.name === 'test_done' && event.test.errors.length > 0) failedUnder = active;
    else if (failedUnder === active && event.name === 'run_describe_start') event.describeBlock.mode = 'skip';
    else if (failedUnder === active && event.name === 'test_start') event.test.mode = 'skip';
  }
}

module.exports = MutateEnvironment;
