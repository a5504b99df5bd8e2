/**
 * Safe writes on the real file system (SPEC §7): no output path reaches the input, through any link; the
 * report is never the workbook; an existing file is replaced only with --force; a failed write (full disk,
 * no permission) leaves neither a temporary file nor anything under the output name. The input's bytes are
 * compared after every run.
 */
import { link, lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliIo } from '../../src/cli/commands';
import { realWriteOps, writeFileSafely, type WriteOps } from '../../src/cli/files';
import { makeNodeIo } from '../../src/cli/node-io';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { smallWorkbook } from './helpers';

let dir: string;
let input: string;
let original: Uint8Array;
const p = (name: string) => path.join(dir, name);

beforeAll(async () => {
  original = await smallWorkbook();
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ba-safe-'));
  input = p('in.xlsx');
  await writeFile(input, original);
});

afterEach(async () => {
  // The input is byte-for-byte what it was, whatever the case did.
  expect(new Uint8Array(await readFile(input))).toEqual(original);
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], writeOps?: WriteOps): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = makeNodeIo(
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { BA_DATE: '2026-12-20' }, today: () => '2026-12-20' },
    writeOps,
  );
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Exactly one line on stderr, no stack trace. */
function oneLine(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at /m);
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return lines[0];
}

const listing = async () => (await readdir(dir)).sort();

async function sheetNames(file: string): Promise<string[]> {
  return snapshotOf(await loadWorkbook(new Uint8Array(await readFile(file)))).sheets.map((s) => s.name);
}

