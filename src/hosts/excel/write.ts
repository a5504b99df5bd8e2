/**
 * WorkbookPlan → Office.js, in one sync for a normal workbook.
 *
 * Order inside the batch matters, because Excel runs a batch's statements in order and stops at the first
 * failure without undoing the earlier ones:
 *   1. existence checks of the sheets to replace or fill (a sheet deleted meanwhile fails here, before any write);
 *   2. every new sheet is built completely under a temporary name (values first, then formats, merges,
 *      widths, links, validations, marker);
 *   3. fills into the user's own sheets (values only);
 *   4. only then do the results go into place. A product sheet being replaced is rewritten in place:
 *      cleared and filled from the finished temporary sheet by one Range.copyFrom (ExcelApi 1.9), then the
 *      temporary sheet is deleted. The sheet object stays, so the user's formulas, names and charts that
 *      refer to it keep working (deleting a sheet would turn them into #REF!, and a new sheet of the same
 *      name does not repair them). Before 1.9 (retail Excel 2019 is ExcelApi 1.8: no Range.copyFrom) the
 *      sheet is still never deleted: it is cleared (Range.clear, ExcelApi 1.1) and the plan is written
 *      straight into it, with no temporary copy. New sheets are renamed from their temporary name.
 *   5. last, best effort: freeze panes, print setup and tab colour (`cosmetics`). Excel may refuse them
 *      (freezeRows throws GeneralException on some Excel 2019 builds, office-js #2196; fit-to-page can be
 *      ignored, #1860); by then every result is in, and the host reports what could not be applied.
 * So a failure in 1–2 leaves the workbook as it was (the caller deletes leftover temporary sheets); a
 * failure in 3–4 leaves what already ran. To say which, each milestone (all built, a sheet filled, a sheet
 * cleared, rewritten, renamed, added, all results in) adds a workbook name right after its statements,
 * in the same request: Excel runs a request's statements in order and stops at the first failure, so the
 * names present after a failure tell exactly how far the write got (progress.ts words it for the user).
 * The names are deleted at the end of the last request, or by the caller after a failure.
 *
 * The statements are first listed with their size, then packed into requests under the payload bound; a
 * normal workbook gives one request, hence one sync. Formats are split like values, so that no single
 * statement covers more than the cell bound.
 */
import { markerName } from '../../workbook/host';
import type { CellStyle, FillPlan, SheetPlan, StyleRange, WorkbookPlan } from '../../workbook/plan';
import { dropDownAlert } from '../../workbook/plans/sheet';
import { address, parseRange } from '../../workbook/snapshot';
import { jsonBytes, quoteSheet, toExcelInput, widthToPoints } from './cells';
import type { Bounds, Features } from './options';

/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;

/**
 * What office.js puts on the wire, measured through its own serializer (test/support/office-js): a
 * `getRange(…)` object costs its object path, an Instantiate and a _KeepReference action (about 280 bytes
 * with the address); each navigation object on it (format, font, fill, one border) a path and an
 * Instantiate (about 135); each property set or method call about 125 plus its JSON value. Rounded up,
 * so that the estimate stays above what is sent, by at most half (asserted request by request at 10, 100,
 * 1,000 and 5,000 branches: test/support/office-js/estimate.ts).
 */
const RANGE_BYTES = 320;
const NAV_BYTES = 150;
const SET_BYTES = 140;
/** A statement with its own range and one navigation object (for the few statements not costed in parts) */
const STATEMENT_BYTES = RANGE_BYTES + NAV_BYTES + SET_BYTES;
/**
 * office.js writes a `values` grid of more than 1,500 cells as chunks of 1,500, each a
 * getRow(i).getBoundingRect(getRow(j)) object and its set (setRangePropertiesInBulk): measured 900–1,000
 * bytes a chunk with its paths (40,000 rows × 15 columns: 401 chunks, 363 KB besides the values); at 800
 * the 5,000-branch write went 34 KB past its estimate (test/support/office-js/estimate.ts).
 */
const VALUES_CHUNK_CELLS = 1500;
const VALUES_CHUNK_BYTES = 1000;
/** Per request: the temporary sheets fetched again by name, the suspend calls; generous. */
export const REQUEST_OVERHEAD_BYTES = 16 * 1024;

