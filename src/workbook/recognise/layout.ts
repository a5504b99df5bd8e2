/**
 * What the three rating layouts share: a block's branch, source and period from labels and the sheet
 * name, per-row source/period/identity columns, unknown source values, and rating ranges.
 */
import type { CellRef, Finding, Form, Period, Source, Tally } from '../../core/types';
import type { Ctx } from './context';
import { a1Range, textOfValue, type Grid } from './grid';
import { periodOfText, raterTypeOf, sourceOfText, type Labels } from './labels';
import { unknownSource, unknownSourceValue } from './messages';
import type { RatingRange } from './model';

export interface LayoutResult {
  forms: Form[];
  tallies: Tally[];
  ranges: RatingRange[];
  /** 1-based */
  headerRows: number[];
  /** the sources of the emitted forms/tallies (or of the sheet when nothing was emitted) */
  sources: Set<Source>;
}

export function newLayoutResult(): LayoutResult {
  return { forms: [], tallies: [], ranges: [], headerRows: [], sources: new Set() };
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

/** Reports a block without a source; true when its forms must not be emitted. */
export function checkBlockSource(ctx: Ctx, block: Block, sourceCol: number, headerRef: CellRef): boolean {
  if (block.source !== undefined || sourceCol >= 0) return false;
  ctx.findings.push(unknownSource(headerRef, block.sourceLabel));
  return true;
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
