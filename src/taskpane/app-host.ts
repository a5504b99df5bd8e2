/**
 * The task pane's one port to its host. Inside Excel it is Office.js (officeAppHost); standalone it is a
 * workbook opened from disk and kept in memory (fileAppHost). Components only see AppHost, so the same
 * app runs in both, and tests drive it with a fake.
 */
import type { CellRef, Text } from '../core/types';
import type { WorkbookHost } from '../workbook/host';
import { ExcelHost, ExcelHostError, toUserMessage } from '../hosts/excel';
import { platformError } from '../hosts/excel/errors';
import { excelCapabilities, PLATFORM_TEXT, type ExcelCapabilities } from '../hosts/excel/platform';
import { bilingual } from '../workbook/terms';
import { concatBytes } from './bytes';
import { downloadViaAnchor, textOfError } from './host-util';
import { loadWorkbookFile, loadXlsx } from './xlsx-lazy';

export { CSV_MIME, PDF_MIME, XLSX_MIME, downloadViaAnchor, textOfError } from './host-util';

export interface DropDownRange {
  sheet: string;
  range: string;
  list: string[];
}

export interface AppHost {
  kind: 'excel' | 'file';
  /** The open workbook; for 'file', null until a file is opened. */
  workbookHost(): WorkbookHost | null;
  selectCell?(sheet: string, cell: string): Promise<void>;
  setHighlights?(refs: CellRef[], on: boolean): Promise<void>;
  /** `unsupported`: the Excel version cannot add data validation */
  addDropDowns?(ranges: DropDownRange[]): Promise<{ added: number; unsupported: boolean }>;
  /**
   * Open the .xlsx as a new workbook; `unsupported` when this Excel cannot create workbooks; `note` what to
   * tell the user besides (on Mac: the new window is behind this one).
   */
  exportWorkbook?(xlsxBase64: string): Promise<{ unsupported: boolean; note?: Text }>;
  /** false where a download from the pane cannot work (Excel for Mac): hide download buttons. Absent = true. */
  canDownload?: boolean;
  /** Inside Excel: what this platform can do (see src/hosts/excel/platform.ts). */
  capabilities?: ExcelCapabilities;
  /**
   * After a grade run wrote its results: what Excel refused or ignored of the layout (freeze panes, print
   * setup, tab colour), one warning each; the results themselves are all in.
   */
  writeWarnings?(): Text[];
  /** The workbook as PDF, or null when this host cannot make one. */
  getPdf?(): Promise<Uint8Array | null>;
  download(name: string, data: Uint8Array | string, mime: string): void;

  // Standalone only (kind 'file').
  /** Load a workbook from disk; rejects with an error carrying a bilingual reason. */
  openFile?(name: string, data: Uint8Array): Promise<void>;
  /** The opened file's name, null before one is opened. */
  fileName?(): string | null;
  /** The opened workbook (with everything applied to it) as .xlsx bytes. */
  saveWorkbook?(): Promise<Uint8Array>;

  /** The host's own wording for one of its errors, when it has one. */
  describeError?(error: unknown): Text | null;
  /**
   * Inside Excel: `listener(true)` when Excel has held the pane's work for a while because a cell is being
   * edited (Windows and Mac wait for the edit to end, without limit: office-js #806), `listener(false)`
   * when the work goes on. Returns the unsubscribe.
   */
  watchCellEdit?(listener: (waiting: boolean) => void): () => void;
}

// ---------------------------------------------------------------------------------------------
// Inside Excel

/** Where PDF export through getFileAsync is offered (requirement set "PdfFile"). */
function pdfSupported(office: typeof Office): boolean {
  try {
    return (
      typeof office.context?.document?.getFileAsync === 'function' &&
      office.context.requirements?.isSetSupported?.('PdfFile') === true
    );
  } catch {
    return false;
  }
}

/**
 * The document as PDF through Office's file slices (at most 4 MB each). Excel on the web can report
 * success with size 0 and no slices (office-js #5950, #5473): that, or an empty result, rejects with a
 * clear message instead of handing over a 0-byte file.
 */
