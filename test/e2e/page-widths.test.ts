/**
 * Branch names and English punctuation at every width the page and the pane are used at (issue 23):
 * no sideways scroll, and no branch name split across lines ("机关第二党" / "支部") — counted as the line
 * boxes of the name's text (Range.getClientRects). In English, the apostrophe and quotes are set narrow
 * (a Latin glyph), not full-width from the CJK font ("branch’ s").
 */
import type { Page } from 'playwright-core';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor } from '../../src/taskpane/i18n';
import { gradeAndWait, openPane, screenshot, seedsFromXlsx, useSuite } from './support';

const suite = useSuite('web.html', 'taskpane-e2e.html');

/** How far the page scrolls sideways (0 when it fits). */
const sideways = (page: Page) => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

/** How far the branch table is wider than its wrapper (it scrolls inside it then, hiding its last column). */
const tableOverflow = (page: Page) => page.getByTestId('branch-table').evaluate((t) => Math.max(0, t.scrollWidth - t.parentElement!.clientWidth));

/** Each branch name in the table with the number of lines its text takes. */
function nameLines(page: Page): Promise<[string, number][]> {
  return page.getByTestId('branch-table').evaluate((table) =>
    Array.from(table.querySelectorAll('[data-testid="branch-row"] th[scope="row"] [data-wb]')).map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // One rectangle per line box (rectangles on the same line share their top).
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return [el.textContent ?? '', tops.size] as [string, number];
    }),
  );
}

async function openGraded(page: Page, lang: 'zh' | 'en', kind: 'web' | 'pane'): Promise<void> {
  const s = stringsFor(lang);
  if (kind === 'web') {
    await page.goto(`${suite.server.url}web.html?lang=${lang}`);
    await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
    await page.getByTestId('notice').getByText(s.openedFile('sample.xlsx')).waitFor();
  } else {
    await page.goto(`${suite.server.url}taskpane-e2e.html?lang=${lang}`);
    await page.getByRole('button', { name: s.gradeButton, exact: true }).waitFor();
    await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(suite.sample.bytes));
  }
  await gradeAndWait(page, s, suite.sample.report.branches.length);
}

const CASES: [kind: 'web' | 'pane', width: number, lang: 'zh' | 'en'][] = [
  ['web', 320, 'zh'],
  ['web', 360, 'zh'],
  ['web', 1024, 'zh'],
  ['web', 1160, 'zh'],
  ['web', 1280, 'zh'],
  ['web', 320, 'en'],
  ['web', 360, 'en'],
  ['web', 1280, 'en'],
  ['pane', 320, 'zh'],
  ['pane', 320, 'en'],
];

test.each(CASES)('%s at %i px (%s): no sideways scroll, every branch name on one line', async (kind, width, lang) => {
  suite.pane = await openPane(suite.browser, { width });
  const { page, problems } = suite.pane;
  await openGraded(page, lang, kind);
  const names = await nameLines(page);
  expect(names.map(([n]) => n)).toEqual(suite.sample.report.branches.map((b) => b.name));
  expect(names.filter(([, lines]) => lines !== 1)).toEqual([]);
  expect(await tableOverflow(page)).toBe(0);
  expect(await sideways(page)).toBe(0);
  await screenshot(page, `68-${kind}-${width}px-${lang}-branch-names`);
  expect(problems).toEqual([]);
});

/** The width of the first occurrence of `ch` in the element's text, and the element's font size. */
function glyphWidth(page: Page, selector: string, ch: string): Promise<{ width: number; fontSize: number }> {
  return page.locator(selector).first().evaluate((el, c) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf(c);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + c.length);
      return { width: range.getBoundingClientRect().width, fontSize: parseFloat(getComputedStyle(n.parentElement!).fontSize) };
    }
    throw new Error(`no ${c} in ${el.textContent}`);
  }, ch);
}

test.each([320, 1280])('English at %i px: the apostrophe and quotes are narrow Latin glyphs, the page still fits', async (width) => {
  const en = stringsFor('en');
  suite.pane = await openPane(suite.browser, { width, locale: 'en-US' });
  const { page, problems } = suite.pane;
  await page.goto(`${suite.server.url}web.html?lang=en`);
  const firstRun = page.getByTestId('first-run');
  await firstRun.waitFor();
  // "…each branch’s total…" and "Click “Calculate grades”" in the first-run steps.
  expect(await firstRun.innerText()).toContain('branch’s');
  const apostrophe = await glyphWidth(page, '[data-testid="first-run"]', '’');
  const quote = await glyphWidth(page, '[data-testid="first-run"]', '“');
  // A CJK font sets them one em wide; a Latin font about a quarter to a half of that.
  expect(apostrophe.width).toBeGreaterThan(0);
  expect(apostrophe.width / apostrophe.fontSize).toBeLessThan(0.5);
  expect(quote.width / quote.fontSize).toBeLessThan(0.6);
  expect(await sideways(page)).toBe(0);
  // And with the sample graded: the English table fits too.
  await page.getByTestId('file-input').setInputFiles({ name: 'sample.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(suite.sample.bytes) });
  await page.getByTestId('notice').getByText(en.openedFile('sample.xlsx')).waitFor();
  await gradeAndWait(page, en, suite.sample.report.branches.length);
  expect(await sideways(page)).toBe(0);
  expect(await tableOverflow(page)).toBe(0);
  await screenshot(page, `69-web-${width}px-en-punctuation`);
  expect(problems).toEqual([]);
});
