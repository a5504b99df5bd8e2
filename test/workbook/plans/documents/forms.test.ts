import { defaultCatalogue } from '../../../../src/core/catalogue';
import type { Catalogue } from '../../../../src/core/types';
import { buildFormsDocument, EVALUATION_TITLE, SELF_TITLE } from '../../../../src/workbook/plans/documents';

describe('buildFormsDocument (SPEC §8)', () => {
  const catalogue = defaultCatalogue();

  test('one 考评表 and one 自评表 per branch, in roster order, branch filled in', () => {
    const doc = buildFormsDocument(catalogue, ['甲支部', '乙支部'], 2026);
    expect(doc.forms.map((f) => [f.title, f.lines[0][0].value])).toEqual([
      [EVALUATION_TITLE, '甲支部'],
      [SELF_TITLE, '甲支部'],
      [EVALUATION_TITLE, '乙支部'],
      [SELF_TITLE, '乙支部'],
    ]);
    expect(doc.forms.every((f) => f.subtitle === '（2026年度）')).toBe(true);
  });

  test('the catalogue as rows under category headings with their points; four grade columns to tick', () => {
    const [form] = buildFormsDocument(catalogue, ['甲支部'], 2026).forms;
    expect(form.columns.grades).toEqual(['优秀', '较好', '一般', '差']);
    expect(form.categories.map((c) => c.heading)).toEqual([
      '一、党支部班子自身建设（18分）',
      '二、党员教育管理监督（24分）',
      '三、发展党员工作（15分）',
      '四、思想政治工作（16分）',
      '五、党政配合（15分）',
      '六、其它工作（12分）',
    ]);
    const rows = form.categories.flatMap((c) => c.rows);
    expect(rows.map((r) => r.code)).toEqual(catalogue.indicators.map((i) => i.code));
    expect(rows[0]).toEqual({ code: '1.1', text: catalogue.indicators[0].text, points: '3' });
  });

  test('the evaluation form is anonymous: identity and method to tick, no name or signature line', () => {
    const [evaluation, self] = buildFormsDocument(catalogue, ['甲支部'], 2026).forms;
    const ticks = evaluation.lines.flat().filter((l) => l.ticks);
    expect(ticks.map((t) => [t.label, t.ticks])).toEqual([
      ['测评人身份', ['党员', '党外群众']],
      ['考评方式', ['民主测评', '组织考核']],
    ]);
    const labels = [...evaluation.lines.flat(), ...evaluation.footer.flat()].map((l) => l.label).join('');
    expect(labels).not.toMatch(/姓名|签字|签名/);
    expect(evaluation.note).toContain('不记名');
    expect(self.lines.flat().find((l) => l.ticks)?.ticks).toEqual(['半年', '全年']);
    expect(self.footer.flat().map((l) => l.label)).toEqual(['党支部书记（签字）', '填表日期']);
  });

  test('组织考核: one form per branch, the method printed, a 测评人 number box and no identity tick', () => {
    const doc = buildFormsDocument(catalogue, ['甲支部', '乙支部'], 2026, '组织考核');
    expect(doc.forms.map((f) => [f.kind, f.source, f.lines[0][0].value])).toEqual([
      ['evaluation', '组织考核', '甲支部'],
      ['evaluation', '组织考核', '乙支部'],
    ]);
    const fields = doc.forms[0].lines.flat();
    expect(fields.some((l) => l.ticks)).toBe(false);
    expect(fields.map((l) => l.label).join('')).not.toContain('身份');
    expect(fields.find((l) => l.label === '考评方式')?.value).toBe('组织考核');
    expect(fields.find((l) => l.label === '测评人编号')?.box).toBeGreaterThan(0);
    expect(doc.forms[0].note).toContain('测评人');
    expect(doc.forms[0].categories).toEqual(buildFormsDocument(catalogue, ['甲支部'], 2026).forms[0].categories);
  });

  test('民主测评 keeps the identity tick and names the method; 自评 gives the self-assessment forms only', () => {
    const [democratic] = buildFormsDocument(catalogue, ['甲支部'], 2026, '民主测评').forms;
    const fields = democratic.lines.flat();
    expect(fields.find((l) => l.ticks)?.ticks).toEqual(['党员', '党外群众']);
    expect(fields.find((l) => l.label === '考评方式')?.value).toBe('民主测评');
    const self = buildFormsDocument(catalogue, ['甲支部', '乙支部'], 2026, '自评').forms;
    expect(self.map((f) => f.title)).toEqual([SELF_TITLE, SELF_TITLE]);
  });

  test('without a roster: one blank pair whose branch line is written by hand; a catalogue of the workbook is used', () => {
    const own: Catalogue = {
      categories: [{ code: '1', name: '党建工作' }],
      indicators: [
        { code: '1.1', category: '1', text: '组织生活', points: 60 },
        { code: '1.2', category: '1', text: '党员教育', points: 40 },
      ],
    };
    const doc = buildFormsDocument(own, [], null);
    expect(doc.forms).toHaveLength(2);
    expect(doc.forms[0].lines[0][0].value).toBeUndefined();
    expect(doc.forms[0].subtitle).toBe('（　　　　年度）');
    expect(doc.forms[0].categories).toEqual([
      { heading: '1、党建工作（100分）', rows: [{ code: '1.1', text: '组织生活', points: '60' }, { code: '1.2', text: '党员教育', points: '40' }] },
    ]);
  });
});
