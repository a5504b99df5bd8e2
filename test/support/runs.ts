/**
 * A property's number of fast-check runs, scaled with the global setting: `runs(300)` is 300 in `npm test`
 * (fast-check's default of 100 runs per property) and 75 in mutation runs (test/support/mutate-setup.js
 * sets 25), where every surviving mutant runs each covering property again.
 */
import fc from 'fast-check';

export function runs(n: number): number {
  const base = fc.readConfigureGlobal().numRuns ?? 100;
  return Math.max(1, Math.round((n * base) / 100));
}
