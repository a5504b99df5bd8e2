/**
 * The one block driver of every rating layout (./layouts): it walks a sheet's blocks — labels above a
 * header, the header, data rows until the next header — and hands each row to the layout. Also what
 * the layouts share: a block's branch, source and period from labels and the sheet name, per-row
 * source/period/identity columns, unknown source values, and rating ranges.
 */
import { parseGrade } from '../../core/scale';
import { skippedRow, unknownSource, unknownSourceValue } from '../../core/messages';
import type { CellRef, Finding, Form, Period, Source, Tally } from '../../core/types';
import { F_ROLE, type Ctx } from './context';
import { a1Range, textOfValue, type Grid } from './grid';
import { periodOfText, raterTypeOf, readLabels, sourceOfText, type Labels } from './labels';
import type { BlockHeader, BlockScope, RatingLayout } from './layouts/types';
import type { RatingRange } from './model';

/**
 * Reads every block of a rating sheet with `layout`, starting with the header the classifier found at
 * row `first`. A row that carries ratings is data: it never starts a block and is never skipped as a
 * header row (SPEC §4: a rater number such as 1-01 is not an indicator code).
 */
export function readRatingSheet<H extends BlockHeader, S>(layout: RatingLayout<H, S, string>, grid: Grid, ctx: Ctx, first: number, out: LayoutResult): void {
  const sheetLabels = readLabels(grid, ctx, 0, first);
  const rowSource = new RowSource(grid);
  const sheet = layout.startSheet();
  const isHeaderAt = (i: number): boolean => layout.isHeader(ctx.profile(grid, i));
  let r = first;
  let labelFrom = 0;
  while (r >= 0 && r < grid.height) {
    const header = layout.readHeader(grid, ctx, r, labelFrom);
    if (!header) {
      // it looked like a header but is no block: look further down
      let next = -1;
      for (let i = r + 1; i < grid.height; i++) if (isHeaderAt(i)) { next = i; break; }
      r = next;
      continue;
    }
    out.headerRows.push(header.row + 1);
    const block = resolveBlock(grid, labelFrom === 0 ? sheetLabels : readLabels(grid, ctx, labelFrom, r), sheetLabels);
    const headerRef = grid.ref(header.row, header.firstCol);
    checkBlockSource(ctx, block, header.sourceCol, headerRef);
    if (block.source && header.sourceCol < 0) out.sources.add(block.source);
    const scope: BlockScope<H, S> = { grid, ctx, header, block, headerRef, rowSource, out, sheet };
    const carries = (i: number): boolean => carriesRatings(grid, i, header.ratingCols, layout.isRatingValue);
    let next = -1;
    let firstData = -1;
    let lastData = -1;
    for (let i = header.dataStart; i < grid.height; i++) {
      const p = ctx.profile(grid, i);
      if (layout.isHeader(p) && !carries(i)) {
        next = i;
        break;
      }
      if (p.flags & F_ROLE && !carries(i)) continue;
      const kind = layout.readRow(scope, i);
      if (kind === 'skip') {
        // a skipped row that holds grades may be a lost form: say so rather than drop it silently
        if (carriesRatings(grid, i, header.ratingCols, isGradeValue)) ctx.findings.push(skippedRow(grid.ref(i, header.firstCol), i + 1));
        continue;
      }
      if (kind === 'rating' && firstData < 0) firstData = i;
      lastData = i;
    }
    layout.endBlock?.(scope);
    append(out.ranges, rangesOf(grid.name, header.ratingCols, firstData, lastData, layout.rangeKind));
    labelFrom = (lastData >= 0 ? lastData : header.dataStart - 1) + 1;
    r = next;
  }
  rowSource.flush(ctx.findings);
  layout.endSheet?.(grid, ctx, sheet);
}

/** True when one of the row's rating columns holds a rating value of the layout. */
export function carriesRatings(grid: Grid, r: number, cols: readonly number[], isRating: (v: ReturnType<Grid['value']>) => boolean): boolean {
  for (const c of cols) if (isRating(grid.value(r, c))) return true;
  return false;
}

/** A value on the grade scale (优秀, 良, B …). */
export function isGradeValue(v: ReturnType<Grid['value']>): boolean {
  return typeof v === 'string' && parseGrade(v).kind === 'grade';
}

export interface LayoutResult {
  forms: Form[];
  tallies: Tally[];
  ranges: RatingRange[];
  /** 1-based */
  headerRows: number[];
  /** the sources of the emitted forms/tallies (or of the sheet when nothing was emitted) */
  sources: Set<Source>;
  /** tallies whose counts are formulas, with the sheets the formulas refer to (SPEC §4.4 derived tallies) */
  formulaSheets: Map<Tally, Set<string>>;
}