function readPdf(office: typeof Office): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    office.context.document.getFileAsync(office.FileType.Pdf, { sliceSize: 4 * 1024 * 1024 }, (res) => {
      if (res.status !== office.AsyncResultStatus.Succeeded) return resolve(null);
      const file = res.value;
      const parts: ArrayLike<number>[] = [];
      const empty = () => platformError(PLATFORM_TEXT.emptyPdf, 'getFileAsync(Pdf) returned 0 bytes');
      if (file.size === 0 || !(file.sliceCount > 0)) return file.closeAsync(() => reject(empty()));
      const close = (out: Uint8Array | null) =>
        file.closeAsync(() => (out !== null && out.length === 0 ? reject(empty()) : resolve(out)));
      const next = (i: number) => {
        if (i >= file.sliceCount) return close(concatBytes(parts));
        file.getSliceAsync(i, (slice) => {
          if (slice.status !== office.AsyncResultStatus.Succeeded) return close(null);
          parts.push(slice.value.data as ArrayLike<number>);
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

export interface OfficeAppHostOptions {
  /** the cell-edit wait's timers (default setTimeout, after about 3 s); tests drive them */
  cellEditTimers?: { setTimer: (f: () => void, ms: number) => unknown; clearTimer: (id: unknown) => void };
}

/** Excel on the web refused the work because a cell is being edited (office-js #1393, #3019). */
function cellEditRefused(error: unknown): boolean {
  return error instanceof ExcelHostError && error.failure === 'cell-edit';
}

export function officeAppHost(excel: typeof Excel, office: typeof Office, doc: Document = document, options: OfficeAppHostOptions = {}): AppHost {
  const capabilities = excelCapabilities(office);
  const isSetSupported = (name: string, version: string) => office.context?.requirements?.isSetSupported?.(name, version) === true;
  const cellEditListeners = new Set<(waiting: boolean) => void>();
  const host = new ExcelHost(excel, {
    platform: capabilities.platform,
    isSetSupported,
    cellEditWait: {
      onWaiting: (waiting) => cellEditListeners.forEach((l) => l(waiting)),
      setTimer: options.cellEditTimers?.setTimer,
      clearTimer: options.cellEditTimers?.clearTimer,
    },
  });
  const app: AppHost = {
    kind: 'excel',
    workbookHost: () => host,
    selectCell: (sheet, cell) => host.selectCell(sheet, cell),
    setHighlights: (refs, on) => host.setHighlights(refs, on),
    addDropDowns: (ranges) => host.addDropDowns(ranges),
    exportWorkbook: (base64) => host.exportWorkbook(base64),
    canDownload: capabilities.canDownload,
    capabilities,
    writeWarnings: () => host.cosmeticIssues().map((i) => i.text),
    // On Mac a download link does nothing and says nothing: refuse loudly instead of claiming "downloaded".
    download: capabilities.canDownload
      ? (name, data, mime) => downloadViaAnchor(doc, name, data, mime)
      : (name) => {
          throw platformError(PLATFORM_TEXT.noDownload, `download of ${name} on Mac`);
        },
    describeError: (e) => (cellEditRefused(e) ? bilingual((t) => t.cellEditRetry) : (textOfError(e) ?? toUserMessage(e))),
    watchCellEdit: (listener) => {
      cellEditListeners.add(listener);
      return () => void cellEditListeners.delete(listener);
    },
  };
  if (capabilities.pdfExport && pdfSupported(office)) app.getPdf = () => readPdf(office);
  return app;
}

// ---------------------------------------------------------------------------------------------
// Standalone, on a file from disk

export function fileAppHost(doc: Document = document): AppHost {
  let host: WorkbookHost | null = null;
  let save: (() => Promise<Uint8Array>) | null = null;
  let name: string | null = null;
  return {
    kind: 'file',
    workbookHost: () => host,
    fileName: () => name,
    async openFile(fileName, data) {
      const xlsx = await loadXlsx();
      // A questionnaire's CSV download becomes a one-sheet workbook (its encoding, GBK or UTF-8, detected);
      // .xls, .et and .ods are read by the .xlsx host (.xls and .et told apart by the name).
      const wb = /\.csv$/i.test(fileName) ? (await import('../hosts/csv')).csvWorkbook(data, fileName) : await loadWorkbookFile(data, fileName);
      const h = new xlsx.XlsxHost(wb);
      host = h;
      save = () => h.save();
      name = fileName;
    },
    async saveWorkbook() {
      if (!save) throw new Error('no workbook is open');
      return save();
    },
    download: (fileName, data, mime) => downloadViaAnchor(doc, fileName, data, mime),
    describeError: (e) => textOfError(e),
  };
}
