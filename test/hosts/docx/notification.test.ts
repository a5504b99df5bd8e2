/**
 * The 通报 .docx's own XML (SPEC §8, GB/T 9704-2012): page geometry in twips, fonts and sizes in
 * half-points, the 附件 table in rank order, page numbers on the outside of odd and even pages.
 */
import { renderNotification } from '../../../src/hosts/docx';
import { buildNotificationDocument } from '../../../src/workbook/plans/documents';
import { attrOf, paragraphsOf, partOf, sampleRun, tableRowsOf } from './fixtures';

const TWIPS_PER_MM = 1440 / 25.4;

describe('renderNotification', () => {
  const run = sampleRun();
  const doc = buildNotificationDocument(run.notification, run.result.ruleset);
  const notice = doc.notice;
  let bytes: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    bytes = await renderNotification(doc);
    xml = await partOf(bytes, 'word/document.xml');
  });

  test('A4 portrait with margins 37 / 35 / 28 / 26 mm and a grid of 22 lines', () => {
    expect(attrOf(xml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attrOf(xml, 'w:pgSz', 'w:h')).toBe('16838');
    const margin = (side: string) => Number(attrOf(xml, 'w:pgMar', `w:${side}`)) / TWIPS_PER_MM;
    expect(margin('top')).toBeCloseTo(37, 1);
    expect(margin('bottom')).toBeCloseTo(35, 1);
    expect(margin('left')).toBeCloseTo(28, 1);
    expect(margin('right')).toBeCloseTo(26, 1);
    // 225 mm of text height in 22 lines
    const pitch = Number(attrOf(xml, 'w:docGrid', 'w:linePitch'));
    expect(Math.floor((16838 - 2098 - 1984) / pitch)).toBe(22);
    // every body line on that pitch: 22 lines a page
    expect(xml).toContain(`<w:spacing w:after="0" w:before="0" w:line="${pitch}" w:lineRule="exact"/>`);
  });

  test('title in 2号 方正小标宋简体, body in 3号 仿宋_GB2312 spaced to 28 characters a line', () => {
    const paras = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const title = paras.find((p) => paragraphsOf(p)[0] === notice.titleLines[0]) as string;
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const lead = paras.find((p) => paragraphsOf(p)[0] === notice.paragraphs[0]) as string;
    expect(lead).toContain('w:eastAsia="仿宋_GB2312"');
    expect(lead).toContain('<w:sz w:val="32"/>');
    // 28 characters of 16 pt (320 twips) in 156 mm: 5 twips closer each
    const spacing = Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(lead)?.[1]);
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(Math.round(156 * TWIPS_PER_MM));
    expect(29 * (320 + spacing)).toBeGreaterThan(Math.round(156 * TWIPS_PER_MM));
  });

  test('reading order: title, 主送, body, 附件说明, issuer, date, then 附件 on a new page', () => {
    const texts = paragraphsOf(xml).filter((t) => t !== '');
    const at = (t: string) => texts.indexOf(t);
    const order = [...notice.titleLines, '各党总支、党支部：', notice.paragraphs[0], notice.attachmentNote, '中共××研究院党委办公室', '2026年12月31日', '附件', notice.attachment.title];
    expect(order.map(at).every((i, k, all) => i >= 0 && (k === 0 || i > all[k - 1]))).toBe(true);
    const attachmentPara = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphsOf(p)[0] === '附件') as string;
    expect(attachmentPara).toContain('<w:pageBreakBefore/>');
    expect(attachmentPara).toContain('w:eastAsia="黑体"');
  });

  test('the 附件 table: header repeated on every page, graded branches in rank order, incomplete ones in a table apart', () => {
    const rows = tableRowsOf(xml);
    const graded = run.result.branches.filter((b) => b.status === 'graded').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const incomplete = run.result.branches.filter((b) => b.status !== 'graded');
    expect(rows[0]).toEqual(['名次', '党支部', '所属总支', '总分', '等级']);
    expect(rows.slice(1, 1 + graded.length).map((r) => r[1])).toEqual(graded.map((b) => b.name));
    expect(rows[1]).toEqual([String(graded[0].rank), graded[0].name, graded[0].group, (graded[0].total as number).toFixed(1), graded[0].grade]);
    expect(rows[1 + graded.length]).toEqual(['序号', '党支部', '所属总支', '原因']);
    expect(rows.slice(2 + graded.length).map((r) => r[1])).toEqual(incomplete.map((b) => b.name));
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
  });

  test('page numbers "— n —" in 4号 宋体: odd pages right, even pages left', async () => {
    const settings = await partOf(bytes, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const rels = await partOf(bytes, 'word/_rels/document.xml.rels');
    const footer = async (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(xml)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return partOf(bytes, `word/${target}`);
    };
    for (const [type, side] of [['default', 'right'], ['even', 'left']]) {
      const f = await footer(type);
      expect(f).toContain(`<w:jc w:val="${side}"/>`);
      expect(f).toContain('PAGE');
      expect(paragraphsOf(f).join('')).toMatch(/^— .*—$/);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });
});
