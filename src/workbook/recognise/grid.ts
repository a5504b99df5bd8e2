/**
 * A sheet snapshot read defensively: ragged rows, holes, odd values and malformed merges never throw.
 * Addresses are built from cached column letters because every rating carries one.
 */
import { trimAll } from '../../core/text';
import { isBlank } from '../../core/values';
import type { CellRef, CellValue } from '../../core/types';
import { columnName, parseRange, type SheetSnapshot } from '../snapshot';
import { sheetReferences } from './references';

const LETTERS: string[] = [];

/** Column letters, cached: 0 → "A". */
export function colLetters(c: number): string {
  let s = LETTERS[c];
  if (s === undefined) {
    s = columnName(c);
    if (c < 20000) LETTERS[c] = s;
  }
  return s;
}

/** 0-based (r, c) to "B3", with cached letters. */
export function a1(r: number, c: number): string {
  return colLetters(c) + (r + 1);
}

/** "B3:F9" from 0-based corners. */
export function a1Range(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`;
}

const VALUE_ERROR: CellValue = { error: '#VALUE!' };

/** Whatever a host put in a cell, as a CellValue (unknown objects read as an error value). */
export function cleanValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return v as string | boolean;
  if (t === 'number') return v as number;
  if (t === 'object' && typeof (v as { error?: unknown }).error === 'string') return v as CellValue;
  return VALUE_ERROR;
}

/** A character that may be white space for trimAll (checked on the first and last character only: a fast path). */
function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** trimAll with a fast path for the common case of nothing to trim. */
export function trimText(s: string): string {
  if (s.length === 0) return s;
  if (!isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(s.length - 1))) return s;
  return trimAll(s);
}

/** A value as text for names and headers: trimmed string, a finite number's digits, "" otherwise. */
export function textOfValue(v: CellValue): string {
  if (typeof v === 'string') return trimText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return '';
}

/** core's isBlank (the one blank test), with a fast path for a string that starts with a letter. */
export function isBlankValue(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  return v.length === 0 || (isSpace(v.charCodeAt(0)) && isBlank(v));
}

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Merged areas indexed by column, sorted by first row, for binary search. */
class MergeIndex {
  private readonly byCol = new Map<number, Area[]>();

  constructor(merges: unknown, width: number, height: number) {
    if (!Array.isArray(merges)) return;
    for (const m of merges) {
      if (typeof m !== 'string') continue;
      let a: Area;
      try {
        a = parseRange(m);
      } catch {
        continue;
      }
      if (a.r0 === a.r1 && a.c0 === a.c1) continue;
      if (a.r0 >= height || a.c0 >= width) continue;
      const last = Math.min(a.c1, width - 1);
      for (let c = a.c0; c <= last; c++) {
        let list = this.byCol.get(c);
        if (!list) this.byCol.set(c, (list = []));
        list.push(a);
      }
    }
    for (const list of this.byCol.values()) list.sort((x, y) => x.r0 - y.r0);
  }

  /** The merged area covering (r, c), if any. */
  at(r: number, c: number): Area | undefined {
    const list = this.byCol.get(c);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].r0 <= r) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Overlapping (invalid) merges: look back a little for one that still covers r.
    for (let i = found; i >= 0 && i > found - 4; i--) {
      const a = list[i];
      if (a.r0 <= r && r <= a.r1) return a;
    }
    return undefined;
  }
}

export class Grid {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  private readonly rows: unknown[];
  private readonly formulas: unknown[];
  private readonly merges: MergeIndex;

  constructor(sheet: SheetSnapshot, index: number) {
    this.name = typeof sheet?.name === 'string' ? sheet.name : `Sheet${index + 1}`;
    this.rows = Array.isArray(sheet?.values) ? sheet.values : [];
    this.formulas = Array.isArray(sheet?.formulas) ? sheet.formulas : [];
    this.height = this.rows.length;
    let width = 0;
    for (let r = 0; r < this.height; r++) {
      const row = this.rows[r];
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    this.width = width;
    this.merges = new MergeIndex(sheet?.merges, width, this.height);
  }

  /** The row's cells (possibly ragged or empty). */
  row(r: number): readonly unknown[] {
    const row = this.rows[r];
    return Array.isArray(row) ? row : [];
  }

  /** The cell's value; column -1 (a role the header lacks) reads as blank, as any missing cell does. */
  value(r: number, c: number): CellValue {
    const row = this.rows[r];
    return Array.isArray(row) ? cleanValue(row[c]) : null;
  }

  /** The cell's formula text (without "="), or null. */
  formula(r: number, c: number): string | null {
    const row = this.formulas[r];
    const f = Array.isArray(row) ? (row as unknown[])[c] : null;
    return typeof f === 'string' && f !== '' ? f : null;
  }

  text(r: number, c: number): string {
    return textOfValue(this.value(r, c));
  }

  ref(r: number, c: number): CellRef {
    return { sheet: this.name, cell: a1(r, c) };
  }

  mergeAt(r: number, c: number): Area | undefined {
    return this.merges.at(r, c);
  }

  /**
   * The cell's value, or, when it is blank inside a merged area, the merge's top-left value (a branch
   * cell merged over several rows applies to each row). `r`/`c` say where the value lives.
   */
  filled(r: number, c: number): { value: CellValue; r: number; c: number } {
    const v = this.value(r, c);
    if (!isBlankValue(v)) return { value: v, r, c };
    const m = this.merges.at(r, c);
    if (!m || (m.r0 === r && m.c0 === c)) return { value: v, r, c };
    return { value: this.value(m.r0, m.c0), r: m.r0, c: m.c0 };
  }

  /** True when the cell is part of a merge wider than one column (titles, notes, category bands). */
  inWideMerge(r: number, c: number): boolean {
    const m = this.merges.at(r, c);
    return m !== undefined && m.c1 > m.c0;
  }

  /** True when no cell holds anything. */
  isEmpty(): boolean {
    for (let r = 0; r < this.height; r++) {
      const row = this.rows[r];
      if (!Array.isArray(row)) continue;
      for (let c = 0; c < row.length; c++) if (!isBlankValue(cleanValue(row[c]))) return false;
    }
    return true;
  }
}

/** The sheet names a formula refers to ("COUNTIFS('民主测评'!C:C,"优秀")" → 民主测评), workbook prefixes dropped. */
export function sheetsReferenced(formula: string): string[] {
  const out: string[] = [];
  for (const r of sheetReferences(formula)) if (!out.includes(r.sheet)) out.push(r.sheet);
  return out;
}
