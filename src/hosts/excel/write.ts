/**
 * WorkbookPlan → Office.js, in one sync for a normal workbook.
 *
 * Order inside the batch matters, because Excel runs a batch's statements in order and stops at the first
 * failure without undoing the earlier ones:
 *   1. existence checks of the sheets to replace or fill (a sheet deleted meanwhile fails here, before any write);
 *   2. every new sheet is built completely under a temporary name (values first, then formats, merges,
 *      widths, freeze panes, links, validations, print setup, marker);
 *   3. fills into the user's own sheets (values only);
 *   4. only then are the previous product sheets deleted and the new ones moved into their place and renamed.
 * So a failure in 1–3 leaves the previous results untouched; the caller then deletes leftover temporary sheets.
 *
 * The statements are first listed with their size, then packed into requests under the payload bound; a
 * normal workbook gives one request, hence one sync.
 */
import { markerName } from '../../workbook/host';
import type { CellStyle, FillPlan, SheetPlan, StyleRange, WorkbookPlan } from '../../workbook/plan';
import { address, parseRange } from '../../workbook/snapshot';
import { jsonBytes, quoteSheet, toExcelInput, widthToPoints } from './cells';
import type { Bounds, Features } from './options';

/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;

/** Fixed cost of one statement in a request (object path, ids), estimated generously. */
const STATEMENT_BYTES = 200;

/** One statement (or a few) with its estimated request size. */
interface Step {
  bytes: number;
  cells: number;
  run: () => void;
}

export interface WriteJob {
  /** temporary sheet names this job creates (to clean up after a failure) */
  tempNames: string[];
  /** statements packed into requests: one inner array per sync */
  requests: Step[][];
  /** whether calculation may be suspended (no user sheet is filled, so no user formula depends on the writes) */
  suspendCalculation: boolean;
}

/**
 * List the plan's statements against `context`. `positions` gives the tab position of each sheet to replace;
 * `tempName(i)` names the i-th new sheet while it is built.
 */
export function planWrite(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: { positions: Map<string, number>; features: Features; bounds: Bounds; tempName: (i: number) => string },
): WriteJob {
  // Each request also carries the two suspend statements the caller adds before it.
  const bounds = { ...options.bounds, maxPayloadBytes: options.bounds.maxPayloadBytes - 2 * STATEMENT_BYTES };
  const steps: Step[] = [];
  const sheets = context.workbook.worksheets;
  const newPlans = plan.sheets.filter((s): s is SheetPlan => s.mode === 'new');
  const fills = plan.sheets.filter((s): s is FillPlan => s.mode === 'fill');

  // 1. The sheets this plan replaces or fills must still exist.
  const old = new Map<string, Excel.Worksheet>();
  for (const name of [...newPlans.map((p) => p.replaces), ...fills.map((f) => f.name)]) {
    if (name === undefined || old.has(name)) continue;
    const ws = sheets.getItem(name);
    old.set(name, ws);
    steps.push(step(name, () => ws.load('name')));
  }

  // 2. Build every new sheet under a temporary name.
  const built: { plan: SheetPlan; ws: Excel.Worksheet }[] = [];
  const tempNames: string[] = [];
  newPlans.forEach((p, i) => {
    const temp = options.tempName(i);
    tempNames.push(temp);
    const holder: { ws?: Excel.Worksheet } = {};
    steps.push(
      step(temp, () => {
        holder.ws = sheets.add(temp);
      }),
    );
    const ws = () => holder.ws as Excel.Worksheet;
    steps.push(...sheetSteps(ws, p, options.features, bounds));
    built.push({
      plan: p,
      get ws() {
        return ws();
      },
    });
  });

  // 3. Values into the user's own sheets.
  for (const f of fills) {
    const ws = old.get(f.name) as Excel.Worksheet;
    for (const c of f.cells) {
      const v = [[toExcelInput(c.value)]];
      steps.push(step([c.cell, v], () => (ws.getRange(c.cell).values = v), 1));
    }
  }

  // 4. Swap: delete the previous sheet, put the new one in its place, give it its name.
  for (const b of built) {
    const p = b.plan;
    steps.push(
      step(p.name, () => {
        const ws = b.ws;
        if (p.replaces !== undefined) {
          (old.get(p.replaces) as Excel.Worksheet).delete();
          const pos = options.positions.get(p.replaces);
          if (pos !== undefined) ws.position = pos;
        }
        ws.name = p.name;
      }, 0, 3),
    );
  }
  if (plan.activate !== undefined) {
    const name = plan.activate;
    const mine = built.find((b) => b.plan.name === name);
    steps.push(step(name, () => (mine ? mine.ws : sheets.getItem(name)).activate()));
  }

  return { tempNames, requests: pack(steps, bounds), suspendCalculation: fills.length === 0 };
}

