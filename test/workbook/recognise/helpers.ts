/** Small snapshot builders for recognition tests. */
import { defaultCatalogue } from '../../../src/core/catalogue';
import type { CellValue, Finding } from '../../../src/core/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';

export function sheet(name: string, rows: CellValue[][], merges: string[] = [], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values: rows, merges, ...extra };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

export const INDICATORS = defaultCatalogue().indicators;
export const CODES = INDICATORS.map((i) => i.code);

/** A row of n copies of v. */
export function fill<T>(n: number, v: T): T[] {
  return Array.from({ length: n }, () => v);
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

export function only(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}