/** One statement (or a few) with its estimated request size. */
interface Step {
  bytes: number;
  cells: number;
  run: () => void;
  /** the milestones (indexes into WriteJob.milestones) this step's statements reach */
  marks?: number[];
}

/** How far a write got: each is reached once its statements ran (in plan order). */
export type Milestone =
  /** every new sheet is built under its temporary name: nothing the user sees has changed */
  | { kind: 'built' }
  /** the user's own sheet (the office's 考核汇总, the settings sheet) has its cells filled */
  | { kind: 'filled'; sheet: string; what: FillPlan['kind'] }
  /** a product sheet rewritten in place has been cleared */
  | { kind: 'cleared'; sheet: string }
  /** … and holds the new results */
  | { kind: 'rewritten'; sheet: string }
  /** … and carries its new name */
  | { kind: 'renamed'; sheet: string; from: string }
  /** a new sheet is in place under its final name */
  | { kind: 'added'; sheet: string }
  /** every result is in; only the cosmetics follow */
  | { kind: 'results' };

export interface WriteJob {
  /** temporary sheet names this job creates (to clean up after a failure) */
  tempNames: string[];
  /** statements packed into requests: one inner array per sync; the last request ends with the cosmetics */
  requests: Step[][];
  /**
   * Call before running each request's statements: objects office.js made in an earlier request (the
   * result of `worksheets.add`, every `getRange`) are invalid in the next one (InvalidObjectPath), so the
   * statements fetch their sheets again by name once per request.
   */
  beginRequest: () => void;
  /** the best-effort statements (also at the end of the last request), to retry one by one after a failure */
  cosmetics: Cosmetic[];
  /**
   * whether calculation may be suspended: no user sheet is filled and no product sheet rewritten in place,
   * so no user formula depends on the writes. suspendApiCalculationUntilNextSync leaves recalculating to
   * the add-in ("it is the developer's responsibility to re-calc the workbook", learn.microsoft.com,
   * Excel.Application), so it is never used where a user's formula may read what is written.
   */
  suspendCalculation: boolean;
  /** user formulas may read what is written: in manual calculation the host recalculates after the write */
  recalculate: boolean;
  /** after the last sync: the cosmetics Excel took silently but did not apply (fit-to-page ignored, #1860) */
  verify: () => Cosmetic[];
  /** in order, each with the workbook name that proves it was reached */
  milestones: { name: string; milestone: Milestone }[];
}

export type CosmeticKind = 'freeze' | 'print' | 'tab-color';

/** A best-effort statement on a finished sheet, addressed by its final name. */
export interface Cosmetic {
  sheet: string;
  what: CosmeticKind;
  run: (sheets: Excel.WorksheetCollection) => void;
}

/**
 * List the plan's statements against `context`. `positions` gives the tab position of each sheet to replace;
 * `tempName(i)` names the i-th new sheet while it is built.
 */
