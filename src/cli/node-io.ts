/** The real process and file system behind CliIo (kept apart so tests and the demo can reuse or replace it). */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from './commands';

/** Today in local time, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const nodeIo: CliIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: async (f) => new Uint8Array(await readFile(f)),
  writeFile: (f, d) => writeFile(f, d),
  exists: async (f) => existsSync(f),
  env: process.env,
  today: () => localToday(),
};
