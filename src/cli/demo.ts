/**
 * `npm run demo`: writes the sample workbook to out/sample.xlsx, grades it into out/sample-考核结果.xlsx,
 * and prints the summary and the checks. Runs on a fresh clone right after `npm ci`.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { runCli } from './commands';
import { nodeIo } from './node-io';

/** The project folder, found upwards from here (src/cli under tsx, dist-cli when prebuilt). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

async function main(): Promise<number> {
  const dir = path.join(projectRoot(), 'out');
  const sample = path.join(dir, 'sample.xlsx');
  const graded = path.join(dir, 'sample-考核结果.xlsx');
  await mkdir(dir, { recursive: true });
  // The demo owns these two files: start clean so it can run again and again.
  await rm(sample, { force: true });
  await rm(graded, { force: true });

  const lang = process.argv.includes('en') || process.argv.includes('--lang=en') ? 'en' : 'zh';
  const zh = lang === 'zh';
  console.log(zh ? `1. 生成示例工作簿 ${sample}` : `1. Writing the sample workbook ${sample}`);
  let code = await runCli(['sample', sample, '--lang', lang], nodeIo);
  if (code !== 0) return code;
  console.log(zh ? `\n2. 评定：npm run cli -- grade ${sample}` : `\n2. Grading: npm run cli -- grade ${sample}`);
  code = await runCli(['grade', sample, '--out', graded, '--lang', lang], nodeIo);
  // grade exits 1 here on purpose (the sample carries errors to show the checks); the demo itself did
  // what it should, so it ends with 0 and says which status was whose. Anything worse is the demo's failure.
  if (code > 1) return code;
  const why = code === 1
    ? { zh: 'grade 的退出码为 1：示例里故意留了几处错误，相关党支部暂不评定，其余照常评定', en: 'grade exited with 1: the sample holds a few errors on purpose, so those branches are held back and the rest are graded' }
    : { zh: 'grade 的退出码为 0：没有错误', en: 'grade exited with 0: no error' };
  console.log(
    zh
      ? `\n已评定的工作簿：${graded}\n（含“考核汇总”“考核结果通报”“校验问题”“计算明细”四张表；${why.zh}。演示正常结束。）`
      : `\nGraded workbook: ${graded}\n(with the summary, notification, checks and calculation-details sheets; ${why.en}. The demo ran as it should.)`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
