/**
 * The task pane's one port to its host. Inside Excel it is Office.js (officeAppHost); standalone it is a
 * workbook opened from disk and kept in memory (fileAppHost). Components only see AppHost, so the same
 * app runs in both, and tests drive it with a fake.
 */
import type { CellRef, Text } from '../core/types';
import type { WorkbookHost } from '../workbook/host';
import { ExcelHost, toUserMessage } from '../hosts/excel';
import { concatBytes } from './bytes';
import { downloadViaAnchor, textOfError } from './host-util';
import { loadXlsx } from './xlsx-lazy';

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
  /** Open the .xlsx as a new workbook; `unsupported` when this Excel cannot create workbooks. */
  exportWorkbook?(xlsxBase64: string): Promise<{ unsupported: boolean }>;
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

/** The document as PDF through Office's file slices (at most 4 MB each). */
function readPdf(office: typeof Office): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    office.context.document.getFileAsync(office.FileType.Pdf, { sliceSize: 4 * 1024 * 1024 }, (res) => {
      if (res.status !== office.AsyncResultStatus.Succeeded) return resolve(null);
      const file = res.value;
      const parts: ArrayLike<number>[] = [];
      const close = (out: Uint8Array | null) => file.closeAsync(() => resolve(out));
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

export function officeAppHost(excel: typeof Excel, office: typeof Office, doc: Document = document): AppHost {
  const host = new ExcelHost(excel);
  const app: AppHost = {
    kind: 'excel',
    workbookHost: () => host,
    selectCell: (sheet, cell) => host.selectCell(sheet, cell),
    setHighlights: (refs, on) => host.setHighlights(refs, on),
    addDropDowns: (ranges) => host.addDropDowns(ranges),
    exportWorkbook: (base64) => host.exportWorkbook(base64),
    download: (name, data, mime) => downloadViaAnchor(doc, name, data, mime),
    describeError: (e) => textOfError(e) ?? toUserMessage(e),
  };
  if (pdfSupported(office)) app.getPdf = () => readPdf(office);
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
      const wb = await xlsx.loadWorkbook(data);
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
