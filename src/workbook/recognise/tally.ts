/**
 * Layout b) vote tallies (票数汇总): an indicator column and the four grade columns. The branch comes
 * from a branch column, a label above the header, or the sheet name; several blocks per sheet.
 */
import { GRADES, type CellRef, type Grade, type Tally, type TallyCount } from '../../core/types';
import { F_ROLE, isTallyHeader, type Ctx } from './context';
import { isBlankValue, textOfValue, type Grid } from './grid';
import { headerSpan, readHeaderRow } from './header';
import { readLabels } from './labels';
import { append, checkBlockSource, joinKey, rangesOf, resolveBlock, rowPeriod, RowSource, type LayoutResult } from './layout';
import { unmappedRow } from './messages';
import { BRANCH, CODE, findCol, PERIOD, SOURCE, tallyGradeOf, TEXT, TOTAL_ROWS } from './vocab';

interface TallyHeader {
  row: number;
  firstCol: number;
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
  if (GRADES.some((g) => grades[g] === undefined)) return null;
  const gradeCols = GRADES.map((g) => grades[g] as number);
  const branchCol = findCol(h.keys, BRANCH, gradeCols);
  const sourceCol = findCol(h.keys, SOURCE, gradeCols);
  const periodCol = findCol(h.keys, PERIOD, gradeCols);
  let codeCol = findCol(h.keys, CODE, gradeCols);
  const textCol = findCol(h.keys, TEXT, gradeCols);
  if (codeCol < 0 && textCol < 0) codeCol = detectIndicatorCol(grid, ctx, r, [...gradeCols, branchCol, sourceCol, periodCol]);
  if (codeCol < 0 && textCol < 0) return null;
  return { row: r, firstCol: headerSpan(h).first, grades: grades as Record<Grade, number>, codeCol, textCol, branchCol, sourceCol, periodCol };
}

export function readTallySheet(grid: Grid, ctx: Ctx, first: number, out: LayoutResult): void {
  const sheetLabels = readLabels(grid, ctx, 0, first);
  const rowSource = new RowSource(grid);
  const unmapped = new Map<string, { ref: CellRef; rows: number }>();
  let r = first;
  let labelFrom = 0;
  while (r >= 0 && r < grid.height) {
    const h = readTallyHeader(grid, ctx, r, labelFrom);
    let next = -1;
    if (!h) {
      // four grade columns but no indicator column: not a block; look further down
      for (let i = r + 1; i < grid.height; i++) if (isTallyHeader(ctx.profile(grid, i))) { next = i; break; }
      r = next;
      continue;
    }
    out.headerRows.push(h.row + 1);
    const block = resolveBlock(grid, labelFrom === 0 ? sheetLabels : readLabels(grid, ctx, labelFrom, r), sheetLabels);
    const headerRef = grid.ref(h.row, h.firstCol);
    const blocked = checkBlockSource(ctx, block, h.sourceCol, headerRef);
    if (block.source && h.sourceCol < 0) out.sources.add(block.source);
    const groups = new Map<string, { tally: Tally; counted: boolean }>();
    const gradeCols = GRADES.map((g) => h.grades[g]);
    let firstData = -1;
    let lastData = -1;
    for (let i = h.row + 1; i < grid.height; i++) {
      const p = ctx.profile(grid, i);
      if (isTallyHeader(p)) {
        next = i;
        break;
      }
      if (p.flags & F_ROLE) continue;
      const values = gradeCols.map((c) => grid.value(i, c));
      const blank = values.every(isBlankValue);
      const codeText = h.codeCol >= 0 ? grid.text(i, h.codeCol) : '';
      const textText = h.textCol >= 0 ? grid.text(i, h.textCol) : '';
      const code = ctx.matcher.codeOf(codeText) ?? ctx.matcher.codeOf(textText);
      const indCol = h.codeCol >= 0 && (codeText !== '' || h.textCol < 0) ? h.codeCol : h.textCol;
      if (code === null) {
        if (blank) continue; // label, title or blank row
        const shown = codeText || textText;
        if (shown !== '' && TOTAL_ROWS.has(ctx.key(shown))) continue;
        if (shown === '' && !values.some((v) => typeof v === 'number')) continue;
        const u = unmapped.get(shown);
        if (u) u.rows++;
        else unmapped.set(shown, { ref: grid.ref(i, indCol), rows: 1 });
        lastData = i;
        continue;
      }
      if (firstData < 0) firstData = i;
      lastData = i;
      if (blocked) continue;
      let branch: string;
      let branchRef: CellRef;
      if (h.branchCol >= 0) {
        const cell = grid.filled(i, h.branchCol);
        branch = textOfValue(cell.value);
        branchRef = grid.ref(cell.r, cell.c);
      } else {
        branch = block.branch?.name ?? grid.name;
        branchRef = block.branch?.ref ?? headerRef;
      }
      const source = rowSource.of(i, h.sourceCol, block, branch);
      if (!source) continue;
      const period = rowPeriod(grid, i, h.periodCol, block);
      const key = joinKey(branch, source, period);
      let g = groups.get(key);
      if (!g) {
        g = { tally: { branch, branchRef, source, period, ref: headerRef, rows: [] }, counted: false };
        groups.set(key, g);
      }
      const counts = {} as Record<Grade, TallyCount>;
      GRADES.forEach((grade, k) => {
        counts[grade] = { value: values[k], ref: grid.ref(i, gradeCols[k]) };
      });
      g.tally.rows.push({ indicator: code, ref: grid.ref(i, indCol), counts });
      if (!blank) g.counted = true;
    }
    // A block where no count was entered yet is not a tally (the core reports the missing source).
    for (const g of groups.values()) {
      if (!g.counted) continue;
      out.tallies.push(g.tally);
      out.sources.add(g.tally.source);
    }
    append(out.ranges, rangesOf(grid.name, gradeCols, firstData, lastData, 'count'));
    labelFrom = (lastData >= 0 ? lastData : h.row) + 1;
    r = next;
  }
  rowSource.flush(ctx.findings);
  for (const [text, u] of unmapped) ctx.findings.push(unmappedRow(u.ref, text, u.rows));
}
