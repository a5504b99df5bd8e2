/**
 * A workbook as the product sees it: sheets as grids of values. Hosts (Office.js, .xlsx) build it;
 * recognition reads it. Nothing here depends on Excel or on a file library.
 */
import type { CellValue } from '../core/types';

/** Which of the product's own sheets a marked sheet is. */
export type OutputKind = 'summary' | 'notification' | 'checks' | 'details';

export interface SheetSnapshot {
  name: string;
  /**
   * Values, row-major, from A1: values[0][0] is A1 whatever the used range. Rows may be ragged
   * (a missing cell is null). A formula cell holds its cached result.
   */
  values: CellValue[][];
  /** Formulas, same addressing as `values` (without the leading "="); null where no formula. Omitted when the sheet has none. */
  formulas?: (string | null)[][];
  /**
   * Formula cells with no stored result (A1, in reading order), as files written by scripts (openpyxl…)
   * carry them: their value is unknown, never a blank (SPEC §4 uncalculated-formula). Omitted when none;
   * Excel always has calculated values.
   */
  uncalculated?: string[];
  /** merged areas in A1 form ("A1:F1") */
  merges: string[];
  /** set when the product created this sheet (its marker), with which output it is */
  createdBy?: OutputKind;
  /** hidden sheets are still read */
  visible?: boolean;
  /** 0-based indexes of hidden rows (their ratings still count; listed so messages can say so) */
  hiddenRows?: number[];
  /** ranges (A1) that carry a data validation, kept as ranges, never expanded cell by cell */
  validations?: string[];
}

/**
 * A formula that lives outside a cell and may refer to sheets: a defined name, a chart series, a pivot
 * cache source, a validation list source, a conditional format. Used to warn before the product replaces
 * a sheet something of the user's points at (SPEC §5 output-referenced).
 */
export interface ObjectFormula {
  kind: 'name' | 'chart' | 'pivot' | 'validation' | 'conditional-format';
  /** what the user would call it: the name, "图表 1", … */
  label: string;
  /** the sheet it lives on, when it has one */
  sheet?: string;
  /** formula text without the leading "=" */
  formula: string;
}

/** What kind of file the snapshot came from; absent in Excel. */
export type SourceFormat = 'xlsx' | 'xlsm' | 'xls' | 'et' | 'ods' | 'csv';

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** formulas outside cells (names, charts, pivots…) that may refer to sheets */
  objectFormulas?: ObjectFormula[];
  /** the input file's format (legacy formats get the `legacy-format` info and a new .xlsx) */
  format?: SourceFormat;
  /** Excel's calculation is manual and could not be run before reading: values are as last calculated */
  staleCalculation?: boolean;
}

/** Read one cell, null outside the grid. r and c are 0-based. */
export function cellAt(sheet: SheetSnapshot, r: number, c: number): CellValue {
  const row = sheet.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

// The one A1-address helper lives in the core (which depends on nothing); hosts and recognition use it from here.
export { address, columnName, parseAddress, parseRange } from '../core/a1';
