/**
 * TEST-ONLY entry (webpack builds it only with E2E=1): the real task pane, wired exactly as index.tsx
 * wires it inside Office (officeAppHost → ExcelHost), but on the strict in-memory stand-in for Excel
 * instead of Office.js. Browser tests (test/e2e) put workbook content into the stand-in and inspect it
 * afterwards through `window.__e2e`.
 *
 *   taskpane-e2e.html?lang=en     English (default: the browser's language, like the standalone page)
 *   taskpane-e2e.html?api=1.9     an older ExcelApi
 */
import { createFakeExcel, rectA1, type SheetSeed } from '../../../test/support/fake-excel';
import { cellOf, parseA1, parseInput, usedRect } from '../../../test/support/fake-excel/model';
import { officeAppHost } from '../app-host';
import { langFromPage } from '../i18n';
import { appContainer, mountApp } from '../mount';
import { themeFromPage } from '../theme';

/** One sheet for the stand-in, as test/e2e sends it (plain JSON). */
export interface E2eSheet {
  name: string;
  seed: SheetSeed;
}

/** What the browser tests may call on the page. */
export interface E2eApi {
  /** add sheets to the (empty) stand-in workbook */
  seed(sheets: E2eSheet[]): void;
  sheetNames(): string[];
  /** values of a rectangle, null for empty cells */
  grid(sheet: string, range: string): unknown[][];
  /** the whole used area of a sheet, from A1 */
  usedValues(sheet: string): unknown[][];
  /** what Range.select() last selected */
  selection(): { sheet: string | undefined; address: string } | null;
  activeSheet(): string | undefined;
  syncCount(): number;
  runCount(): number;
  resetStats(): void;
  /** type into a cell, as the clerk would in Excel (text, number, or "=formula") */
  setCell(sheet: string, address: string, input: string | number): void;
  /** the clerk is still typing in a cell (true) or has pressed Enter (false): Excel's cell-edit mode */
  editingCell(on: boolean): void;
  /** batches Excel holds until the edit ends (Windows and Mac; the web refuses them instead) */
  waitingForCellEdit(): number;
}

declare global {
  interface Window {
    __e2e?: E2eApi;
    __legacyHost?: boolean;
  }
}

const params = new URLSearchParams(location.search);
// ?platform=windows|mac|web (default web): what Office.context.diagnostics.platform reports
const platformParam = params.get('platform');
const platform = platformParam === 'windows' || platformParam === 'mac' ? platformParam : 'web';
const fake = createFakeExcel({ apiVersion: params.get('api') ?? '1.17', platform });

// Office.js's global as the host's requirement checks read it (Office.context.requirements.isSetSupported).
(window as unknown as { Office: unknown }).Office = fake.office;

window.__e2e = {
  seed(sheets) {
    for (const s of sheets) fake.seed(s.name, s.seed);
  },
  sheetNames: () => fake.sheetNames(),
  grid: (sheet, range) => fake.grid(sheet, range),
  usedValues(sheet) {
    const used = usedRect(fake.sheet(sheet), true);
    return used ? fake.grid(sheet, rectA1({ r0: 0, c0: 0, r1: used.r1, c1: used.c1 })) : [];
  },
  selection() {
    const sel = fake.model.selection;
    if (!sel) return null;
    return { sheet: fake.model.sheets.find((s) => s.id === sel.sheetId)?.name, address: sel.address };
  },
  activeSheet: () => fake.activeSheet(),
  syncCount: () => fake.syncCount,
  runCount: () => fake.runs.length,
  resetStats: () => fake.resetStats(),
  setCell(sheet, address, input) {
    const { r0, c0 } = parseA1(address);
    Object.assign(cellOf(fake.sheet(sheet), r0, c0, true), parseInput(input));
  },
  editingCell(on) {
    if (on) fake.cellEditMode = true;
    else fake.endCellEdit();
  },
  waitingForCellEdit: () => fake.waitingForCellEdit,
};

if (window.__legacyHost !== true) {
  mountApp(
    appContainer(document),
    officeAppHost(fake.excel, fake.office as unknown as typeof Office),
    langFromPage(location.search, navigator.language),
    themeFromPage(window),
  );
}
