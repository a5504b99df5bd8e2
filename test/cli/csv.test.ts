/** CSV input on the command line (SPEC §4.4 d): UTF-8 and GBK downloads grade like the same rows in an .xlsx. */
import { encodeGbk } from '../support/gbk';
import { CODES, run, workbook } from './helpers';

/** One sheet of forms with a source column: 2 branches, 5 democratic and 2 organisational forms each. */
function formRows(): (string | number | null)[][] {
  const grades = ['优秀', '较好', '一般', '差'];
  const rows: (string | number | null)[][] = [['考核方式', '党支部', '测评人身份', ...CODES]];
  ['甲支部', '乙支部'].forEach((branch, b) => {
    for (let i = 0; i < 7; i++) {
      const source = i < 5 ? '民主测评' : '组织考核';
      rows.push([source, branch, i === 4 ? '党外群众' : '党员', ...CODES.map((_, k) => grades[(b + i + k) % 3])]);
    }
  });
  return rows;
}

const csvText = (rows: (string | number | null)[][]) =>
  rows.map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n') + '\r\n';

interface Branch {
  name: string;
  total: number | null;
  grade: string | null;
  forms: Record<string, number>;
}

async function grade(file: string, bytes: Uint8Array): Promise<{ code: number; branches: Branch[]; out: string[] }> {
  const r = await run(['grade', file, '--json', '-'], { [file]: bytes });
  return { code: r.code, branches: JSON.parse(r.stdout).branches, out: [...r.files.keys()] };
}

describe('grade on a CSV download', () => {
  test('UTF-8 (with BOM) and GBK CSV give the same totals as the .xlsx; the results go to a new .xlsx', async () => {
    const rows = formRows();
    const xlsx = await grade('答卷.xlsx', await workbook({ 答卷: rows }));
    const utf8 = await grade('答卷.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvText(rows))]));
    const gbk = await grade('答卷.csv', encodeGbk(csvText(rows)));
    expect(xlsx.code).toBe(0);
    expect(xlsx.branches.map((b) => b.total).every((t) => typeof t === 'number')).toBe(true);
    expect(xlsx.branches.map((b) => b.forms)).toEqual([
      { 组织考核: 2, 民主测评: 5, 自评: 0 },
      { 组织考核: 2, 民主测评: 5, 自评: 0 },
    ]);
    for (const csv of [utf8, gbk]) {
      expect(csv.code).toBe(0);
      expect(csv.branches).toEqual(xlsx.branches);
      expect(csv.out).toContain('答卷-考核结果.xlsx');
    }
  });
});
