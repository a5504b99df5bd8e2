/**
 * Layout c) one row per rating (长表): branch, indicator, grade, optionally source, identity, period,
 * rater. Rows are grouped into forms: by (branch, source, period, rater) when there is a rater, else
 * consecutive rows of one branch and source until an indicator repeats.
 */
import type { CellRef, Form, Source } from '../../core/types';
import { F_ROLE, isLongHeader, type Ctx } from './context';
import { colLetters, isBlankValue, textOfValue, type Grid } from './grid';
import { headerSpan, readHeaderRow } from './header';
import { readLabels } from './labels';
import {
  checkBlockSource,
  rangesOf,
  resolveBlock,
  rowPeriod,
  rowRaterType,
  RowSource,
  type LayoutResult,
  append,
} from './layout';
import { unmappedRow } from './messages';
import { BRANCH, CODE, findCol, GRADE, IDENTITY, PERIOD, RATER, SOURCE, TEXT, TOTAL_ROWS } from './vocab';

interface LongHeader {
  row: number;
  firstCol: number;
  branchCol: number;
  codeCol: number;
  textCol: number;
  gradeCol: number;
  sourceCol: number;
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
  return { row: r, firstCol: headerSpan(h).first, branchCol, codeCol, textCol, gradeCol, sourceCol, identityCol, periodCol, raterCol };
}

export function readLongSheet(grid: Grid, ctx: Ctx, first: number, out: LayoutResult): void {
  const sheetLabels = readLabels(grid, ctx, 0, first);
  const rowSource = new RowSource(grid);
  const unmapped = new Map<string, { ref: CellRef; rows: number }>();
  const byRater = new Map<string, Form[]>();
  const sheet = grid.name;
  let r = first;
  let labelFrom = 0;
  while (r >= 0 && r < grid.height) {
    const h = readLongHeader(grid, ctx, r, labelFrom);
    out.headerRows.push(h.row + 1);
    const block = resolveBlock(grid, labelFrom === 0 ? sheetLabels : readLabels(grid, ctx, labelFrom, r), sheetLabels);
    const headerRef = grid.ref(h.row, h.firstCol);
    const blocked = checkBlockSource(ctx, block, h.sourceCol, headerRef);
    if (block.source && h.sourceCol < 0) out.sources.add(block.source);
    const gradeLetters = colLetters(h.gradeCol);
    const firstLetters = colLetters(h.firstCol);
    let current: { form: Form; codes: Set<string> } | null = null;
    let next = -1;
    let firstData = -1;
    let lastData = -1;
    for (let i = h.row + 1; i < grid.height; i++) {
      const p = ctx.profile(grid, i);
      if (isLongHeader(p)) {
        next = i;
        break;
      }
      if (p.flags & F_ROLE) continue;
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
        if (isBlankValue(value)) continue;
        const shown = codeText || textText;
        if (TOTAL_ROWS.has(ctx.key(shown))) continue;
        const indCol = h.codeCol >= 0 && (codeText !== '' || h.textCol < 0) ? h.codeCol : h.textCol;
        const u = unmapped.get(shown);
        if (u) u.rows++;
        else unmapped.set(shown, { ref: grid.ref(i, indCol >= 0 ? indCol : h.gradeCol), rows: 1 });
        lastData = i;
        continue;
      }
      if (firstData < 0) firstData = i;
      lastData = i;
      if (blocked) continue;
      const source: Source | undefined = rowSource.of(i, h.sourceCol, block, branch);
      if (!source) continue;
      out.sources.add(source);
      const period = rowPeriod(grid, i, h.periodCol, block);
      const raterType = rowRaterType(grid, i, h.identityCol);
      const rater = h.raterCol >= 0 ? grid.text(i, h.raterCol) : '';
      const rowNo = String(i + 1);
      const rating = { indicator: code, value, ref: { sheet, cell: gradeLetters + rowNo } };
      const newForm = (): Form => {
        const branchRef: CellRef =
          branchAt >= 0 ? grid.ref(branchAt, branchCol) : (block.branch?.ref ?? headerRef);
        const form: Form = { branch, branchRef, source, period, ref: { sheet, cell: firstLetters + rowNo }, ratings: [] };
        if (raterType) form.raterType = raterType;
        if (rater !== '') form.rater = rater;
        out.forms.push(form);
        return form;
      };
      if (rater !== '') {
        // by rater first, then branch/source/period among that rater's few forms (no key strings per row)
        let list = byRater.get(rater);
        if (!list) byRater.set(rater, (list = []));
        let form = list.find((f) => f.branch === branch && f.source === source && f.period === period);
        if (!form) list.push((form = newForm()));
        form.ratings.push(rating);
        current = null;
        continue;
      }
      let cur = current;
      if (
        !cur ||
        cur.form.branch !== branch ||
        cur.form.source !== source ||
        cur.form.period !== period ||
        cur.form.raterType !== raterType ||
        cur.codes.has(code)
      ) {
        cur = current = { form: newForm(), codes: new Set() };
      }
      cur.form.ratings.push(rating);
      cur.codes.add(code);
    }
    append(out.ranges, rangesOf(sheet, [h.gradeCol], firstData, lastData, 'grade'));
    labelFrom = (lastData >= 0 ? lastData : h.row) + 1;
    r = next;
  }
  rowSource.flush(ctx.findings);
  for (const [text, u] of unmapped) ctx.findings.push(unmappedRow(u.ref, text, u.rows));
}
