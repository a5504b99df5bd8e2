/**
 * A header row read as columns. A blank header cell takes the text of a merge coming down from above
 * (a two-row header where 党支部 spans both rows) or of a header word directly above it.
 */
import type { Ctx } from './context';
import type { Grid } from './grid';
import { ROLE_WORDS } from './vocab';

/** Columns past this are never headers (a hostile sheet may be 16,384 columns wide). */
export const MAX_HEADER_COLS = 2000;

export interface HeaderRow {
  row: number;
  /** per column: trimmed text, its normalizeKey, and the row it was read from */
  texts: string[];
  keys: string[];
  rows: number[];
}

export function readHeaderRow(grid: Grid, ctx: Ctx, r: number, floor = 0): HeaderRow {
  const width = Math.min(grid.width, MAX_HEADER_COLS);
  const texts: string[] = new Array(width);
  const keys: string[] = new Array(width);
  const rows: number[] = new Array(width);
  for (let c = 0; c < width; c++) {
    let text = grid.text(r, c);
    let from = r;
    if (text === '') {
      const m = grid.mergeAt(r, c);
      if (m && m.c0 === c && m.r0 < r) {
        text = grid.text(m.r0, c);
        from = m.r0;
      } else if (r - 1 >= floor) {
        const above = grid.text(r - 1, c);
        if (above !== '' && ROLE_WORDS.has(ctx.key(above)) && !grid.inWideMerge(r - 1, c)) {
          text = above;
          from = r - 1;
        }
      }
    }
    texts[c] = text;
    keys[c] = text === '' ? '' : ctx.key(text);
    rows[c] = from;
  }
  return { row: r, texts, keys, rows };
}

/** First and last columns with a header text. */
export function headerSpan(h: HeaderRow): { first: number; last: number } {
  let first = -1;
  let last = -1;
  for (let c = 0; c < h.texts.length; c++) {
    if (h.texts[c] !== '') {
      if (first < 0) first = c;
      last = c;
    }
  }
  return first < 0 ? { first: 0, last: 0 } : { first, last };
}
