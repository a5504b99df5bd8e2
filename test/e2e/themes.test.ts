/**
 * Every state a clerk passes through, on both pages (the task pane on the stand-in Excel, the standalone
 * page), in English and Chinese, light and dark, at 320 px and 1280 px: a screenshot per state and
 * axe-core (no serious or critical violation) on each, with the behaviour each state promises:
 * action buttons in the notice, rarely used actions in one menu, the clicked finding marked (its cell selected in Excel, or highlighted in
 * the workbench's sheet preview), an invalid setting said under its field and not written, the next run
 * replacing the last one's status, the export choices and the printable notification.
 * And a failed re-grade (an invalid setting in the workbook) leaves no notice of the run before it.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { XLSX_MIME } from '../../src/taskpane/host-util';
import { stringsFor, type Strings } from '../../src/taskpane/i18n';
import { YEAR_RANGE } from '../../src/workbook/plans/export';
import { expectNotificationPrintsAlone, gradeAndWait, gradeNoticeText, openPane, recordMetrics, screenshot, seedsFromXlsx, seriousAxeViolations, useSuite, type AxeViolation } from './support';

jest.setTimeout(240_000);

const suite = useSuite('web.html', 'taskpane-e2e.html');

type PageKind = 'web' | 'pane';
type Lang = 'zh' | 'en';
type Theme = 'light' | 'dark';

/** The runs the light Chinese standalone page (workbench.test.ts) does not already make. */
const RUNS: [PageKind, Lang, Theme, number][] = [];
for (const width of [320, 1280]) {
  for (const [kind, lang, theme] of [
    ['web', 'en', 'light'],
    ['web', 'zh', 'dark'],
    ['web', 'en', 'dark'],
    ['pane', 'zh', 'light'],
    ['pane', 'en', 'light'],
    ['pane', 'zh', 'dark'],
    ['pane', 'en', 'dark'],
  ] as [PageKind, Lang, Theme][]) {
    RUNS.push([kind, lang, theme, width]);
  }
}

let axeRuns = 0;
let shots = 0;
afterAll(async () => {
  await recordMetrics({ themes: { axeRuns, screenshots: shots } });
});

/** A screenshot of the state and axe on it; the violations, if any, are returned for one failing assertion. */
async function checkState(page: Page, name: string): Promise<AxeViolation[]> {
  await screenshot(page, name);
  shots++;
  axeRuns++;
  return seriousAxeViolations(page);
}

/**
 * How many export buttons are drawn as the primary action: filled in the theme's brand colour (Fluent's
 * production class names do not say the appearance).
 */
function primaryExportButtons(page: Page): Promise<number> {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll<HTMLElement>('[data-export] button')];
    if (buttons.length === 0) return 0;
    const probe = document.createElement('span');
    probe.style.backgroundColor = 'var(--colorBrandBackground)';
    buttons[0].parentElement!.appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return buttons.filter((b) => getComputedStyle(b).backgroundColor === brand).length;
  });
}

async function open(kind: PageKind, lang: Lang, page: Page, s: Strings): Promise<void> {
  if (kind === 'web') {
    await page.goto(`${suite.server.url}web.html?lang=${lang}`);
    await page.getByTestId('first-run').waitFor();
  } else {
    await page.goto(`${suite.server.url}taskpane-e2e.html?lang=${lang}`);
    await page.getByRole('button', { name: s.gradeButton, exact: true }).waitFor();
  }
}

