/** The forms .docx's own XML: A4, one form a page (a page break before every form but the first), tick columns. */
import { defaultCatalogue } from '../../../src/core/catalogue';
import { renderForms } from '../../../src/hosts/docx';
import { buildFormsDocument } from '../../../src/workbook/plans/documents';
import { attrOf, paragraphsOf, partOf, tableRowsOf } from './fixtures';

describe('renderForms', () => {
  test('A4, each form on its own page, the branch filled in, the indicators as rows with four empty tick cells', async () => {
    const catalogue = defaultCatalogue();
    const doc = buildFormsDocument(catalogue, ['甲支部', '乙支部', '丙支部'], 2026);
    const xml = await partOf(await renderForms(doc), 'word/document.xml');
    expect(attrOf(xml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attrOf(xml, 'w:pgSz', 'w:h')).toBe('16838');
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(doc.forms.length - 1);
    const texts = paragraphsOf(xml);
    expect(texts.filter((t) => t === '党支部工作目标管理考评表')).toHaveLength(3);
    expect(texts.filter((t) => t === '党支部目标管理考核自评表')).toHaveLength(3);
    for (const b of ['甲支部', '乙支部', '丙支部']) {
      expect(texts).toContain(`被考评党支部：${b}`);
      expect(texts).toContain(`党支部：${b}`);
    }
    expect(texts).toContain('测评人身份：□党员　□党外群众　　　　考评方式：□民主测评　□组织考核');
    expect(texts).toContain('自评期间：□半年　□全年');
    const rows = tableRowsOf(xml);
    expect(rows[0]).toEqual(['编号', '考核内容', '分值', '优秀', '较好', '一般', '差']);
    const indicatorRows = rows.filter((r) => r.length === 7 && r[0] !== '编号');
    expect(indicatorRows).toHaveLength(catalogue.indicators.length * doc.forms.length);
    expect(indicatorRows.slice(0, catalogue.indicators.length).map((r) => r[0])).toEqual(catalogue.indicators.map((i) => i.code));
    expect(indicatorRows.every((r) => r.slice(3).every((c) => c === ''))).toBe(true);
  });

  test('indicator text in 五号 (10.5 pt) or larger, nothing in the table smaller', async () => {
    const xml = await partOf(await renderForms(buildFormsDocument(defaultCatalogue(), ['甲支部'], 2026)), 'word/document.xml');
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0];
    const sizes = [...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(26);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(21);
  });

  test('the 组织考核 form: a framed box for the 测评人 number, no identity tick', async () => {
    const xml = await partOf(await renderForms(buildFormsDocument(defaultCatalogue(), ['甲支部'], 2026, '组织考核')), 'word/document.xml');
    const texts = paragraphsOf(xml);
    expect(texts).toContain('考评方式：组织考核　　　　测评人编号：　　　　');
    expect(texts.join('')).not.toContain('党外群众');
    expect(xml).toMatch(/<w:bdr [^>]*w:val="single"/);
  });

  test('without a roster the branch line is a blank to write on', async () => {
    const xml = await partOf(await renderForms(buildFormsDocument(defaultCatalogue(), [], null)), 'word/document.xml');
    expect(paragraphsOf(xml)).toContain('被考评党支部：＿＿＿＿＿＿＿＿＿＿＿＿＿＿');
  });
});
