/** @jest-environment jsdom */
/**
 * The published summary model (DESIGN "decide once, render many"): one model from the result, and the four
 * renderers — 考核汇总, the CSV export, the pane's and page's table, the command line's table — only render
 * it. On the sample, a blocked (待补充) branch shows no figure in any of them (SPEC §3), and the numbers are
 * the model's exact half-up rounding (76.55 → 76.6, never 76.5 from the binary float).
 */
import { cleanup, render } from '@testing-library/react';
import { formatSummary } from '../../../src/cli/summary';
import type { AssessmentResult, BranchResult, Lang } from '../../../src/core/types';
import { BranchTable } from '../../../src/taskpane/Results';
import { stringsFor } from '../../../src/taskpane/i18n';
import { PaneContext, type Pane } from '../../../src/taskpane/pane';
import { summaryRows } from '../../../src/workbook/csv';
import { runAssessment } from '../../../src/workbook/pipeline';
import { planSample } from '../../../src/workbook/plans';
import { planSummarySheet } from '../../../src/workbook/plans/summary';
import { buildSummary, numberCell, shownColumns } from '../../../src/workbook/plans/summary-model';
import { snapshotOfPlan } from '../../taskpane/fixtures';
import { RULESET, result as handResult } from './fixtures';

afterEach(cleanup);

function sampleResult(): AssessmentResult {
  return runAssessment(snapshotOfPlan(planSample()), { lang: 'zh', date: '2026-12-31' }).result;
}

/** The pane's table, rendered as the pane (compact) or the desktop page (wide) renders it. */
function tableRows(result: AssessmentResult, lang: Lang, full: boolean): string[][] {
  const pane = { s: stringsFor(lang), lang } as unknown as Pane;
  const { container, unmount } = render(
    <PaneContext.Provider value={pane}>
      <BranchTable result={result} full={full} />
    </PaneContext.Provider>,
  );
  const rows = Array.from(container.querySelectorAll('tr'), (tr) => Array.from(tr.children, (c) => c.textContent ?? ''));
  unmount();
  return rows;
}

/** Every figure a blocked branch has in the result (partial subtotals, source scores, adjustment), as shown with 1 or 2 decimals. */
function partialFigures(b: BranchResult): string[] {
  const nums = [...Object.values(b.categoryScores), ...Object.values(b.sourceScores), b.adjustment].filter((n): n is number => typeof n === 'number' && n !== 0);
  return nums.flatMap((n) => [numberCell(n, 1).text, numberCell(n, 2).text]);
}

describe('the summary model', () => {
  test('rounds exactly half away from zero on the decimal value, as text and as value', () => {
    // 76.55 and 94.45 are 76.5499… and 94.4500…2 as binary floats: toFixed(1) gives 76.5 and 94.5
    expect(numberCell(76.55, 1)).toEqual({ value: 76.6, text: '76.6' });
    expect(numberCell(94.45, 1)).toEqual({ value: 94.5, text: '94.5' });
    expect(numberCell(1.005, 2)).toEqual({ value: 1.01, text: '1.01' });
    expect(numberCell(-2.25, 1)).toEqual({ value: -2.3, text: '-2.3' });
    expect(numberCell(85, 1)).toEqual({ value: 85, text: '85.0' });
    expect(numberCell(null, 1)).toEqual({ value: null, text: '' });
  });

  test('a blocked branch has no figure in any cell; ranks and 并列 are decided in the model', () => {
    const model = buildSummary(handResult(), 'zh');
    const col = (id: string) => model.columns.findIndex((c) => c.id === id);
    const blocked = model.rows.find((r) => r.status !== 'graded')!;
    expect(blocked.name).toBe('基建处党支部');
    const figures = model.columns.map((c, j) => ({ c, cell: blocked.cells[j] })).filter(({ c }) => ['score', 'total', 'grade', 'rank'].includes(c.kind));
    expect(figures.length).toBe(model.columns.length - 5); // all but 序号, 所属总支, 党支部, 状态, 备注
    for (const { cell } of figures) expect(cell).toEqual({ value: null, text: '' });
    expect(blocked.blocked?.reason).toBeTruthy();
    const tied = model.rows.filter((r) => r.cells[col('rank')].tied);
    expect(tied.map((r) => r.cells[col('rank')])).toEqual([
      { value: 2, text: '2（并列）', tied: true },
      { value: 2, text: '2（并列）', tied: true },
    ]);
    expect(model.rows[0].cells[col('total')]).toEqual({ value: 92.3, text: '92.3' });
  });

  test('the total follows the ruleset’s decimals; scores keep one decimal', () => {
    const model = buildSummary(handResult({ ruleset: { ...RULESET, decimals: 2 } }), 'zh');
    expect(model.columns.find((c) => c.id === 'total')?.decimals).toBe(2);
    expect(model.rows[0].cells[model.columns.findIndex((c) => c.id === 'total')].text).toBe('92.30');
    expect(model.columns.find((c) => c.id === 'org')?.decimals).toBe(1);
  });

  test('compact ⊂ wide ⊂ full: the pane and the command line show branch, total, grade, rank and status', () => {
    const model = buildSummary(handResult(), 'en');
    expect(shownColumns(model, 'compact').map((j) => model.columns[j].label)).toEqual(['Branch', 'Total', 'Grade', 'Rank', 'Status']);
    expect(shownColumns(model, 'full')).toHaveLength(model.columns.length);
    const wide = shownColumns(model, 'wide');
    expect(wide.length).toBeGreaterThan(5);
    expect(wide.length).toBeLessThan(model.columns.length); // the category subtotals are in 考核汇总 and the CSV only
  });
});