async function load(kind: PageKind, page: Page, s: Strings, bytes: Uint8Array, name = 'sample.xlsx'): Promise<void> {
  if (kind === 'web') {
    await page.getByTestId('file-input').setInputFiles({ name, mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
    await page.getByText(s.openedFile(name)).waitFor();
  } else {
    await page.evaluate((sheets) => window.__e2e!.seed(sheets), await seedsFromXlsx(bytes));
  }
}

test.each(RUNS)('%s in %s, %s theme, at %i px: every state screenshotted, axe clean, behaviour as promised', async (kind, lang, theme, width) => {
  const s = stringsFor(lang);
  suite.pane = await openPane(suite.browser, { width, colorScheme: theme, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  const { page, problems } = suite.pane;
  const name = (state: string) => `70-${kind}-${lang}-${theme}-${width}px-${state}`;
  const report = suite.sample.report;
  const violations: Record<string, AxeViolation[]> = {};
  const check = async (state: string) => {
    const v = await checkState(page, name(state));
    if (v.length) violations[state] = v;
  };

  await open(kind, lang, page, s);
  // The page follows the theme asked for.
  expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe(theme);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  await check('1-start');

  await load(kind, page, s, suite.sample.bytes);
  await gradeAndWait(page, s, report.branches.length);
  // One status area for the latest run; it offers the way on (the sample has findings to look at).
  const notice = page.getByTestId('notice');
  expect(await notice.count()).toBe(1);
  expect(report.issues.some((i) => i.severity !== 'info')).toBe(true);
  expect(await notice.getByRole('button').count()).toBeGreaterThan(0);
  // Four tabs at most (Office's task-pane guidance), numbers right-aligned, 待补充 rows saying why.
  expect(await page.getByRole('tab').count()).toBeLessThanOrEqual(4);
  const numbers = await page.locator('[data-testid="branch-row"] td[data-num]').evaluateAll((tds) => [...new Set(tds.map((td) => getComputedStyle(td).textAlign))]);
  expect(numbers.every((a) => a === 'end' || a === 'right')).toBe(true);
  // Colour and type (issue 12, item 10 and 9): each grade bar and the bar track's outline stand out at
  // least 3:1 from the track they sit in (WCAG 1.4.11, graphics), a badge's text 4.5:1 from its colour,
  // and the table's Chinese is not set below 14 px.
  const looks = await page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
      return (x + 0.05) / (y + 0.05);
    };
    const bars = [...document.querySelectorAll<HTMLElement>('[data-testid^="bar-"]')];
    const trackBg = (el: HTMLElement) => getComputedStyle(el.parentElement!).backgroundColor;
    const badges = [...document.querySelectorAll<HTMLElement>('[data-grade]')];
    const cells = [...document.querySelectorAll<HTMLElement>('[data-testid="branch-row"] td')];
    return {
      bars: bars.map((b) => ratio(getComputedStyle(b).backgroundColor, trackBg(b))),
      tracks: bars.map((b) => ratio(getComputedStyle(b.parentElement!).borderTopColor, trackBg(b))),
      badges: badges.map((b) => ratio(getComputedStyle(b).color, getComputedStyle(b).backgroundColor)),
      smallestCell: Math.min(...cells.map((td) => parseFloat(getComputedStyle(td).fontSize))),
    };
  });
  // The four grades and 待补充 (the sample has two branches without a grade).
  expect(looks.bars.length).toBe(5);
  for (const r of [...looks.bars, ...looks.tracks]) expect(r).toBeGreaterThanOrEqual(3);
  expect(looks.badges.length).toBeGreaterThan(0);
  for (const r of looks.badges) expect(r).toBeGreaterThanOrEqual(4.5);
  expect(looks.smallestCell).toBeGreaterThanOrEqual(14);
  const pending = report.branches.filter((b) => b.status === 'incomplete').length;
  expect(pending).toBeGreaterThan(0);
  const pendingRows = page.locator('[data-testid="branch-row"]', { hasText: s.statusIncomplete });
  expect(await pendingRows.count()).toBe(pending);
  for (let i = 0; i < pending; i++) expect((await pendingRows.nth(i).innerText()).replace(s.statusIncomplete, '').replace(/[\s—]/g, '').length).toBeGreaterThan(0);
  await check('2-graded');

  // A finding with a cell: marked when clicked, and its cell shown.
  await page.getByRole('tab', { name: s.tabs.checks }).click();
  const finding = page.locator('button[data-testid="finding"]').first();
  await finding.click();
  expect(await finding.getAttribute('aria-current')).toBe('true');
  const place = await finding.getByTestId('finding-place').innerText();
  if (kind === 'pane') {
    // In Excel the cell itself is selected.
    await page.waitForFunction(() => window.__e2e!.selection() !== null);
    const sel = await page.evaluate(() => window.__e2e!.selection());
    expect(place).toContain(sel!.address);
  } else if (width >= 1024) {
    // The workbench previews the sheet with that cell highlighted.
    const cell = page.locator('[data-selected-cell]');
    await cell.waitFor();
    expect(place).toContain(await cell.getAttribute('data-cell'));
    expect(await cell.isVisible()).toBe(true);
  } else {
    expect(await page.getByTestId('selected-address').innerText()).toBe(place);
  }
  if (lang === 'zh') {
    // The place in words (工作表「组织考核」A7), the text in Chinese quotes only.
    expect(place).toMatch(/^工作表「[^」]+」[A-Z]+\d+$/);
    expect(await finding.innerText()).not.toContain('"');
  }
  await check('3-finding-selected');

  if (kind === 'pane') {
    // Rarely used actions sit in one menu; the one that changes the workbook says so before it is chosen.
    await page.getByRole('button', { name: s.moreActions }).click();
    const addDropDowns = page.getByRole('menuitem', { name: s.addDropDowns });
    await addDropDowns.waitFor();
    expect(await addDropDowns.innerText()).toContain(s.addDropDownsHint);
    await check('3b-more-actions');
    await page.keyboard.press('Escape');
    await addDropDowns.waitFor({ state: 'detached' });
  }

  // An invalid setting: said under its field, nothing written to the workbook, no re-grade.
  const settingsBefore = kind === 'pane' ? await page.evaluate(() => window.__e2e!.usedValues('考核参数')) : null;
  const runsBefore = kind === 'pane' ? await page.evaluate(() => window.__e2e!.runCount()) : 0;
  await page.getByRole('tab', { name: s.tabs.settings }).click();
  // Choices are drop-downs, numbers are number fields, one button saves and grades.
  await page.getByRole('combobox', { name: s.settingKeys.排名方式 }).waitFor();
  expect(await page.getByRole('combobox', { name: s.settingKeys.空白评分 }).count()).toBe(1);
  expect(await page.getByRole('button', { name: s.saveAndGrade }).count()).toBe(1);
  const coefficient = page.getByRole('spinbutton', { name: s.settingKeys.较好系数 });
  await coefficient.fill('1.5');
  await page.getByRole('button', { name: s.saveAndGrade }).click();
  await page.getByText(s.settingsInvalid(1)).waitFor();
  expect(await coefficient.getAttribute('aria-invalid')).toBe('true');
  if (kind === 'pane') {
    expect(await page.evaluate(() => window.__e2e!.usedValues('考核参数'))).toEqual(settingsBefore);
    expect(await page.evaluate(() => window.__e2e!.runCount())).toBe(runsBefore);
  }
  await check('4-setting-invalid');

  // The next run replaces that status: no stale message beside the new one.
  await page.getByRole('tab', { name: s.tabs.grade }).click();
  await gradeAndWait(page, s, report.branches.length);
  expect(await page.getByText(s.settingsInvalid(1)).count()).toBe(0);
  expect(await page.getByTestId('notice').count()).toBe(1);

  // Export: a line under each choice saying what it makes; one primary action.
  await page.getByRole('tab', { name: s.tabs.export }).click();
  const choices = page.locator('[data-export]');
  await choices.first().waitFor();
  const count = await choices.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) expect((await choices.nth(i).locator('span').first().innerText()).trim()).not.toBe('');
  expect(await primaryExportButtons(page)).toBe(1);
  // A bad year says why under its field (and the choices that need it say so too).
  const year = page.getByRole('spinbutton', { name: s.yearLabel });
  const yearWas = await year.inputValue();
  await year.fill('19');
  await page.getByText(s.yearInvalid(YEAR_RANGE.min, YEAR_RANGE.max)).first().waitFor();
  expect(await year.getAttribute('aria-invalid')).toBe('true');
  await check('5-export-bad-year');
  await year.fill(yearWas);
  await page.getByText(s.yearInvalid(YEAR_RANGE.min, YEAR_RANGE.max)).first().waitFor({ state: 'detached' });
  if (kind === 'web' && width >= 1024) {
    // The notification preview prints alone, on A4.
    await page.getByTestId('notification-preview').waitFor();
    await expectNotificationPrintsAlone(page);
  }
  await check('6-export');

  expect(violations).toEqual({});
  expect(problems).toEqual([]);
});

