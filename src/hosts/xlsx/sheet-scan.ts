/**
 * Worksheet and shared-string XML scanned in pieces, straight into the snapshot's grids: no DOM, no
 * event objects per node. A purpose-built scanner rather than a SAX library because a worksheet is a few
 * element kinds repeated millions of times (<row>, <c>, <v>, <f>): jumping between them with indexOf
 * costs a fraction of a general parser's per-node callbacks and attribute maps.
 *
 * Elements are recognised by local name, so `x:c` and `c` read the same. A piece that ends inside an
 * element is carried over to the next one. Cells are counted against the workbook's limit as they are
 * met, before their values are kept.
 */
import type { CellValue } from '../../core/types';
import { columnName, parseRange } from '../../workbook/snapshot';
import { attributes, decodeEntities, decodeXstring, tagEnd } from './xml-read';
import { PackageError } from './zip';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** What every sheet of a workbook shares while it is scanned. */
export interface ScanContext {
  sharedStrings: readonly string[];
  /** per cell style index (s attribute): true when its number format shows a date or time */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** cells met so far over the workbook, and the limit */
  cells: { count: number; limit: number };
  /** short strings met more than once are kept once */
  intern: Map<string, string>;
}

export interface ScannedSheet {
  values: CellValue[][];
  formulas?: (string | null)[][];
  /** formula cells without a stored result (A1) */
  uncalculated?: string[];
  merges: string[];
  hiddenRows: number[];
  validations: string[];
  /** list validations whose source is a formula (a range or a name), with their ranges */
  validationSources: { sqref: string; formula: string }[];
  /** conditional formats' formulas (plain and x14, where a rule on another sheet's cells lives) */
  conditionalSources: { sqref: string; formula: string }[];
}

const INTERN_MAX = 40;

function intern(ctx: ScanContext, s: string): string {
  if (s.length > INTERN_MAX) return s;
  const known = ctx.intern.get(s);
  if (known !== undefined) return known;
  ctx.intern.set(s, s);
  return s;
}

// Cell types (the t attribute) as small numbers: compared per cell without making a string.
const T_NUMBER = 0; // n, absent, or anything unknown
const T_SHARED = 1;
const T_INLINE = 2;
const T_STR = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function typeAt(s: string, a: number, b: number): number {
  const n = b - a;
  const c0 = s.charCodeAt(a);
  if (n === 1) return c0 === 115 ? T_SHARED : c0 === 98 ? T_BOOL : c0 === 101 ? T_ERROR : c0 === 100 ? T_DATE : T_NUMBER;
  if (n === 3 && s.startsWith('str', a)) return T_STR;
  if (n === 9 && s.startsWith('inlineStr', a)) return T_INLINE;
  return T_NUMBER;
}

/** A run of ASCII digits s[a..b) as a number (at most 15 digits: exact); -1 when it is anything else. */
function digitsAt(s: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 47 || ch === 62;
}

/** Scan a worksheet given as text pieces. `sheet` names it in errors. */
export function scanSheet(pieces: Iterable<string>, ctx: ScanContext, sheet: string): ScannedSheet {
  const s = new SheetScanner(ctx, sheet);
  let buf = '';
  let pos = 0;
  for (const piece of pieces) {
    buf = pos < buf.length ? buf.slice(pos) + piece : piece;
    pos = s.run(buf, false);
  }
  if (pos < buf.length) s.run(buf.slice(pos), true);
  return s.finish();
}

class SheetScanner {
  private readonly values: CellValue[][] = [];
  private formulas: (string | null)[][] | undefined;
  private uncalculated: string[] | undefined;
  private readonly merges: string[] = [];
  private readonly hiddenRows: number[] = [];
  private readonly validations: string[] = [];
  private readonly validationSources: { sqref: string; formula: string }[] = [];
  private readonly conditionalSources: { sqref: string; formula: string }[] = [];
  private row = -1;
  private col = -1;
  /** parseRefAt's result (fields rather than an object: it runs once per cell) */
  private refR = -1;
  private refC = -1;
  /** shared formulas by si: the master's text and position */
  private readonly shared = new Map<string, { text: string; r: number; c: number }>();

  constructor(
    private readonly ctx: ScanContext,
    private readonly sheet: string,
  ) {}