describe('four renderers of one result (the sample, with blocked branches)', () => {
  const result = sampleResult();
  const blocked = result.branches.filter((b) => b.status !== 'graded');

  test('the sample has blocked branches whose partial figures the core kept (for 计算明细)', () => {
    expect(blocked.map((b) => b.name)).toEqual(['机关第二党支部', '化学研究室党支部']);
    expect(partialFigures(blocked[0]).length).toBeGreaterThan(0);
  });

  test.each(['zh', 'en'] as const)('no renderer shows a figure for a blocked branch (%s)', (lang) => {
    const sheet = planSummarySheet(result, lang, '考核汇总');
    const csv = summaryRows(result, lang);
    const cli = formatSummary(result, [], lang, { command: 'validate' }).split('\n');
    const pane = tableRows(result, lang, false);
    const page = tableRows(result, lang, true);

    const notes = (header: unknown[]) => header.findIndex((h) => h === (lang === 'zh' ? '备注' : 'Notes'));
    for (const b of blocked) {
      const sheetRow = sheet.values.find((r) => r.includes(b.name))!;
      const csvRow = csv.find((r) => r.includes(b.name))!;
      const cliLine = cli.find((l) => l.includes(b.name))!;
      const paneRow = pane.find((r) => r[0] === b.name)!;
      const pageRow = page.find((r) => r.includes(b.name))!;
      for (const row of [sheetRow, csvRow, cliLine, paneRow, pageRow]) expect(row).toBeDefined();

      // sheet and CSV: every cell but 序号, names, 状态 and 备注 is blank
      const sheetHeader = sheet.values[2];
      sheetRow.forEach((v, j) => {
        if (j > 2 && j < notes(sheetHeader) - 1) expect(v).toBeNull();
      });
      csvRow.forEach((v, j) => {
        if (j > 2 && j < notes(csv[0]) - 1) expect(v).toBeNull();
      });
      // the command line and the pane: no digit outside the name
      expect(cliLine.replace(b.name, '')).not.toMatch(/\d/);
      expect(paneRow.slice(1, -1).join(' ')).not.toMatch(/\d/);
      // the page: no digit in any figure column (序号 first, 备注 last)
      expect(pageRow.slice(3, -2).join(' ')).not.toMatch(/\d/);
      // and none of its partial figures anywhere, 备注 included
      const everywhere = [JSON.stringify(sheetRow), JSON.stringify(csvRow), cliLine, paneRow.join(' '), pageRow.join(' ')].join('\n');
      for (const f of partialFigures(b)) expect(everywhere).not.toContain(f);
    }
  });

  test('the four agree on every graded branch’s total, grade and rank', () => {
    const model = buildSummary(result, 'zh');
    const sheet = planSummarySheet(result, 'zh', '考核汇总');
    const csv = summaryRows(result, 'zh');
    const cli = formatSummary(result, [], 'zh', { command: 'validate' }).split('\n');
    const page = tableRows(result, 'zh', true);
    const col = (id: string) => model.columns.findIndex((c) => c.id === id);
    for (const row of model.rows.filter((r) => r.status === 'graded')) {
      const total = row.cells[col('total')];
      const rank = row.cells[col('rank')];
      expect(sheet.values.find((r) => r.includes(row.name))![col('total')]).toBe(total.value);
      expect(csv.find((r) => r.includes(row.name))![col('total')]).toBe(total.value);
      expect(cli.find((l) => l.includes(row.name))).toMatch(new RegExp(`${row.name} +${total.text.replace('.', '\\.')} +${row.grade} +${rank.text}`));
      const pageRow = page.find((r) => r.includes(row.name))!;
      expect(pageRow).toEqual(expect.arrayContaining([total.text, rank.text]));
    }
  });

  test('76.55 shows as 76.6 (exact half-up) in the page table, the sheet and the CSV, never 76.5', () => {
    const b = result.branches.find((x) => x.sourceScores.自评 === 76.55);
    expect(b).toBeDefined();
    expect((76.55).toFixed(1)).toBe('76.5'); // the binary rounding the model must not use
    const model = buildSummary(result, 'zh');
    const self = model.columns.findIndex((c) => c.id === 'self');
    const page = tableRows(result, 'zh', true);
    const header = page[0];
    const pageRow = page.find((r) => r.includes(b!.name))!;
    expect(pageRow[header.findIndex((h) => h.startsWith('自评'))]).toBe('76.6');
    expect(planSummarySheet(result, 'zh', '考核汇总').values.find((r) => r.includes(b!.name))![self]).toBe(76.6);
    expect(summaryRows(result, 'zh').find((r) => r.includes(b!.name))![self]).toBe(76.6);
  });
});
