/**
 * Layout a) forms (宽表): a branch column and one column per indicator, one row per filled form.
 * Header cells name indicators by code or text; a header that looks like an indicator but names none
 * (or several) is reported and its column is not read.
 */
import { headerBeyondLimit, unmappedColumn } from '../../../core/messages';
import type { CellRef, CellValue, Form, Period, RaterType, RatingCell, RatingRow, Source } from '../../../core/types';
import { carriesRatings, isGradeValue, rowBranch, rowPeriod, rowRaterType, type Block } from '../blocks';
import { isFormsHeader, type Ctx } from '../context';
import { cleanValue, colLetters, isBlankValue, type Grid } from '../grid';
import { headerSpan, MAX_HEADER_COLS, readHeaderRow, type HeaderRow } from '../header';
import { BRANCH, findCol, FORMS_RATER, IDENTITY, PERIOD, SOURCE, TOTAL_ROWS } from '../vocab';
import type { BlockHeader, RatingLayout } from './types';

const COLON = /[:：]/;

interface FormsHeader extends BlockHeader {
  firstLetters: string;
  branchCol: number;
  sourceCol: number;
  identityCol: number;
  periodCol: number;
  raterCol: number;
  indicators: { col: number; code: string; letters: string }[];
  /** the indicators' codes and column letters by position, shared by every form of the block (RatingRow) */
  codes: string[];
  letters: string[];
}

/**
 * A form read from one row: its ratings held as a RatingRow (one value array, codes and letters shared
 * with the block), RatingCells made only if someone asks for `ratings` (tests, tools): a 900-branch
 * workbook's 1.5 million ratings then cost one array slot each instead of three objects.
 */
class RowForm implements Form {
  declare raterType?: RaterType;
  declare rater?: string;
  private cells?: RatingCell[];

  constructor(
    public branch: string,
    public branchRef: CellRef,
    public source: Source,
    public period: Period,
    public ref: CellRef,
    public row: RatingRow,
  ) {}

  get ratings(): RatingCell[] {
    if (!this.cells) {
      const { sheet, row, codes, letters, values } = this.row;
      this.cells = values.map((value, j) => ({ indicator: codes[j], value, ref: { sheet, cell: letters[j] + row } }));
    }
    return this.cells;
  }
}

function indicatorCount(ctx: Ctx, h: HeaderRow): number {
  let n = 0;
  for (const t of h.texts) if (t !== '' && ctx.matcher.match(t).kind === 'indicator') n++;
  return n;
}

/** The first header cell past the columns read that looks like an indicator, as one finding (header.ts). */
function reportBeyondLimit(grid: Grid, ctx: Ctx, rows: HeaderRow[]): void {
  for (const h of rows) {
    const width = grid.row(h.row).length;
    for (let c = MAX_HEADER_COLS; c < width; c++) {
      const text = grid.text(h.row, c);
      if (text !== '' && ctx.matcher.match(text).kind !== 'none') {
        ctx.findings.push(headerBeyondLimit(grid.ref(h.row, c), text, MAX_HEADER_COLS));
        return;
      }
    }
  }
}

/** Every column of a row, for "does this row hold a grade anywhere". */
function allCols(grid: Grid, r: number): number[] {
  return Array.from({ length: grid.row(r).length }, (_, c) => c);
}

/**
 * The header at row r, with up to two more header rows below it (codes above texts, or the reverse).
 */