  /** Consume complete elements of `s`; returns where an incomplete one starts (to be carried over). */
  run(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return n;
      const first = s.charCodeAt(lt + 1);
      if (first === 47 /* / */ || first === 63 /* ? */ || first === 33 /* ! */) {
        const close = first === 33 && s.startsWith('<!--', lt) ? s.indexOf('-->', lt) : s.indexOf('>', lt);
        if (close < 0) return final ? n : lt;
        i = close + 1;
        continue;
      }
      let j = lt + 1;
      let colon = -1;
      while (j < n) {
        const ch = s.charCodeAt(j);
        if (isNameEnd(ch)) break;
        if (ch === 58) colon = j;
        j++;
      }
      if (j >= n) return final ? n : lt;
      const localStart = colon < 0 ? lt + 1 : colon + 1;
      const len = j - localStart;
      const c0 = s.charCodeAt(localStart);
      if (len === 1 && c0 === 99 /* c */) {
        const next = this.cell(s, j, colon < 0 ? 'c' : s.slice(lt + 1, j), final);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      const local = s.slice(localStart, j);
      if (local === 'row') {
        const gt = s.indexOf('>', j);
        if (gt < 0) return final ? n : lt;
        this.rowStart(s.slice(j, gt));
        i = gt + 1;
        continue;
      }
      if (local === 'dataValidation' || local === 'mergeCell' || local === 'conditionalFormatting') {
        const gt = tagEnd(s, j);
        if (gt < 0) return final ? n : lt;
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const attrText = s.slice(j, selfClosing ? gt - 1 : gt);
        if (local === 'mergeCell') {
          this.merge(attributes(attrText).get('ref'));
          i = gt + 1;
          continue;
        }
        let inner = '';
        let end = gt + 1;
        if (!selfClosing) {
          const close = `</${s.slice(lt + 1, j)}>`;
          const e = s.indexOf(close, gt);
          if (e < 0) {
            if (!final) return lt;
          } else {
            inner = s.slice(gt + 1, e);
            end = e + close.length;
          }
        }
        if (local === 'conditionalFormatting') this.conditional(attributes(attrText), inner);
        else this.validation(attributes(attrText), inner);
        i = end;
        continue;
      }
      const gt = tagEnd(s, j);
      if (gt < 0) return final ? n : lt;
      i = gt + 1;
    }
  }

  private rowStart(attrText: string): void {
    const a = attrText.indexOf('=') >= 0 ? attributes(attrText) : undefined;
    const r = a?.get('r');
    const n = r !== undefined ? parseInt(r, 10) : NaN;
    this.row = n >= 1 ? n - 1 : this.row + 1;
    if (this.row >= MAX_ROWS) throw new PackageError('corrupt', `${this.sheet}: row ${this.row + 1}`);
    this.col = -1;
    const hidden = a?.get('hidden');
    if (hidden === '1' || hidden === 'true') this.hiddenRows.push(this.row);
  }

