import ExcelJS from 'exceljs';
import { loadWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { defaultOutPath } from '../../src/cli/commands';
import { parseArgs } from '../../src/cli/args';
import { bytesOf, fixture, run, smallWorkbook, workbook } from './helpers';
import { expectStrictPackage } from '../support/strict';

const OUTPUTS = ['考核汇总', '考核结果通报', '校验问题', '计算明细'];

/** Exactly one line, and nothing that looks like a stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

describe('grade', () => {
  it('grades a small workbook: exit 0, summary, outputs written next to the input', async () => {
    const r = await run(['grade', 'in.xlsx'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^等级分布：优秀 1，较好 1，一般 0，差 0，待补充 0$/m);
    expect(r.stdout).toMatch(/^ {2}甲支部 +99\.8 +优秀 +1 +已评定$/m);
    expect(r.stdout).toMatch(/^ {2}乙支部 +81\.0 +较好 +2 +已评定$/m);
    expect(r.stdout).toMatch(/^问题：错误 0，/m);
    expect(r.stdout).toContain('结果已写入：/work/in-考核结果.xlsx');
    await expectStrictPackage(bytesOf(r, 'in-考核结果.xlsx'));
    const snap = snapshotOf(await loadWorkbook(bytesOf(r, 'in-考核结果.xlsx')));
    expect(snap.sheets.map((s) => s.name)).toEqual(['支部名单', '民主测评', '组织考核', ...OUTPUTS]);
    expect(snap.sheets.slice(3).map((s) => s.createdBy)).toEqual(['summary', 'notification', 'checks', 'details']);
  });

  it('never writes the input: the input bytes are unchanged', async () => {
    const input = await smallWorkbook();
    const copy = input.slice();
    const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx'], { 'in.xlsx': input });
    expect(r.code).toBe(0);
    expect(r.files.get('in.xlsx')).toEqual(copy);
    expect(r.files.has('out.xlsx')).toBe(true);
  });

  it('refuses an --out that is the input, even spelled differently', async () => {
    const input = await smallWorkbook();
    for (const out of ['in.xlsx', './sub/../in.xlsx']) {
      const r = await run(['grade', 'in.xlsx', '--out', out], { 'in.xlsx': input });
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toBe('输出文件不能是输入文件本身：/work/in.xlsx（请用 --out 指定另一个文件）');
      expect(r.files.get('in.xlsx')).toBe(input);
      expect(r.files.size).toBe(1);
    }
  });

  it('is idempotent: grading the output again replaces its own sheets with identical values', async () => {
    const first = await run(['grade', 'in.xlsx', '--out', 'one.xlsx'], { 'in.xlsx': await smallWorkbook() });
    const second = await run(['grade', 'one.xlsx', '--out', 'two.xlsx'], { 'one.xlsx': bytesOf(first, 'one.xlsx') });
    expect(second.code).toBe(0);
    const a = snapshotOf(await loadWorkbook(bytesOf(first, 'one.xlsx')));
    const b = snapshotOf(await loadWorkbook(bytesOf(second, 'two.xlsx')));
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(b.sheets).toEqual(a.sheets);
    expect(second.stdout).toContain('错误 0');
  });

  it('never replaces a user sheet that has the name: output goes to "考核汇总 (2)", theirs untouched', async () => {
    const mine = [['这是我自己的备忘'], ['不要覆盖']];
    const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx'], { 'in.xlsx': await smallWorkbook({ 考核汇总: mine }) });
    expect(r.code).toBe(0);
    const snap = snapshotOf(await loadWorkbook(bytesOf(r, 'out.xlsx')));
    const user = snap.sheets.find((s) => s.name === '考核汇总')!;
    expect(user.values).toEqual(mine);
    expect(user.createdBy).toBeUndefined();
    const ours = snap.sheets.find((s) => s.name === '考核汇总 (2)')!;
    expect(ours.createdBy).toBe('summary');
    expect(r.stdout).toContain('考核汇总 (2)');
    // A second run reuses "考核汇总 (2)", still leaving the user's sheet alone.
    const again = await run(['grade', 'out.xlsx', '--out', 'out2.xlsx'], { 'out.xlsx': bytesOf(r, 'out.xlsx') });
    await expectStrictPackage(bytesOf(again, 'out2.xlsx'));
    const snap2 = snapshotOf(await loadWorkbook(bytesOf(again, 'out2.xlsx')));
    expect(snap2.sheets.map((s) => s.name)).toEqual(snap.sheets.map((s) => s.name));
    expect(snap2.sheets.find((s) => s.name === '考核汇总')!.values).toEqual(mine);
  });

  it('fills the office\'s own summary sheet (branch, 总分, 等级) without creating one', async () => {
    const summary = [['2026年度考核汇总'], ['党支部', '总分', '等级', '备注'], ['乙支部', null, null, '手写'], ['甲支部', null, null, null]];
    const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx'], { 'in.xlsx': await smallWorkbook({ 考核汇总: summary }) });
    expect(r.code).toBe(0);
    const snap = snapshotOf(await loadWorkbook(bytesOf(r, 'out.xlsx')));
    const filled = snap.sheets.find((s) => s.name === '考核汇总')!;
    expect(filled.values.slice(2)).toEqual([['乙支部', 81, '较好', '手写'], ['甲支部', 99.8, '优秀']]);
    expect(filled.createdBy).toBeUndefined();
    expect(snap.sheets.some((s) => s.name === '考核汇总 (2)')).toBe(false);
  });

  it('--json - puts the report on stdout and the summary on stderr', async () => {
    const r = await run(['grade', 'in.xlsx', '--json', '-'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, gradeCounts: { 优秀: 1, 较好: 1, 一般: 0, 差: 0 } });
    expect(report.branches.map((b: { name: string; total: number; rank: number }) => [b.name, b.total, b.rank])).toEqual([['甲支部', 99.8, 1], ['乙支部', 81, 2]]);
    expect(r.stderr).toContain('等级分布：');
  });

  it('--json <file> writes the report file; --lang en speaks English', async () => {
    const r = await run(['grade', 'in.xlsx', '--json', 'report.json', '--lang', 'en'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.files.get('report.json') as string);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'year', 'ruleset', 'branches', 'gradeCounts', 'issues', 'previousYear']);
    expect(r.stdout).toMatch(/^Grades: 优秀 1, 较好 1, 一般 0, 差 0, incomplete 0$/m);
    expect(r.stdout).toMatch(/^ {2}Branch +Total +Grade +Rank +Status$/m);
    expect(r.stdout).toContain('Written to: /work/in-考核结果.xlsx');
    expect(r.stdout).toContain('JSON report: /work/report.json');
  });
});

describe('validate', () => {
  it('checks only: same verdict, nothing written', async () => {
    const r = await run(['validate', 'in.xlsx'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    expect(r.files.size).toBe(1);
    expect(r.stdout).toContain('（仅校验，未写入工作簿）');
  });
});

describe('template and sample', () => {
  it('template writes an empty annual workbook with drop-downs; never overwrites', async () => {
    const r = await run(['template', 't.xlsx', '--year', '2027']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已写入：/work/t.xlsx\n');
    const wb = await loadWorkbook(bytesOf(r, 't.xlsx'));
    const snap = snapshotOf(wb);
    expect(snap.sheets.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(snap)).toContain('2027');
    // The drop-downs' lists, as ExcelJS reads them (the host's reader keeps validations as ranges only).
    const xl = new ExcelJS.Workbook();
    await xl.xlsx.load(bytesOf(r, 't.xlsx') as unknown as ArrayBuffer);
    expect(snap.sheets.some((s) => (s.validations ?? []).length > 0)).toBe(true);
    const lists = xl.worksheets.flatMap((ws) => Object.values((ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model));
    expect(lists.some((v) => v.type === 'list' && String(v.formulae[0]).includes('优秀'))).toBe(true);
    const again = await run(['template', 't.xlsx'], { 't.xlsx': 'existing' });
    expect(again.code).toBe(2);
    expect(oneLine(again.stderr)).toBe('文件已存在，未覆盖：/work/t.xlsx（换一个文件名，或加 --force 替换它）');
    expect(again.files.get('t.xlsx')).toBe('existing');
  });

  it('sample writes a workbook that grades', async () => {
    const r = await run(['sample', 's.xlsx']);
    expect(r.code).toBe(0);
    const g = await run(['grade', 's.xlsx'], { 's.xlsx': bytesOf(r, 's.xlsx') });
    expect([0, 1]).toContain(g.code);
    expect(g.stdout).toMatch(/等级分布：优秀 \d+/);
  });
});

describe('OpenDocument .ods (saved by LibreOffice)', () => {
  it('is graded: the results go to a new .xlsx, with the legacy-format info', async () => {
    const r = await run(['grade', 'sample.ods', '--json', 'r.json'], { 'sample.ods': fixture('sample-lo.ods') });
    expect(r.code).toBe(1); // the sample's two blocked branches
    expect(r.stdout).toContain('输入是 OpenDocument 表格（.ods）工作簿');
    expect(r.stdout).toMatch(/^ {2}物理研究室党支部 +96\.3 +优秀 +1 +已评定$/m);
    expect([...r.files.keys()].sort()).toEqual(['r.json', 'sample-考核结果.xlsx', 'sample.ods']);
    const json = r.files.get('r.json')!;
    const report = JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json));
    expect(report.issues.filter((i: { code: string }) => i.code === 'legacy-format')).toHaveLength(1);
    expect(report.branches).toHaveLength(15);
  });
});

describe('legacy .xls', () => {
  it('is read: one without a rating sheet is unusable input, as an .xlsx would be', async () => {
    const r = await run(['validate', 'old.xls'], { 'old.xls': fixture('legacy.xls') });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/没有可识别的评分表/);
  });
});

describe('exit 2: one line on stderr', () => {
  const cases: [string, string[], Record<string, Uint8Array | string>, RegExp][] = [
    ['missing file', ['grade', 'nope.xlsx'], {}, /^找不到文件：\/work\/nope\.xlsx$/],
    ['empty file', ['grade', 'e.xlsx'], { 'e.xlsx': new Uint8Array(0) }, /^\/work\/e\.xlsx：文件是空的（0 字节）$/],
    ['a .txt renamed', ['grade', 't.xlsx'], { 't.xlsx': '党支部,总分\n甲,90\n' }, /不是可以读取的工作簿：请选择 \.xlsx、\.xlsm、\.xls、\.et、\.ods、\.csv 文件/],
    // A legacy .xls is read (see below); a password-protected one is named as such.
    ['encrypted legacy .xls', ['validate', 'pw.xls'], { 'pw.xls': fixture('public/poi-password.xls') }, /旧版 \.xls 工作簿设有打开密码/],
    ['truncated', ['grade', 'cut.xlsx'], { 'cut.xlsx': fixture('office-2026.xlsx').slice(0, 5000) }, /已损坏或不完整/],
    ['unknown command', ['grde', 'x.xlsx'], {}, /^未知命令：grde/],
    ['no command', [], {}, /^缺少命令/],
    ['missing value', ['grade', 'x.xlsx', '--out'], {}, /^选项 --out 缺少取值$/],
    ['option of another command', ['validate', 'x.xlsx', '--out', 'y.xlsx'], {}, /^validate 命令不支持选项 --out$/],
    ['unknown option', ['grade', 'x.xlsx', '-x'], {}, /^未知选项：-x$/],
    ['bad --lang', ['grade', 'x.xlsx', '--lang', 'fr'], {}, /^--lang 只能是 zh 或 en/],
    ['extra argument', ['grade', 'a.xlsx', 'b.xlsx'], {}, /^多余的参数/],
    ['missing input', ['grade'], {}, /^grade 命令缺少输入工作簿路径$/],
    ['bad --year', ['template', 't.xlsx', '--year', '26'], {}, /^--year 应为 2000–2100 之间的四位年份，而不是 26$/],
    ['a year before 2000', ['template', 't.xlsx', '--year', '1899'], {}, /^--year 应为 2000–2100 之间的四位年份，而不是 1899$/],
    ['a year after 2100', ['forms', 'f.docx', '--year', '2101'], {}, /^--year 应为 2000–2100 之间的四位年份，而不是 2101$/],
    ['a --date that is no day', ['grade', 'in.xlsx', '--date', '2026-02-30'], {}, /^--date 应为 2000–2100 年间的日期，写作 YYYY-MM-DD（如 2026-12-31），而不是 2026-02-30$/],
    ['a --date in another form', ['grade', 'in.xlsx', '--date', '2026/12/31'], {}, /^--date 应为 2000–2100 年间的日期/],
    ['a --date out of range', ['grade', 'in.xlsx', '--date', '1999-12-31'], {}, /^--date 应为 2000–2100 年间的日期/],
  ];
  it.each(cases)('%s', async (_name, argv, files, line) => {
    const r = await run(argv, files);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(line);
    expect(r.stdout).toBe('');
  });

  it('a bad BA_DATE', async () => {
    const r = await run(['grade', 'in.xlsx'], { 'in.xlsx': await smallWorkbook() }, { BA_DATE: '2026-02-30' });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe('环境变量 BA_DATE 应为 yyyy-mm-dd 格式的日期，而不是 2026-02-30');
  });

  it('nothing recognisable: the summary on stdout, the reason on stderr, no workbook', async () => {
    const r = await run(['grade', 'n.xlsx', '--out', 'o.xlsx'], { 'n.xlsx': await workbook({ 备忘: [['会议纪要'], ['今天天气很好']] }) });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^工作簿中没有可识别的评分表/);
    expect(r.files.has('o.xlsx')).toBe(false);
  });

  it('invalid settings block everything: exit 2 naming the cell', async () => {
    const input = await smallWorkbook({ 考核参数: [['参数', '值'], ['组织考核权重', '70%'], ['民主测评权重', '40%']] });
    const r = await run(['grade', 'in.xlsx', '--out', 'o.xlsx', '--json', 'r.json'], { 'in.xlsx': input });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^考核参数或指标目录有误，无法评定任何党支部（考核参数!B\d+: /);
    expect(r.files.has('o.xlsx')).toBe(false);
    const report = JSON.parse(r.files.get('r.json') as string);
    expect(report.issues.some((i: { code: string }) => i.code === 'invalid-settings')).toBe(true);
  });

  it('English with --lang en, wherever it stands', async () => {
    expect(oneLine((await run(['grade', 'nope.xlsx', '--lang', 'en'])).stderr)).toBe('File not found: /work/nope.xlsx');
    expect(oneLine((await run(['--lang', 'en'])).stderr)).toMatch(/^Unknown command: --lang/);
    expect(oneLine((await run(['grade', 'x.xlsx', '--lang=en', '--json'])).stderr)).toBe('Option --json needs a value');
  });
});

describe('arguments', () => {
  it('parses every option, in either spelling', () => {
    expect(parseArgs(['grade', 'a.xlsx', '--out=b.xlsx', '--json', '-', '--lang', 'en'])).toEqual({
      ok: true,
      command: { name: 'grade', input: 'a.xlsx', out: 'b.xlsx', json: '-', lang: 'en', force: false },
    });
    expect(parseArgs(['template', 't.xlsx', '--year', '2027', '--force'])).toEqual({ ok: true, command: { name: 'template', out: 't.xlsx', year: 2027, lang: 'zh', force: true } });
    expect(parseArgs(['sample', 's.xlsx', '--force', '--lang', 'en'])).toEqual({ ok: true, command: { name: 'sample', out: 's.xlsx', lang: 'en', force: true } });
    expect(parseArgs(['grade', 'a.xlsx', '--force=yes'])).toEqual({ ok: false, lang: 'zh', error: { zh: '选项 --force 不带取值', en: 'Option --force takes no value' } });
    expect(parseArgs(['grade', 'a.xlsx', '--force', '--force'])).toMatchObject({ ok: false, error: { en: 'Option --force is given twice' } });
    expect(parseArgs(['--help'])).toEqual({ ok: true, command: { name: 'help', lang: 'zh' } });
  });

  it('--help lists --force and --lang for every command, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const r = await run(['--help', '--lang', lang]);
      expect(r.code).toBe(0);
      const commands = r.stdout.split('\n').filter((l) => l.includes('npm run cli --'));
      expect(commands.map((l) => l.trim().split(' ')[4])).toEqual(['grade', 'validate', 'template', 'sample', 'forms']);
      for (const l of commands) expect(l).toMatch(/\[--lang zh\|en\] \[--force\]$/);
      expect(r.stdout).toContain(lang === 'zh' ? '已存在的输出文件只有加 --force 才会被替换' : 'An existing output file is replaced only with --force');
    }
  });

  it('puts the default output next to the input', () => {
    expect(defaultOutPath('/data/2026年考核.xlsx')).toBe('/data/2026年考核-考核结果.xlsx');
    expect(defaultOutPath('book.XLSX')).toBe('book-考核结果.xlsx');
    // A macro-enabled workbook stays one; a legacy file's results go to a new .xlsx.
    expect(defaultOutPath('/data/宏.xlsm')).toBe('/data/宏-考核结果.xlsm');
    expect(defaultOutPath('/data/old.xls')).toBe('/data/old-考核结果.xlsx');
    expect(defaultOutPath('/data/lo.ods')).toBe('/data/lo-考核结果.xlsx');
  });
});

describe('a refused input prints the one-line reason and nothing else', () => {
  it('an empty workbook: exit 2, nothing on stdout, one line on stderr, no file written', async () => {
    const r = await run(['grade', 'in.xlsx', '--docx', 'n.docx'], { 'in.xlsx': await workbook({ Sheet1: [] }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toContain('没有可识别的评分表');
    expect([...r.files.keys()]).toEqual(['in.xlsx']);
  });

  it('with --json, the report is still written, and only it reaches stdout', async () => {
    const r = await run(['validate', 'in.xlsx', '--json', '-'], { 'in.xlsx': await workbook({ Sheet1: [['姓名', '电话']] }) });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1, branches: [] });
    expect(oneLine(r.stderr)).toContain('没有可识别的评分表');
  });

  it('invalid settings: the line names the first cell and counts the others', async () => {
    const input = await smallWorkbook({ 考核参数: [['参数', '值'], ['优秀系数', '很高'], ['总分小数位', 7]] });
    const r = await run(['grade', 'in.xlsx'], { 'in.xlsx': input });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/^考核参数或指标目录有误，无法评定任何党支部（考核参数!B2: .*；另有 1 处同类错误）$/);
  });
});