describe('the output is never the input', () => {
  it('refuses --out through a symbolic link to the input, even with --force; the link stays a link', async () => {
    await symlink(input, p('link.xlsx'));
    for (const force of [[], ['--force']]) {
      const r = await cli(['grade', input, '--out', p('link.xlsx'), ...force]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toBe(`输出文件不能是输入文件本身：${p('link.xlsx')}（请用 --out 指定另一个文件）`);
      expect((await lstat(p('link.xlsx'))).isSymbolicLink()).toBe(true);
    }
    expect(await listing()).toEqual(['in.xlsx', 'link.xlsx']);
  });

  it('refuses --out that is a hard link to the input, even with --force', async () => {
    await link(input, p('same.xlsx'));
    for (const force of [[], ['--force']]) {
      const r = await cli(['grade', input, '--out', p('same.xlsx'), '--lang', 'en', ...force]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toBe(`The output cannot be the input file itself: ${p('same.xlsx')} (choose another file with --out)`);
      expect(new Uint8Array(await readFile(p('same.xlsx')))).toEqual(original);
    }
  });

  it('refuses the input reached through a symbolic link to its folder', async () => {
    await symlink(dir, p('alias'));
    const r = await cli(['grade', path.join(p('alias'), 'in.xlsx'), '--out', input, '--force']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('输出文件不能是输入文件本身');
  });

  it('refuses a --json report that is the input by a hard link', async () => {
    await link(input, p('report.json'));
    const r = await cli(['validate', input, '--json', p('report.json'), '--force']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`报告文件不能是输入文件本身：${p('report.json')}`);
  });
});

describe('--json and --out', () => {
  it('refuses the same path for both when neither exists yet; nothing is written', async () => {
    const r = await cli(['grade', input, '--out', p('out.xlsx'), '--json', p('out.xlsx')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`--json 报告文件不能与 --out 输出工作簿是同一个文件：${p('out.xlsx')}`);
    expect(await listing()).toEqual(['in.xlsx']);
  });

  it('refuses a --json that is a link to an existing --out, even with --force', async () => {
    await writeFile(p('out.xlsx'), 'old');
    await symlink(p('out.xlsx'), p('report.json'));
    const r = await cli(['grade', input, '--out', p('out.xlsx'), '--json', p('report.json'), '--force', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`The --json report cannot be the same file as the --out workbook: ${p('report.json')}`);
    expect(await readFile(p('out.xlsx'), 'utf8')).toBe('old');
  });
});

describe('an existing output', () => {
  it('is kept without --force (grade, its report, template, sample) and replaced with it', async () => {
    await writeFile(p('out.xlsx'), 'the office’s own file');
    const kept = await cli(['grade', input, '--out', p('out.xlsx')]);
    expect(kept.code).toBe(2);
    expect(oneLine(kept.stderr)).toBe(`文件已存在，未覆盖：${p('out.xlsx')}（换一个文件名，或加 --force 替换它）`);
    expect(await readFile(p('out.xlsx'), 'utf8')).toBe('the office’s own file');

    await writeFile(p('report.json'), '{}');
    const report = await cli(['validate', input, '--json', p('report.json'), '--lang', 'en']);
    expect(report.code).toBe(2);
    expect(oneLine(report.stderr)).toBe(`The file already exists and was not replaced: ${p('report.json')} (choose another name, or add --force to replace it)`);
    expect(await readFile(p('report.json'), 'utf8')).toBe('{}');

    for (const cmd of ['template', 'sample']) {
      const r = await cli([cmd, p('out.xlsx')]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain('文件已存在，未覆盖');
    }
    expect(await readFile(p('out.xlsx'), 'utf8')).toBe('the office’s own file');

    const replaced = await cli(['grade', input, '--out', p('out.xlsx'), '--json', p('report.json'), '--force']);
    expect(replaced.code).toBe(0);
    expect(await sheetNames(p('out.xlsx'))).toEqual(['支部名单', '民主测评', '组织考核', '考核汇总', '考核结果通报', '校验问题', '计算明细']);
    expect(JSON.parse(await readFile(p('report.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
    // No temporary file is left next to them.
    expect(await listing()).toEqual(['in.xlsx', 'out.xlsx', 'report.json']);

    const sample = await cli(['sample', p('out.xlsx'), '--force']);
    expect(sample.code).toBe(0);
    expect(await sheetNames(p('out.xlsx'))).toContain('支部名单');
  });

  it('the default output next to the input is not replaced by a second run without --force', async () => {
    const first = await cli(['grade', input]);
    expect(first.code).toBe(0);
    const made = await readFile(p('in-考核结果.xlsx'));
    const second = await cli(['grade', input]);
    expect(second.code).toBe(2);
    expect(oneLine(second.stderr)).toContain(`文件已存在，未覆盖：${p('in-考核结果.xlsx')}`);
    expect(await readFile(p('in-考核结果.xlsx'))).toEqual(made);
  });
});

describe('a failed write leaves nothing behind', () => {
  /** A disk that fills after `room` bytes: the write fails part-way, as ENOSPC does. */
  const fullDisk = (room: number): WriteOps => ({
    ...realWriteOps,
    write: async (h, data) => {
      await realWriteOps.write(h, data.subarray(0, Math.min(room, data.length)));
      if (data.length > room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  });

  it('full disk while writing the workbook: exit 2, one line, no temporary file, nothing under the output name', async () => {
    const r = await cli(['grade', input, '--out', p('out.xlsx')], fullDisk(1000));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`无法写入 ${p('out.xlsx')}：磁盘空间不足，未留下任何文件`);
    expect(await listing()).toEqual(['in.xlsx']);
  });

  it('full disk with --force over an existing output: the old file is kept whole', async () => {
    await writeFile(p('out.xlsx'), 'previous result');
    const r = await cli(['grade', input, '--out', p('out.xlsx'), '--force', '--lang', 'en'], fullDisk(10));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`Cannot write ${p('out.xlsx')}: the disk is full; no file was left behind`);
    expect(await readFile(p('out.xlsx'), 'utf8')).toBe('previous result');
    expect(await listing()).toEqual(['in.xlsx', 'out.xlsx']);
  });

  it('a refused rename (no permission) removes the temporary file; template and sample too', async () => {
    const denied: WriteOps = {
      ...realWriteOps,
      rename: async () => {
        throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
      },
      link: async () => {
        throw Object.assign(new Error('EACCES: permission denied, link'), { code: 'EACCES' });
      },
    };
    for (const argv of [['grade', input, '--out', p('out.xlsx'), '--json', p('r.json')], ['template', p('t.xlsx')], ['sample', p('s.xlsx'), '--force']]) {
      const r = await cli(argv, denied);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/^无法写入 .+：没有写入权限$/);
      expect(await listing()).toEqual(['in.xlsx']);
    }
  });

  it('a file created under the name while the output was being written is not replaced', async () => {
    const racing: WriteOps = {
      ...realWriteOps,
      sync: async (h) => {
        await realWriteOps.sync(h);
        await writeFile(p('out.xlsx'), 'arrived meanwhile');
      },
    };
    await expect(writeFileSafely(p('out.xlsx'), 'ours', false, racing)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(p('out.xlsx'), 'utf8')).toBe('arrived meanwhile');
    expect(await listing()).toEqual(['in.xlsx', 'out.xlsx']);
  });
});

describe('workbook output names', () => {
  it('template, sample and grade refuse a name that does not end in .xlsx', async () => {
    for (const argv of [['template', p('out.txt')], ['sample', p('out.txt')], ['grade', input, '--out', p('out.csv')]]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/^输出文件名必须以 \.xlsx 结尾：.+\.(txt|csv)$/);
    }
    const en = await cli(['sample', p('out.txt'), '--lang', 'en']);
    expect(oneLine(en.stderr)).toBe(`The output name must end in .xlsx: ${p('out.txt')}`);
    expect(await listing()).toEqual(['in.xlsx']);
  });

  it('a macro-enabled input (.xlsm) is graded into .xlsm only', async () => {
    await writeFile(p('m.xlsm'), original);
    const r = await cli(['grade', p('m.xlsm'), '--out', p('out.xlsx')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`输入是启用宏的工作簿（.xlsm），输出文件名也必须以 .xlsm 结尾：${p('out.xlsx')}`);
    expect(await listing()).toEqual(['in.xlsx', 'm.xlsm']);
  });
});