export function planWrite(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: {
    features: Features;
    bounds: Bounds;
    tempName: (i: number) => string;
    /** names the i-th milestone's proof (a workbook name, deleted when the write ends) */
    milestoneName: (i: number) => string;
  },
): WriteJob {
  // Each request also carries the suspend statements and the sheets fetched again by name.
  const bounds = { ...options.bounds, maxPayloadBytes: options.bounds.maxPayloadBytes - REQUEST_OVERHEAD_BYTES };
  const steps: Step[] = [];
  const scope = { request: 0 };
  const sheets = context.workbook.worksheets;
  const newPlans = plan.sheets.filter((s): s is SheetPlan => s.mode === 'new');
  const fills = plan.sheets.filter((s): s is FillPlan => s.mode === 'fill');
  const copyFrom = options.features.copyFrom;
  // Without Range.copyFrom a replaced sheet is written straight into, so it is not built beforehand.
  const temporary = newPlans.filter((p) => copyFrom || p.replaces === undefined);

  // A sheet fetched by name once per request (objects of an earlier request are invalid in the next).
  const byName = new Map<string, { ws: Excel.Worksheet; request: number }>();
  const sheet = (name: string) => () => {
    let held = byName.get(name);
    if (!held || held.request !== scope.request) byName.set(name, (held = { ws: sheets.getItem(name), request: scope.request }));
    return held.ws;
  };
  const milestones: { name: string; milestone: Milestone }[] = [];
  const names = context.workbook.names;
  /** A milestone's proof: a name on A1 of a sheet that exists at that point; run inside the step it ends. */
  const milestone = (m: Milestone, at: string): { mark: () => void; index: number } => {
    const index = milestones.length;
    const name = options.milestoneName(index);
    milestones.push({ name, milestone: m });
    return { mark: () => names.add(name, sheets.getItem(at).getRange('A1')), index };
  };
  const markStep = (m: Milestone, at: string): Step => {
    const { mark, index } = milestone(m, at);
    return { ...step([m, at], mark, 0, 3), marks: [index] };
  };

  // 1. The sheets this plan replaces or fills must still exist. The active sheet is pinned now, to give
  //    the focus back after the cosmetics (freezeAt on an inactive sheet activates it, office-js #3148).
  const old = new Map<string, Excel.Worksheet>();
  for (const name of [...newPlans.map((p) => p.replaces), ...fills.map((f) => f.name)]) {
    if (name === undefined || old.has(name)) continue;
    const ws = sheets.getItem(name);
    old.set(name, ws);
    steps.push(step(name, () => ws.load('name')));
  }
  const pinned: { active?: Excel.Worksheet } = {};
  if (plan.activate === undefined && newPlans.some((p) => p.freeze && p.freeze.rows > 0 && p.freeze.columns > 0)) {
    steps.push(
      step('active', () => {
        pinned.active = sheets.getActiveWorksheet();
        pinned.active.load('name');
      }),
    );
  }

  // 2. Build every new sheet under a temporary name.
  const built = new Map<SheetPlan, () => Excel.Worksheet>();
  const tempNames: string[] = [];
  temporary.forEach((p, i) => {
    const temp = options.tempName(i);
    tempNames.push(temp);
    const holder: { ws?: Excel.Worksheet; request: number } = { request: -1 };
    steps.push(
      step(temp, () => {
        holder.ws = sheets.add(temp);
        holder.request = scope.request;
      }),
    );
    const ws = () => {
      if (holder.request !== scope.request) {
        holder.ws = sheets.getItem(temp);
        holder.request = scope.request;
      }
      return holder.ws as Excel.Worksheet;
    };
    // Rewritten in place: the old sheet keeps its marker, widths and heights are set on it directly.
    const replacing = p.replaces !== undefined;
    steps.push(...sheetSteps(ws, p, options.features, bounds, { layout: !replacing, marker: !replacing }));
    built.set(p, ws);
  });
  if (tempNames.length > 0) steps.push(markStep({ kind: 'built' }, tempNames[0]));

  // 3. Values into the user's own sheets.
  for (const f of fills) {
    const ws = sheet(f.name);
    for (const c of f.cells) {
      const v = [[toExcelInput(c.value)]];
      steps.push(step([c.cell, v], () => (ws().getRange(c.cell).values = v), 1));
    }
    steps.push(markStep({ kind: 'filled', sheet: f.name, what: f.kind }, f.name));
  }

  // 4. Into place: a replaced sheet is rewritten in place (never deleted); a new one is renamed into place.
  for (const p of newPlans) {
    const temp = built.get(p);
    if (p.replaces !== undefined) {
      const from = p.replaces;
      const target = sheet(from);
      const cleared = milestone({ kind: 'cleared', sheet: from }, from);
      const extent = planExtent(p);
      if (temp) {
        // One step, so that clearing and filling always travel in the same request.
        steps.push({
          ...step(
            [p.name, extent],
            () => {
              target().getRange().clear('All' as Excel.ClearApplyTo);
              cleared.mark();
              if (extent) target().getRange('A1').copyFrom(temp().getRange(extent), 'All' as Excel.RangeCopyType);
              temp().delete();
            },
            0,
            6,
          ),
          marks: [cleared.index],
        });
        steps.push(...layoutSteps(target, p));
      } else {
        // ExcelApi 1.8 and before: clear ("All": contents, formats, hyperlinks, and with them the sheet's
        // merges, validations and conditional formats, Excel.ClearApplyTo) and write the plan into the
        // same sheet object; its marker name stays.
        steps.push({ ...step([p.name, 'clear'], () => (target().getRange().clear('All' as Excel.ClearApplyTo), cleared.mark()), 0, 4), marks: [cleared.index] });
        steps.push(...sheetSteps(target, p, options.features, bounds, { layout: true, marker: false }));
      }
      steps.push(markStep({ kind: 'rewritten', sheet: from }, from));
      if (p.name !== from) {
        steps.push(step(p.name, () => (target().name = p.name)));
        steps.push(markStep({ kind: 'renamed', sheet: p.name, from }, p.name));
      }
    } else {
      const ws = temp as () => Excel.Worksheet;
      steps.push(step(p.name, () => (ws().name = p.name)));
      steps.push(markStep({ kind: 'added', sheet: p.name }, p.name));
    }
  }

  // 5. Best effort, last: freeze panes, print setup, tab colour; then the sheet to show.
  const cosmetics: Cosmetic[] = [];
  const checks: { sheet: string; zoom: Excel.PageLayout }[] = [];
  for (const p of newPlans) cosmetics.push(...cosmeticsOf(p, options.features, checks));
  const cosmeticSteps = cosmetics.map((c) => step([c.sheet, c.what], () => c.run(sheets), 0, 6));
  if (plan.activate !== undefined) {
    const name = plan.activate;
    cosmeticSteps.push(step(name, () => sheets.getItem(name).activate()));
  } else if (cosmetics.length > 0) {
    cosmeticSteps.push(step('active', () => pinned.active?.activate()));
  }
  // Excel stops a batch at its first failure and keeps what ran before: the "results" milestone, reached
  // before the cosmetics, tells after a failure that only a cosmetic failed.
  if (cosmetics.length > 0) cosmeticSteps.unshift(markStep({ kind: 'results' }, newPlans[0].name));
  // The proofs go last, all of them (after a failure the caller deletes those that were added).
  const proofs = milestones.map((m) => m.name);
  if (proofs.length > 0) cosmeticSteps.push(step(proofs, () => proofs.forEach((n) => names.getItem(n).delete()), 0, proofs.length));
  const requests = pack(steps, bounds);
  // The cosmetics ride at the end of the last request when they fit (no extra sync), else in their own.
  const last = requests[requests.length - 1];
  const tail = pack([...last, ...cosmeticSteps], bounds);
  requests.splice(requests.length - 1, 1, ...tail);

  const verify = () =>
    checks
      .filter((c) => c.zoom.zoom?.horizontalFitToPages !== 1)
      .map((c): Cosmetic => ({ sheet: c.sheet, what: 'print', run: () => undefined }));
  const beginRequest = () => {
    scope.request += 1;
  };
  const recalculate = fills.length > 0 || newPlans.some((p) => p.replaces !== undefined);
  return { tempNames, requests, beginRequest, cosmetics, suspendCalculation: !recalculate, recalculate, verify, milestones };
}

