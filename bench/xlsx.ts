/**
 * The benchmark workbook and the child-process measurements for `npm run bench` (bench/run.ts).
 *
 * generateWorkbook: N branches × 63 forms (组织考核 10, 民主测评 53) × 26 indicators — 491,400 ratings at
 * 300 branches — as Excel stores it (shared strings, one sheet part per sheet), zipped with fflate. Written
 * by hand rather than by the product's writer, so the benchmark's input owes nothing to the code measured.
 *
 * runChild: runs a command under GNU time (/usr/bin/time -v) and reads the child's own resource usage:
 * wall time, CPU time (user + sys, every process of the run: npm, the shell, node) and peak RSS (the
 * largest single process).
 * Run directly: npx tsx bench/xlsx.ts [branches] → writes /tmp/bench-<branches>.xlsx
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import { prng } from '../src/workbook/plans/sample'; // the sample's PRNG: the same data every run

export const ORG_FORMS = 10;
export const DEMOCRATIC_FORMS = 53;
const INDICATORS = [6, 6, 3, 4, 3, 4].flatMap((n, c) => Array.from({ length: n }, (_, i) => `${c + 1}.${i + 1}`));
const GRADES = ['优秀', '较好', '一般', '差'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Shared-string table as Excel keeps it: each distinct text once, cells point to it. */
class Strings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
  xml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">` +
      this.list.map((s) => `<si><t>${esc(s)}</t></si>`).join('') +
      '</sst>'
    );
  }
}

function sheetXml(rows: (string | number)[][], sst: Strings): Uint8Array {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  rows.forEach((row, r) => {
    parts.push(`<row r="${r + 1}">`);
    row.forEach((v, c) => {
      const ref = `${colName(c)}${r + 1}`;
      parts.push(typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${sst.id(v)}</v></c>`);
    });
    parts.push('</row>');
  });
  parts.push('</sheetData></worksheet>');
  return strToU8(parts.join(''));
}

/** The workbook's bytes and its number of ratings. */
export function generateWorkbookBytes(branches: number): { bytes: Uint8Array; ratings: number } {
  const rand = prng(2026);
  const branch = (b: number) => `第${String(b + 1).padStart(4, '0')}党支部`;
  const sst = new Strings();
  const sheets: [string, Uint8Array][] = [];
  const roster: (string | number)[][] = [['序号', '党支部', '所属总支', '党员人数']];
  for (let b = 0; b < branches; b++) roster.push([b + 1, branch(b), `第${Math.floor(b / 20) + 1}党总支`, 60]);
  sheets.push(['支部名单', sheetXml(roster, sst)]);
  let ratings = 0;
  for (const [name, forms] of [['组织考核', ORG_FORMS], ['民主测评', DEMOCRATIC_FORMS]] as const) {
    const rows: (string | number)[][] = [[`2026年度党支部工作目标管理考评表（${name}）`], ['党支部', '测评人身份', ...INDICATORS]];
    for (let b = 0; b < branches; b++) {
      // Each branch leans to one grade, so totals spread over the bands.
      const lean = Math.floor(rand() * 4);
      for (let f = 0; f < forms; f++) {
        const grades = INDICATORS.map(() => GRADES[rand() < 0.6 ? lean : Math.floor(rand() * 4)]);
        rows.push([branch(b), f === forms - 1 ? '党外群众' : '党员', ...grades]);
        ratings += grades.length;
      }
    }
    sheets.push([name, sheetXml(rows, sst)]);
  }
  const ns = 'http://schemas.openxmlformats.org';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>` +
        sheets.map(([name], i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ),
  };
  sheets.forEach(([, xml], i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  files['xl/sharedStrings.xml'] = strToU8(sst.xml());
  return { bytes: zipSync(files, { level: 6 }), ratings };
}

export async function generateWorkbook(file: string, branches = 300): Promise<number> {
  const { bytes, ratings } = generateWorkbookBytes(branches);
  await writeFile(file, bytes);
  return ratings;
}

export interface ChildRun {
  code: number | null;
  wallSeconds: number;
  /** user + sys of every process of the run */
  cpuSeconds: number;
  peakRssMB: number;
  stderr: string;
  stdout: string;
}

/** Run `command …args` under GNU time; the figures are the child's own rusage. */
export function runChild(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<ChildRun> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed: apt-get install time');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', command, ...args], { cwd, env: { ...process.env, BA_DATE: '2026-12-31', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const num = (re: RegExp) => Number(re.exec(stderr)?.[1] ?? NaN);
      const user = num(/User time \(seconds\): ([\d.]+)/);
      const sys = num(/System time \(seconds\): ([\d.]+)/);
      const rssKB = num(/Maximum resident set size \(kbytes\): (\d+)/);
      // GNU time reports the command's own exit status on its last lines; keep the command's stderr only.
      const own = stderr.split(/\n\tCommand being timed:/)[0].replace(/Command exited with non-zero status \d+\n?$/, '');
      resolve({ code, wallSeconds, cpuSeconds: user + sys, peakRssMB: rssKB / 1024, stderr: own, stdout });
    });
  });
}

if (require.main === module) {
  const branches = Number(process.argv[2] ?? 300);
  const file = `/tmp/bench-${branches}.xlsx`;
  generateWorkbook(file, branches).then(
    (ratings) => console.log(`${file}: ${branches} branches, ${ratings.toLocaleString('en')} ratings`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
