/**
 * Which role a sheet plays: by header signature first (scanning the first 30 rows), by name second
 * (SPEC §4). A sheet that fits nothing is ignored with the reason, never guessed.
 */
import { normalizeIndicatorCode } from '../../core/catalogue';
import type { Text } from '../../core/types';
import { F_BRANCH, F_GRADE_COL, F_INDICATOR, TALLY_ALL, type Ctx, type RowProfile } from './context';
import { isBlankValue, textOfValue, type Grid } from './grid';
import { readHeaderRow, type HeaderRow } from './header';
import { RATING_LAYOUTS, type RatingRole } from './layouts';
import { REASONS, ROLE_NAMES } from './messages';
import { findSettingsStart } from './tables';
import {
  ADJUSTMENT,
  CODE,
  findCol,
  GROUP,
  MEMBERS,
  POINTS,
  SECRETARY,
  SETTING_KEY,
  SETTING_VALUE,
  TEXT,
  TOTAL,
  TOTAL_ROWS,
} from './vocab';

export const SCAN_ROWS = 30;

export type Classification =
  | { role: 'output' }
  | { role: 'empty' }
  | { role: 'notes' }
  | { role: 'ignored'; reason: Text }
  | { role: 'settings'; headerRow: number | null }
  | { role: 'catalogue' | 'roster' | 'spot-checks' | 'office-summary' | RatingRole; headerRow: number };

export const SUMMARY_NAME = '考核汇总';

interface Signature {
  header: HeaderRow;
  /** the header row's profile, as the rating layouts recognise it */
  profile: RowProfile;
  has: (set: ReadonlySet<string>) => boolean;
  branch: boolean;
  gradeCol: boolean;
  /** any grade column of a tally (优秀票数 …) */
  tallyGrades: boolean;
  indicators: number;
}

function signature(grid: Grid, ctx: Ctx, h: HeaderRow): Signature {
  const present = new Set(h.keys);
  // the row's own cells as they are (a number stays a number), texts carried from above as texts
  const p = ctx.profileOf(h.texts.map((t, c) => (h.rows[c] === h.row ? grid.value(h.row, c) : t)));
  const profile: RowProfile = { flags: p.flags, indicators: p.indicators, distinctIndicators: p.distinctIndicators };
  const has = (set: ReadonlySet<string>): boolean => {
    for (const k of set) if (present.has(k)) return true;
    return false;
  };
  return {
    header: h,
    profile,
    has,
    branch: (profile.flags & F_BRANCH) !== 0,
    gradeCol: (profile.flags & F_GRADE_COL) !== 0,
    tallyGrades: (profile.flags & TALLY_ALL) !== 0,
    indicators: (profile.flags & F_INDICATOR) !== 0 ? profile.indicators : 0,
  };
}

/** Rows read below a candidate catalogue header to see whether they hold indicator codes. */
const CODE_SCAN_ROWS = 200;

/**
 * True when the rows below a header with a 编号 column look like a catalogue: most of the code cells
 * that are not bands ("一、班子建设" alone in its row), totals (合计) or merged titles are indicator codes
 * (1.1, 1-1). A rater list numbered 1, 2, 3 or a list of staff IDs is not.
 */
function listsIndicators(grid: Grid, ctx: Ctx, s: Signature): boolean {
  const h = s.header;
  const codeCol = findCol(h.keys, CODE); // found: only asked of a catalogueHeader, which has 编号
  const cols: number[] = [];
  h.keys.forEach((k, c) => {
    if (k !== '' && c !== codeCol) cols.push(c);
  });
  let codes = 0;
  let others = 0;
  const end = Math.min(grid.height, h.row + 1 + CODE_SCAN_ROWS);
  for (let r = h.row + 1; r < end; r++) {
    const text = textOfValue(grid.value(r, codeCol));
    if (text === '' || TOTAL_ROWS.has(ctx.key(text)) || grid.inWideMerge(r, codeCol)) continue;
    if (normalizeIndicatorCode(text) !== null) codes++;
    else if (cols.some((c) => !isBlankValue(grid.value(r, c)))) others++; // alone in its row: a band
  }
  return codes > others;
}

