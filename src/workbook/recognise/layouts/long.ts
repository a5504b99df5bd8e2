/**
 * Layout c) one row per rating (长表): branch, indicator, grade, optionally source, identity, period,
 * rater. Rows are grouped into forms: by (branch, source, period, rater) when there is a rater, else
 * consecutive rows of one branch and source until an indicator repeats.
 */
import { unmappedRow } from '../../../core/messages';
import type { CellRef, Form, Source } from '../../../core/types';
import { isGradeValue, rowPeriod, rowRaterType } from '../blocks';
import { isLongHeader, type Ctx } from '../context';
import { colLetters, isBlankValue, textOfValue, type Grid } from '../grid';
import { headerSpan, readHeaderRow } from '../header';
import { BRANCH, CODE, findCol, GRADE, IDENTITY, PERIOD, RATER, SOURCE, TEXT, TOTAL_ROWS } from '../vocab';
import type { BlockHeader, BlockScope, RatingLayout } from './types';

interface LongHeader extends BlockHeader {
  gradeLetters: string;
  firstLetters: string;
  branchCol: number;
  codeCol: number;
  textCol: number;
  gradeCol: number;
  identityCol: number;
  periodCol: number;
  raterCol: number;
}

function readLongHeader(grid: Grid, ctx: Ctx, r: number, floor: number): LongHeader {
  const h = readHeaderRow(grid, ctx, r, floor);
  const taken: number[] = [];
  const take = (c: number): number => {
    if (c >= 0) taken.push(c);
    return c;
  };
  const gradeCol = take(findCol(h.keys, GRADE));
  const branchCol = take(findCol(h.keys, BRANCH, taken));
  const codeCol = take(findCol(h.keys, CODE, taken));
  const textCol = take(findCol(h.keys, TEXT, taken));
  const sourceCol = take(findCol(h.keys, SOURCE, taken));
  const identityCol = take(findCol(h.keys, IDENTITY, taken));
  const periodCol = take(findCol(h.keys, PERIOD, taken));
  const raterCol = take(findCol(h.keys, RATER, taken));
  const firstCol = headerSpan(h).first;
  return {
    row: r,
    dataStart: r + 1,
    firstCol,
    sourceCol,
    ratingCols: [gradeCol],
    gradeLetters: colLetters(gradeCol),
    firstLetters: colLetters(firstCol),
    branchCol,
    codeCol,
    textCol,
    gradeCol,
    identityCol,
    periodCol,
    raterCol,
  };
}

/**
 * Per sheet: unmapped indicator texts (reported once each), forms by rater (a rater's rows may be
 * anywhere in the sheet), and the form being filled by consecutive rows.
 */
interface LongSheet {
  unmapped: Map<string, { ref: CellRef; rows: number }>;
  byRater: Map<string, Form[]>;
  current: { form: Form; codes: Set<string> } | null;
}

function readLongRow(b: BlockScope<LongHeader, LongSheet>, i: number): 'rating' | 'other' | 'skip' {
  const { grid, ctx, header: h, block, out } = b;
  const st = b.sheet;
  const sheet = grid.name;
  const value = grid.value(i, h.gradeCol);
  const codeText = h.codeCol >= 0 ? grid.text(i, h.codeCol) : '';
  const textText = h.textCol >= 0 ? grid.text(i, h.textCol) : '';
  // the branch cell (merged cells filled down); its ref is built only when a form starts
  let branch: string;
  let branchAt = -1;
  let branchCol = -1;
  if (h.branchCol >= 0) {
    const v = grid.value(i, h.branchCol);
    if (!isBlankValue(v)) {
      branch = textOfValue(v);
      branchAt = i;
      branchCol = h.branchCol;
    } else {
      const cell = grid.filled(i, h.branchCol);
      branch = textOfValue(cell.value);
      branchAt = cell.r;
      branchCol = cell.c;
    }
  } else branch = block.branch?.name ?? sheet;
  const code = ctx.matcher.codeOf(codeText) ?? ctx.matcher.codeOf(textText);
  if (code === null) {
    // no grade: a blank, label or title row, not a rating
    if (isBlankValue(value)) return 'skip';
    const shown = codeText || textText;
    if (TOTAL_ROWS.has(ctx.key(shown))) return 'skip';
    const indCol = h.codeCol >= 0 && (codeText !== '' || h.textCol < 0) ? h.codeCol : h.textCol;
    const u = st.unmapped.get(shown);
    if (u) u.rows++;
    else st.unmapped.set(shown, { ref: grid.ref(i, indCol >= 0 ? indCol : h.gradeCol), rows: 1 });
    return 'other';
  }
  const source: Source | undefined = b.rowSource.of(i, h.sourceCol, block, branch);
  if (!source) return 'rating';
  out.sources.add(source);
  const period = rowPeriod(grid, i, h.periodCol, block);
  const raterType = rowRaterType(grid, i, h.identityCol);
  const rater = h.raterCol >= 0 ? grid.text(i, h.raterCol) : '';
  const rowNo = String(i + 1);
  const rating = { indicator: code, value, ref: { sheet, cell: h.gradeLetters + rowNo } };
  const newForm = (): Form => {
    const branchRef: CellRef = branchAt >= 0 ? grid.ref(branchAt, branchCol) : (block.branch?.ref ?? b.headerRef);
    const form: Form = { branch, branchRef, source, period, ref: { sheet, cell: h.firstLetters + rowNo }, ratings: [] };
    if (raterType) form.raterType = raterType;
    if (rater !== '') form.rater = rater;
    out.forms.push(form);
    return form;
  };
  if (rater !== '') {
    // by rater first, then branch/source/period among that rater's few forms (no key strings per row)
    let list = st.byRater.get(rater);
    if (!list) st.byRater.set(rater, (list = []));
    let form = list.find((f) => f.branch === branch && f.source === source && f.period === period);
    if (!form) list.push((form = newForm()));
    form.ratings.push(rating);
    st.current = null;
    return 'rating';
  }
  let cur = st.current;
  if (
    !cur ||
    cur.form.branch !== branch ||
    cur.form.source !== source ||
    cur.form.period !== period ||
    cur.form.raterType !== raterType ||
    cur.codes.has(code)
  ) {
    cur = st.current = { form: newForm(), codes: new Set() };
  }
  cur.form.ratings.push(rating);
  cur.codes.add(code);
  return 'rating';
}

export const longLayout: RatingLayout<LongHeader, LongSheet, 'long'> = {
  role: 'long',
  rangeKind: 'grade',
  recognise: (p) => isLongHeader(p),
  isHeader: (p) => isLongHeader(p),
  isRatingValue: isGradeValue,
  readHeader: readLongHeader,
  startSheet: () => ({ unmapped: new Map(), byRater: new Map(), current: null }),
  readRow: readLongRow,
  endBlock(b) {
    b.sheet.current = null; // a form never runs across blocks
  },
  endSheet(_grid, ctx, sheet) {
    for (const [text, u] of sheet.unmapped) ctx.findings.push(unmappedRow(u.ref, text, u.rows));
  },
};
