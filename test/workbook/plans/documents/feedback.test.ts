/** 考核反馈单 (SPEC §8 --feedback): what each branch is told, from the graded sample. */
import { compareWithPrevious } from '../../../../src/core/previous';
import { buildFeedbackDocument, missingItems } from '../../../../src/workbook/plans/documents';
import { GRADES } from '../../../../src/core/types';
import { sampleRun } from '../../../hosts/docx/fixtures';

describe('buildFeedbackDocument', () => {
  const { result } = sampleRun();
  const doc = buildFeedbackDocument(result, '2026-12-31');
  const graded = result.branches.filter((b) => b.status === 'graded');
  const pageOf = (name: string) => doc.pages.find((p) => p.branch === name)!;
  const textOf = (name: string) => {
    const p = pageOf(name);
    return [p.addressee, ...p.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.items ?? []), ...(s.table ? [s.table.columns.join('|'), ...s.table.rows.map((r) => r.join('|'))] : [])]), p.closing].join('\n');
  };

  test('one page per branch in roster order, the year in the title, issuer and date', () => {
    expect(doc.pages.map((p) => p.branch)).toEqual(result.branches.map((b) => b.name));
    expect(doc.title).toBe('2026年度党支部工作目标管理考核反馈单');
    expect(doc.issuer).toBe(result.ruleset.issuer);
    expect(doc.date).toBe('2026年12月31日');
  });

  test('a graded page: total, grade and rank of N', () => {
    for (const b of graded) {
      expect(textOf(b.name)).toContain(`总分${b.total!.toFixed(1)}分，等级“${b.grade}”，在${graded.length}个评定等级的党支部中排第${b.rank}名`);
    }
  });

  test('each category against the mean of the graded branches', () => {
    const b = graded[0];
    const table = pageOf(b.name).sections[1].table!;
    expect(table.rows).toHaveLength(result.catalogue.categories.length);
    result.catalogue.categories.forEach((c, i) => {
      const mean = graded.reduce((s, g) => s + (g.categoryScores[c.code] ?? 0), 0) / graded.length;
      const own = b.categoryScores[c.code]!;
      expect(table.rows[i].slice(2, 4)).toEqual([own.toFixed(1), mean.toFixed(1)]);
      const diff = Number((own - mean).toFixed(1));
      expect(table.rows[i][4]).toBe(diff === 0 ? '0.0' : `${diff > 0 ? '+' : '−'}${Math.abs(diff).toFixed(1)}`);
    });
  });

  test('the lowest indicators, lowest mean coefficient first, with the 民主测评 votes per grade', () => {
    for (const b of graded) {
      const table = pageOf(b.name).sections[2].table;
      const below = b.indicators.filter((d) => d.weighted! < d.points);
      if (!below.length) {
        expect(table).toBeUndefined();
        continue;
      }
      expect(table!.columns).toEqual(['编号', '考核内容', '平均系数', ...GRADES]);
      const coefficients = table!.rows.map((r) => Number(r[2]));
      expect(coefficients).toEqual([...coefficients].sort((x, y) => x - y));
      const lowest = Math.min(...below.map((d) => d.weighted! / d.points));
      // the first row is an indicator with the lowest coefficient (shown rounded half up to 2 decimals)
      const first = b.indicators.find((d) => d.code === table!.rows[0][0])!;
      expect(first.weighted! / first.points).toBe(lowest);
      for (const r of table!.rows) {
        const d = b.indicators.find((x) => x.code === r[0])!;
        const votes = r.slice(3).map(Number);
        expect(votes.reduce((s, v) => s + v, 0)).toBe(d.sources.民主测评.forms);
        expect(r[1]).toBe(result.catalogue.indicators.find((i) => i.code === r[0])!.text);
      }
    }
  });

  test('the self-vs-external gap and the spot checks with their reasons', () => {
    const b = graded.find((x) => x.spotChecks?.some((s) => s.value !== null && s.value < 0))!;
    const text = textOf(b.name);
    expect(text).toContain(`组织考核${b.sourceScores.组织考核!.toFixed(1)}分`);
    expect(text).toMatch(/自评(比总分[高低]\d+\.\d分|与总分基本一致)|未收到全年自评表/);
    for (const s of b.spotChecks!) expect(text).toContain(s.reason!);
    expect(text).toMatch(/减\d+分/);
    const none = graded.find((x) => !x.spotChecks)!;
    expect(textOf(none.name)).toContain('本年度没有日常抽检和专题抽检记录。');
  });

  test('待补充 pages say what is missing in the branch\'s words, never the office\'s sheets', () => {
    const incomplete = result.branches.filter((b) => b.status !== 'graded');
    expect(incomplete.length).toBeGreaterThan(0);
    for (const b of incomplete) {
      const page = pageOf(b.name);
      expect(page.status).toBe('incomplete');
      expect(textOf(b.name)).toContain('暂未评定等级和名次');
      expect(page.sections[1].items!.length).toBeGreaterThan(0);
    }
    expect(textOf('机关第二党支部')).toContain('有评分表把党支部名称写作“机关第二支部”');
    expect(textOf('化学研究室党支部')).toContain('评分表中有1处评分无法识别');
    const all = doc.pages.map((p) => textOf(p.branch)).join('\n');
    expect(all).not.toMatch(/校验问题|计算明细|[A-Z]+\d+|invalid|error/);
  });

  test('last year\'s grade and rank, and the change, when --previous matched the branch', () => {
    const [first, second] = graded;
    const previous = { year: 2025, source: 'p.json', branches: [{ name: first.name, total: 88, grade: '较好' as const, rank: first.rank! + 2 }, { name: second.name, total: null, grade: null, rank: null }] };
    const compared = { ...result, ...compareWithPrevious(result, previous), previous: { year: 2025, source: 'p.json' } };
    const withPrevious = buildFeedbackDocument(compared, '2026-12-31');
    const page = (n: string) => withPrevious.pages.find((p) => p.branch === n)!.sections[0].paragraphs.join('');
    expect(page(first.name)).toContain(`上年（2025年度）总分88.0分，等级“较好”，第${first.rank! + 2}名，名次上升2位。`);
    expect(page(second.name)).toContain('上年（2025年度）未评定等级和名次。');
    expect(page(graded[2].name)).not.toContain('上年');
  });
});

describe('missingItems', () => {
  const f = (code: string, extra: object = {}) => ({ severity: 'error', code, branch: '甲支部', message: { zh: '', en: '' }, ...extra }) as never;
  test('one line per kind of gap, indicators gathered per source', () => {
    expect(
      missingItems('甲支部', [
        f('missing-source', { source: '民主测评' }),
        f('missing-indicator', { source: '组织考核', indicator: '2.3' }),
        f('missing-indicator', { source: '组织考核', indicator: '4.1' }),
        f('invalid-rating'),
        f('invalid-rating'),
        f('too-many-forms'),
        f('invalid-rating', { branch: '乙支部' }),
      ]),
    ).toEqual([
      '民主测评的评分表（本次未收到）。',
      '民主测评表份数多于党支部党员人数，请核对是否有重复填写或多交的测评表。',
      '组织考核中第2.3、4.1项指标没有有效评分，请补填。',
      '评分表中有2处评分无法识别（空白、写法不规范或票数不是整数），请核对原始评分表。',
    ]);
  });
});
