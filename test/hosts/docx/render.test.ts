/**
 * Render checks (SPEC §8): LibreOffice converts the documents the command line writes to PDF, and the
 * PDF's own text and page size are read back with poppler (pdftotext, pdfinfo). LibreOffice and poppler
 * come from Debian, installed by scripts/ensure-libreoffice.sh when missing. Slow: one conversion run for
 * both documents; every step waits on its process's exit, never on a clock.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderNotification, renderRequest } from '../../../src/hosts/docx';
import type { SheetPlan } from '../../../src/workbook/plan';
import { planSample } from '../../../src/workbook/plans';
import { buildNotificationDocument, buildRequestDocument } from '../../../src/workbook/plans/documents';
import { SAMPLE_BRANCHES, SAMPLE_ISSUER } from '../../../src/workbook/plans/sample';
import { runAssessment } from '../../../src/workbook/pipeline';
import { bytesOf, run } from '../../cli/helpers';
import { exec } from '../../support/exec';

/** The sample's sheets with settings rows filled in, graded as a host would read them. */
function sampleWith(settings: Record<string, string>) {
  const sheets = (planSample().sheets as SheetPlan[]).map((s) => ({ name: s.name, values: s.values.map((r) => [...(r ?? [])]), merges: s.merges }));
  const sheet = sheets.find((s) => s.name === '考核参数');
  for (const [key, value] of Object.entries(settings)) {
    const row = sheet?.values.find((r) => r[0] === key);
    if (!row) throw new Error(`no settings row ${key}`);
    row[1] = value;
  }
  return runAssessment({ sheets }, { lang: 'zh', date: '2026-12-31', documents: true });
}

const OFFICIAL = { 发文机关标志: '中共××研究院委员会办公室文件', 发文字号: '院党办〔2026〕3号', 抄送: '院长办公室，院纪委', 印发机关: '中共××研究院委员会办公室' };

const ROOT = path.join(__dirname, '..', '..', '..');

