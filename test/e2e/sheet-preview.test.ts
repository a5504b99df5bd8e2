/**
 * The standalone page's sheet preview (issue 23): around a cell far down and right (民主测评!J102 in the
 * sample, the rating "优良"), the sheet's header row and the branch column stay in view with the cell —
 * frozen like Excel's 冻结窗格 — and the cell is not hidden under them.
 */
import type { Page } from 'playwright-core';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { FIX } from './clerk-loop';
import { gradeAndWait, openPane, screenshot, useSuite } from './support';

const zh = stringsFor('zh');
const suite = useSuite('web.html');

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangles the test needs, and which element the browser shows at the highlighted cell's centre. */
async function measure(page: Page): Promise<{ view: Box; hit: Box; header: Box; branch: Box; headerText: string; branchText: string; atCentre: string | null }> {
  return page.evaluate((cell) => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
    };
    const scroll = document.querySelector('[data-testid="sheet-preview-scroll"]')!;
    const hit = scroll.querySelector('[data-selected-cell]')!;
    const col = cell.replace(/\d+$/, '');
    const row = cell.replace(/^[A-Z]+/, '');
    // The sheet's header row cell above the highlighted one, and the branch (column A) of its row.
    const header = scroll.querySelector(`[data-testid="preview-header-row"] [data-cell^="${col}"]`)!;
    const branch = scroll.querySelector(`[data-cell="A${row}"]`)!;
    // The client area of the scroller (without its border and scroll bars).
    const r = scroll.getBoundingClientRect();
    const view = { top: r.top + scroll.clientTop, left: r.left + scroll.clientLeft, bottom: r.top + scroll.clientTop + scroll.clientHeight, right: r.left + scroll.clientLeft + scroll.clientWidth };
    const h = hit.getBoundingClientRect();
    const top = document.elementFromPoint(h.left + h.width / 2, h.top + h.height / 2);
    return {
      view,
      hit: box(hit),
      header: box(header),
      branch: box(branch),
      headerText: header.textContent ?? '',
      branchText: branch.textContent ?? '',
      atCentre: top?.closest('[data-cell]')?.getAttribute('data-cell') ?? null,
    };
  }, FIX.cell);
}

/** Wholly inside the viewport (a pixel of rounding allowed). */
function inside(b: Box, view: Box): boolean {
  return b.top >= view.top - 1 && b.left >= view.left - 1 && b.bottom <= view.bottom + 1 && b.right <= view.right + 1;
}

test.each([1280, 1024])('at %i px the preview keeps the header row and the branch column in view around 民主测评!J102', async (width) => {
  suite.pane = await openPane(suite.browser, { width });
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html`);
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByTestId('notice').getByText(zh.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, zh, suite.sample.report.branches.length);
  await page.getByRole('tab', { name: zh.tabs.checks }).click();
  // The sample's wrong rating: the finding whose place is 民主测评!J102.
  const finding = page.locator('button[data-testid="finding"]').filter({ has: page.getByTestId('finding-place').filter({ hasText: FIX.cell }) });
  await finding.first().click();
  await page.locator(`[data-testid="sheet-preview-scroll"] [data-selected-cell][data-cell="${FIX.cell}"]`).waitFor();

  const m = await measure(page);
  // What the frozen parts say: the indicator of column J (row 2 of 民主测评) and the branch of row 102.
  const expected = suite.sample.report.issues.find((i) => i.sheet === FIX.sheet && i.cell === FIX.cell);
  expect(expected).toBeDefined();
  expect(m.headerText).toMatch(/^2\.2 /);
  expect(m.branchText).toBe(expected!.branch);
  // All three wholly visible together, and the cell not covered by the frozen row or column.
  expect({ hit: inside(m.hit, m.view), header: inside(m.header, m.view), branch: inside(m.branch, m.view) }).toEqual({ hit: true, header: true, branch: true });
  expect(m.atCentre).toBe(FIX.cell);
  await screenshot(page, `65-web-${width}px-sheet-preview-frozen`);
  // The frozen corner (the header row's branch label) stays put when the clerk scrolls the grid on.
  const corner = () =>
    page.evaluate(() => {
      const scroll = document.querySelector('[data-testid="sheet-preview-scroll"]')!;
      const r = scroll.getBoundingClientRect();
      const a = scroll.querySelector('[data-testid="preview-header-row"] [data-cell^="A"]')!.getBoundingClientRect();
      return { top: Math.round(a.top - r.top), left: Math.round(a.left - r.left) };
    });
  const still = await corner();
  await page.getByTestId('sheet-preview-scroll').evaluate((el) => {
    el.scrollLeft += 300;
    el.scrollTop += 120;
  });
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="sheet-preview-scroll"]')!;
    return el.scrollLeft > 0 && el.scrollTop > 0;
  });
  expect(await corner()).toEqual(still);
  expect(problems).toEqual([]);
});
