/**
 * Layout b) vote tallies (票数汇总): an indicator column and the four grade columns. The branch comes
 * from a branch column, a label above the header, or the sheet name; several blocks per sheet.
 */
import { unmappedRow } from '../../../core/messages';
import { parseCount } from '../../../core/scale';
import { GRADES, type CellRef, type Grade, type Tally, type TallyCount } from '../../../core/types';
import { joinKey, rowBranch, rowPeriod } from '../blocks';
import { isTallyHeader, type Ctx } from '../context';
import { isBlankValue, sheetsReferenced, type Grid } from '../grid';
import { headerSpan, readHeaderRow } from '../header';
import { BRANCH, CODE, findCol, PERIOD, SOURCE, tallyGradeOf, TEXT, TOTAL_ROWS } from '../vocab';
import type { BlockHeader, BlockScope, RatingLayout } from './types';

interface TallyHeader extends BlockHeader {
  grades: Record<Grade, number>;
  codeCol: number;
  textCol: number;
  branchCol: number;
  sourceCol: number;
  periodCol: number;
}

/** The column below row r holding the most catalogue indicators (for a header without 编号/考核内容). */
function detectIndicatorCol(grid: Grid, ctx: Ctx, r: number, exclude: number[]): number {
  let best = -1;
  let bestN = 0;
  const counts = new Map<number, number>();
  for (let i = r + 1; i < Math.min(grid.height, r + 31); i++) {
    const row = grid.row(i);
    for (let c = 0; c < row.length && c < 200; c++) {
      if (exclude.includes(c)) continue;
      const t = grid.text(i, c);
      if (t !== '' && ctx.matcher.codeOf(t) !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  for (const [c, n] of counts) if (n > bestN || (n === bestN && c < best)) [best, bestN] = [c, n];
  return best;
}

/** The tally header at row r, or null when it has no indicator column. */
export function readTallyHeader(grid: Grid, ctx: Ctx, r: number, floor = 0): TallyHeader | null {
  const h = readHeaderRow(grid, ctx, r, floor);
  const grades: Partial<Record<Grade, number>> = {};
  h.texts.forEach((t, c) => {
    const g = t === '' ? undefined : tallyGradeOf(t);
    if (g && grades[g] === undefined) grades[g] = c;
  });
  // reachable for a later header: the driver's row profile sees a grade word past MAX_HEADER_COLS, this read does not
  if (GRADES.some((g) => grades[g] === undefined)) return null;
  const gradeCols = GRADES.map((g) => grades[g] as number);
  const branchCol = findCol(h.keys, BRANCH, gradeCols);
  const sourceCol = findCol(h.keys, SOURCE, gradeCols);
  const periodCol = findCol(h.keys, PERIOD, gradeCols);
  let codeCol = findCol(h.keys, CODE, gradeCols);
  const textCol = findCol(h.keys, TEXT, gradeCols);
  if (codeCol < 0 && textCol < 0) codeCol = detectIndicatorCol(grid, ctx, r, [...gradeCols, branchCol, sourceCol, periodCol]);
  if (codeCol < 0 && textCol < 0) return null;
  const ratingCols = gradeCols;
  return { row: r, dataStart: r + 1, firstCol: headerSpan(h).first, sourceCol, ratingCols, grades: grades as Record<Grade, number>, codeCol, textCol, branchCol, periodCol };
}

/** Per sheet: indicator texts that name no indicator (reported once each); per block: its tallies. */
interface TallySheet {
  unmapped: Map<string, { ref: CellRef; rows: number }>;
  groups: Map<string, { tally: Tally; counted: boolean; refs: Set<string> }>;
}

type Scope = BlockScope<TallyHeader, TallySheet>;

function readTallyRow(b: Scope, i: number): 'rating' | 'other' | 'skip' {
  const { grid, ctx, header: h, block } = b;
  const gradeCols = h.ratingCols;
  const values = gradeCols.map((c) => grid.value(i, c));
  const blank = values.every(isBlankValue);
  const codeText = grid.text(i, h.codeCol); // column -1 (no such column) reads as ''
  const textText = grid.text(i, h.textCol);
  const code = ctx.matcher.codeOf(codeText) ?? ctx.matcher.codeOf(textText);
  const indCol = h.codeCol >= 0 && (codeText !== '' || h.textCol < 0) ? h.codeCol : h.textCol;
  if (code === null) {
    if (blank) return 'skip'; // label, title or blank row
    const shown = codeText || textText;
    if (shown !== '' && TOTAL_ROWS.has(ctx.key(shown))) return 'skip';
    if (shown === '' && !values.some((v) => typeof v === 'number')) return 'skip';
    const u = b.sheet.unmapped.get(shown);
    if (u) u.rows++;
    else b.sheet.unmapped.set(shown, { ref: grid.ref(i, indCol), rows: 1 });
    return 'other';
  }
  const { name: branch, ref: branchRef } = rowBranch(grid, i, h.branchCol, block, b.headerRef);
  const source = b.rowSource.of(i, h.sourceCol, block, branch);
  if (!source) return 'rating';
  const period = rowPeriod(grid, i, h.periodCol, block);
  const key = joinKey(branch, source, period);
  let g = b.sheet.groups.get(key);
  if (!g) {
    g = { tally: { branch, branchRef, source, period, ref: b.headerRef, rows: [] }, counted: false, refs: new Set() };
    b.sheet.groups.set(key, g);
  }
  const counts = {} as Record<Grade, TallyCount>;
  GRADES.forEach((grade, k) => {
    counts[grade] = { value: values[k], ref: grid.ref(i, gradeCols[k]) };
    const f = grid.formula(i, gradeCols[k]);
    if (f !== null) for (const name of sheetsReferenced(f)) g.refs.add(name);
  });
  g.tally.rows.push({ indicator: code, ref: grid.ref(i, indCol), counts });
  if (!blank) g.counted = true;
  return 'rating';
}

export const tallyLayout: RatingLayout<TallyHeader, TallySheet, 'tally'> = {
  role: 'tally',
  rangeKind: 'count',
  // four grade columns, and an indicator column (by header word, or codes below)
  recognise: (p, grid, ctx, r) => isTallyHeader(p) && readTallyHeader(grid, ctx, r) !== null,
  isHeader: (p) => isTallyHeader(p),
  // a vote count (a number, or a tick), not a header word
  isRatingValue: (v) => v !== null && (typeof v === 'number' || typeof v === 'string') && !isBlankValue(v) && parseCount(v).kind === 'count',
  readHeader: readTallyHeader,
  startSheet: () => ({ unmapped: new Map(), groups: new Map() }),
  readRow: readTallyRow,
  endBlock(b) {
    // A block where no count was entered yet is not a tally (the core reports the missing source).
    for (const g of b.sheet.groups.values()) {
      if (!g.counted) continue;
      b.out.tallies.push(g.tally);
      b.out.sources.add(g.tally.source);
      if (g.refs.size > 0) b.out.formulaSheets.set(g.tally, g.refs);
    }
    b.sheet.groups.clear();
  },
  endSheet(_grid, ctx, sheet) {
    for (const [text, u] of sheet.unmapped) ctx.findings.push(unmappedRow(u.ref, text, u.rows));
  },
};
