/** `npm run cli -- …`: wires the process to runCli (src/cli/commands.ts). */
import { useNodeDeflate } from '../hosts/xlsx/zip-write-node';
import { useNodeZlib } from '../hosts/xlsx/zip-node';
import { runCli } from './commands';
import { nodeIo } from './node-io';

// Node's native zlib inflates the input and deflates the new parts (about 3× fflate's speed).
useNodeZlib();
useNodeDeflate();

// npm runs a package script in the project folder and says in INIT_CWD where the user typed it: paths on the
// command line are the user's, relative to that folder (`npm run cli -- template t.xlsx` from out/sub writes
// out/sub/t.xlsx). Run any other way (npx, the installed `branch-assessment`, node by hand) the process is
// already where the user is.
const script = process.env.npm_lifecycle_event;
const userFolder = process.env.INIT_CWD;
if ((script === 'cli' || script === 'cli:dev') && userFolder) {
  try {
    process.chdir(userFolder);
  } catch {
    process.stderr.write(`无法进入运行命令时所在的文件夹：${userFolder} / Cannot enter the folder the command was run in: ${userFolder}\n`);
    process.exit(2);
  }
}

// A closed pipe (`… | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

runCli(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // runCli turns every failure into one line; this is the last guard against a stack trace: ours, exit 3.
    process.stderr.write(`${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    if (process.env.BA_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    process.exitCode = 3;
  },
);
