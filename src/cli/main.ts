/** `npm run cli -- …`: wires the process to runCli (src/cli/commands.ts). */
import { tuneExcelJsForNode } from '../hosts/xlsx/node';
import { runCli } from './commands';
import { nodeIo } from './node-io';

// Large workbooks: ExcelJS joins sheet XML in chunks instead of holding millions of pieces (≈ −30 % RSS).
tuneExcelJsForNode();

// A closed pipe (`… | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

runCli(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // runCli turns every failure into one line; this is the last guard against a stack trace.
    process.stderr.write(`${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exitCode = 2;
  },
);
