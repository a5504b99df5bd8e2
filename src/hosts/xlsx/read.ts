/**
 * Workbook files → WorkbookSnapshot. Works on bytes only (no fs), so the same code runs in Node and in
 * the browser bundle. An .xlsx/.xlsm is read by the streaming package reader (package-read.ts); a
 * legacy .xls/.et through SheetJS (legacy.ts); both under the limits of SPEC §4.
 *
 * The loaded workbook is still an ExcelJS Workbook object for the writer's sake (write.ts keys its
 * state on it and builds in-memory workbooks with ExcelJS); for a file it stays empty: the snapshot
 * and the source bytes are what count.
 */
import ExcelJS from 'exceljs';
import type { SourceFormat, WorkbookSnapshot } from '../../workbook/snapshot';
import { classifyBytes, corrupt, fromPackageError, isLegacyContainer, notAWorkbook, XlsxError } from './errors';
import { NotAWorkbook, readPackage, type ReadOptions } from './package-read';
import { snapshotOfExcelJs } from './read-exceljs';
import { rememberSource } from './write';
import { PackageError } from './zip';

/** The loaded workbook (see above). */
export type XlsxWorkbook = ExcelJS.Workbook;

export interface LoadOptions extends ReadOptions {
  /** the file's name, when known: tells a WPS .et from an .xls */
  fileName?: string;
}

/** Snapshots of workbooks loaded from files. */
const loaded = new WeakMap<XlsxWorkbook, WorkbookSnapshot>();

/** A fresh, empty workbook (for `template` and `sample`). */
export function createWorkbook(): XlsxWorkbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BranchAssessment';
  return wb;
}

/** Load workbook bytes; bad input becomes an XlsxError with a one-line reason. */
export async function loadWorkbook(data: Uint8Array, options: LoadOptions = {}): Promise<XlsxWorkbook> {
  // SheetJS is large: fetched (in the browser, a chunk of its own) only for a legacy file.
  const snapshot = isLegacyContainer(data) ? await guarded(async () => (await import('./legacy')).readLegacy(data, legacyFormat(options.fileName), options)) : readWorkbook(data, options);
  const wb = new ExcelJS.Workbook();
  loaded.set(wb, snapshot);
  // The writer keeps the file's package and adds the product's sheets to it (a legacy file has none to keep).
  if (snapshot.format !== 'xls' && snapshot.format !== 'et') rememberSource(wb, data);
  return wb;
}

/** An .xlsx/.xlsm's snapshot, or an XlsxError (a legacy file is read by loadWorkbook). */
export function readWorkbook(data: Uint8Array, options: LoadOptions = {}): WorkbookSnapshot {
  const early = classifyBytes(data);
  if (early) throw early;
  try {
    return readPackage(data, options).snapshot;
  } catch (e) {
    throw asXlsxError(e);
  }
}

async function guarded(read: () => Promise<WorkbookSnapshot>): Promise<WorkbookSnapshot> {
  try {
    return await read();
  } catch (e) {
    throw asXlsxError(e);
  }
}

function asXlsxError(e: unknown): XlsxError {
  if (e instanceof XlsxError) return e;
  if (e instanceof PackageError) return fromPackageError(e);
  if (e instanceof NotAWorkbook) return notAWorkbook();
  // Our own bug or an unforeseen shape: one line, never a stack or a library's words.
  return corrupt();
}

function legacyFormat(fileName: string | undefined): SourceFormat {
  return fileName && /\.et$/i.test(fileName) ? 'et' : 'xls';
}

/** Every sheet in tab order: values from A1, formulas when any, merges, marker, visibility. */
export function snapshotOf(wb: XlsxWorkbook): WorkbookSnapshot {
  return loaded.get(wb) ?? snapshotOfExcelJs(wb);
}

export { toCellValue } from './read-exceljs';
export { XlsxError };
