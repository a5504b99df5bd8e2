/** grade --docx and forms on the command line (SPEC §7, §8): what is written, said and refused. */
import JSZip from 'jszip';
import { bytesOf, run, smallWorkbook, workbook } from './helpers';
import { expectStrictPackage } from '../support/strict';

async function documentText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('grade --docx', () => {
  test('writes the notification as a Word document beside the graded workbook and says so', async () => {
    const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx', '--docx', '通报.docx'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    expect(r.files.has('out.xlsx')).toBe(true);
    await expectStrictPackage(bytesOf(r, '通报.docx'));
    const text = await documentText(bytesOf(r, '通报.docx'));
    expect(text).toContain('各党总支、党支部：');
    expect(text).toContain('甲支部');
    expect(text).toContain('乙支部');
    expect(text).toContain('2026年12月20日'); // BA_DATE
    expect(r.stdout).toContain('通报（Word）：通报.docx');
  });

  test('日期格式 and 公文字体 from the settings sheet reach the document', async () => {
    const input = await smallWorkbook({ 考核参数: [['参数', '值'], ['日期格式', '汉字'], ['公文字体', '仿宋']] });
    const r = await run(['grade', 'in.xlsx', '--docx', 'n.docx'], { 'in.xlsx': input });
    const bytes = bytesOf(r, 'n.docx');
    expect(await documentText(bytes)).toContain('二〇二六年十二月二十日');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).not.toContain('仿宋_GB2312');
  });

  test('refuses a notice path that is the input or the output, before writing anything', async () => {
    const input = await smallWorkbook();
    for (const docx of ['in.xlsx', 'out.xlsx']) {
      const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx', '--docx', docx], { 'in.xlsx': input });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Word 文件不能是输入文件、输出工作簿、报告或另一个 Word 文件');
      expect(r.files.has('out.xlsx')).toBe(false);
    }
    expect((await run(['grade', 'in.xlsx', '--docx', '-'])).stderr).toContain('--docx 必须是文件路径');
    expect((await run(['validate', 'in.xlsx', '--docx', 'x.docx'])).stderr).toContain('validate 命令不支持选项 --docx');
  });
});

describe('grade --feedback', () => {
  test('writes one feedback page per branch and says so; same safe-write rules as --docx', async () => {
    const input = await smallWorkbook();
    const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx', '--feedback', '反馈单.docx'], { 'in.xlsx': input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('反馈单（Word）：反馈单.docx（2 个党支部，每个一页）');
    const xml = await (await JSZip.loadAsync(bytesOf(r, '反馈单.docx'))).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    const text = await documentText(bytesOf(r, '反馈单.docx'));
    expect(text).toContain('甲支部：');
    expect(text).toContain('乙支部：');
    expect(text).toContain('在2个评定等级的党支部中排第1名');

    for (const feedback of ['in.xlsx', 'out.xlsx']) {
      const refused = await run(['grade', 'in.xlsx', '--out', 'out.xlsx', '--feedback', feedback], { 'in.xlsx': input });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('Word 文件不能是输入文件、输出工作簿、报告或另一个 Word 文件');
      expect(refused.files.has('out.xlsx')).toBe(false);
    }
    const same = await run(['grade', 'in.xlsx', '--docx', 'a.docx', '--feedback', 'a.docx'], { 'in.xlsx': input });
    expect(same.stderr).toContain('Word 文件不能是输入文件、输出工作簿、报告或另一个 Word 文件');
    const exists = await run(['grade', 'in.xlsx', '--feedback', 'f.docx'], { 'in.xlsx': input, 'f.docx': 'mine' });
    expect(exists.code).toBe(2);
    expect(exists.files.get('f.docx')).toBe('mine');
    const forced = await run(['grade', 'in.xlsx', '--feedback', 'f.docx', '--force'], { 'in.xlsx': input, 'f.docx': 'mine' });
    expect(forced.files.get('f.docx')).toBeInstanceOf(Uint8Array);
    expect((await run(['grade', 'in.xlsx', '--feedback', 'f.txt'], { 'in.xlsx': input })).stderr).toContain('Word 文件名必须以 .docx 结尾：');
    expect((await run(['validate', 'in.xlsx', '--feedback', 'x.docx'])).stderr).toContain('validate 命令不支持选项 --feedback');
  });
});