/** The sample with 较好系数 made unreadable ("abc") in its 考核参数 sheet, as a clerk might type it. */
async function withBadSetting(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('考核参数');
  if (!ws) throw new Error('the sample has no 考核参数 sheet');
  let found = false;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value).trim() === '较好系数') {
      row.getCell(2).value = 'abc';
      found = true;
    }
  });
  if (!found) throw new Error('no 较好系数 row in 考核参数');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test.each([320, 1280])('standalone page at %i px: a failed re-grade leaves no notice of the run before it, and says the way out', async (width) => {
  const s = stringsFor('zh');
  suite.pane = await openPane(suite.browser, { width });
  const { page, problems } = suite.pane;
  const name = (state: string) => `71-web-stale-${width}px-${state}`;
  await open('web', 'zh', page, s);
  await load('web', page, s, suite.sample.bytes);
  await gradeAndWait(page, s, suite.sample.report.branches.length);
  await page.getByText(gradeNoticeText(suite.sample.report, s, true)).waitFor();

  // A download from 导出 puts "已下载" in the status area.
  await page.getByRole('tab', { name: s.tabs.export }).click();
  const download = page.waitForEvent('download');
  await page.locator('[data-export="graded"] button').click();
  const file = await download;
  await page.getByText(s.downloaded(file.suggestedFilename())).waitFor();
  await screenshot(page, name('1-downloaded'));

  // The workbook now has 较好系数 = abc: grading again fails, for every branch.
  await load('web', page, s, await withBadSetting(suite.sample.bytes), 'sample-bad.xlsx');
  await page.getByRole('tab', { name: s.tabs.grade }).click();
  await page.getByRole('button', { name: s.gradeButton, exact: true }).click();
  const notice = page.getByTestId('notice');
  // One notice, of this run: an error naming the setting, with the way to it.
  await notice.getByRole('button', { name: s.actionFixSettings }).waitFor({ timeout: 15_000 }).catch(async () => {
    throw new Error(`the notice says: ${await notice.innerText()}`);
  });
  expect(await notice.count()).toBe(1);
  expect(await notice.innerText()).toContain('较好系数');
  expect(await page.getByText(s.downloaded(file.suggestedFilename())).count()).toBe(0);
  // Nothing of the first run's message is left anywhere on the page.
  const before = gradeNoticeText(suite.sample.report, s, true);
  expect(await page.locator('main').innerText()).not.toContain(before);
  await screenshot(page, name('2-failed'));
  expect(await seriousAxeViolations(page)).toEqual([]);

  // 导出 says to grade first, with no "已下载" from before.
  await page.getByRole('tab', { name: s.tabs.export }).click();
  await page.getByText(s.fatalTitle).or(page.getByText(s.needGradeFirst)).first().waitFor();
  expect(await page.getByText(s.downloaded(file.suggestedFilename())).count()).toBe(0);
  await screenshot(page, name('3-export-after-failure'));

  // The action in the message leads to the setting.
  await page.getByRole('tab', { name: s.tabs.grade }).click();
  await notice.getByRole('button', { name: s.actionFixSettings }).click();
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: s.tabs.settings }).waitFor();
  await screenshot(page, name('4-settings'));
  expect(problems).toEqual([]);
});

