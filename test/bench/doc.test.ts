/** A full `npm run bench` rewrites only its own section of BENCHMARKS.md. */
import { withLatestRun, withPart } from '../../bench/doc';

const run = (n: number) => `# Benchmarks\n\nMeasured by \`npm run bench\`.\n\n| figure | measured |\n| --- | --- |\n| grade | ${n} s |\n`;

describe('withLatestRun', () => {
  it('adds the run at the end of a hand-written file, keeping every line of it', () => {
    const doc = '# Benchmarks\n\nHistory, written by hand.\n\n## Mutation testing\n\ntext\n';
    const out = withLatestRun(doc, run(1));
    expect(out.startsWith(doc.trimEnd())).toBe(true);
    expect(out).toContain('## Latest full run of `npm run bench`');
    expect(out).toContain('| grade | 1 s |');
    expect(out.match(/^# Benchmarks$/gm)).toHaveLength(1);
  });

  it('replaces the previous run between the markers and nothing else', () => {
    const first = withLatestRun('# Benchmarks\n\nbefore\n', run(1));
    const withTail = `${first}\n## Written after the run\n\nkept\n`;
    const second = withLatestRun(withTail, run(2));
    expect(second).toContain('| grade | 2 s |');
    expect(second).not.toContain('| grade | 1 s |');
    expect(second).toContain('before');
    expect(second).toContain('## Written after the run\n\nkept');
    expect(withLatestRun(second, run(2))).toBe(second);
  });
});

describe('withPart', () => {
  const table = (n: number) => `| branches | syncs |\n| --- | --- |\n| 10 | ${n} |\n`;
  it('writes one part between its own markers and keeps the text around them, and the full run\'s section', () => {
    const doc = withLatestRun('# Benchmarks\n\n## Excel\n\nby hand\n', run(1));
    const once = withPart(doc, 'excel', table(3));
    expect(once).toContain('by hand');
    expect(once).toContain('| grade | 1 s |');
    expect(once).toContain('| 10 | 3 |');
    // moved under the hand-written heading by hand, it is rewritten there
    const moved = once.replace(/<!-- bench:excel:begin[\s\S]*<!-- bench:excel:end -->\n/, '').replace('by hand\n', `by hand\n\n${once.match(/<!-- bench:excel:begin[\s\S]*<!-- bench:excel:end -->/)![0]}\n`);
    const again = withPart(moved, 'excel', table(4));
    expect(again).not.toContain('| 10 | 3 |');
    expect(again.indexOf('| 10 | 4 |')).toBeGreaterThan(again.indexOf('by hand'));
    expect(again.indexOf('| 10 | 4 |')).toBeLessThan(again.indexOf('Latest full run'));
    expect(withPart(again, 'excel', table(4))).toBe(again);
    expect(withLatestRun(again, run(2))).toContain('| 10 | 4 |');
  });
});