  /** One <c> element (its name ends at j). Returns the index after it, or -1 when incomplete. */
  private cell(s: string, j: number, qname: string, final: boolean): number {
    const gt = s.indexOf('>', j);
    if (gt < 0) return final ? s.length : -1;
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    let end: number;
    let innerEnd: number;
    if (selfClosing) {
      end = gt + 1;
      innerEnd = gt + 1;
    } else {
      const close = qname.length === 1 ? s.indexOf('</c>', gt) : s.indexOf(`</${qname}>`, gt);
      if (close < 0) {
        if (!final) return -1;
        innerEnd = s.length;
        end = s.length;
      } else {
        innerEnd = close;
        end = close + qname.length + 3;
      }
    }
    const cells = this.ctx.cells;
    if (++cells.count > cells.limit) throw new PackageError('cell-limit', this.sheet);
    // Attributes: r, s, t (their values never hold '>'), read in place: no string per cell.
    let refAt = -1;
    let refEnd = -1;
    let style = -1;
    let type = T_NUMBER;
    const attrEnd = selfClosing ? gt - 1 : gt;
    let k = j;
    while (k < attrEnd) {
      const eq = s.indexOf('=', k);
      if (eq < 0 || eq >= attrEnd) break;
      let ns = k;
      while (ns < eq && (s.charCodeAt(ns) === 32 || s.charCodeAt(ns) === 9 || s.charCodeAt(ns) === 10 || s.charCodeAt(ns) === 13)) ns++;
      let ne = eq;
      while (ne > ns && s.charCodeAt(ne - 1) === 32) ne--;
      let q = eq + 1;
      while (q < attrEnd && s.charCodeAt(q) !== 34 && s.charCodeAt(q) !== 39) q++;
      const qe = s.indexOf(s[q], q + 1);
      if (qe < 0) break;
      if (ne - ns === 1) {
        const an = s.charCodeAt(ns);
        if (an === 114 /* r */) {
          refAt = q + 1;
          refEnd = qe;
        } else if (an === 115 /* s */) {
          style = digitsAt(s, q + 1, qe);
          if (style < 0) style = parseInt(s.slice(q + 1, qe), 10);
        } else if (an === 116 /* t */) type = typeAt(s, q + 1, qe);
      }
      k = qe + 1;
    }
    let r = this.row;
    let c = this.col + 1;
    if (refAt >= 0 && this.parseRefAt(s, refAt, refEnd)) {
      c = this.refC;
      if (this.refR >= 0) r = this.refR;
    }
    if (r < 0) r = 0;
    if (r !== this.row) this.row = r;
    if (r >= MAX_ROWS || c >= MAX_COLS) throw new PackageError('corrupt', `${this.sheet}!${columnName(Math.min(c, 99999))}${r + 1}`);
    this.col = c;
    if (selfClosing || innerEnd <= gt + 1) return end;

    // Children: <v>, <f>, <is>. A plain <v> is kept as a span of `s` (vAt..vEnd) until its value is known.
    let vAt = -1;
    let vEnd = -1;
    let f: string | undefined;
    let fAttrs: string | undefined;
    let inline: string | undefined;
    let x = gt + 1;
    while (x < innerEnd) {
      const a = s.indexOf('<', x);
      if (a < 0 || a >= innerEnd) break;
      const ch = s.charCodeAt(a + 1);
      if (ch === 47 || ch === 33 || ch === 63) {
        x = s.indexOf('>', a) + 1;
        if (x <= 0) break;
        continue;
      }
      let b = a + 1;
      let col2 = -1;
      while (b < innerEnd && !isNameEnd(s.charCodeAt(b))) {
        if (s.charCodeAt(b) === 58) col2 = b;
        b++;
      }
      // The child's local name by its characters: v, f, is (no strings made for the common case).
      const ls = col2 < 0 ? a + 1 : col2 + 1;
      const c1 = s.charCodeAt(ls);
      const kind = b - ls === 1 ? (c1 === 118 ? 1 : c1 === 102 ? 2 : 0) : b - ls === 2 && c1 === 105 && s.charCodeAt(ls + 1) === 115 ? 3 : 0;
      const cgt = s.indexOf('>', b);
      if (cgt < 0 || cgt > innerEnd) break;
      const childSelf = s.charCodeAt(cgt - 1) === 47;
      let text = '';
      let after = cgt + 1;
      let stop = cgt + 1;
      if (!childSelf) {
        const close = col2 < 0 && kind === 1 ? s.indexOf('</v>', cgt) : s.indexOf(`</${s.slice(a + 1, b)}>`, cgt);
        stop = close < 0 || close > innerEnd ? innerEnd : close;
        if (kind > 1) text = s.slice(cgt + 1, stop);
        after = close < 0 || close > innerEnd ? innerEnd : close + (b - a) + 2;
      }
      if (kind === 1) {
        // <v/> is an empty value, as <v></v>
        vAt = cgt + 1;
        vEnd = stop;
      } else if (kind === 2) {
        f = text;
        fAttrs = s.slice(b, childSelf ? cgt - 1 : cgt);
      } else if (kind === 3) inline = richText(text);
      x = after;
    }

    let value = vAt >= 0 && inline === undefined ? this.quickValue(s, vAt, vEnd, type, style) : undefined;
    if (value === undefined) value = this.valueOf(type, vAt >= 0 ? s.slice(vAt, vEnd) : undefined, inline, style);
    if (value !== null) put(this.values, r, c, value);
    if (f !== undefined) {
      const formula = this.formulaOf(f, fAttrs ?? '', r, c);
      if (formula !== null) {
        this.formulas ??= [];
        put(this.formulas, r, c, formula);
        // no <v>, or an empty one that is not a text result (t="str" <v></v> is a cached ""): never calculated
        if (value === null) (this.uncalculated ??= []).push(columnName(c) + (r + 1));
      }
    }
    return end;
  }

