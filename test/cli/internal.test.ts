/**
 * Internal errors said as such (SPEC §7, issue 21 item 5): a failure that is not a known input problem
 * exits 3 with one line naming the part and asking for the file, never "damaged"; BA_DEBUG=1 adds the
 * stack. And the file that found such a bug (POI's stress002.xlsx) is read.
 */
import * as scan from '../../src/hosts/xlsx/sheet-scan';
import { InternalError, readWorkbook } from '../../src/hosts/xlsx';
import { textOfError } from '../../src/taskpane/host-util';
import { fixture, run, smallWorkbook } from './helpers';

afterEach(() => jest.restoreAllMocks());

/** A bug of ours while the first worksheet is scanned. */
function breakTheScanner(): void {
  jest.spyOn(scan, 'scanSheet').mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'length')");
  });
}

describe('an internal error', () => {
  it('exits 3 with one line naming the file and the part, asking for the file, never "damaged"', async () => {
    const input = await smallWorkbook();
    breakTheScanner();
    const r = await run(['grade', 'in.xlsx', '--out', 'o.xlsx'], { 'in.xlsx': input });
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      '/work/in.xlsx：本工具无法处理部件 xl/worksheets/sheet1.xml 中的某种结构（这是本工具的问题，不是文件损坏）。请将该文件反馈给维护人员（设置环境变量 BA_DEBUG=1 可显示详细信息）',
    ]);
    expect(r.stderr).not.toMatch(/损坏或不完整/);
    expect(r.files.has('o.xlsx')).toBe(false);
  });

  it('in English too, and BA_DEBUG=1 prints the stack after the line', async () => {
    const input = await smallWorkbook();
    breakTheScanner();
    const r = await run(['validate', 'in.xlsx', '--lang', 'en'], { 'in.xlsx': input }, { BA_DATE: '2026-12-20', BA_DEBUG: '1' });
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('/work/in.xlsx: This tool could not handle a structure in the part xl/worksheets/sheet1.xml (a fault of the tool, not a damaged file). Please report the file to the maintainers (BA_DEBUG=1 shows the details)');
    expect(lines[1]).toBe("TypeError: Cannot read properties of undefined (reading 'length')");
    expect(lines.slice(2).join('\n')).toMatch(/at .*internal\.test\.ts/);
  });

  it('is what the standalone page and the pane show: the same words from the terms modules', () => {
    breakTheScanner();
    let thrown: unknown;
    return smallWorkbook().then((input) => {
      try {
        readWorkbook(input);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(InternalError);
      expect((thrown as InternalError).part).toBe('xl/worksheets/sheet1.xml');
      expect(textOfError(thrown)).toEqual({
        zh: '本工具无法处理部件 xl/worksheets/sheet1.xml 中的某种结构（这是本工具的问题，不是文件损坏）。请将该文件反馈给维护人员（设置环境变量 BA_DEBUG=1 可显示详细信息）',
        en: 'This tool could not handle a structure in the part xl/worksheets/sheet1.xml (a fault of the tool, not a damaged file). Please report the file to the maintainers (BA_DEBUG=1 shows the details)',
      });
    });
  });

  it('a truncated file is still the input\'s problem: exit 2, "damaged or incomplete"', async () => {
    const r = await run(['validate', 'cut.xlsx'], { 'cut.xlsx': fixture('office-2026.xlsx').slice(0, 5000) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已损坏或不完整/);
  });
});

describe("Apache POI's stress002.xlsx (merged cells over rows without formulas)", () => {
  it('is read: it holds no rating sheet, which is said as such (exit 2), not as a damaged file or our error', async () => {
    const r = await run(['validate', 'stress002.xlsx'], { 'stress002.xlsx': fixture('public/poi-stress002.xlsx') });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(/^工作簿中没有可识别的评分表/);
    const snap = readWorkbook(fixture('public/poi-stress002.xlsx'));
    expect(snap.sheets.length).toBeGreaterThan(0);
    expect(snap.sheets.some((s) => s.merges.length > 0 && s.formulas !== undefined)).toBe(true);
  });
});
