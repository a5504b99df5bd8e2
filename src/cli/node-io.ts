/** The real process and file system behind CliIo (kept apart so tests and the demo can reuse or replace it). */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './commands';
import { identify, realWriteOps, writeFileSafely, type WriteOps } from './files';

/** Today in local time, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The process's I/O; `writeOps` replaces the file writes (tests simulate a full disk with it). */
export function makeNodeIo(over: Partial<CliIo> = {}, writeOps: WriteOps = realWriteOps): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: async (f) => new Uint8Array(await readFile(f)),
    writeFile: (f, d, replace) => writeFileSafely(f, d, replace, writeOps),
    identify,
    env: process.env,
    today: () => localToday(),
    ...over,
  };
}

export const nodeIo: CliIo = makeNodeIo();
