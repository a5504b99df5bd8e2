/** `npm run demo` (scripts/cli.cjs --demo): says truthfully whose exit status is which. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

it('writes the sample and its graded copy, explains grade\'s status 1, and ends with 0', async () => {
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['scripts/cli.cjs', '--demo'], { cwd: ROOT, env: { ...process.env, BA_DATE: '2026-12-20', NODE_OPTIONS: undefined }, maxBuffer: 16 * 2 ** 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('[错误]');
  expect(r.stdout).toContain('grade 的退出码为 1：示例里故意留了几处错误，相关党支部暂不评定，其余照常评定');
  expect(r.stdout).toMatch(/演示正常结束。）\n$/);
  expect(r.stdout).not.toMatch(/（[^）]*退出码 1）/);
  expect(existsSync(path.join(ROOT, 'out', 'sample-考核结果.xlsx'))).toBe(true);
});