/** The rectangle a plan writes, from A1 ("A1:T1002"), or undefined when it writes no cell. */
export function planExtent(p: SheetPlan): string | undefined {
  let rows = p.values.length;
  let cols = p.values.reduce((w, row) => Math.max(w, row.length), 0);
  const take = (a1: string) => {
    const { r1, c1 } = parseRange(a1);
    rows = Math.max(rows, r1 + 1);
    cols = Math.max(cols, c1 + 1);
  };
  for (const s of p.styles) take(s.range);
  for (const m of p.merges) take(m);
  for (const l of p.links) take(l.cell);
  for (const v of p.validations) take(v.range);
  if (rows === 0 || cols === 0) return undefined;
  return `A1:${address(rows - 1, cols - 1)}`;
}

function cosmeticsOf(p: SheetPlan, features: Features, checks: { sheet: string; zoom: Excel.PageLayout }[]): Cosmetic[] {
  const out: Cosmetic[] = [];
  const name = p.name;
  if (p.freeze && (p.freeze.rows > 0 || p.freeze.columns > 0)) {
    const { rows, columns } = p.freeze;
    out.push({
      sheet: name,
      what: 'freeze',
      run: (sheets) => {
        const panes = sheets.getItem(name).freezePanes;
        if (columns === 0) panes.freezeRows(rows);
        else if (rows === 0) panes.freezeColumns(columns);
        else panes.freezeAt(`A1:${address(rows - 1, columns - 1)}`);
      },
    });
  }
  if (features.pageLayout && p.print) {
    const print = p.print;
    out.push({
      sheet: name,
      what: 'print',
      run: (sheets) => {
        const pl = sheets.getItem(name).pageLayout;
        pl.paperSize = 'A4' as Excel.PaperType;
        pl.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        // Fit all columns on one page; 0 pages tall = as many as needed.
        if (print.fitToWidth) {
          pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          // read back: some Excel builds take fit-to-page and ignore it (office-js #1860)
          pl.load('zoom');
          checks.push({ sheet: name, zoom: pl });
        }
        if (print.titleRows) pl.setPrintTitleRows(absoluteRows(print.titleRows));
        if (print.area) pl.setPrintArea(print.area);
        if (print.centered !== undefined) pl.centerHorizontally = print.centered;
      },
    });
  }
  if (p.tabColor) {
    const color = p.tabColor;
    out.push({ sheet: name, what: 'tab-color', run: (sheets) => (sheets.getItem(name).tabColor = color) });
  }
  return out;
}

