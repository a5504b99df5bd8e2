/**
 * The shape every rating layout has (SPEC §4.4 a–d). The block driver (../blocks.ts) walks a sheet's
 * blocks — labels above a header, the header, its data rows until the next header — and asks the
 * layout three things: is this row a header of yours, read the header, read a row. Adding a layout is
 * one file implementing RatingLayout and one entry in ./index.ts.
 */
import type { CellRef, CellValue } from '../../../core/types';
import type { Block, LayoutResult, RowSource } from '../blocks';
import type { Ctx, RowProfile } from '../context';
import type { Grid } from '../grid';
import type { RatingRange } from '../model';

/** What the driver needs of any header; a layout adds its own columns. */
export interface BlockHeader {
  /** the header row shown to users (0-based) */
  row: number;
  /** the first data row (0-based): below the last header row */
  dataStart: number;
  /** the first column with a header text */
  firstCol: number;
  /** the source column, -1 when the block's source comes from labels or the sheet name */
  sourceCol: number;
  /** the columns holding ratings (grades or vote counts): ranges, and the rows that carry ratings */
  ratingCols: number[];
}

/** One block being read: what the driver resolved, shared with the layout's readRow. */
export interface BlockScope<H extends BlockHeader, S> {
  grid: Grid;
  ctx: Ctx;
  header: H;
  /** branch, source and period from the labels above the header and the sheet name */
  block: Block;
  /** the header's first cell, where block-level findings point */
  headerRef: CellRef;
  rowSource: RowSource;
  out: LayoutResult;
  /** the layout's own state for the whole sheet (startSheet) */
  sheet: S;
}

/**
 * What readRow says about a row: `rating` (a form or tally row, counted in the rating range), `other`
 * (a row that belongs to the block but is not a rating, such as an unmapped indicator row: it extends
 * the block), `skip` (blank, label, note or total row).
 */
export type RowKind = 'rating' | 'other' | 'skip';

export interface RatingLayout<H extends BlockHeader = BlockHeader, S = unknown, R extends string = string> {
  /** the sheet role it gives (SheetRecognition.role; the list in ./index.ts makes it a SheetRole) */
  readonly role: R;
  /** what its rating cells hold, for the UI's drop-downs */
  readonly rangeKind: RatingRange['kind'];
  /**
   * Recognise a header, for classifying a sheet: true when header row r (its profile `p`, read with
   * merged cells and header words above) makes the sheet one of this layout.
   */
  recognise(p: RowProfile, grid: Grid, ctx: Ctx, r: number): boolean;
  /**
   * True when a data row (profile of its own cells) starts the next block. Cheap: the driver asks it
   * of every row. A row that carries ratings is never a header, whatever this says.
   */
  isHeader(p: RowProfile): boolean;
  /** A cell value that is a rating in this layout (a grade, a vote count): a row holding one is data, never a header. */
  isRatingValue(v: CellValue): boolean;
  /** Read the header at row r (`floor`: the first row this block may look at); null when it is no block after all. */
  readHeader(grid: Grid, ctx: Ctx, r: number, floor: number): H | null;
  /** The layout's state for one sheet (e.g. forms grouped by rater across blocks). */
  startSheet(): S;
  /** Read one data row of a block. */
  readRow(scope: BlockScope<H, S>, r: number): RowKind;
  /** After the block's last row (e.g. emit the block's tallies). */
  endBlock?(scope: BlockScope<H, S>): void;
  /** After the sheet's last block (e.g. report unmapped rows once). */
  endSheet?(grid: Grid, ctx: Ctx, sheet: S): void;
}