/** A step of `statements` Office.js calls carrying `payload` in all. */
function step(payload: unknown, run: () => void, cells = 0, statements = 1): Step {
  return { bytes: statements * STATEMENT_BYTES + jsonBytes(payload), cells, run };
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

function sheetSteps(ws: () => Excel.Worksheet, p: SheetPlan, features: Features, bounds: Bounds): Step[] {
  const steps: Step[] = [...valueSteps(ws, p, bounds)];
  for (const s of p.styles) steps.push(...styleSteps(ws, s, bounds));
  for (const m of p.merges) steps.push(step(m, () => ws().getRange(m).merge(false)));
  p.columnWidths.forEach((w, c) => {
    const col = address(0, c).replace(/\d+$/, '');
    steps.push(step(w, () => (ws().getRange(`${col}:${col}`).format.columnWidth = widthToPoints(w))));
  });
  for (const h of p.rowHeights ?? []) {
    // Excel refuses rows taller than 409 points; a taller request (a very long wrapped line) is capped.
    const height = Math.min(MAX_ROW_POINTS, Math.max(0, h.height));
    steps.push(step(h, () => (ws().getRange(`${h.row + 1}:${h.row + 1}`).format.rowHeight = height)));
  }
  if (p.freeze && (p.freeze.rows > 0 || p.freeze.columns > 0)) {
    const { rows, columns } = p.freeze;
    steps.push(
      step(p.freeze, () => {
        const panes = ws().freezePanes;
        if (columns === 0) panes.freezeRows(rows);
        else if (rows === 0) panes.freezeColumns(columns);
        else panes.freezeAt(`A1:${address(rows - 1, columns - 1)}`);
      }),
    );
  }
  for (const l of p.links) {
    const text = textAt(p, l.cell);
    const link = { documentReference: `${quoteSheet(l.sheet)}!${l.target}`, textToDisplay: text };
    steps.push(step(link, () => (ws().getRange(l.cell).hyperlink = link)));
  }
  if (features.validation) {
    for (const v of p.validations) {
      const rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
      steps.push(step(rule, () => (ws().getRange(v.range).dataValidation.rule = rule)));
    }
  }
  if (features.pageLayout && p.print) steps.push(printStep(ws, p.print));
  if (p.tabColor) {
    const color = p.tabColor;
    steps.push(step(color, () => (ws().tabColor = color)));
  }
  if (p.kind !== 'template') {
    const name = markerName(p.kind);
    steps.push(step(name, () => ws().names.add(name, ws().getRange('A1')), 0, 2));
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
  const budget = bounds.maxPayloadBytes - STATEMENT_BYTES;
  const rowsByCells = Math.max(1, Math.floor(bounds.maxCellsPerRequest / Math.max(1, width)));
  const steps: Step[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && (end === start || (bytes + rowBytes[end] <= budget && end - start < rowsByCells))) {
      bytes += rowBytes[end];
      end++;
    }
    const block = rows.slice(start, end);
    const a1 = `${address(r0 + start, c0)}:${address(r0 + end - 1, c0 + width - 1)}`;
    steps.push({ bytes: STATEMENT_BYTES + bytes, cells: block.length * width, run: () => write(a1, block) });
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

function styleSteps(ws: () => Excel.Worksheet, s: StyleRange, bounds: Bounds): Step[] {
  const st: CellStyle = s.style;
  const steps: Step[] = [];
  const fmt = (payload: unknown, f: (r: Excel.Range) => void) => steps.push(step([s.range, payload], () => f(ws().getRange(s.range))));
  if (st.bold !== undefined) fmt(st.bold, (r) => (r.format.font.bold = st.bold as boolean));
  if (st.italic !== undefined) fmt(st.italic, (r) => (r.format.font.italic = st.italic as boolean));
  if (st.underline !== undefined) fmt(st.underline, (r) => (r.format.font.underline = st.underline ? 'Single' : 'None'));
  if (st.fontSize !== undefined) fmt(st.fontSize, (r) => (r.format.font.size = st.fontSize as number));
  if (st.fontColor !== undefined) fmt(st.fontColor, (r) => (r.format.font.color = st.fontColor as string));
  if (st.fill !== undefined) fmt(st.fill, (r) => (r.format.fill.color = st.fill as string));
  if (st.hAlign !== undefined) fmt(st.hAlign, (r) => (r.format.horizontalAlignment = H_ALIGN[st.hAlign!]));
  if (st.vAlign !== undefined) fmt(st.vAlign, (r) => (r.format.verticalAlignment = V_ALIGN[st.vAlign!]));
  if (st.wrap !== undefined) fmt(st.wrap, (r) => (r.format.wrapText = st.wrap as boolean));
  if (st.numberFormat !== undefined) {
    // Office.js wants one format per cell (a grid the range's size), so a tall range is split like values.
    const { r0, c0, r1, c1 } = parseRange(s.range);
    const grid = Array.from({ length: r1 - r0 + 1 }, () => new Array<string>(c1 - c0 + 1).fill(st.numberFormat as string));
    steps.push(...gridSteps(grid, r0, c0, bounds, (a1, block) => (ws().getRange(a1).numberFormat = block)));
  }
  if (st.border) {
    const { r0, c0, r1, c1 } = parseRange(s.range);
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
    if (r1 > r0) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (c1 > c0) edges.push('InsideVertical' as Excel.BorderIndex);
    steps.push(
      step(
        [s.range, edges],
        () => {
          const r = ws().getRange(s.range);
          for (const e of edges) {
            const b = r.format.borders.getItem(e);
            b.style = 'Continuous';
            b.weight = 'Thin';
          }
        },
        0,
        edges.length * 2,
      ),
    );
  }
  return steps;
}

function printStep(ws: () => Excel.Worksheet, print: NonNullable<SheetPlan['print']>): Step {
  const statements = 6;
  return step(print, () => {
    const pl = ws().pageLayout;
    pl.paperSize = 'A4' as Excel.PaperType;
    pl.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    // Fit all columns on one page; 0 pages tall = as many as needed.
    if (print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.titleRows) pl.setPrintTitleRows(absoluteRows(print.titleRows));
    if (print.area) pl.setPrintArea(print.area);
    if (print.centered !== undefined) pl.centerHorizontally = print.centered;
  }, 0, statements);
}

/** "3:3" → "$3:$3" */
function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => (r.startsWith('$') ? r : `$${r}`))
    .join(':');
}
