/**
 * Inside "Excel": a graded workbook's 考核结果通报 in a printed notice's faces (Range.format.font.name),
 * 计算明细's figures in their number formats (one 1×1 format per column range, applied to every cell).
 */
import { ExcelHost } from '../../../src/hosts/excel';
import { runAssessment } from '../../../src/workbook/pipeline';
import type { FakeValue } from '../../support/fake-excel';
import { createFakeExcel, seedAssessmentWorkbook } from '../../support/fake-excel';

function find(grid: FakeValue[][], text: string): { r: number; c: number } {
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].indexOf(text);
    if (c >= 0) return { r, c };
  }
  throw new Error(`${text} not found`);
}

const A1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

test('考核结果通报 and 计算明细 as Excel shows them', async () => {
  const fake = createFakeExcel();
  seedAssessmentWorkbook(fake, 3, 5);
  const host = new ExcelHost(fake.excel, { isSetSupported: fake.isSetSupported });
  const outcome = runAssessment(await host.readSnapshot(), { lang: 'zh', date: '2026-12-31' });
  await host.applyPlan(outcome.plan);

  const notice = fake.grid('考核结果通报', 'A1:E30');
  expect(String(notice[0][0])).toMatch(/^关于.*党支部工作目标管理考核结果的通报$/);
  expect(fake.cell('考核结果通报', 'A1')?.font).toMatchObject({ name: '宋体', bold: true });
  const h = find(notice, '名次');
  expect(fake.cell('考核结果通报', A1(h.r, 1))?.font?.name).toBe('黑体');
  expect(fake.cell('考核结果通报', A1(h.r + 1, 1))?.font?.name).toBe('仿宋');
  expect(fake.cell('考核结果通报', 'A2')?.font?.name).toBe('仿宋');

  const details = fake.grid('计算明细', 'A1:O400');
  const first = find(details, '分值').r + 2;
  const fmt = (r: number, c: number) => ({ v: details[r][c], f: fake.cell('计算明细', A1(r, c))?.numberFormat });
  expect(fmt(first, 3).f).toBe('0');
  expect(fmt(first, 4)).toEqual({ v: 1, f: '0' });
  expect(fmt(first, 5).f).toBe('0.00##');
  expect(typeof fmt(first, 5).v).toBe('number');
  expect(fmt(first, 12).f).toBe('0.00##');
  const total = details.findIndex((row, r) => r >= first && row[2] === '合计');
  expect(total).toBeGreaterThan(first);
  expect(fmt(total, 14)).toEqual({ v: outcome.result.branches[0].total, f: '0.0' });
});
