/** A full `npm run bench` rewrites only its own section of BENCHMARKS.md. */
import { withLatestRun } from '../../bench/doc';

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