type Role = Exclude<Classification['role'], 'output' | 'empty' | 'ignored'>;

/** A header that could head the catalogue: a 编号 column, and nothing of a rating sheet. */
function catalogueHeader(s: Signature): boolean {
  return !s.branch && !s.gradeCol && s.indicators === 0 && s.has(CODE);
}

function bySignature(grid: Grid, ctx: Ctx, r: number, s: Signature, summaryName: boolean): Role | null {
  if (summaryName && s.branch && (s.has(TOTAL) || s.gradeCol)) return 'office-summary';
  // the rating layouts, in their list's order (a catalogue or settings header is none of them)
  for (const layout of RATING_LAYOUTS) if (layout.recognise(s.profile, grid, ctx, r)) return layout.role;
  if (s.has(SETTING_KEY) && s.has(SETTING_VALUE)) return 'settings';
  // 编号 + 考核内容 + 分值 (类别 optional) over rows of indicator codes: whatever the sheet's name
  if (catalogueHeader(s) && s.has(TEXT) && s.has(POINTS) && listsIndicators(grid, ctx, s)) return 'catalogue';
  if (s.branch && s.has(ADJUSTMENT)) return 'spot-checks';
  if (s.branch && (s.has(GROUP) || s.has(SECRETARY) || s.has(MEMBERS)) && !s.gradeCol && !s.tallyGrades && s.indicators === 0) {
    return 'roster';
  }
  return null;
}

export function classify(grid: Grid, ctx: Ctx, createdBy: unknown): Classification {
  if (typeof createdBy === 'string' && createdBy !== '') return { role: 'output' };
  if (grid.isEmpty()) return { role: 'empty' };
  const name = ctx.key(grid.name);
  const summaryName = name === SUMMARY_NAME;
  const rows = Math.min(grid.height, SCAN_ROWS);
  const sigs: Signature[] = [];
  for (let r = 0; r < rows; r++) {
    const s = signature(grid, ctx, readHeaderRow(grid, ctx, r));
    sigs.push(s);
    const role = bySignature(grid, ctx, r, s, summaryName);
    if (role) return { role, headerRow: r } as Classification;
  }
  const firstRow = (test: (s: Signature) => boolean): number => sigs.findIndex(test);
  if (name.includes('指标')) {
    // Named as the catalogue: a 编号 column with 分值 (even over no rows: then it is reported as empty) or
    // over indicator codes (then a missing 分值 is reported). Anything else goes on by name, or is ignored.
    const r = firstRow((s) => catalogueHeader(s) && (s.has(POINTS) || listsIndicators(grid, ctx, s)));
    if (r >= 0) return { role: 'catalogue', headerRow: r };
  }
  if (name.includes('参数') || name.includes('设置')) {
    const r = firstRow((s) => s.has(SETTING_KEY) || s.has(SETTING_VALUE));
    if (r >= 0) return { role: 'settings', headerRow: r };
    if (findSettingsStart(grid)) return { role: 'settings', headerRow: null };
    return { role: 'ignored', reason: REASONS.nameOnly(ROLE_NAMES.settings) };
  }
  if (name.includes('名单')) {
    const r = firstRow((s) => s.branch);
    return r >= 0 ? { role: 'roster', headerRow: r } : { role: 'ignored', reason: REASONS.nameOnly(ROLE_NAMES.roster) };
  }
  if (name.includes('抽检') || name.includes('加减分')) {
    const r = firstRow((s) => s.branch);
    return r >= 0 ? { role: 'spot-checks', headerRow: r } : { role: 'ignored', reason: REASONS.nameOnly(ROLE_NAMES.spot) };
  }
  if (name.includes('指标')) return { role: 'ignored', reason: REASONS.nameOnly(ROLE_NAMES.catalogue) };
  // 填表说明 (the template's own, or the office's): instructions with no table, nothing to report each run.
  if (name.includes('填表说明')) return { role: 'notes' };
  return { role: 'ignored', reason: REASONS.noHeader };
}
