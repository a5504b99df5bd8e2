/**
 * The plain tables: catalogue (§4.2), settings (§4.3), roster (§4.1), spot checks (§4.5) and a user's
 * own summary sheet (§4.6). Values are passed on raw; the core validates them.
 */
import { normalizeIndicatorCode } from '../../core/catalogue';
import { settingKeyOf } from '../../core/ruleset';
import { normalize } from '../../core/text';
import { showValue } from '../../core/values';
import type { Adjustment, CatalogueRow, CellRef, CellValue, Finding, RosterEntry, SettingRow } from '../../core/types';
import { F_ROLE, type Ctx } from './context';
import { a1Range, isBlankValue, textOfValue, type Grid } from './grid';
import { headerSpan, MAX_HEADER_COLS, readHeaderRow } from './header';
import { invalidMembers } from '../../core/messages';
import type { OfficeSummaryTarget } from './model';
import {
  ADJUSTMENT,
  BRANCH,
  CATEGORY,
  CODE,
  DATE,
  findCol,
  GRADE,
  GROUP,
  KIND,
  MEMBERS,
  POINTS,
  RANK,
  REASON,
  SECRETARY,
  SETTING_KEY,
  SETTING_VALUE,
  TEXT,
  TOTAL,
  TOTAL_ROWS,
} from './vocab';

const COLON = /[:：]/;
/** A note under a roster ("注：…", "说明:…", "填表说明："): a note word and a colon at the start. */
const NOTE = /^(?:注|说明|备注|填表说明)[\s\u3000]*[:：]/;

/**
 * A row that names a branch: not blank, not a total, not a note ("注：…") or a title merged across columns.
 * A colon alone does not make a note: "研究室:一支部" is a branch, as it is on the rating sheets.
 */
function branchName(grid: Grid, ctx: Ctx, r: number, c: number): string {
  const f = grid.filled(r, c);
  const name = textOfValue(f.value);
  if (name === '' || TOTAL_ROWS.has(ctx.key(name)) || NOTE.test(name) || grid.inWideMerge(f.r, f.c)) return '';
  return name;
}

// ---------------------------------------------------------------------------------------------
// Catalogue

/** The catalogue's header row as a range ("A1:D1"): named by a finding when no indicator row follows. */
export function catalogueHeaderRef(grid: Grid, ctx: Ctx, headerRow: number): CellRef {
  const { first, last } = headerSpan(readHeaderRow(grid, ctx, headerRow));
  return { sheet: grid.name, cell: a1Range(headerRow, first, headerRow, last) };
}

