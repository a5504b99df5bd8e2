/**
 * Property 2: unusable files through the CLI commands (runCli with real files in a temp folder, and the
 * real process once): exit 2 and exactly one clear line on stderr, no stack trace, Chinese by default and
 * English with --lang en; nothing is written for an unusable input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, type CliIo } from '../../src/cli/commands';
import { identify, writeFileSafely } from '../../src/cli/files';
import { zip } from './zip';

const CJK = /[\u4e00-\u9fff]/;
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const { readFile } = await import('node:fs/promises');
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: async (f) => new Uint8Array(await readFile(f)),
    writeFile: (f, d, replace) => writeFileSafely(f, d, replace),
    identify,
    env: { BA_DATE: '2026-12-20' },
    today: () => '2026-12-20',
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Exactly one non-empty line on stderr, no stack trace; returns it. */
function oneLine(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
  const lines = stderr.split(/\r?\n/).filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  return lines[0];
}

async function validXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const codes = [6, 6, 3, 4, 3, 4].flatMap((n, c) => Array.from({ length: n }, (_, i) => `${c + 1}.${i + 1}`));
  for (const [name, n] of [['民主测评', 5], ['组织考核', 2]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['党支部', ...codes]);
    for (let i = 0; i < n; i++) ws.addRow(['甲支部', ...codes.map(() => '优秀')]);
  }
  // padding text so that the file is big enough to cut at many places
  const notes = wb.addWorksheet('说明');
  for (let i = 0; i < 200; i++) notes.addRow([`第${i}行说明文字，与考核无关`, i]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function utf16(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0), 0]);
}

/** name → bytes of every unusable file. */
async function badFiles(): Promise<Record<string, Uint8Array>> {
  const good = await validXlsx();
  const out: Record<string, Uint8Array> = {
    'empty.xlsx': new Uint8Array(0),
    'one-byte.xlsx': new Uint8Array([0x50]),
    'pk-only.xlsx': new Uint8Array([0x50, 0x4b]),
    'corrupt.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)]),
    'half.xlsx': good.slice(0, Math.floor(good.length / 2)),
    'tenth.xlsx': good.slice(0, Math.floor(good.length / 10)),
    'nearly.xlsx': good.slice(0, good.length - 1),
    'no-end.xlsx': good.slice(0, good.length - 22),
    'encrypted.xlsx': new Uint8Array([...CFB, ...new Array(504).fill(0), ...utf16('EncryptionInfo'), ...new Array(1024).fill(0)]),
    'cfb-only.xlsx': new Uint8Array([...CFB, ...new Array(4096).fill(0)]),
    'legacy.xls': new Uint8Array([...CFB, ...new Array(512).fill(0xff)]),
    'text.xlsx': new TextEncoder().encode('党支部,1.1\n甲支部,优秀\n'),
    'png.xlsx': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
    'html.xlsx': new TextEncoder().encode('<html><body><table><tr><td>党支部</td></tr></table></body></html>'),
    'zip-text.xlsx': zip({ 'hello.txt': 'hello' }),
    'zip-empty.xlsx': zip({}),
    'docx.xlsx': zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    }),
    'bad-workbook-xml.xlsx': zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'xl/workbook.xml': '<workbook><sheets><sheet name="x" sheetId="1" r:id="rId1"',
    }),
  };
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'robustness-'));
  for (const [name, bytes] of Object.entries(await badFiles())) writeFileSync(path.join(dir, name), bytes);
  mkdirSync(path.join(dir, 'folder.xlsx'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRow(['hello', 'world']);
  writeFileSync(path.join(dir, 'unrelated.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BAD = [
  'empty.xlsx', 'one-byte.xlsx', 'pk-only.xlsx', 'corrupt.xlsx', 'half.xlsx', 'tenth.xlsx', 'nearly.xlsx', 'no-end.xlsx',
  'encrypted.xlsx', 'cfb-only.xlsx', 'legacy.xls', 'text.xlsx', 'png.xlsx', 'html.xlsx', 'zip-text.xlsx', 'zip-empty.xlsx',
  'docx.xlsx', 'bad-workbook-xml.xlsx', 'missing.xlsx', 'folder.xlsx', 'unrelated.xlsx',
];

describe('unusable input files', () => {
  const seen = new Map<string, string>();

  it.each(BAD)('%s: grade and validate exit 2 with one line, zh by default and en with --lang en; nothing written', async (name) => {
    const file = path.join(dir, name);
    const out = path.join(dir, `out-${name}.xlsx`);
    const before = readdirSync(dir).sort();
    for (const argv of [
      ['validate', file],
      ['grade', file, '--out', out],
      ['grade', file, '--out', out, '--json', path.join(dir, `r-${name}.json`)],
    ]) {
      const zh = await cli(argv);
      expect(zh.code).toBe(2);
      const lineZh = oneLine(zh.stderr);
      expect(lineZh).toMatch(CJK);
      const en = await cli([...argv, '--lang', 'en']);
      expect(en.code).toBe(2);
      const lineEn = oneLine(en.stderr);
      expect(lineEn.replace(file, '')).not.toMatch(CJK);
      expect(lineEn.length).toBeGreaterThan(10);
      seen.set(name, `${lineZh}  |  ${lineEn}`);
    }
    // no output workbook for an unusable input (a --json report may still say why, for scripts)
    const after = readdirSync(dir).filter((f) => !f.startsWith('r-')).sort();
    expect(after).toEqual(before);
  });

  it('the reasons name what is wrong (a password, an empty file, a folder, a missing file, nothing recognisable)', async () => {
    const reason = async (name: string) => oneLine((await cli(['validate', path.join(dir, name), '--lang', 'en'])).stderr);
    expect(await reason('empty.xlsx')).toMatch(/empty/i);
    expect(await reason('encrypted.xlsx')).toMatch(/password|encrypt/i);
    expect(await reason('missing.xlsx')).toMatch(/not found/i);
    expect(await reason('folder.xlsx')).toMatch(/folder|directory/i);
    expect(await reason('png.xlsx')).toMatch(/not a workbook/i);
    expect(await reason('half.xlsx')).toMatch(/damaged|incomplete|corrupt/i);
    expect(await reason('unrelated.xlsx')).toMatch(/no rating sheet/i);
    expect(await reason('docx.xlsx')).toMatch(/not a workbook|damaged/i);
  });

  it('the real process: exit 2, one line on stderr, no stack trace (zh and en)', () => {
    const root = path.join(__dirname, '..', '..');
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    for (const [args, lang] of [
      [['validate', path.join(dir, 'half.xlsx')], 'zh'],
      [['grade', path.join(dir, 'encrypted.xlsx'), '--lang', 'en'], 'en'],
    ] as const) {
      const p = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
      expect(p.status).toBe(2);
      const line = oneLine(p.stderr);
      if (lang === 'zh') expect(line).toMatch(CJK);
      else expect(line.replace(dir, '')).not.toMatch(CJK);
    }
  });
});
