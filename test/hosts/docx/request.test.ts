/**
 * The 请示's 版头 (GB/T 9704-2012 7.2.3, an upward document): with 发文机关标志 and 签发人 set, the 发文字号 and
 * "签发人：" with the name (in 楷体) on one line between a left and a right tab stop one character in from
 * each side, the red line under that line; without 签发人 the 发文字号 centred as in the 通报; without
 * 发文机关标志 no 版头. Read from the model the pipeline builds and the .docx's own XML, strictly parsed.
 */
import { renderRequest } from '../../../src/hosts/docx';
import type { SheetPlan } from '../../../src/workbook/plan';
import { planSample } from '../../../src/workbook/plans';
import { buildRequestDocument } from '../../../src/workbook/plans/documents';
import { runAssessment } from '../../../src/workbook/pipeline';
import { expectStrictPackage } from '../../support/strict';
import { paragraphsOf, partOf } from './fixtures';

function requestWith(settings: Record<string, string>) {
  const sheets = (planSample().sheets as SheetPlan[]).map((s) => ({ name: s.name, values: s.values.map((r) => [...(r ?? [])]), merges: s.merges }));
  const sheet = sheets.find((s) => s.name === '考核参数');
  for (const [key, value] of Object.entries(settings)) {
    const row = sheet?.values.find((r) => r[0] === key);
    if (!row) throw new Error(`no settings row ${key}`);
    row[1] = value;
  }
  const out = runAssessment({ sheets }, { lang: 'zh', date: '2026-12-31', documents: true });
  return { model: out.request!, doc: buildRequestDocument(out.request!, out.result.ruleset), notice: out.notification };
}

const HEAD = { 发文机关标志: '中共××研究院委员会办公室文件', 发文字号: '院党办〔2026〕3号' };

/** The paragraphs (w:p) of document.xml that hold `text`. */
function paragraphWith(xml: string, text: string): string {
  const p = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => paragraphsOf(x)[0].includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
}

describe('the 请示 版头', () => {
  test('the model: 签发人 only on the request, only with 发文机关标志', () => {
    const signed = requestWith({ ...HEAD, 签发人: '张志强' });
    expect(signed.model.letterhead).toEqual({ mark: HEAD.发文机关标志, number: HEAD.发文字号, signer: { label: '签发人：', name: '张志强' } });
    // the 通报 is a downward document: no 签发人
    expect(signed.notice.letterhead).toEqual({ mark: HEAD.发文机关标志, number: HEAD.发文字号 });
    expect(requestWith(HEAD).model.letterhead).toEqual({ mark: HEAD.发文机关标志, number: HEAD.发文字号 });
    expect(requestWith({ 签发人: '张志强' }).model.letterhead).toBeUndefined();
  });

  test('发文字号 and 签发人 on one line: tab stops one character in, the name in 楷体, the red line under it', async () => {
    const bytes = await renderRequest(requestWith({ ...HEAD, 签发人: '张志强' }).doc);
    await expectStrictPackage(bytes);
    const xml = await partOf(bytes, 'word/document.xml');
    const line = paragraphWith(xml, '签发人：');
    expect(paragraphsOf(line)[0]).toBe('院党办〔2026〕3号签发人：张志强');
    expect(line.match(/<w:tab\/>/g)).toHaveLength(2);
    const stops = [...line.matchAll(/<w:tab w:val="(\w+)" w:pos="(\d+)"\/>/g)].map((m) => [m[1], Number(m[2])]);
    // the text block: 11906 twips of A4 less 28 mm (1587) and 26 mm (1474) = 8845; 28 characters: 316 each
    expect(stops).toEqual([
      ['left', 316],
      ['right', 8845 - 316],
    ]);
    expect(line).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    expect(line).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*<w:t[^>]*>张志强<\/w:t>/);
    const mark = paragraphWith(xml, HEAD.发文机关标志);
    expect(mark).toContain('w:color w:val="FF0000"');
    expect(mark).not.toContain('<w:bottom');
  });

  test('without 签发人: the 发文字号 centred; without 发文机关标志: no 版头 at all', async () => {
    const xml = await partOf(await renderRequest(requestWith(HEAD).doc), 'word/document.xml');
    const line = paragraphWith(xml, HEAD.发文字号);
    expect(line).toContain('<w:jc w:val="center"/>');
    expect(xml).not.toContain('签发人');
    const plain = await partOf(await renderRequest(requestWith({ 签发人: '张志强' }).doc), 'word/document.xml');
    expect(plain).not.toContain('FF0000');
    expect(plain).not.toContain('签发人');
  });
});
