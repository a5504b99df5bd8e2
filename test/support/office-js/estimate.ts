/**
 * The host sizes its write requests from constants (src/hosts/excel/write.ts) calibrated on this harness.
 * Held against what office.js sends, request by request: never below it beyond the overhead kept free
 * (REQUEST_OVERHEAD_BYTES), and at most half again above it, so the constants can drift neither way
 * without a test failing. Measured (estimate ÷ sent): 10 branches 1.37, 100 1.12, 1,000 about 1.03,
 * 5,000 1.01–1.03 per request (office-js.test.ts, office-js-5000.test.ts).
 */
import type { ExcelHost } from '../../../src/hosts/excel';
import { REQUEST_OVERHEAD_BYTES } from '../../../src/hosts/excel/write';
import type { WireSync } from './index';

export function estimateHolds(wire: WireSync[], host: ExcelHost): void {
  expect(host.requestEstimates).toHaveLength(wire.length);
  wire.forEach((s, i) => {
    const estimate = host.requestEstimates[i];
    expect(s.requestBytes).toBeLessThanOrEqual(estimate + REQUEST_OVERHEAD_BYTES);
    expect(estimate).toBeLessThanOrEqual(1.5 * s.requestBytes);
  });
}