/** A workbook with no rating sheet: a roster somebody kept, nothing the recogniser can grade. */
async function rosterOnly(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '所在党支部']);
  ws.addRow(['张三', '机关第一党支部']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const NO_FORMS: [PageKind, number][] = [['web', 320], ['web', 1280], ['pane', 320], ['pane', 1280]];

test.each(NO_FORMS)('%s at %i px: no rating sheet — the notice says so and its button is the next step', async (kind, width) => {
  const s = stringsFor('zh');
  suite.pane = await openPane(suite.browser, { width });
  const { page, problems } = suite.pane;
  const name = (state: string) => `72-${kind}-no-forms-${width}px-${state}`;
  await open(kind, 'zh', page, s);
  await load(kind, page, s, await rosterOnly(), 'roster.xlsx');
  await page.getByRole('button', { name: s.gradeButton, exact: true }).click();
  const notice = page.getByTestId('notice');
  await notice.getByText(s.nothingRecognised).waitFor();
  const next = notice.getByRole('button', { name: kind === 'web' ? s.actionDownloadTemplate : s.actionAddSheets });
  expect(await next.count()).toBe(1);
  await screenshot(page, name('1-nothing-recognised'));
  expect(await seriousAxeViolations(page)).toEqual([]);

  if (kind === 'web') {
    // The blank template downloads, named for its year.
    const download = page.waitForEvent('download');
    await next.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^\d{4}年度党支部考核\.xlsx$/);
  } else {
    // The standard sheets are added to the workbook, and the notice says which.
    await next.click();
    await notice.getByText(/^已添加：/).waitFor();
    const added = (await notice.innerText()).match(/已添加：(.+)/)![1].split('、').map((n) => n.trim());
    expect(added).toEqual(expect.arrayContaining(['民主测评', '组织考核']));
    for (const sheet of added) expect((await page.evaluate((n) => window.__e2e!.usedValues(n), sheet)).length).toBeGreaterThan(0);
  }
  await screenshot(page, name('2-next-step-taken'));
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('axe here does flag a heading skipped and a label unlike its text (guards the guard)', async () => {
  suite.pane = await openPane(suite.browser, { width: 320 });
  const { page } = suite.pane;
  await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>A</h1><h3>B</h3><button aria-label="Close">Open the workbook</button></main></body></html>');
  const ids = (await seriousAxeViolations(page)).map((v) => v.id).sort();
  expect(ids).toEqual(['heading-order', 'label-content-name-mismatch']);
});
