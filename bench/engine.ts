/**
 * Engine benchmark: 385 branches × 100 forms × 26 indicators ≈ 1,000,000 ratings of 组织考核 and 民主测评
 * forms, built in memory (not timed), then `assess` (checks and scores) is timed.
 * Run directly: npx tsx bench/engine.ts
 */
import { assess } from '../src/core/assess';
import { defaultCatalogue } from '../src/core/catalogue';
import { defaultRuleset } from '../src/core/ruleset';
import { GRADES, type AssessmentInput, type Form, type RosterEntry } from '../src/core/types';
import { prng } from '../src/workbook/plans/sample'; // the sample's PRNG: the same data every run
import { columnName } from '../src/workbook/snapshot';

const BRANCHES = 385;
const FORMS = 100;
const ORG_FORMS = 10;

export function benchInput(): AssessmentInput {
  const random = prng(2026);
  const codes = defaultCatalogue().indicators.map((i) => i.code);
  const cols = codes.map((_, i) => columnName(i + 2));
  const roster: RosterEntry[] = [];
  const forms: Form[] = [];
  const rows = { 组织考核: 1, 民主测评: 1 };
  for (let b = 0; b < BRANCHES; b++) {
    const name = `第${b + 1}党支部`;
    roster.push({ name, members: 100, ref: { sheet: '支部名单', cell: `B${b + 2}` } });
    const bias = random() * 2; // branches differ: some rated better than others
    for (let f = 0; f < FORMS; f++) {
      const source = f < ORG_FORMS ? '组织考核' : '民主测评';
      const row = ++rows[source];
      forms.push({
        branch: name,
        branchRef: { sheet: source, cell: `A${row}` },
        source,
        period: 'annual',
        raterType: source === '民主测评' ? (f % 5 === 0 ? 'nonparty' : 'party') : undefined,
        rater: `${source}-${b}-${f}`,
        ref: { sheet: source, cell: `A${row}` },
        ratings: codes.map((indicator, i) => ({
          indicator,
          value: GRADES[Math.min(3, Math.floor(random() * 2 + bias * random()))],
          ref: { sheet: source, cell: `${cols[i]}${row}` },
        })),
      });
    }
  }
  return { catalogue: defaultCatalogue(), ruleset: { ...defaultRuleset(), year: 2026 }, roster, forms, tallies: [], adjustments: [], findings: [] };
}

export interface EngineBench {
  ratings: number;
  /** wall-clock seconds of one cold `assess` */
  seconds: number;
  ratingsPerSecond: number;
  peakRssMB: number;
  /** CPU seconds (user + system) of the same run: steadier than wall time on a shared machine */
  cpuSeconds: number;
}

export async function benchEngine(): Promise<EngineBench> {
  const input = benchInput();
  const ratings = input.forms.reduce((n, f) => n + f.ratings.length, 0);
  // One cold run, as the CLI does it: JIT warm-up is part of the figure.
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = assess(input);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (result.branches.length !== BRANCHES || result.branches.some((b) => b.status !== 'graded')) {
    throw new Error('benchmark data did not grade every branch');
  }
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  return { ratings, seconds, ratingsPerSecond: ratings / seconds, peakRssMB, cpuSeconds };
}

if (process.argv[1] && /bench[\\/]engine\.ts$/.test(process.argv[1])) {
  benchEngine().then((r) => {
    console.log(`ratings:          ${r.ratings}`);
    console.log(`seconds:          ${r.seconds.toFixed(3)}`);
    console.log(`ratings/second:   ${Math.round(r.ratingsPerSecond).toLocaleString('en')}`);
    console.log(`peak RSS (MB):    ${r.peakRssMB.toFixed(0)}`);
    console.log(`CPU seconds:      ${r.cpuSeconds.toFixed(3)}`);
  });
}