/** The words of one page with their boxes (points from the page's top), as pdftotext -bbox gives them. */
async function wordsOf(file: string, page: number): Promise<{ text: string; xMin: number; xMax: number; yMin: number; yMax: number }[]> {
  const xml = await exec('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

const PT_PER_MM = 72 / 25.4;

/** Text without white space: pdftotext puts spaces between CJK and digits and breaks long titles. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('documents rendered by LibreOffice', () => {
  let dir: string;
  const pdf = (name: string) => path.join(dir, name.replace(/\.docx$/, '.pdf'));
  let notificationRun: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    await exec('bash', [path.join(ROOT, 'scripts', 'ensure-libreoffice.sh')]);
    dir = mkdtempSync(path.join(tmpdir(), 'ba-docx-'));
    const sample = bytesOf(await run(['sample', 'sample.xlsx']), 'sample.xlsx');
    notificationRun = await run(['grade', 'sample.xlsx', '--out', 'graded.xlsx', '--docx', '通报.docx'], { 'sample.xlsx': sample }, { BA_DATE: '2026-12-31' });
    const formsRun = await run(['forms', 'forms.docx', '--in', 'sample.xlsx'], { 'sample.xlsx': sample });
    const orgRun = await run(['forms', 'org.docx', '--in', 'sample.xlsx', '--source', '组织考核'], { 'sample.xlsx': sample });
    writeFileSync(path.join(dir, '通报.docx'), bytesOf(notificationRun, '通报.docx'));
    writeFileSync(path.join(dir, 'forms.docx'), bytesOf(formsRun, 'forms.docx'));
    writeFileSync(path.join(dir, 'org.docx'), bytesOf(orgRun, 'org.docx'));
    const feedbackRun = await run(['grade', 'sample.xlsx', '--out', 'g.xlsx', '--feedback', '反馈单.docx'], { 'sample.xlsx': sample }, { BA_DATE: '2026-12-31' });
    writeFileSync(path.join(dir, '反馈单.docx'), bytesOf(feedbackRun, '反馈单.docx'));
    const official = sampleWith(OFFICIAL);
    writeFileSync(path.join(dir, 'official.docx'), await renderNotification(buildNotificationDocument(official.notification, official.result.ruleset)));
    writeFileSync(path.join(dir, 'request.docx'), await renderRequest(buildRequestDocument(official.request!, official.result.ruleset)));
    // the request as an upward document: 发文字号 at the left, 签发人 at the right, on one line
    const signed = sampleWith({ ...OFFICIAL, 签发人: '张志强' });
    writeFileSync(path.join(dir, 'request-signed.docx'), await renderRequest(buildRequestDocument(signed.request!, signed.result.ruleset)));
    // a 附件 over several pages: the same notice with 40 more ranked rows (the host only lays the model out)
    const doc = buildNotificationDocument(official.notification, official.result.ruleset);
    const ranked = doc.notice.attachment.ranked;
    const rows = [...ranked.rows, ...Array.from({ length: 40 }, (_, i) => [String(ranked.rows.length + i + 1), `第${i + 1}测试党支部`, '测试党总支', '80.0', '较好'])];
    const long = { ...doc, notice: { ...doc.notice, attachment: { ...doc.notice.attachment, ranked: { ...ranked, rows } } } };
    writeFileSync(path.join(dir, 'official-long.docx'), await renderNotification(long));
    // a private profile: no clash with another LibreOffice running on the machine
    const profile = 'file://' + path.join(dir, 'profile');
    const docs = ['通报.docx', 'forms.docx', 'org.docx', '反馈单.docx', 'official.docx', 'official-long.docx', 'request.docx', 'request-signed.docx'].map((f) => path.join(dir, f));
    await exec('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs]);
  }, 30 * 60 * 1000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('grade --docx: A4 pages with the title, every graded branch, the 附件 table and the issuer', async () => {
    expect(notificationRun.code).toBe(1); // the sample has two incomplete branches by design
    expect(readdirSync(dir)).toContain('通报.pdf');
    const info = await exec('pdfinfo', [pdf('通报.docx')]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = squeeze(await exec('pdftotext', ['-layout', pdf('通报.docx'), '-']));
    expect(text).toContain('关于2026年度党支部工作目标管理考核结果的通报');
    expect(text).toContain('各党总支、党支部：');
    expect(text).toContain(squeeze(SAMPLE_ISSUER));
    expect(text).toContain('2026年12月31日');
    expect(text).toContain('名次党支部所属总支总分等级');
    for (const b of SAMPLE_BRANCHES) expect(text).toContain(b.name);
    // page numbers on every page: "— 1 —" …
    for (let p = 1; p <= pages; p++) expect(text).toContain(`—${p}—`);
  });

  test('the 通报 with 发文机关标志, 发文字号, 抄送, 印发机关 set: 版头, 发文字号, title, every graded branch, 抄送 and 印发机关', async () => {
    const info = await exec('pdfinfo', [pdf('official.docx')]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const first = squeeze(await exec('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf('official.docx'), '-']));
    // the 版头 opens page one, the title under it
    expect(first.indexOf('中共××研究院委员会办公室文件')).toBe(0);
    expect(first.indexOf('院党办〔2026〕3号')).toBeGreaterThan(0);
    expect(first.indexOf('关于2026年度党支部工作目标管理考核结果的通报')).toBeGreaterThan(first.indexOf('院党办〔2026〕3号'));
    const text = squeeze(await exec('pdftotext', ['-layout', pdf('official.docx'), '-']));
    const graded = sampleWith(OFFICIAL).notification.ranked;
    expect(graded.length).toBeGreaterThan(0);
    for (const b of graded) expect(text).toContain(b.name);
    // the 版记 closes the document
    expect(text).toContain('抄送：院长办公室，院纪委。');
    expect(text).toContain('中共××研究院委员会办公室2026年12月31日印发');
    expect(text.lastIndexOf('印发')).toBeGreaterThan(text.lastIndexOf(graded[graded.length - 1].name));
    // without the keys, the plain layout: no 版头, no 版记
    const plain = squeeze(await exec('pdftotext', ['-layout', pdf('通报.docx'), '-']));
    expect(plain).not.toContain('抄送');
    expect(plain).not.toContain('印发');
    expect(plain.indexOf('关于2026年度党支部工作目标管理考核结果的通报')).toBe(0);
  });

  test('the 版记 sits at the foot of the last page, its last line on the bottom of the type area (GB/T 9704-2012 7.4)', async () => {
    // the type area ends 35 mm above the page's foot; one line of the 22-line grid is 225 mm / 22
    const bottom = (297 - 35) * PT_PER_MM;
    const line = (225 / 22) * PT_PER_MM;
    const pageCounts: number[] = [];
    for (const name of ['official.docx', 'official-long.docx']) {
      const pages = Number(/Pages:\s+(\d+)/.exec(await exec('pdfinfo', [pdf(name)]))?.[1]);
      pageCounts.push(pages);
      const words = await wordsOf(pdf(name), pages);
      const cc = words.find((w) => w.text.startsWith('抄送'));
      const printed = words.filter((w) => w.text.includes('印发'));
      expect(cc).toBeDefined();
      expect(printed.length).toBeGreaterThan(0);
      const last = Math.max(...printed.map((w) => w.yMax));
      expect(Math.abs(bottom - last)).toBeLessThan(line);
      // from 抄送 down to the type area's foot: the 版记's words and nothing of the 附件
      const ccTop = (cc as { yMin: number }).yMin;
      const band = words.filter((w) => w.yMin >= ccTop - 1 && w.yMax < bottom + line / 2);
      expect(band.map((w) => w.text).join('')).toBe('抄送：院长办公室，院纪委。中共××研究院委员会办公室2026年12月31日印发');
      expect(words.filter((w) => !band.includes(w) && w.yMin < bottom).every((w) => w.yMax <= ccTop)).toBe(true);
      // and on no earlier page
      for (let p = 1; p < pages; p++) expect(squeeze(await exec('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf(name), '-']))).not.toContain('抄送');
    }
    // the long 附件 runs over more pages than the short one
    expect(pageCounts[1]).toBeGreaterThan(pageCounts[0]);
  });

  test('no page carries the 落款 alone: the issuer\'s page holds body text too', async () => {
    for (const name of ['通报.docx', 'official.docx', 'official-long.docx', 'request.docx', 'request-signed.docx']) {
      const pages = Number(/Pages:\s+(\d+)/.exec(await exec('pdfinfo', [pdf(name)]))?.[1]);
      for (let p = 1; p <= pages; p++) {
        const page = squeeze(await exec('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf(name), '-']));
        if (!page.includes(squeeze(SAMPLE_ISSUER)) || page.startsWith('附件')) continue;
        const before = page.slice(0, page.indexOf(squeeze(SAMPLE_ISSUER)));
        expect(before.replace(/附件：.*$/, '').length).toBeGreaterThan(10);
      }
    }
  });

  test('grade --request: an A4 request with its title, 主送, the candidates, "妥否，请批示。" and the ranking', async () => {
    const info = await exec('pdfinfo', [pdf('request.docx')]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const text = squeeze(await exec('pdftotext', ['-layout', pdf('request.docx'), '-']));
    expect(text).toContain('关于2026年度先进党支部推荐名单的请示');
    expect(text).toContain('院党委：');
    const request = sampleWith(OFFICIAL).request!;
    for (const c of request.candidates) expect(text).toContain(c);
    expect(text).toContain('妥否，请批示。');
    expect(text).toContain(squeeze(SAMPLE_ISSUER));
    expect(text).toContain('名次党支部所属总支总分等级');
  });

  test('the request with 发文机关标志 and 签发人: the red 标志, then 发文字号 at the left and 签发人 at the right of one line, then the title; without 签发人 the 发文字号 centred, as the 通报 keeps it', async () => {
    const first = squeeze(await exec('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf('request-signed.docx'), '-']));
    expect(first.indexOf('中共××研究院委员会办公室文件')).toBe(0);
    expect(first.indexOf('院党办〔2026〕3号签发人：张志强')).toBeGreaterThan(0);
    expect(first.indexOf('关于2026年度先进党支部推荐名单的请示')).toBeGreaterThan(first.indexOf('签发人：张志强'));
    const words = await wordsOf(pdf('request-signed.docx'), 1);
    const number = words.filter((w) => w.text.startsWith('院党办'))[0];
    const signer = words.find((w) => w.text.includes('签发人'));
    expect(number).toBeDefined();
    expect(signer).toBeDefined();
    // one line: the same baseline band
    expect(Math.abs(number.yMax - (signer as { yMax: number }).yMax)).toBeLessThan(2);
    // one character (16 pt) in from each side of the 156 mm text block that starts 28 mm from the left
    const left = 28 * PT_PER_MM;
    const right = (210 - 26) * PT_PER_MM;
    expect(Math.abs(number.xMin - (left + 16))).toBeLessThan(4);
    const signerLine = words.filter((w) => Math.abs(w.yMax - number.yMax) < 2);
    expect(Math.abs(Math.max(...signerLine.map((w) => w.xMax)) - (right - 16))).toBeLessThan(4);
    // the 通报 (下行文) and the request without 签发人: 发文字号 centred on the text block
    for (const name of ['official.docx', 'request.docx']) {
      const line = (await wordsOf(pdf(name), 1)).filter((w) => /院党办|〔|3|号/.test(w.text));
      const row = line.filter((w) => Math.abs(w.yMax - line[0].yMax) < 2);
      const centre = (Math.min(...row.map((w) => w.xMin)) + Math.max(...row.map((w) => w.xMax))) / 2;
      expect(Math.abs(centre - (left + right) / 2)).toBeLessThan(4);
      expect(squeeze(await exec('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf(name), '-']))).not.toContain('签发人');
    }
  });

  test('forms: one A4 page per form, 2 × branches for the sample, each branch on its pages', async () => {
    const info = await exec('pdfinfo', [pdf('forms.docx')]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(2 * SAMPLE_BRANCHES.length);
    for (let i = 0; i < SAMPLE_BRANCHES.length; i++) {
      const page = (n: number) => exec('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf('forms.docx'), '-']).then(squeeze);
      const evaluation = await page(2 * i + 1);
      const self = await page(2 * i + 2);
      expect(evaluation).toContain('党支部工作目标管理考评表');
      expect(evaluation).toContain(`被考评党支部：${SAMPLE_BRANCHES[i].name}`);
      expect(evaluation).toContain('6.4做好创建精神文明先进单位的有关工作。');
      expect(self).toContain('党支部目标管理考核自评表');
      expect(self).toContain(`党支部：${SAMPLE_BRANCHES[i].name}`);
      expect(self).toContain('党支部书记（签字）');
      expect(self).toContain('填表日期');
    }
  });

  test('forms --source 组织考核: one A4 page per branch with the 测评人 number and no identity tick', async () => {
    const info = await exec('pdfinfo', [pdf('org.docx')]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(SAMPLE_BRANCHES.length);
    const first = squeeze(await exec('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf('org.docx'), '-']));
    expect(first).toContain(`被考评党支部：${SAMPLE_BRANCHES[0].name}`);
    expect(first).toContain('考评方式：组织考核测评人编号：');
    expect(first).toContain('6.4做好创建精神文明先进单位的有关工作。');
    expect(first).not.toContain('党外群众');
  });

  test('grade --feedback: one A4 page per branch, each page its own branch and figures', async () => {
    const info = await exec('pdfinfo', [pdf('反馈单.docx')]);
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(SAMPLE_BRANCHES.length);
    for (let i = 0; i < SAMPLE_BRANCHES.length; i++) {
      const text = squeeze(await exec('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf('反馈单.docx'), '-']));
      expect(text).toContain('2026年度党支部工作目标管理考核反馈单');
      expect(text).toContain(`${SAMPLE_BRANCHES[i].name}：`);
      expect(text).toContain(squeeze(SAMPLE_ISSUER));
      expect(text).toContain('2026年12月31日');
      expect(text).toMatch(/在13个评定等级的党支部中排第\d+名|暂未评定等级和名次/);
      if (text.includes('暂未评定')) expect(text).toContain('需要补充或核对的材料');
      else expect(text).toContain('指标类别分值本支部得分全院平均差距');
    }
  });
});
