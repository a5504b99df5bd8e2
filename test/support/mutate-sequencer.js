// Mutation runs only (jest.mutate.config.js): files that failed last time first (they killed the last
// mutant, so they are likely to kill this one), then the quickest first. Jest's own order runs the slowest
// file first, which suits parallel workers but, with the bail of mutate-environment.js, costs every
// killed mutant its slowest file.
const Sequencer = require('@jest/test-sequencer').default;

class MutateSequencer extends Sequencer {
  sort(tests) {
    const keyed = tests.map((test) => ({ test, failed: this.hasFailed(test), time: this.time(test) ?? Infinity }));
    keyed.sort((a, b) => Number(b.failed) - Number(a.failed) || a.time - b.time || (a.test.path < b.test.path ? -1 : 1));
    return keyed.map((k) => k.test);
  }
}

module.exports = MutateSequencer;
