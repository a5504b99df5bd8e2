/** The recognition result's types (public API, re-exported by index.ts). */
import type { AssessmentInput, SettingOrigin, Source } from '../../core/types';

export type SheetRole =
  | 'roster'
  | 'catalogue'
  | 'settings'
  | 'forms'
  | 'tally'
  | 'long'
  | 'questionnaire'
  | 'spot-checks'
  | 'office-summary'
  | 'output'
  | 'ignored'
  | 'empty'
  /** instructions for the clerk (the template's 填表说明): read by people, not by the product */
  | 'notes';

export interface SheetRecognition {
  name: string;
  role: SheetRole;
  source?: Source;
  /** header row(s), 1-based, for messages */
  headerRows?: number[];
}

/** SPEC §4.6: the cells of a user-made 考核汇总 sheet that the product may fill. */
export interface OfficeSummaryTarget {
  sheet: string;
  /** 0-based */
  headerRow: number;
  branchCol: number;
  totalCol?: number;
  gradeCol?: number;
  rankCol?: number;
  /** one per data row: the branch cell text as written, 0-based row */
  rows: { branch: string; row: number }[];
}

/** Rating cells of a sheet (grades on forms/long sheets, vote counts on tallies), for drop-downs and highlighting. */
export interface RatingRange {
  sheet: string;
  /** A1 */
  range: string;
  kind: 'grade' | 'count';
}

export interface Recognition {
  /** catalogue (default when the sheet is absent or invalid), ruleset, roster|null, forms, tallies, adjustments, findings */
  input: AssessmentInput;
  origins: SettingOrigin[];
  /** every sheet, workbook order */
  sheets: SheetRecognition[];
  /** SPEC §4.6 */
  officeSummary?: OfficeSummaryTarget;
  /** the rating cells per sheet, so the UI can add drop-downs / highlight */
  ratingRanges: RatingRange[];
  /** no rating sheet at all was recognised (the CLI exits 2) */
  nothingRecognised: boolean;
}