/** A step of `statements` Office.js calls carrying `payload` in all. */
function step(payload: unknown, run: () => void, cells = 0, statements = 1): Step {
  return { bytes: statements * STATEMENT_BYTES + jsonBytes(payload), cells, run };
}

/** A `values` write of `json` bytes over `cells` cells, as office.js sends it (chunked past 1,500 cells). */
function valuesBytes(json: number, cells: number): number {
  return RANGE_BYTES + SET_BYTES + json + Math.ceil(cells / VALUES_CHUNK_CELLS) * VALUES_CHUNK_BYTES;
}

/** Greedy packing in order: a new request starts when the next statement would pass a bound. */
export function pack(steps: Step[], bounds: Bounds): Step[][] {
  const out: Step[][] = [[]];
  let bytes = 0;
  let cells = 0;
  for (const s of steps) {
    const cur = out[out.length - 1];
    if (cur.length > 0 && (bytes + s.bytes > bounds.maxPayloadBytes || cells + s.cells > bounds.maxCellsPerRequest)) {
      out.push([]);
      bytes = 0;
      cells = 0;
    }
    out[out.length - 1].push(s);
    bytes += s.bytes;
    cells += s.cells;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One new sheet

function sheetSteps(
  ws: () => Excel.Worksheet,
  p: SheetPlan,
  features: Features,
  bounds: Bounds,
  parts: { layout: boolean; marker: boolean },
): Step[] {
  const steps: Step[] = [...valueSteps(ws, p, bounds)];
  steps.push(...styleSteps(ws, p.styles, features));
  for (const m of p.merges) steps.push(step(m, () => ws().getRange(m).merge(false)));
  if (parts.layout) steps.push(...layoutSteps(ws, p));
  for (const l of p.links) {
    const text = textAt(p, l.cell);
    const link = { documentReference: `${quoteSheet(l.sheet)}!${l.target}`, textToDisplay: text };
    steps.push(step(link, () => (ws().getRange(l.cell).hyperlink = link)));
  }
  if (features.validation) {
    for (const v of p.validations) {
      const rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
      steps.push(step(rule, () => (ws().getRange(v.range).dataValidation.rule = rule)));
      // a warning, not a stop: other spellings may stay and are checked by the product (dropDownAlert)
      const alert = { showAlert: true, style: 'Warning' as Excel.DataValidationAlertStyle.warning, ...dropDownAlert(v.list) };
      steps.push(step(alert, () => (ws().getRange(v.range).dataValidation.errorAlert = alert)));
    }
  }
  if (parts.marker && p.kind !== 'template') {
    const name = markerName(p.kind);
    steps.push(step(name, () => ws().names.add(name, ws().getRange('A1')), 0, 2));
  }
  return steps;
}

/** Column widths and row heights: they belong to the sheet, so a copy of cells does not carry them. */
function layoutSteps(ws: () => Excel.Worksheet, p: SheetPlan): Step[] {
  const steps: Step[] = [];
  p.columnWidths.forEach((w, c) => {
    const col = address(0, c).replace(/\d+$/, '');
    steps.push(step(w, () => (ws().getRange(`${col}:${col}`).format.columnWidth = widthToPoints(w))));
  });
  for (const h of p.rowHeights ?? []) {
    // Excel refuses rows taller than 409 points; a taller request (a very long wrapped line) is capped.
    const height = Math.min(MAX_ROW_POINTS, Math.max(0, h.height));
    steps.push(step(h, () => (ws().getRange(`${h.row + 1}:${h.row + 1}`).format.rowHeight = height)));
  }
  return steps;
}

/** The plan's values as a rectangle from A1, in row blocks that each fit one request. */
function valueSteps(ws: () => Excel.Worksheet, p: SheetPlan, bounds: Bounds): Step[] {
  const width = p.values.reduce((w, row) => Math.max(w, row.length), 0);
  if (width === 0) return [];
  const rows = p.values.map((row) => {
    const out = row.map(toExcelInput);
    while (out.length < width) out.push('');
    return out;
  });
  return gridSteps(rows, 0, 0, bounds, (a1, block) => (ws().getRange(a1).values = block));
}

/**
 * A grid written at (r0, c0), split into row blocks so that each block fits one request by bytes and cells.
 * A small grid is one block, one statement.
 */
function gridSteps<T>(rows: T[][], r0: number, c0: number, bounds: Bounds, write: (a1: string, block: T[][]) => void): Step[] {
  const width = rows[0]?.length ?? 0;
  const rowBytes = rows.map((r) => jsonBytes(r) + 1);
  const budget = bounds.maxPayloadBytes - REQUEST_OVERHEAD_BYTES;
  const rowsByCells = Math.max(1, Math.floor(bounds.maxCellsPerRequest / Math.max(1, width)));
  const steps: Step[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (
      end < rows.length &&
      (end === start || (valuesBytes(bytes + rowBytes[end], (end - start + 1) * width) <= budget && end - start < rowsByCells))
    ) {
      bytes += rowBytes[end];
      end++;
    }
    const block = rows.slice(start, end);
    const a1 = `${address(r0 + start, c0)}:${address(r0 + end - 1, c0 + width - 1)}`;
    steps.push({ bytes: valuesBytes(bytes, block.length * width), cells: block.length * width, run: () => write(a1, block) });
    start = end;
  }
  return steps;
}

function textAt(p: SheetPlan, cell: string): string {
  const { r0, c0 } = parseRange(cell);
  const v = p.values[r0]?.[c0];
  return v === null || v === undefined ? '' : String(v);
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * Cells one format statement covers at most. Excel itself takes far more, but a statement over a whole
 * 计算明细 table (2,000,000 cells at 5,000 branches) is slow to apply and the stand-in refuses it; row
 * blocks keep every statement bounded (borders stay whole: each block draws its own edges).
 */
const MAX_FORMAT_CELLS = 500_000;

/** "A1:O135004" → row blocks of at most `cells` cells ("A1:O33334", …). */
export function rowBlocks(range: string, cells: number): string[] {
  const { r0, c0, r1, c1 } = parseRange(range);
  const width = c1 - c0 + 1;
  const rows = Math.max(1, Math.floor(cells / width));
  if (r1 - r0 + 1 <= rows) return [range];
  const out: string[] = [];
  for (let r = r0; r <= r1; r += rows) out.push(`${address(r, c0)}:${address(Math.min(r1, r + rows - 1), c1)}`);
  return out;
}

/**
 * getRanges takes one address text; Excel fails near 8,192 characters or about 500 areas (office-js
 * #5198). Stay well under both.
 */
export const MAX_AREAS_CHARS = 4000;
export const MAX_AREAS = 200;

type FormatPart = Omit<CellStyle, 'numberFormat' | 'border'>;
const FORMAT_KEYS = ['bold', 'italic', 'underline', 'fontName', 'fontSize', 'fontColor', 'fill', 'hAlign', 'vAlign', 'wrap'] as const;

/**
 * A sheet's styles as few statements as their areas allow: every cell of one format gets it in one
 * statement per up to MAX_AREAS areas (Worksheet.getRanges(…).format, ExcelApi 1.9), adjacent rectangles
 * of one style joined first; number formats one statement per joined rectangle (RangeAreas has none);
 * borders one per range. When two styles give one cell different values of one property, the plan's
 * order decides and is kept: the styles are then written one by one, as listed.
 */
function styleSteps(ws: () => Excel.Worksheet, styles: StyleRange[], features: Features): Step[] {
  const parts = styles.flatMap((s) => rowBlocks(s.range, MAX_FORMAT_CELLS).map((range) => ({ range, rect: parseRange(range), style: s.style })));
  if (conflicting(parts)) return parts.flatMap((p) => singleStyleSteps(ws, p.range, p.style));
  const formats = new Map<string, { style: FormatPart; rects: Rect[] }>();
  const numbers = new Map<string, Rect[]>();
  const borders: string[] = [];
  for (const p of parts) {
    const f: FormatPart = {};
    for (const k of FORMAT_KEYS) if (p.style[k] !== undefined) (f as Record<string, unknown>)[k] = p.style[k];
    if (Object.keys(f).length > 0) {
      const key = JSON.stringify(f);
      const g = formats.get(key) ?? { style: f, rects: [] };
      g.rects.push(p.rect);
      formats.set(key, g);
    }
    if (p.style.numberFormat !== undefined) numbers.set(p.style.numberFormat, [...(numbers.get(p.style.numberFormat) ?? []), p.rect]);
    if (p.style.border) borders.push(p.range);
  }
  const steps: Step[] = [];
  for (const { style, rects } of formats.values()) {
    const merged = joinRects(rects).flatMap((r) => rowBlocks(rectA1(r), MAX_FORMAT_CELLS));
    const lists = features.rangeAreas && merged.length > 1 ? areaLists(merged) : merged.map((a) => [a]);
    for (const list of lists) {
      const where = list.join(',');
      const run = () => applyFormat(list.length > 1 ? ws().getRanges(where).format : ws().getRange(where).format, style);
      steps.push({ bytes: RANGE_BYTES + formatBytes(style) + jsonBytes(where), cells: 0, run });
    }
  }
  for (const [f, rects] of numbers) {
    for (const part of joinRects(rects).flatMap((r) => rowBlocks(rectA1(r), MAX_FORMAT_CELLS))) {
      // A 1×1 grid is applied to every cell of the range (Range.numberFormat: "if the argument is a single
      // value, it will be applied to all cells"), so a column's format costs one statement, not a grid.
      steps.push({ bytes: RANGE_BYTES + SET_BYTES + jsonBytes([part, f]), cells: 0, run: () => (ws().getRange(part).numberFormat = [[f]]) });
    }
  }
  for (const range of borders) steps.push(...borderSteps(ws, range));
  return steps;
}

/** Whether two parts give an overlapping cell different values of one property (then order matters). */
function conflicting(parts: { rect: Rect; style: CellStyle }[]): boolean {
  for (const k of [...FORMAT_KEYS, 'numberFormat'] as const) {
    const byValue = new Map<string, Rect[]>();
    for (const p of parts) {
      const v = p.style[k];
      if (v === undefined) continue;
      const key = JSON.stringify(v);
      byValue.set(key, [...(byValue.get(key) ?? []), p.rect]);
    }
    const groups = [...byValue.values()];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        for (const a of groups[i]) for (const b of groups[j]) if (a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1) return true;
      }
    }
  }
  return false;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function rectA1(r: Rect): string {
  const a = address(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${address(r.r1, r.c1)}`;
}

/** Rectangles of one style joined where they touch: down the columns first, then across. */
export function joinRects(rects: Rect[]): Rect[] {
  const down = join([...rects].sort((a, b) => a.c0 - b.c0 || a.c1 - b.c1 || a.r0 - b.r0), (p, r) => p.c0 === r.c0 && p.c1 === r.c1 && r.r0 <= p.r1 + 1, (p, r) => ({ ...p, r1: Math.max(p.r1, r.r1) }));
  return join(down.sort((a, b) => a.r0 - b.r0 || a.r1 - b.r1 || a.c0 - b.c0), (p, r) => p.r0 === r.r0 && p.r1 === r.r1 && r.c0 <= p.c1 + 1, (p, r) => ({ ...p, c1: Math.max(p.c1, r.c1) }));
}

function join(sorted: Rect[], touches: (prev: Rect, next: Rect) => boolean, merge: (prev: Rect, next: Rect) => Rect): Rect[] {
  const out: Rect[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && touches(prev, r)) out[out.length - 1] = merge(prev, r);
    else out.push({ ...r });
  }
  return out;
}

/** Addresses in lists that getRanges takes (MAX_AREAS_CHARS, MAX_AREAS). */
export function areaLists(addresses: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let chars = 0;
  for (const a of addresses) {
    if (cur.length > 0 && (cur.length >= MAX_AREAS || chars + 1 + a.length > MAX_AREAS_CHARS)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    chars += (cur.length > 0 ? 1 : 0) + a.length;
    cur.push(a);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function formatBytes(st: FormatPart): number {
  let navs = 1;
  if (st.bold !== undefined || st.italic !== undefined || st.underline !== undefined || st.fontName !== undefined || st.fontSize !== undefined || st.fontColor !== undefined) navs++;
  if (st.fill !== undefined) navs++;
  const sets = Object.keys(st).length;
  return navs * NAV_BYTES + sets * SET_BYTES + jsonBytes(st);
}

function applyFormat(f: Excel.RangeFormat, st: FormatPart): void {
  if (st.bold !== undefined) f.font.bold = st.bold;
  if (st.italic !== undefined) f.font.italic = st.italic;
  if (st.underline !== undefined) f.font.underline = st.underline ? 'Single' : 'None';
  if (st.fontName !== undefined) f.font.name = st.fontName;
  if (st.fontSize !== undefined) f.font.size = st.fontSize;
  if (st.fontColor !== undefined) f.font.color = st.fontColor;
  if (st.fill !== undefined) f.fill.color = st.fill;
  if (st.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[st.hAlign];
  if (st.vAlign !== undefined) f.verticalAlignment = V_ALIGN[st.vAlign];
  if (st.wrap !== undefined) f.wrapText = st.wrap;
}

/** One style on one range, as listed (used when the order of styles matters). */
function singleStyleSteps(ws: () => Excel.Worksheet, range: string, st: CellStyle): Step[] {
  const steps: Step[] = [];
  const f: FormatPart = {};
  for (const k of FORMAT_KEYS) if (st[k] !== undefined) (f as Record<string, unknown>)[k] = st[k];
  if (Object.keys(f).length > 0) steps.push({ bytes: RANGE_BYTES + formatBytes(f) + jsonBytes(range), cells: 0, run: () => applyFormat(ws().getRange(range).format, f) });
  const nf = st.numberFormat;
  if (nf !== undefined) steps.push({ bytes: RANGE_BYTES + SET_BYTES + jsonBytes([range, nf]), cells: 0, run: () => (ws().getRange(range).numberFormat = [[nf]]) });
  if (st.border) steps.push(...borderSteps(ws, range));
  return steps;
}

/** Thin borders around and inside one range: one range object, its borders by edge. */
function borderSteps(ws: () => Excel.Worksheet, range: string): Step[] {
  const { r0, c0, r1, c1 } = parseRange(range);
  const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
  if (r1 > r0) edges.push('InsideHorizontal' as Excel.BorderIndex);
  if (c1 > c0) edges.push('InsideVertical' as Excel.BorderIndex);
  const run = () => {
    const borders = ws().getRange(range).format.borders;
    for (const e of edges) {
      const b = borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  };
  return [{ bytes: RANGE_BYTES + 2 * NAV_BYTES + edges.length * (NAV_BYTES + 2 * SET_BYTES) + jsonBytes([range, edges]), cells: 0, run }];
}

/** "3:3" → "$3:$3" */
function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => (r.startsWith('$') ? r : `$${r}`))
    .join(':');
}
