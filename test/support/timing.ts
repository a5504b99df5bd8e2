/**
 * A timing line from a test, printed only with TEST_TIMINGS=1: jest's own output stays free of figures that
 * change at every run. Speed is measured by `npm run bench`, never asserted by a test.
 */
export function reportTiming(line: string): void {
  if (process.env.TEST_TIMINGS === '1') process.stdout.write(`${line}\n`);
}
