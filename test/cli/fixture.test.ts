/**
 * The LibreOffice-saved office workbook (test/fixtures/office-2026.xlsx, made by scripts/make-fixtures.py),
 * graded through the real file system, against results computed by hand:
 *
 * 组织考核 (vote tallies, 5 votes per indicator):
 *   机关第一/研究所第二: 优秀 4, 较好 1 → mean (4 + 0.85) / 5 = 0.97 on every indicator → 97.0
 *   机关第二: 优秀 2, 较好 2, 一般 1 (1.1's 一般 is a tick √) → (2 + 1.7 + 0.75) / 5 = 0.89 → 89.0
 *   研究所第一: 较好 3, 一般 2 → 0.81 → 81.0
 * 民主测评 (5 forms each):
 *   机关第一/研究所第二: 3 forms 优秀 but 6.4 较好, 2 forms 较好 but 1.1 优秀
 *     1.1: 1.0 × 3 pts; 6.4: 0.85 × 3; the other 94 pts: (3 + 1.7) / 5 = 0.94 → 3 + 2.55 + 88.36 = 93.91
 *   机关第二: 5 forms 较好 (one spelt 良好) but 2.1 优秀 → 4 + 96 × 0.85 = 85.6
 *   研究所第一: an invalid "好的" at 民主测评!O14 → blocked (incomplete); a blank at R15 (missing-rating)
 * totals: 机关第一 0.6 × 97 + 0.4 × 93.91 = 95.764 → 95.8 优秀; 研究所第二 the same → tied rank 1;
 *   机关第二 0.6 × 89 + 0.4 × 85.6 = 87.64, + 2 (专题抽检) = 89.64 → 89.6 较好, rank 3 (并列占位).
 * 自评 (annual, weight 0): 机关第一 97 + 3 × 0.85 = 99.55; 机关第二 85.6, half-year (上半年, all 一般) 75.
 */
import { mkdtemp, readFile, rm, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliIo } from '../../src/cli/commands';
import { identify, writeFileSafely } from '../../src/cli/files';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { FIXTURES } from './helpers';

let dir: string;
let input: string;
let stdout = '';
let stderr = '';
const io: CliIo = {
  stdout: (s) => void (stdout += s),
  stderr: (s) => void (stderr += s),
  readFile: async (f) => new Uint8Array(await readFile(f)),
  writeFile: (f, d, replace) => writeFileSafely(f, d, replace),
  identify,
  env: { BA_DATE: '2026-12-20' },
  today: () => '2026-12-31',
};

let code: number;
let original: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ba-cli-'));
  input = path.join(dir, '2026年考核.xlsx');
  await copyFile(path.join(FIXTURES, 'office-2026.xlsx'), input);
  original = await readFile(input);
  code = await runCli(['grade', input, '--json', path.join(dir, 'report.json')], io);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const output = () => path.join(dir, '2026年考核-考核结果.xlsx');

describe('grading the LibreOffice fixture', () => {
  it('exits 1 (one error), leaves the input byte for byte, writes the output next to it', async () => {
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(await readFile(input)).toEqual(original);
    expect(existsSync(output())).toBe(true);
    expect(stdout).toContain(`结果已写入：${output()}`);
  });

  it('prints the hand-computed totals, grades and ranks', () => {
    expect(stdout).toMatch(/^等级分布：优秀 2，较好 1，一般 0，差 0，待补充 1$/m);
    expect(stdout).toMatch(/^ {2}机关第一党支部 +95\.8 +优秀 +1（并列） +已评定$/m);
    expect(stdout).toMatch(/^ {2}机关第二党支部 +89\.6 +较好 +3 +已评定$/m);
    expect(stdout).toMatch(/^ {2}研究所第一党支部 +- +- +- +待补充$/m);
    expect(stdout).toMatch(/^ {2}研究所第二党支部 +95\.8 +优秀 +1（并列） +已评定$/m);
    expect(stdout).toMatch(/^ {2}\[错误\] 民主测评!O14 /m);
    expect(stdout).toMatch(/^ {2}\[警告\] 民主测评!R15 /m);
  });

  it('writes the JSON report with the same figures', async () => {
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.year).toBe(2026);
    expect(report.ruleset).toMatchObject({ weights: { 组织考核: 0.6, 民主测评: 0.4, 自评: 0 }, decimals: 1, ranking: 'competition' });
    const [b1, b2, b3, b4] = report.branches;
    expect(b1).toMatchObject({ name: '机关第一党支部', group: '机关党总支', status: 'graded', total: 95.8, grade: '优秀', rank: 1, adjustment: 0 });
    expect(b1.sourceScores).toEqual({ 组织考核: 97, 民主测评: 93.91, 自评: 99.55, '自评(半年)': null });
    expect(b1.forms).toEqual({ 组织考核: 5, 民主测评: 5, 自评: 1 });
    expect(b2).toMatchObject({ name: '机关第二党支部', total: 89.6, grade: '较好', rank: 3, adjustment: 2 });
    expect(b2.sourceScores).toEqual({ 组织考核: 89, 民主测评: 85.6, 自评: 85.6, '自评(半年)': 75 });
    // category 二 (6 × 4 pts): 0.6 × 24 × 0.89 + 0.4 × (4 + 20 × 0.85) = 12.816 + 8.4
    expect(b2.categoryScores['2']).toBeCloseTo(21.216, 2);
    expect(b3).toMatchObject({ name: '研究所第一党支部', status: 'incomplete', total: null, grade: null, rank: null });
    expect(b4).toMatchObject({ name: '研究所第二党支部', total: 95.8, grade: '优秀', rank: 1 });
    expect(report.gradeCounts).toEqual({ 优秀: 2, 较好: 1, 一般: 0, 差: 0 });
    const errors = report.issues.filter((i: { severity: string }) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'invalid-rating', sheet: '民主测评', cell: 'O14', branch: '研究所第一党支部', indicator: '3.1' }),
    ]);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'warning', code: 'missing-rating', sheet: '民主测评', cell: 'R15', indicator: '4.1' }),
        expect.objectContaining({ severity: 'info', code: 'ignored-sheet', sheet: '说明' }),
      ]),
    );
  });

  it('adds the four marked sheets after the office\'s own, which keep their values', async () => {
    const before = snapshotOf(await loadWorkbook(new Uint8Array(original)));
    const after = snapshotOf(await loadWorkbook(new Uint8Array(await readFile(output()))));
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), '考核汇总', '考核结果通报', '校验问题', '计算明细']);
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    const summary = after.sheets.find((s) => s.name === '考核汇总')!;
    expect(summary.values[0][0]).toBe('2026年度党支部工作目标管理考核汇总表');
    const row = summary.values.find((r) => r.includes('机关第二党支部'))!;
    expect(row).toEqual(expect.arrayContaining([89.6, '较好', 3]));
  });
});