describe('grade --request (SPEC §8)', () => {
  test('writes the request for approval: to 请示主送, the candidates with total and grade, "妥否，请批示。", the ranking as 附件', async () => {
    const input = await smallWorkbook({ 考核参数: [['参数', '值'], ['年度', 2026], ['发文单位', '中共某所委员会办公室']] });
    const r = await run(['grade', 'in.xlsx', '--request', '请示.docx', '--json', 'r.json'], { 'in.xlsx': input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('请示（Word）：请示.docx');
    const text = await documentText(bytesOf(r, '请示.docx'));
    expect(text).toContain('关于2026年度先进党支部推荐名单的请示');
    expect(text).toContain('院党委：');
    expect(text).toMatch(/（一）甲支部（总分\d+\.\d分，“优秀”）。/);
    expect(text).toContain('妥否，请批示。');
    expect(text).toContain('附件：2026年度党支部考核结果排名表');
    expect(text).toContain('中共某所委员会办公室');
    expect(text).toContain('2026年12月20日');
    // the JSON report is unchanged by the request: no placeholder warning, since the issuer is set
    const report = JSON.parse(r.files.get('r.json') as string);
    expect(report.schemaVersion).toBe(1);
    expect(report.issues.map((i: { code: string }) => i.code)).not.toContain('placeholder-issuer');
  });

  test('请示主送 from the settings sheet; nobody graded 优秀: no request, the reason said, exit 1', async () => {
    const to = await run(['grade', 'in.xlsx', '--request', 'q.docx'], { 'in.xlsx': await smallWorkbook({ 考核参数: [['参数', '值'], ['请示主送', '中共某所委员会']] }) });
    expect(await documentText(bytesOf(to, 'q.docx'))).toContain('中共某所委员会：');
    const none = await run(['grade', 'in.xlsx', '--request', 'q.docx', '--docx', 'n.docx'], {
      'in.xlsx': await smallWorkbook({ 考核参数: [['参数', '值'], ['优秀分数线', 99.9]] }),
    });
    expect(none.code).toBe(1);
    expect(none.files.has('q.docx')).toBe(false);
    expect(none.files.has('n.docx')).toBe(true);
    expect(none.stderr).toContain('未写入 q.docx：没有评定为“优秀”的党支部');
  });

  test('the same safe-write rules as --docx: never the input, the workbook or the notice; an existing file only with --force', async () => {
    const input = await smallWorkbook();
    for (const [request, docx] of [['in.xlsx', undefined], ['out.xlsx', undefined], ['n.docx', 'n.docx']]) {
      const argv = ['grade', 'in.xlsx', '--out', 'out.xlsx', '--request', request as string, ...(docx ? ['--docx', docx] : [])];
      const r = await run(argv, { 'in.xlsx': input });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Word 文件不能是输入文件、输出工作簿、报告或另一个 Word 文件');
      expect(r.files.has('out.xlsx')).toBe(false);
    }
    const exists = await run(['grade', 'in.xlsx', '--request', 'q.docx'], { 'in.xlsx': input, 'q.docx': 'mine' });
    expect(exists.code).toBe(2);
    expect(exists.files.get('q.docx')).toBe('mine');
    const forced = await run(['grade', 'in.xlsx', '--request', 'q.docx', '--force'], { 'in.xlsx': input, 'q.docx': 'mine' });
    expect(forced.files.get('q.docx')).toBeInstanceOf(Uint8Array);
    expect((await run(['grade', 'in.xlsx', '--request', 'q.txt'], { 'in.xlsx': input })).stderr).toContain('Word 文件名必须以 .docx 结尾');
    expect((await run(['validate', 'in.xlsx', '--request', 'x.docx'])).stderr).toContain('validate 命令不支持选项 --request');
  });
});

describe('documents and the issuer, and nothing graded', () => {
  test('placeholder-issuer: a warning while 发文单位 is 中共××党委办公室 and a document is written, none otherwise', async () => {
    const input = await smallWorkbook();
    const withDoc = await run(['grade', 'in.xlsx', '--docx', 'n.docx', '--json', 'r.json'], { 'in.xlsx': input });
    expect(withDoc.code).toBe(0);
    const issues = JSON.parse(withDoc.files.get('r.json') as string).issues;
    const w = issues.find((i: { code: string }) => i.code === 'placeholder-issuer');
    expect(w).toMatchObject({ severity: 'warning', message: '公文落款的发文单位仍是占位的“中共××党委办公室”。' });
    expect(w.suggestion).toContain('发文单位');
    const without = await run(['grade', 'in.xlsx', '--json', 'r.json'], { 'in.xlsx': input });
    expect(JSON.parse(without.files.get('r.json') as string).issues.map((i: { code: string }) => i.code)).not.toContain('placeholder-issuer');
  });

  test('no branch graded: no notice is written, the command says why and exits 1; the workbook is still written', async () => {
    const template = bytesOf(await run(['template', 't.xlsx', '--year', '2026']), 't.xlsx');
    const r = await run(['grade', 't.xlsx', '--out', 'out.xlsx', '--docx', 'n.docx', '--request', 'q.docx'], { 't.xlsx': template });
    expect(r.code).toBe(1);
    expect(r.files.has('n.docx')).toBe(false);
    expect(r.files.has('q.docx')).toBe(false);
    expect(r.files.has('out.xlsx')).toBe(true);
    expect(r.stderr).toContain('未写入 n.docx：没有评定等级的党支部');
    expect(r.stderr).toContain('未写入 q.docx：没有评定等级的党支部');
    const en = await run(['grade', 't.xlsx', '--docx', 'n.docx', '--lang', 'en'], { 't.xlsx': template });
    expect(en.stderr).toContain('n.docx was not written: no branch could be graded');
  });
});

describe('forms', () => {
  test('from a workbook: a pair of forms per roster branch, the year from --year', async () => {
    const r = await run(['forms', 'forms.docx', '--in', 'in.xlsx', '--year', '2027'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已写入：forms.docx（2 个党支部，共 4 页）\n');
    await expectStrictPackage(bytesOf(r, 'forms.docx'));
    const text = await documentText(bytesOf(r, 'forms.docx'));
    expect(text).toContain('被考评党支部：甲支部');
    expect(text).toContain('被考评党支部：乙支部');
    expect(text).toContain('（2027年度）');
  });

  test('without a workbook: the default catalogue and a blank branch line, the year of today', async () => {
    const r = await run(['forms', 'blank.docx', '--lang', 'en'], {}, {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no workbook given: the branch line is left blank, 2 pages');
    const text = await documentText(bytesOf(r, 'blank.docx'));
    expect(text).toContain('（2026年度）');
    expect(text).toContain('支委会组织健全');
  });

  test('--source 组织考核: one 组织考核 form per branch; an unknown source is refused', async () => {
    const r = await run(['forms', 'org.docx', '--in', 'in.xlsx', '--source', '组织考核'], { 'in.xlsx': await smallWorkbook() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已写入：org.docx（2 个党支部，共 2 页）\n');
    const text = await documentText(bytesOf(r, 'org.docx'));
    expect(text).toContain('考评方式：组织考核');
    expect(text).toContain('测评人编号：');
    expect(text).not.toContain('党外群众');
    expect(text).not.toContain('自评表');
    const bad = await run(['forms', 'x.docx', '--source', '考核组']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--source 只能是 组织考核、民主测评、自评，而不是 考核组\n');
  });

  test('an existing file is not overwritten; an invalid catalogue stops with the sheet and cell', async () => {
    const exists = await run(['forms', 'f.docx'], { 'f.docx': 'mine' });
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('文件已存在，未覆盖');
    expect(exists.files.get('f.docx')).toBe('mine');
    const badCatalogue = await workbook({
      指标目录: [['编号', '类别', '考核内容', '分值'], ['1.1', '一、党建', '组织生活', 60], ['1.2', '一、党建', '党员教育', 30]],
      支部名单: [['党支部'], ['甲支部']],
      民主测评: [['党支部', '1.1', '1.2'], ['甲支部', '优秀', '优秀']],
    });
    const r = await run(['forms', 'f2.docx', '--in', 'in.xlsx'], { 'in.xlsx': badCatalogue });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^指标目录!/);
    expect(r.files.has('f2.docx')).toBe(false);
    expect((await run(['forms', 'x.docx', '--year', '26'])).stderr).toContain('--year 应为 2000–2100 之间的四位年份');
  });
});

describe('the documents\' date: --date over 成文日期 over the day of the run', () => {
  /** The 考核结果通报 sheet's date line and the Word notice's text, from one grade run. */
  async function dates(argv: string[], settings?: (string | number)[][]): Promise<{ sheet: string; word: string; code: number }> {
    const input = await smallWorkbook(settings ? { 考核参数: [['参数', '值'], ...settings] } : {});
    const r = await run(['grade', 'in.xlsx', '--out', 'out.xlsx', '--docx', 'n.docx', ...argv], { 'in.xlsx': input });
    const { loadWorkbook, snapshotOf } = await import('../../src/hosts/xlsx');
    const notice = snapshotOf(await loadWorkbook(bytesOf(r, 'out.xlsx'))).sheets.find((s) => s.name === '考核结果通报')!;
    const sheetText = notice.values.flat().filter((v): v is string => typeof v === 'string').join('\n');
    return { sheet: sheetText, word: await documentText(bytesOf(r, 'n.docx')), code: r.code };
  }

  test('--date 2026-12-31 dates the notification sheet and the Word notice', async () => {
    const d = await dates(['--date', '2026-12-31']);
    expect(d.code).toBe(0);
    expect(d.sheet).toContain('2026年12月31日');
    expect(d.sheet).not.toContain('2026年12月20日');
    expect(d.word).toContain('2026年12月31日');
    expect(d.word).not.toContain('2026年12月20日');
  });

  test('成文日期 in 考核参数 dates both, as typed text or as an Excel date serial', async () => {
    const typed = await dates([], [['成文日期', '2026年12月28日']]);
    expect(typed.word).toContain('2026年12月28日');
    expect(typed.sheet).toContain('2026年12月28日');
    const serial = await dates([], [['成文日期', 46386]]); // Excel's serial for 2026-12-30
    expect(serial.word).toContain('2026年12月30日');
  });

  test('--date overrides 成文日期', async () => {
    const d = await dates(['--date', '2027-01-05'], [['成文日期', '2026-12-28']]);
    expect(d.word).toContain('2027年1月5日');
    expect(d.word).not.toContain('2026年12月28日');
  });

  test('a 成文日期 that is no date stops grading with the cell named', async () => {
    const input = await smallWorkbook({ 考核参数: [['参数', '值'], ['成文日期', '十二月底']] });
    const r = await run(['grade', 'in.xlsx', '--docx', 'n.docx'], { 'in.xlsx': input });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^考核参数或指标目录有误，无法评定任何党支部（考核参数!B2: .*成文日期.*2000–2100 年间的日期/);
    expect(r.files.has('n.docx')).toBe(false);
  });
});

describe('forms --in a workbook whose roster is empty', () => {
  test('says the roster is empty (not that no workbook was given) and prints one blank pair', async () => {
    const input = await workbook({ 支部名单: [['党支部']], 民主测评: [['党支部', '1.1', '1.2']] });
    const r = await run(['forms', 'f.docx', '--in', 'in.xlsx', '--year', '2026'], { 'in.xlsx': input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已写入：f.docx（/work/in.xlsx 的支部名单是空的，打印一套空白表（党支部名称留空待填），共 2 页）\n');
    expect(r.stdout).not.toContain('未指定工作簿');
    const en = await run(['forms', 'f.docx', '--in', 'in.xlsx', '--lang', 'en'], { 'in.xlsx': input });
    expect(en.stdout).toContain('the roster of /work/in.xlsx is empty');
  });
});
