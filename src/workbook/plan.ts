/**
 * Output plans: what to write, as data. Built from results by the plan builders, applied by a host in
 * one batch. Host-independent: hosts translate styles to Office.js or ExcelJS.
 */
import type { OutputKind } from './snapshot';

export type PlanValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** font face, e.g. "宋体"; unset: the workbook's default font */
  fontName?: string;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" solid fill */
  fill?: string;
  /** Excel number format, e.g. "0.0" */
  numberFormat?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** thin borders on every edge of every cell in the range */
  border?: boolean;
  underline?: boolean;
}

export interface StyleRange {
  /** A1 range, "A3:M3" */
  range: string;
  style: CellStyle;
}

export interface CellLink {
  /** A1 of the cell holding the link; its value is the link's text */
  cell: string;
  /** the target cell in this workbook */
  sheet: string;
  target: string;
}

export interface ListValidation {
  /** A1 range */
  range: string;
  /** allowed values (a drop-down list) */
  list: string[];
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** fit all columns on one page width */
  fitToWidth: boolean;
  /** rows repeated at the top of each page, "3:3" */
  titleRows?: string;
  /** print area, "A1:E30" */
  area?: string;
  /** centre horizontally on the page */
  centered?: boolean;
}

/** A sheet the product creates (or replaces, when it created the previous one). */
export interface SheetPlan {
  mode: 'new';
  kind: OutputKind | 'template';
  /** the final name, already resolved against the workbook ("考核汇总 (2)" when the user has a 考核汇总) */
  name: string;
  /** name of the product-made sheet this one replaces, if any */
  replaces?: string;
  /** values from A1, row-major; rows may be ragged */
  values: PlanValue[][];
  styles: StyleRange[];
  merges: string[];
  /** width of each column in characters (index 0 = A) */
  columnWidths: number[];
  /** row heights in points, by 0-based row */
  rowHeights?: { row: number; height: number }[];
  freeze?: { rows: number; columns: number };
  links: CellLink[];
  validations: ListValidation[];
  print?: PrintSetup;
  tabColor?: string;
}

/**
 * Cells written into a sheet the user owns, values only, nothing else touched: the office's own summary
 * sheet (SPEC §4.6), or the settings sheet when the user edits a setting in the task pane.
 */
export interface FillPlan {
  mode: 'fill';
  kind: 'summary' | 'settings';
  name: string;
  cells: { cell: string; value: PlanValue }[];
}

export interface WorkbookPlan {
  sheets: (SheetPlan | FillPlan)[];
  /** the sheet to show when done */
  activate?: string;
}
