/**
 * SPEC §5 output-referenced: a formula, name, chart, pivot table, validation or conditional format of the
 * user's that refers to a sheet the product rewrites (its marked sheets: 考核汇总, 考核结果通报, 校验问题,
 * 计算明细, under whatever name they were marked). The office's own 考核汇总 is only filled, never
 * rewritten (SPEC §4.6), so it does not count. Decided here once; renderers only show the findings.
 */
import { outputReferencedCells, outputReferencedObject } from '../../core/messages';
import type { Finding } from '../../core/types';
import { address, type ObjectFormula, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { sheetReferences } from './references';

/** Formats whose output holds the product's sheets only: the user's formulas are not carried over. */
const NEW_FILE_FORMATS: ReadonlySet<string> = new Set(['xls', 'et', 'ods', 'csv']);

const OBJECT_KINDS: ReadonlySet<unknown> = new Set<ObjectFormula['kind']>(['name', 'chart', 'pivot', 'validation', 'conditional-format']);

/** A sheet's name as a key: Excel compares sheet names without regard to case (a nameless sheet is ''). */
const keyOf = (name: unknown): string => (typeof name === 'string' ? name.toLowerCase() : '');

export function outputReferences(snapshot: WorkbookSnapshot | null | undefined, sheets: readonly SheetSnapshot[]): Finding[] {
  const format = snapshot?.format;
  if (typeof format === 'string' && NEW_FILE_FORMATS.has(format)) return [];
  const product = new Map<string, string>();
  for (const s of sheets) if (typeof s.createdBy === 'string' && (s.createdBy as string) !== '' && typeof s.name === 'string') product.set(keyOf(s.name), s.name);
  if (product.size === 0) return [];
  const targetsOf = (formula: string): string[] => {
    const out: string[] = [];
    for (const r of sheetReferences(formula)) {
      if (r.book !== undefined) continue; // another workbook
      const name = product.get(r.sheet.toLowerCase());
      if (name !== undefined && !out.includes(name)) out.push(name);
    }
    return out;
  };

  const findings: Finding[] = [];
  for (const sheet of sheets) {
    if (typeof sheet.name !== 'string' || product.has(keyOf(sheet.name)) || !Array.isArray(sheet.formulas)) continue;
    const cells: string[] = [];
    const targets: string[] = [];
    sheet.formulas.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((f, c) => {
        if (typeof f !== 'string' || f === '') return;
        const found = targetsOf(f);
        if (found.length === 0) return;
        cells.push(address(r, c));
        for (const t of found) if (!targets.includes(t)) targets.push(t);
      });
    });
    if (cells.length > 0) findings.push(outputReferencedCells(sheet.name, cells, targets));
  }

  const objects = snapshot?.objectFormulas;
  for (const o of (Array.isArray(objects) ? objects : []) as ObjectFormula[]) {
    if (!o || typeof o !== 'object' || typeof o.formula !== 'string' || !OBJECT_KINDS.has(o.kind)) continue;
    // the product's own objects (print titles, its sheets' validations) live on its sheets
    if (o.sheet !== undefined && product.has(keyOf(o.sheet))) continue;
    const targets = targetsOf(o.formula);
    if (targets.length === 0) continue;
    // a validation or conditional format is labelled by the ranges it covers: the first is where to look
    const cell = o.kind === 'validation' || o.kind === 'conditional-format' ? firstArea(o.label) : undefined;
    findings.push(outputReferencedObject(o.kind, String(o.label), targets, typeof o.sheet === 'string' ? o.sheet : undefined, cell));
  }
  return findings;
}

function firstArea(sqref: string): string | undefined {
  const first = String(sqref).trim().split(/\s+/)[0];
  return /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(first) ? first.replace(/\$/g, '') : undefined;
}