  /**
   * The common cells without a string made: a shared-string index or a whole number written as plain
   * digits. undefined when the cell needs the general reading (valueOf).
   */
  private quickValue(s: string, a: number, b: number, type: number, style: number): CellValue | undefined {
    if (type === T_SHARED) {
      const at = digitsAt(s, a, b);
      if (at < 0) return undefined;
      const t = this.ctx.sharedStrings[at];
      return t === undefined ? null : t;
    }
    if (type !== T_NUMBER) return undefined;
    const num = digitsAt(s, a, b);
    if (num < 0) return undefined;
    if (style >= 0 && this.ctx.dateStyles[style]) return serialToDate(num, this.ctx.date1904);
    return num;
  }

  /** "AB12" at s[a..b) into refC/refR (refR -1 without a row); false when it is no reference. parseRef's rules. */
  private parseRefAt(s: string, a: number, b: number): boolean {
    let c = 0;
    let i = a;
    for (; i < b; i++) {
      let ch = s.charCodeAt(i);
      if (ch === 36) continue; // $
      if (ch >= 97 && ch <= 122) ch -= 32;
      if (ch < 65 || ch > 90) break;
      c = c * 26 + (ch - 64);
    }
    if (c === 0) return false;
    let r = 0;
    let digits = 0;
    for (; i < b; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 36) continue;
      if (ch < 48 || ch > 57) return false;
      r = r * 10 + (ch - 48);
      digits++;
    }
    this.refC = c - 1;
    this.refR = digits > 0 && r > 0 ? r - 1 : -1;
    return true;
  }

  private valueOf(type: number, v: string | undefined, inline: string | undefined, style: number): CellValue {
    switch (type) {
      case T_SHARED: {
        if (v === undefined) return null;
        const at = parseInt(v, 10);
        const t = this.ctx.sharedStrings[at];
        return t === undefined ? null : t;
      }
      case T_INLINE:
        if (inline !== undefined) return intern(this.ctx, inline);
        return v === undefined ? null : intern(this.ctx, decodeEntities(v));
      case T_STR:
        // Excel escapes characters XML forbids (CR among them) as _xHHHH_ in cached text too.
        return v === undefined ? null : intern(this.ctx, decodeXstring(decodeEntities(v)));
      case T_BOOL:
        if (v === undefined) return null;
        return v.trim() === '1' || v.trim() === 'true';
      case T_ERROR:
        return v === undefined ? null : { error: intern(this.ctx, decodeEntities(v).trim()) };
      case T_DATE: {
        if (v === undefined) return null;
        const d = new Date(v.trim().length <= 10 ? `${v.trim()}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(v.trim()) ? v.trim() : `${v.trim()}Z`);
        return isoDate(d);
      }
      default: {
        if (v === undefined) return inline !== undefined ? intern(this.ctx, inline) : null;
        const t = v.trim();
        if (t === '') return null;
        const num = Number(t);
        if (!Number.isFinite(num)) return null;
        if (style >= 0 && this.ctx.dateStyles[style]) return serialToDate(num, this.ctx.date1904);
        return num;
      }
    }
  }

  private formulaOf(text: string, attrText: string, r: number, c: number): string | null {
    const own = decodeEntities(text).replace(/^=/, '');
    if (attrText.indexOf('shared') < 0) return own === '' ? null : own;
    const a = attributes(attrText);
    if (a.get('t') !== 'shared') return own === '' ? null : own;
    const si = a.get('si') ?? '';
    if (own !== '') {
      this.shared.set(si, { text: own, r, c });
      return own;
    }
    const master = this.shared.get(si);
    // A follower whose master was not seen still is a formula: marked with an empty text.
    if (!master) return '';
    return shiftFormula(master.text, r - master.r, c - master.c);
  }

  private merge(ref: string | undefined): void {
    if (!ref) return;
    const m = ref.replace(/\$/g, '').toUpperCase();
    if (/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(m)) this.merges.push(m);
  }

  private validation(a: Map<string, string>, inner: string): void {
    let sqref = a.get('sqref');
    if (sqref === undefined) {
      // x14 validations carry their ranges in a child <xm:sqref>.
      const m = /<(?:[\w.-]+:)?sqref>([^<]*)</.exec(inner);
      if (m) sqref = m[1];
    }
    if (!sqref) return;
    const ranges = sqref.trim().split(/\s+/).filter((x) => x !== '');
    for (const range of ranges) this.validations.push(range.replace(/\$/g, '').toUpperCase());
    if ((a.get('type') ?? '') !== 'list') return;
    const f = /<(?:[\w.-]+:)?formula1>\s*(?:<(?:[\w.-]+:)?f>)?([^<]*)</.exec(inner);
    if (!f) return;
    const formula = decodeEntities(f[1]).trim();
    // A literal list ("是,否") refers to nothing; a range or a name does.
    if (formula === '' || formula.startsWith('"')) return;
    this.validationSources.push({ sqref: ranges.join(' '), formula });
  }

  /** A conditional format's rule formulas (<formula>, or <xm:f> in x14 rules), once each, for output-referenced. */
  private conditional(a: Map<string, string>, inner: string): void {
    const sqref = (a.get('sqref') ?? /<(?:[\w.-]+:)?sqref>([^<]*)</.exec(inner)?.[1] ?? '').trim().split(/\s+/).filter((x) => x !== '').join(' ');
    const seen = new Set<string>();
    for (const m of inner.matchAll(/<(?:[\w.-]+:)?(?:formula|f)>([^<]*)</g)) {
      const formula = decodeEntities(m[1]).trim();
      if (formula === '' || seen.has(formula)) continue;
      seen.add(formula);
      this.conditionalSources.push({ sqref, formula });
    }
  }

  finish(): ScannedSheet {
    const values = fill(this.values);
    if (this.merges.length > 0 && clearCovered(values, this.formulas, this.merges)) {
      trim(values);
      // The formula grid has holes where no row held a formula (POI's stress002.xlsx): filled first.
      if (this.formulas) trim(fill(this.formulas));
    }
    const out: ScannedSheet = {
      values,
      merges: this.merges,
      hiddenRows: this.hiddenRows,
      validations: this.validations,
      validationSources: this.validationSources,
      conditionalSources: this.conditionalSources,
    };
    if (this.formulas) out.formulas = fill(this.formulas);
    if (this.uncalculated) out.uncalculated = this.uncalculated;
    return out;
  }
}

function put<T>(grid: T[][], r: number, c: number, v: T): void {
  let row = grid[r];
  if (!row) {
    while (grid.length < r) grid.push(undefined as unknown as T[]);
    row = grid[r] = [];
  }
  while (row.length < c) row.push(null as T);
  row[c] = v;
}

/** Holes (rows never touched) become empty rows, so values[r] is always an array. */
function fill<T>(grid: T[][]): T[][] {
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}

/**
 * A merged area's value lives in its top-left cell only (as Excel shows it): values stored in the
 * covered cells are dropped. Only cells that exist are visited, so a merge over a whole sheet costs
 * what the sheet holds, not 17 billion steps.
 */
function clearCovered(values: CellValue[][], formulas: (string | null)[][] | undefined, merges: readonly string[]): boolean {
  let cleared = false;
  for (const m of merges) {
    const { r0, c0, r1, c1 } = parseRange(m);
    const rEnd = Math.min(r1, values.length - 1);
    for (let r = r0; r <= rEnd; r++) {
      const row = values[r];
      const frow = formulas?.[r];
      const cEnd = Math.min(c1, Math.max(row.length, frow?.length ?? 0) - 1);
      for (let c = c0; c <= cEnd; c++) {
        if (r === r0 && c === c0) continue;
        if (c < row.length && row[c] !== null) {
          row[c] = null;
          cleared = true;
        }
        if (frow && c < frow.length && frow[c] !== null) {
          frow[c] = null;
          cleared = true;
        }
      }
    }
  }
  return cleared;
}

/** Trailing empty cells and rows left by clearing dropped, as if they had never been read. */
function trim<T>(grid: (T | null)[][]): void {
  for (const row of grid) while (row.length > 0 && row[row.length - 1] === null) row.length--;
  while (grid.length > 0 && grid[grid.length - 1].length === 0) grid.length--;
}

/**
 * A shared formula's text for a follower: relative references of the master moved by (dr, dc), as Excel
 * does. String literals and quoted sheet names are left alone; a reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(text: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return text;
  let out = '';
  let i = 0;
  const re = /("(?:[^"]|"")*")|('(?:[^']|'')*')|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.!])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined || m[2] !== undefined) continue;
    // Part of a longer name (SUM1A1, _xlfn.X1) when preceded by a name character.
    const before = m.index > 0 ? text[m.index - 1] : '';
    if (/[\w.]/.test(before)) continue;
    const colAbs = m[3] === '$';
    const rowAbs = m[5] === '$';
    let c = 0;
    for (const ch of m[4].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    c -= 1;
    let r = parseInt(m[6], 10) - 1;
    if (c >= MAX_COLS) continue; // not a reference (e.g. a name like LOG10)
    if (!colAbs) c += dc;
    if (!rowAbs) r += dr;
    const moved = c < 0 || r < 0 || c >= MAX_COLS || r >= MAX_ROWS ? '#REF!' : `${m[3]}${columnName(c)}${m[5]}${r + 1}`;
    out += text.slice(i, m.index) + moved;
    i = m.index + m[0].length;
  }
  return out + text.slice(i);
}

/** The text of a rich or plain string (<si> or <is> content): every <t> outside phonetic runs, ST_Xstring decoded. */
export function richText(inner: string): string {
  // Fast path: one plain <t>.
  if (inner.startsWith('<t>') || inner.startsWith('<t ')) {
    const gt = inner.indexOf('>');
    const close = inner.indexOf('</t>', gt);
    if (close >= 0 && close + 4 === inner.length) return decodeXstring(decodeEntities(inner.slice(gt + 1, close)));
  }
  let out = '';
  let i = 0;
  let inPhonetic = 0;
  for (;;) {
    const lt = inner.indexOf('<', i);
    if (lt < 0) break;
    const gt = inner.indexOf('>', lt);
    if (gt < 0) break;
    const closing = inner.charCodeAt(lt + 1) === 47;
    let nameEnd = lt + (closing ? 2 : 1);
    while (nameEnd < gt && !isNameEnd(inner.charCodeAt(nameEnd))) nameEnd++;
    const qname = inner.slice(lt + (closing ? 2 : 1), nameEnd);
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const self = inner.charCodeAt(gt - 1) === 47;
    if (local === 'rPh') {
      if (closing) inPhonetic = Math.max(0, inPhonetic - 1);
      else if (!self) inPhonetic++;
      i = gt + 1;
      continue;
    }
    if (local === 't' && !closing && !self) {
      const close = inner.indexOf(`</${qname}>`, gt);
      const stop = close < 0 ? inner.length : close;
      if (inPhonetic === 0) out += inner.slice(gt + 1, stop);
      i = close < 0 ? inner.length : close + qname.length + 3;
      continue;
    }
    i = gt + 1;
  }
  return decodeXstring(decodeEntities(out));
}

/** Scan sharedStrings.xml pieces into the string table (rich text joined, phonetic runs left out). */
export function scanSharedStrings(pieces: Iterable<string>, ctx: Pick<ScanContext, 'intern'>): string[] {
  const out: string[] = [];
  let buf = '';
  let pos = 0;
  const run = (s: string, final: boolean): number => {
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return s.length;
      const gt = s.indexOf('>', lt);
      if (gt < 0) return final ? s.length : lt;
      let j = lt + 1;
      while (j < gt && !isNameEnd(s.charCodeAt(j))) j++;
      const qname = s.slice(lt + 1, j);
      const colon = qname.indexOf(':');
      const local = colon < 0 ? qname : qname.slice(colon + 1);
      if (local !== 'si') {
        i = gt + 1;
        continue;
      }
      if (s.charCodeAt(gt - 1) === 47) {
        out.push('');
        i = gt + 1;
        continue;
      }
      const close = s.indexOf(`</${qname}>`, gt);
      if (close < 0) return final ? s.length : lt;
      const text = richText(s.slice(gt + 1, close));
      out.push(text.length <= INTERN_MAX ? intern(ctx as ScanContext, text) : text);
      i = close + qname.length + 3;
    }
  };
  for (const piece of pieces) {
    buf = pos < buf.length ? buf.slice(pos) + piece : piece;
    pos = run(buf, false);
  }
  if (pos < buf.length) run(buf.slice(pos), true);
  return out;
}

/**
 * A date serial → the day as text (with the time of day when there is one), the same convention the
 * ExcelJS-based reader had: 1900 serials counted from 1899-12-30 (1904 ones from 1904-01-01), rounded
 * to the millisecond, seconds shown when not zero.
 */
export function serialToDate(serial: number, date1904: boolean): CellValue {
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  return isoDate(new Date(Math.round(days * 86_400_000)));
}

export function isoDate(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  if (secs === 0) return day;
  return `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}${d.getUTCSeconds() ? ':' + p(d.getUTCSeconds()) : ''}`;
}