export function readCatalogueRows(grid: Grid, ctx: Ctx, headerRow: number): CatalogueRow[] {
  const h = readHeaderRow(grid, ctx, headerRow);
  const codeCol = findCol(h.keys, CODE);
  const categoryCol = findCol(h.keys, CATEGORY, [codeCol]);
  const textCol = findCol(h.keys, TEXT, [codeCol, categoryCol]);
  const pointsCol = findCol(h.keys, POINTS, [codeCol, categoryCol, textCol]);
  const firstCol = headerSpan(h).first;
  const rows: CatalogueRow[] = [];
  let heading: string | null = null; // "一、党支部班子自身建设" written as a band row above its items
  for (let i = headerRow + 1; i < grid.height; i++) {
    const code = grid.value(i, codeCol);
    const category = grid.filled(i, categoryCol).value; // column -1 reads as blank
    const text = grid.value(i, textCol);
    const points = grid.value(i, pointsCol);
    const isCode = normalizeIndicatorCode(textOfValue(code)) !== null;
    const words = [code, category, text].map(textOfValue).filter((t) => t !== '');
    if (!isCode && isBlankValue(points) && words.length <= 1) {
      // blank row, category band ("一、党支部班子自身建设") or footnote
      const band = words[0] ?? grid.text(i, firstCol);
      if (band !== '' && !TOTAL_ROWS.has(ctx.key(band)) && !COLON.test(band)) heading = band;
      continue;
    }
    if (!isCode && words.some((t) => TOTAL_ROWS.has(ctx.key(t)))) continue; // 合计 100
    rows.push({
      code,
      category: isBlankValue(category) && heading !== null ? heading : category,
      text,
      points,
      ref: grid.ref(i, firstCol),
      codeRef: grid.ref(i, codeCol), // a catalogue header always has 编号 (classify)
      pointsRef: grid.ref(i, pointsCol >= 0 ? pointsCol : firstCol),
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Settings

/** The first row (of the first 30) whose cell is a settings key: where a headerless settings table starts. */
export function findSettingsStart(grid: Grid): { row: number; col: number } | null {
  for (let r = 0; r < Math.min(grid.height, 30); r++) {
    const width = Math.min(grid.row(r).length, MAX_HEADER_COLS);
    for (let c = 0; c < width; c++) {
      const t = grid.text(r, c);
      if (t !== '' && settingKeyOf(t)) return { row: r, col: c };
    }
  }
  return null;
}

export function readSettingRows(grid: Grid, ctx: Ctx, headerRow: number | null): SettingRow[] {
  let keyCol: number;
  let valueCol: number;
  let start: number;
  if (headerRow !== null) {
    const h = readHeaderRow(grid, ctx, headerRow);
    keyCol = findCol(h.keys, SETTING_KEY);
    valueCol = findCol(h.keys, SETTING_VALUE, [keyCol]);
    if (keyCol < 0) keyCol = 0;
    if (valueCol < 0) valueCol = keyCol + 1;
    start = headerRow + 1;
  } else {
    const s = findSettingsStart(grid);
    if (!s) return [];
    keyCol = s.col;
    valueCol = s.col + 1;
    start = s.row;
  }
  const rows: SettingRow[] = []; // blank rows too: parseSettings passes over a row without key or value
  for (let i = start; i < grid.height; i++) {
    const key = grid.value(i, keyCol);
    const value = grid.value(i, valueCol);
    if (isBlankValue(value) && grid.inWideMerge(i, keyCol)) continue; // a section title
    const kt = textOfValue(key);
    if (isBlankValue(value) && kt !== '' && !settingKeyOf(kt) && COLON.test(kt)) continue; // a note
    rows.push({ key, value, keyRef: grid.ref(i, keyCol), valueRef: grid.ref(i, valueCol) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Roster

/** 党员人数: a whole number ≥ 0, as a number or text ("25", "25人"). */
function readMembers(v: CellValue): number | undefined | 'invalid' {
  if (isBlankValue(v)) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : 'invalid';
  if (typeof v !== 'string') return 'invalid';
  const m = /^(\d{1,9})人?$/.exec(normalize(v));
  return m ? Number(m[1]) : 'invalid';
}

export function readRoster(grid: Grid, ctx: Ctx, headerRow: number, findings: Finding[]): RosterEntry[] {
  const h = readHeaderRow(grid, ctx, headerRow);
  const branchCol = findCol(h.keys, BRANCH);
  const groupCol = findCol(h.keys, GROUP, [branchCol]);
  const secretaryCol = findCol(h.keys, SECRETARY, [branchCol]);
  const membersCol = findCol(h.keys, MEMBERS, [branchCol]);
  const seen = new Set<string>();
  const roster: RosterEntry[] = [];
  for (let i = headerRow + 1; i < grid.height; i++) {
    if (ctx.profile(grid, i).flags & F_ROLE) continue;
    const name = branchName(grid, ctx, i, branchCol);
    if (name === '') continue;
    const key = ctx.key(name);
    if (seen.has(key)) continue; // a repeated name: the first row stands
    seen.add(key);
    const entry: RosterEntry = { name, ref: grid.ref(i, branchCol) };
    const group = textOfValue(grid.filled(i, groupCol).value); // column -1 reads as blank
    if (group !== '') entry.group = group;
    const secretary = grid.text(i, secretaryCol);
    if (secretary !== '') entry.secretary = secretary;
    const v = grid.value(i, membersCol); // blank without a 党员人数 column: no count
    const n = readMembers(v);
    if (n === 'invalid') findings.push(invalidMembers(grid.ref(i, membersCol), name, showValue(v)));
    else if (n !== undefined) entry.members = n;
    roster.push(entry);
  }
  return roster;
}

// ---------------------------------------------------------------------------------------------
// Spot checks

/** An Excel date serial (1900 system) as yyyy-mm-dd. */
function serialDate(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000).toISOString().slice(0, 10);
}

function optionalText(v: CellValue): string | undefined {
  const t = textOfValue(v);
  return t === '' ? undefined : t;
}

export function readAdjustments(grid: Grid, ctx: Ctx, headerRow: number): Adjustment[] {
  const h = readHeaderRow(grid, ctx, headerRow);
  const branchCol = findCol(h.keys, BRANCH);
  const valueCol = findCol(h.keys, ADJUSTMENT, [branchCol]);
  const kindCol = findCol(h.keys, KIND, [branchCol, valueCol]);
  const dateCol = findCol(h.keys, DATE, [branchCol, valueCol]);
  const reasonCol = findCol(h.keys, REASON, [branchCol, valueCol, kindCol, dateCol]);
  const out: Adjustment[] = [];
  for (let i = headerRow + 1; i < grid.height; i++) {
    if (ctx.profile(grid, i).flags & F_ROLE) continue;
    const branch = branchName(grid, ctx, i, branchCol);
    if (branch === '') continue;
    const f = grid.filled(i, branchCol);
    const adj: Adjustment = {
      branch,
      branchRef: grid.ref(f.r, f.c),
      value: grid.value(i, valueCol),
      valueRef: grid.ref(i, valueCol >= 0 ? valueCol : branchCol),
    };
    const kind = optionalText(grid.value(i, kindCol));
    if (kind) adj.kind = kind;
    const dv = grid.value(i, dateCol);
    const date = typeof dv === 'number' ? serialDate(dv) : optionalText(dv);
    if (date) adj.date = date;
    const reason = optionalText(grid.value(i, reasonCol));
    if (reason) adj.reason = reason;
    out.push(adj);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A user-made 考核汇总 sheet

export function readOfficeSummary(grid: Grid, ctx: Ctx, headerRow: number): OfficeSummaryTarget {
  const h = readHeaderRow(grid, ctx, headerRow);
  const branchCol = findCol(h.keys, BRANCH);
  const target: OfficeSummaryTarget = { sheet: grid.name, headerRow, branchCol, rows: [] };
  const totalCol = findCol(h.keys, TOTAL);
  const gradeCol = findCol(h.keys, GRADE);
  const rankCol = findCol(h.keys, RANK);
  if (totalCol >= 0) target.totalCol = totalCol;
  if (gradeCol >= 0) target.gradeCol = gradeCol;
  if (rankCol >= 0) target.rankCol = rankCol;
  for (let i = headerRow + 1; i < grid.height; i++) {
    const branch = branchName(grid, ctx, i, branchCol);
    if (branch !== '') target.rows.push({ branch, row: i });
  }
  return target;
}