function readFormsHeader(grid: Grid, ctx: Ctx, r: number, floor: number): FormsHeader {
  const rows = [readHeaderRow(grid, ctx, r, floor)];
  for (let i = r + 1; i <= r + 2 && i < grid.height; i++) {
    if (ctx.profile(grid, i).indicators === 0 || carriesRatings(grid, i, allCols(grid, i), isGradeValue)) break;
    rows.push(readHeaderRow(grid, ctx, i, floor));
  }
  const dataStart = rows[rows.length - 1].row + 1;
  const ranked = rows
    .map((h) => ({ h, n: indicatorCount(ctx, h) }))
    .sort((a, b) => b.n - a.n || a.h.row - b.h.row)
    .map((x) => x.h);
  const role = (set: ReadonlySet<string>, except: number[]): number => {
    for (const h of ranked) {
      const c = findCol(h.keys, set, except);
      if (c >= 0) return c;
    }
    return -1;
  };
  const taken: number[] = [];
  const take = (c: number): number => {
    if (c >= 0) taken.push(c);
    return c;
  };
  const branchCol = take(role(BRANCH, taken));
  const sourceCol = take(role(SOURCE, taken));
  const identityCol = take(role(IDENTITY, taken));
  const periodCol = take(role(PERIOD, taken));
  const raterCol = take(role(FORMS_RATER, taken));

  const indicators: FormsHeader['indicators'] = [];
  const seen = new Set<string>();
  const width = rows[0].texts.length; // every header row is read to the same width
  for (let c = 0; c < width; c++) {
    if (taken.includes(c)) continue;
    let code: string | null = null;
    let codeRow = ranked[0]; // the header row the code was read from
    let problem: { ref: CellRef; text: string; kind: 'unknown-code' | 'ambiguous' | 'unknown-text'; codes: string[] } | null = null;
    for (const h of ranked) {
      const text = h.texts[c]; // every header row is read to the same width
      if (text === '') continue;
      const m = ctx.matcher.match(text);
      if (m.kind === 'indicator') {
        code = m.code;
        codeRow = h;
        break;
      }
      if (!problem && m.kind !== 'none') {
        const codes = m.kind === 'unknown-code' ? [m.code] : m.kind === 'ambiguous' ? m.codes : [];
        problem = { ref: grid.ref(h.rows[c], c), text, kind: m.kind, codes };
      }
    }
    if (code !== null) {
      if (seen.has(code)) {
        ctx.findings.push(unmappedColumn(grid.ref(codeRow.rows[c], c), codeRow.texts[c], 'duplicate', [code]));
        continue;
      }
      seen.add(code);
      indicators.push({ col: c, code, letters: colLetters(c) });
    } else if (problem) {
      ctx.findings.push(unmappedColumn(problem.ref, problem.text, problem.kind, problem.codes));
    }
  }
  reportBeyondLimit(grid, ctx, rows);
  const spans = rows.map(headerSpan);
  const firstCol = Math.min(...spans.map((s) => s.first));
  return {
    row: ranked[0].row,
    dataStart,
    firstCol,
    ratingCols: indicators.map((x) => x.col),
    firstLetters: colLetters(firstCol),
    branchCol,
    sourceCol,
    identityCol,
    periodCol,
    raterCol,
    indicators,
    codes: indicators.map((x) => x.code),
    letters: indicators.map((x) => x.letters),
  };
}

export const formsLayout: RatingLayout<FormsHeader, null, 'forms'> = {
  role: 'forms',
  rangeKind: 'grade',
  recognise: (p) => isFormsHeader(p),
  isHeader: (p) => isFormsHeader(p),
  isRatingValue: isGradeValue,
  readHeader: readFormsHeader,
  startSheet: () => null,
  readRow(b, i) {
    const form = formRow(b.grid, b.ctx, b.header, b.block, i, b.headerRef);
    if (!form) return 'skip';
    const source = b.rowSource.of(i, b.header.sourceCol, b.block, form.branch);
    if (!source) return 'rating';
    form.source = source;
    b.out.sources.add(source);
    b.out.forms.push(form);
    return 'rating';
  },
};

/** A row without branch whose filled cells are a category band (merged across columns) or notes ("填表人："). */
function isBandOrNote(grid: Grid, h: FormsHeader, i: number, values: readonly CellValue[]): boolean {
  if (h.indicators.some((x) => grid.inWideMerge(i, x.col))) return true;
  return values.every((v) => isBlankValue(v) || (typeof v === 'string' && COLON.test(v)));
}

/** One data row as a form (source filled in by the caller), or null when the row is not a form. */
function formRow(grid: Grid, ctx: Ctx, h: FormsHeader, block: Block, i: number, headerRef: CellRef): Form | null {
  const row = grid.row(i);
  const sheet = grid.name;
  let any = false;
  const values: CellValue[] = new Array(h.indicators.length);
  for (let k = 0; k < h.indicators.length; k++) {
    const value = cleanValue(row[h.indicators[k].col]);
    if (!any && !isBlankValue(value)) any = true;
    values[k] = value;
  }
  const { name: branch, ref: branchRef, cell } = rowBranch(grid, i, h.branchCol, block, headerRef);
  if (cell) {
    if (TOTAL_ROWS.has(ctx.key(branch))) return null;
    if (!any) {
      // blank row, or a label/note/title row between blocks
      if (branch === '' || COLON.test(branch) || grid.inWideMerge(cell.r, cell.c)) return null;
    } else if (branch === '' && isBandOrNote(grid, h, i, values)) {
      return null;
    }
  } else if (!any || TOTAL_ROWS.has(ctx.key(grid.text(i, h.firstCol))) || isBandOrNote(grid, h, i, values)) return null; // no branch column: labels of the next block too
  const form = new RowForm(
    branch,
    branchRef,
    '组织考核', // replaced by the caller
    rowPeriod(grid, i, h.periodCol, block),
    { sheet, cell: h.firstLetters + (i + 1) },
    { sheet, row: i + 1, codes: h.codes, letters: h.letters, values },
  );
  const raterType = rowRaterType(grid, i, h.identityCol);
  if (raterType) form.raterType = raterType;
  const rater = grid.text(i, h.raterCol); // '' without a rater column
  if (rater !== '') form.rater = rater;
  return form;
}
