/** Test doubles for the CLI: an in-memory file system and captured output, plus small workbook builders. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, type CliIo } from '../../src/cli/commands';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

export interface MemoryRun {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, Uint8Array | string>;
}

/** Run the CLI against an in-memory file system holding `files` (paths resolved against /work). */
export async function run(argv: string[], files: Record<string, Uint8Array | string> = {}, env: Record<string, string> = { BA_DATE: '2026-12-20' }): Promise<MemoryRun> {
  const fs = new Map<string, Uint8Array | string>();
  const key = (f: string) => path.resolve('/work', f);
  for (const [k, v] of Object.entries(files)) fs.set(key(k), v);
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: async (f) => {
      const v = fs.get(key(f));
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${f}`), { code: 'ENOENT' });
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    writeFile: async (f, d, replace) => {
      if (path.dirname(key(f)).includes('missing-dir')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      if (!replace && fs.has(key(f))) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      fs.set(key(f), d);
    },
    // No links in memory: a file is its path (the real file system's links are tested in safe-write.test.ts).
    identify: async (f) => ({ file: fs.has(key(f)) ? key(f) : null, where: key(f), exists: fs.has(key(f)) }),
    env,
    today: () => '2026-12-31',
  };
  // File arguments are made absolute under /work, so the commands' path checks see real paths.
  const code = await runCli(argv.map((a) => (/\.(xlsx|json|xls|txt)$/.test(a) ? path.resolve('/work', a) : a)), io);
  const out = new Map<string, Uint8Array | string>();
  for (const [k, v] of fs) out.set(path.relative('/work', k), v);
  return { code, stdout, stderr, files: out };
}

export function bytesOf(r: MemoryRun, file: string): Uint8Array {
  const v = r.files.get(file);
  if (!(v instanceof Uint8Array)) throw new Error(`no workbook written to ${file}`);
  return v;
}

/** A small workbook from sheet name → rows (row-major from A1). */
export async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const CODES = [6, 6, 3, 4, 3, 4].flatMap((n, c) => Array.from({ length: n }, (_, i) => `${c + 1}.${i + 1}`));

/** A minimal gradable workbook: two branches, 5 democratic and 2 organisational forms each, all one grade. */
export async function smallWorkbook(extra: Record<string, (string | number | null)[][]> = {}): Promise<Uint8Array> {
  const forms = (grades: Record<string, string>, n: number) =>
    Object.entries(grades).flatMap(([b, g]) => Array.from({ length: n }, (_, i) => [b, i === n - 1 ? '党外群众' : '党员', ...CODES.map((c) => (c === '1.1' && i === 0 ? '较好' : g))]));
  return workbook({
    支部名单: [['党支部', '党员人数'], ['甲支部', 6], ['乙支部', 6]],
    民主测评: [['党支部', '测评人身份', ...CODES], ...forms({ 甲支部: '优秀', 乙支部: '一般' }, 5)],
    组织考核: [['党支部', '测评人身份', ...CODES], ...forms({ 甲支部: '优秀', 乙支部: '较好' }, 2)],
    ...extra,
  });
}
