/** BENCHMARKS.md: where a full `npm run bench` writes its figures (bench/run.ts). */
const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/**
 * BENCHMARKS.md with the full run's figures between its markers (added at the end when missing). The
 * rest of the file, the figures' history and explanations, is written by hand: a full run must not erase it.
 */
export function withLatestRun(doc: string, body: string): string {
  const section = `${BEGIN}\n${body.replace(/^# Benchmarks\n/, '## Latest full run of `npm run bench`\n')}\n${END}`;
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a >= 0 && b > a) return doc.slice(0, a) + section + doc.slice(b + END.length);
  return `${doc.replace(/\n*$/, '\n\n')}${section}\n`;
}
