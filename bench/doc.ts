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

/**
 * BENCHMARKS.md with one part's table (`npm run bench -- excel`, alone or in a full run) between its own
 * markers, where the hand-written text about that part has it; the markers go at the end when missing.
 */
export function withPart(doc: string, part: string, body: string): string {
  const begin = `<!-- bench:${part}:begin (written by \`npm run bench -- ${part}\`; edit outside these markers) -->`;
  const end = `<!-- bench:${part}:end -->`;
  const section = `${begin}\n${body.trim()}\n${end}`;
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a >= 0 && b > a) return doc.slice(0, a) + section + doc.slice(b + end.length);
  return `${doc.replace(/\n*$/, '\n\n')}${section}\n`;
}
