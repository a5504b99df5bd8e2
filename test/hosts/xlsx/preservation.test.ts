/**
 * Preservation on real packages: the product's grade added to a workbook keeps every input part byte
 * for byte (raw compressed bytes and CRC included), the extended parts keep every entry they had, a
 * second grade of the output replaces only the product's sheets, and openpyxl opens the result.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XlsxHost, loadWorkbook } from '../../../src/hosts/xlsx';
import { openZip } from '../../../src/hosts/xlsx/zip';
import { runAssessment } from '../../../src/workbook/pipeline';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const EXTENDED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml']);

async function grade(input: Uint8Array): Promise<{ out: Uint8Array; sheets: string[] }> {
  const host = new XlsxHost(await loadWorkbook(input));
  const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);
  return { out: await host.save(), sheets: outcome.plan.sheets.map((s) => s.name) };
}

const text = (bytes: Uint8Array, name: string) => openZip(bytes).get(name)!.text();
const tags = (xml: string, local: string) => [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>`, 'g'))].map((m) => m[0]);

describe.each(['office-2026.xlsx', 'features-lo.xlsx'])('grading %s', (file) => {
  const input = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  let out: Uint8Array;
  let added: string[];
  beforeAll(async () => {
    ({ out, sheets: added } = await grade(input));
  });

  it('keeps every input part, raw bytes and CRC, except the extended ones', () => {
    const after = new Map(openZip(out).entries.map((p) => [p.name, p]));
    for (const p of openZip(input).entries) {
      const q = after.get(p.name);
      expect(q).toBeDefined();
      if (EXTENDED.has(p.name)) continue;
      expect(q!.crc32).toBe(p.crc32);
      expect(Buffer.from(q!.raw()).equals(Buffer.from(p.raw()))).toBe(true);
    }
  });

  it('extends the index, workbook, relationships and styles without losing an entry', () => {
    for (const [part, local] of [
      ['xl/workbook.xml', 'sheet'],
      ['xl/workbook.xml', 'definedName'],
      ['xl/_rels/workbook.xml.rels', 'Relationship'],
      ['[Content_Types].xml', 'Override'],
      ['[Content_Types].xml', 'Default'],
    ] as const) {
      const now = tags(text(out, part), local);
      for (const t of tags(text(input, part), local)) expect(now).toContain(t);
    }
    // Style records keep their index: the old cellXfs are a prefix of the new ones.
    const xfs = (b: Uint8Array) => tags(/<cellXfs[\s\S]*?<\/cellXfs>/.exec(text(b, 'xl/styles.xml'))![0], 'xf');
    expect(xfs(out).slice(0, xfs(input).length)).toEqual(xfs(input));
  });

  it('a second grade of its own output replaces its sheets and gives identical sheets', async () => {
    const again = await grade(out);
    const sheetsOf = async (b: Uint8Array) => (await new XlsxHost(await loadWorkbook(b)).readSnapshot()).sheets;
    const first = await sheetsOf(out);
    const second = await sheetsOf(again.out);
    expect(second.map((s) => s.name)).toEqual(first.map((s) => s.name));
    for (const name of added) expect(second.find((s) => s.name === name)).toEqual(first.find((s) => s.name === name));
  });

  const python = '/usr/bin/python3';
  const hasOpenpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl'], { timeout: 120_000 }).status === 0;
  (hasOpenpyxl ? it : it.skip)('opens in openpyxl with the product sheets and their values', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ba-preserve-'));
    try {
      const f = path.join(dir, 'out.xlsx');
      writeFileSync(f, out);
      const script = 'import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({n:[[c for c in r] for r in wb[n].iter_rows(values_only=True, max_row=3)] for n in wb.sheetnames}, default=str))';
      const r = spawnSync(python, ['-c', script, f], { encoding: 'utf8', timeout: 300_000 });
      expect(r.stderr).toBe('');
      const sheets = JSON.parse(r.stdout) as Record<string, unknown[][]>;
      for (const name of added) expect(Object.keys(sheets)).toContain(name);
      expect(JSON.stringify(sheets[added[0]])).toContain('考核');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
