// Mutation runs only: fewer fast-check cases per property. Each surviving mutant reruns every covering
// test, and the generators still reach the edge cases (fast-check biases towards small and boundary values).
require('fast-check').configureGlobal({ numRuns: 25 });
