/**
 * Workbook files → WorkbookSnapshot. Works on bytes only (no fs), so the same code runs in Node and in
 * the browser bundle. An .xlsx/.xlsm is read by the streaming package reader (package-read.ts); a
 * legacy .xls/.et through SheetJS (legacy.ts, loaded only for such a file); both under the limits of
 * SPEC §4.
 *
 * The loaded workbook is a plain object owned by this host: the snapshot read from the file and, for an
 * .xlsx, the file's bytes, whose package the writer (write.ts) keeps and adds the product's sheets to.
 */
import type { SourceFormat, WorkbookSnapshot } from '../../workbook/snapshot';
import { classifyBytes, fromPackageError, InternalError, isLegacyContainer, isOpenDocument, notAWorkbook, XlsxError } from './errors';
import { NotAWorkbook, readPackage, type ReadOptions } from './package-read';
import { openZip, PackageError, UNPACKED_LIMIT } from './zip';

/** The loaded workbook (see above). */
export interface XlsxWorkbook {
  readonly snapshot: WorkbookSnapshot;
  /** the .xlsx package the output is built on; none for a new workbook or a legacy file */
  readonly source?: Uint8Array;
}

export interface LoadOptions extends ReadOptions {
  /** the file's name, when known: tells a WPS .et from an .xls */
  fileName?: string;
}

/** A fresh, empty workbook (for `template` and `sample`): the output holds the plans' sheets only. */
export function createWorkbook(): XlsxWorkbook {
  return { snapshot: { sheets: [] } };
}

/** Load workbook bytes; bad input becomes an XlsxError with a one-line reason. */
export async function loadWorkbook(data: Uint8Array, options: LoadOptions = {}): Promise<XlsxWorkbook> {
  // SheetJS is large: fetched (in the browser, a chunk of its own) only for a legacy file.
  if (isLegacyContainer(data)) return { snapshot: await guarded(async () => (await import('./legacy')).readLegacy(data, legacyFormat(options.fileName), options)) };
  if (isOpenDocument(data)) {
    return {
      snapshot: await guarded(async () => {
        checkUnpacked(data, options);
        return (await import('./legacy')).readLegacy(data, 'ods', options);
      }),
    };
  }
  // The writer keeps the file's package and adds the product's sheets to it (a legacy file has none to keep).
  return { snapshot: readWorkbook(data, options), source: data };
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

/** A known input problem as its XlsxError; anything else is ours (InternalError, exit 3), never "damaged". */
function asXlsxError(e: unknown): XlsxError | InternalError {
  if (e instanceof XlsxError || e instanceof InternalError) return e;
  if (e instanceof PackageError) return fromPackageError(e);
  if (e instanceof NotAWorkbook) return notAWorkbook();
  return new InternalError(undefined, e);
}

/**
 * An .ods is a zip that the library unpacks whole: every part is inflated here first, through the
 * package reader's zip with its checks (declared and actual sizes, the unpacked limit), so a zip bomb is
 * refused before the library sees it.
 */
function checkUnpacked(data: Uint8Array, options: ReadOptions): void {
  const zip = openZip(data, { unpackedLimit: options.unpackedLimit ?? UNPACKED_LIMIT });
  for (const entry of zip) {
    const chunks = entry.chunks();
    while (!chunks.next().done) continue;
  }
}

function legacyFormat(fileName: string | undefined): SourceFormat {
  return fileName && /\.et$/i.test(fileName) ? 'et' : 'xls';
}

/** Every sheet in tab order: values from A1, formulas when any, merges, marker, visibility. */
export function snapshotOf(wb: XlsxWorkbook): WorkbookSnapshot {
  return wb.snapshot;
}

export { InternalError, XlsxError };
