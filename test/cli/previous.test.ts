/** grade --previous (SPEC §8): last year's graded sample beside a changed sample; unusable files refused. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bytesOf, run, smallWorkbook } from './helpers';

/** The sample with one spot check changed: 基建处 gains 10 points instead of losing 3, so ranks move. */
async function changedSample(sample: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sample as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((s) => s.name.includes('抽检'))!;
  let changed = 0;
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    const at = values.indexOf(-3);
    if (values.includes('基建处党支部') && at > 0) {
      row.getCell(at).value = 10;
      changed++;
    }
  });
  expect(changed).toBe(1);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Branch = { name: string; total: number | null; rank: number | null; previousTotal: number | null; previousGrade: string | null; previousRank: number | null; rankChange: number | null };

describe('grade --previous', () => {
  let sample: Uint8Array;
  let graded: Uint8Array;
  let lastReport: string;
  beforeAll(async () => {
    sample = bytesOf(await run(['sample', 'sample.xlsx']), 'sample.xlsx');
    const last = await run(['grade', 'sample.xlsx', '--out', 'graded.xlsx', '--json', 'last.json'], { 'sample.xlsx': sample }, { BA_DATE: '2025-12-30' });
    graded = bytesOf(last, 'graded.xlsx');
    lastReport = last.files.get('last.json') as string;
  }, 60_000);

  test('last year\'s graded workbook: 上年名次 and 名次变化 in the JSON report for a changed year', async () => {
    const r = await run(['grade', 'now.xlsx', '--out', 'out.xlsx', '--json', 'now.json', '--previous', 'graded.xlsx'], { 'now.xlsx': await changedSample(sample), 'graded.xlsx': graded });
    expect(r.code).toBe(1); // the sample's two incomplete branches, by design
    const report = JSON.parse(r.files.get('now.json') as string) as { previousYear: number; branches: Branch[]; issues: { code: string }[] };
    const before = new Map((JSON.parse(lastReport) as { branches: Branch[] }).branches.map((b) => [b.name, b]));
    expect(report.previousYear).toBe(2026); // the sample's own year, read from the graded title
    for (const b of report.branches) {
      const p = before.get(b.name)!;
      expect([b.previousTotal, b.previousRank]).toEqual([p.total, p.rank]);
      expect(b.rankChange).toBe(p.rank !== null && b.rank !== null ? p.rank - b.rank : null);
    }
    const moved = report.branches.find((b) => b.name === '基建处党支部')!;
    expect(moved.rankChange).toBeGreaterThan(0);
    expect(report.branches.some((b) => b.rankChange !== null && b.rankChange < 0)).toBe(true);
    expect(report.issues.some((i) => i.code === 'previous-unmatched')).toBe(false);

    // 考核汇总 gains 上年总分, 上年等级, 上年名次, 名次变化, with the same figures as the report
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(r, 'out.xlsx') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('考核汇总')!;
    let header = 0;
    sheet.eachRow((row, n) => {
      if (!header && (row.values as unknown[]).includes('上年名次')) header = n;
    });
    expect(header).toBeGreaterThan(0);
    const headers = (sheet.getRow(header).values as unknown[]).slice(1);
    const col = (label: string) => headers.indexOf(label) + 1;
    for (const label of ['上年总分', '上年等级', '上年名次', '名次变化']) expect(col(label)).toBeGreaterThan(0);
    expect(col('上年名次')).toBeGreaterThan(col('排名'));
    report.branches.forEach((b, i) => {
      const row = sheet.getRow(header + 1 + i);
      expect(row.getCell(col('党支部')).value).toBe(b.name);
      expect(row.getCell(col('上年总分')).value ?? null).toBe(b.previousTotal);
      expect(row.getCell(col('上年等级')).value ?? null).toBe(b.previousGrade);
      expect(row.getCell(col('上年名次')).value ?? null).toBe(b.previousRank);
      expect(row.getCell(col('名次变化')).value ?? null).toBe(b.rankChange);
    });
    expect(sheet.getRow(header + 1).getCell(col('名次变化')).numFmt).toBe('+0;-0;0');
  });

  test('without --previous the 考核汇总 has no 上年 columns', async () => {
    const r = await run(['grade', 'sample.xlsx', '--out', 'out.xlsx'], { 'sample.xlsx': sample });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(r, 'out.xlsx') as unknown as ArrayBuffer);
    const texts: unknown[] = [];
    wb.getWorksheet('考核汇总')!.eachRow((row) => texts.push(...(row.values as unknown[])));
    expect(texts).not.toContain('上年名次');
  });

  test('last year\'s JSON report works the same; a renamed branch is previous-unmatched both ways', async () => {
    const renamed = lastReport.replace(/"基建处党支部"/g, '"基建党支部"');
    const r = await run(['grade', 'sample.xlsx', '--out', 'out.xlsx', '--json', 'now.json', '--previous', 'last.json'], { 'sample.xlsx': sample, 'last.json': renamed });
    const report = JSON.parse(r.files.get('now.json') as string) as { branches: Branch[]; issues: { code: string; severity: string; message: string }[] };
    const unmatched = report.issues.filter((i) => i.code === 'previous-unmatched');
    expect(unmatched.map((i) => i.severity)).toEqual(['info', 'info']);
    expect(unmatched.map((i) => i.message).join('\n')).toMatch(/“基建处党支部”[\s\S]*“基建党支部”/);
    expect(report.branches.find((b) => b.name === '基建处党支部')!.previousRank).toBeNull();
    expect(report.branches.filter((b) => b.previousRank !== null && b.rankChange === 0).length).toBeGreaterThan(5);
  });

  test('unusable previous files: exit 2, one line naming the file, nothing written', async () => {
    const cases: [Record<string, string | Uint8Array>, string, RegExp][] = [
      [{ 'p.json': '{"schemaVersion": 1, "branches": [' }, 'p.json', /^上年报告 \/work\/p\.json 不是有效的 JSON 文件\n$/],
      [{ 'p.json': '{"branches": []}' }, 'p.json', /^上年结果：p\.json 不是本产品的 JSON 报告/],
      [{}, 'missing.xlsx', /^找不到文件：\/work\/missing\.xlsx\n$/],
      [{ 'p.xlsx': 'not a zip' }, 'p.xlsx', /^\/work\/p\.xlsx：/],
      [{ 'p.xlsx': await smallWorkbook() }, 'p.xlsx', /^上年结果：p\.xlsx 中没有本产品写入的“考核汇总”表/],
    ];
    for (const [files, previous, line] of cases) {
      const r = await run(['grade', 'sample.xlsx', '--out', 'out.xlsx', '--previous', previous], { 'sample.xlsx': sample, ...files });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(line);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.files.has('out.xlsx')).toBe(false);
    }
  });

  test('通报写连续优秀 = 是: the notice names the branches 优秀 both years, in one sentence; 否 (default) or no --previous: none', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample as unknown as ArrayBuffer);
    const settings = wb.worksheets.find((w) => w.name.includes('参数'))!;
    // the sample lists every key with its default (否): set it to 是
    let set = 0;
    settings.eachRow((row) => {
      if (row.getCell(1).value === '通报写连续优秀') {
        row.getCell(2).value = '是';
        set++;
      }
    });
    expect(set).toBe(1);
    const withKey = new Uint8Array(await wb.xlsx.writeBuffer());
    const excellent = (JSON.parse(lastReport) as { branches: (Branch & { grade: string })[] }).branches.filter((b) => b.grade === '优秀').sort((a, b) => a.rank! - b.rank!);
    expect(excellent.length).toBeGreaterThan(1);
    const sentence = `其中，${excellent.map((b) => b.name).join('、')}连续两年被评为“优秀”。`;

    const r = await run(['grade', 'now.xlsx', '--out', 'out.xlsx', '--docx', 'n.docx', '--previous', 'graded.xlsx'], { 'now.xlsx': withKey, 'graded.xlsx': graded });
    expect(r.stderr).toBe('');
    const xml = await (await JSZip.loadAsync(bytesOf(r, 'n.docx'))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(sentence);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(bytesOf(r, 'out.xlsx') as unknown as ArrayBuffer);
    const lines: unknown[] = [];
    out.getWorksheet('考核结果通报')!.eachRow((row) => lines.push(...(row.values as unknown[])));
    // the sheet indents each paragraph
    expect(lines.some((l) => typeof l === 'string' && l.trim().endsWith(sentence))).toBe(true);

    const cases: [Record<string, Uint8Array>, string[]][] = [
      [{ 'now.xlsx': sample, 'graded.xlsx': graded }, ['--previous', 'graded.xlsx']],
      [{ 'now.xlsx': withKey }, []],
    ];
    for (const [files, args] of cases) {
      const plain = await run(['grade', 'now.xlsx', '--docx', 'n.docx', ...args], files);
      const plainXml = await (await JSZip.loadAsync(bytesOf(plain, 'n.docx'))).file('word/document.xml')!.async('string');
      expect(plainXml).not.toContain('连续两年');
    }
  });

  test('no output may be written over last year\'s results', async () => {
    const r = await run(['grade', 'sample.xlsx', '--out', 'graded.xlsx', '--force', '--previous', 'graded.xlsx'], { 'sample.xlsx': sample, 'graded.xlsx': graded });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('输出文件不能是上年结果文件：/work/graded.xlsx\n');
    expect(r.files.get('graded.xlsx')).toBe(graded);
  });
});
