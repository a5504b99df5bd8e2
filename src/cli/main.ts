/** `npm run cli -- …`: wires the process to runCli (src/cli/commands.ts). */
import { useNodeDeflate } from '../hosts/xlsx/zip-write-node';
import { useNodeZlib } from '../hosts/xlsx/zip-node';
import { runCli } from './commands';
import { nodeIo } from './node-io';

// Node's native zlib inflates the input and deflates the new parts (about 3× fflate's speed).
useNodeZlib();
useNodeDeflate();

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