export function newLayoutResult(): LayoutResult {
  return { forms: [], tallies: [], ranges: [], headerRows: [], sources: new Set(), formulaSheets: new Map() };
}

/** A block's defaults: from its own labels, then the labels above the first block, the sheet name, titles. */
export interface Block {
  branch?: { name: string; ref: CellRef };
  source?: Source;
  /** a source label that named no source, for the message */
  sourceLabel?: string;
  period: Period;
}

export function resolveBlock(grid: Grid, own: Labels, sheet: Labels): Block {
  const source = own.source ?? sheet.source ?? sourceOfText(grid.name) ?? own.titleSource ?? sheet.titleSource;
  const half = own.titleHalfYear || sheet.titleHalfYear;
  const period = own.period ?? sheet.period ?? periodOfText(grid.name) ?? (half ? 'half-year' : 'annual');
  const block: Block = { period };
  const branch = own.branch ?? sheet.branch;
  if (branch) block.branch = branch;
  if (source) block.source = source;
  const label = own.sourceText ?? sheet.sourceText;
  if (!source && label) block.sourceLabel = label;
  return block;
}

/**
 * Reports a block without a source. Its rows are still read (for ranges and findings), but the
 * layouts emit nothing from them: RowSource gives them no source.
 */
export function checkBlockSource(ctx: Ctx, block: Block, sourceCol: number, headerRef: CellRef): void {
  if (block.source === undefined && sourceCol < 0) ctx.findings.push(unknownSource(headerRef, block.sourceLabel));
}

/**
 * Per-row source from a source column (blank → the block's), collecting unrecognised values so that
 * each one is reported once per sheet with its row count.
 */
export class RowSource {
  private readonly unknown = new Map<string, { ref: CellRef; rows: number; branch: string }>();

  constructor(private readonly grid: Grid) {}

  of(r: number, col: number, block: Block, branch: string): Source | undefined {
    if (col < 0) return block.source;
    const cell = this.grid.filled(r, col);
    const text = textOfValue(cell.value);
    const s = text === '' ? block.source : sourceOfText(text);
    if (s) return s;
    const seen = this.unknown.get(text);
    if (seen) seen.rows++;
    else this.unknown.set(text, { ref: this.grid.ref(cell.r, cell.c), rows: 1, branch });
    return undefined;
  }

  flush(findings: Finding[]): void {
    for (const [text, u] of this.unknown) {
      findings.push(text === '' ? unknownSource(u.ref) : unknownSourceValue(u.ref, text, u.rows, u.branch));
    }
  }
}

/** A row's branch: from the branch column (merged cells filled down; `cell` is where it sits), else the block's label or the sheet name. */
export function rowBranch(grid: Grid, r: number, col: number, block: Block, headerRef: CellRef): { name: string; ref: CellRef; cell?: { r: number; c: number } } {
  if (col < 0) return { name: block.branch?.name ?? grid.name, ref: block.branch?.ref ?? headerRef };
  const cell = grid.filled(r, col);
  return { name: textOfValue(cell.value), ref: grid.ref(cell.r, cell.c), cell };
}

export function rowPeriod(grid: Grid, r: number, col: number, block: Block): Period {
  if (col < 0) return block.period;
  const text = textOfValue(grid.filled(r, col).value);
  return text === '' ? block.period : periodOfText(text) ?? 'annual';
}

export function rowRaterType(grid: Grid, r: number, col: number): 'party' | 'nonparty' | undefined {
  return col < 0 ? undefined : raterTypeOf(textOfValue(grid.filled(r, col).value));
}

/** Rectangles over runs of adjacent columns, rows r0..r1. */
export function rangesOf(sheet: string, cols: number[], r0: number, r1: number, kind: RatingRange['kind']): RatingRange[] {
  if (r0 < 0 || r1 < r0 || cols.length === 0) return [];
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: RatingRange[] = [];
  let start = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    out.push({ sheet, range: a1Range(r0, start, r1, sorted[i - 1]), kind });
    if (i < sorted.length) start = sorted[i];
  }
  return out;
}

/** Fixed-order key for Maps keyed by several user strings (never object keys). */
export function joinKey(a: string, b: string, c: string, d = ''): string {
  return a + '\u0000' + b + '\u0000' + c + '\u0000' + d;
}

/** Appends in place without spreading (a spread of 470,000 items overflows the stack); returns `to`. */
export function append<T>(to: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
  return to;
}
