/**
 * What the running Excel can do for the task pane, by platform (Windows, Mac, the web), and the words the
 * pane shows for it. Derived from Office.context.diagnostics.platform (Office.PlatformType: PC, Mac,
 * OfficeOnline) and the requirement sets, so the pane hides what cannot work instead of failing silently.
 */
import type { Text } from '../../core/types';
import type { IsSetSupported } from './options';

export type ExcelPlatform = 'windows' | 'mac' | 'ipad' | 'web' | 'other';

export interface ExcelCapabilities {
  platform: ExcelPlatform;
  /**
   * `<a download>` and blob links save a file. Not on Mac: its task pane ignores them without an error
   * (office-js #2700, closed by design; #3385; #4681). Not on iPad either: its task pane is the same
   * WKWebView as on Mac ("Browsers and webview controls used by Office Add-ins", learn.microsoft.com:
   * iPadOS and macOS use WKWebView), with no place to save a download.
   */
  canDownload: boolean;
  /** Excel.createWorkbook (ExcelApi 1.8): the way to hand over an .xlsx where downloads do not work */
  createWorkbook: boolean;
  /** the new workbook opens behind the current window and gets no focus (Mac, office-js #6943) */
  newWorkbookBehind: boolean;
  /**
   * PDF through getFileAsync(Pdf) is offered: the PdfFile set is there and the file can be handed over (a
   * download). Excel on the web may still return an empty file (office-js #5950, #5473): the reader checks.
   */
  pdfExport: boolean;
  /** getFileAsync(Pdf) has no per-sheet option: the PDF is always the whole workbook */
  pdfScope: 'workbook';
}

/** The parts of `Office` read here (so tests pass a stand-in). */
export interface OfficeLike {
  context?: {
    platform?: unknown;
    diagnostics?: { platform?: unknown };
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
    document?: { getFileAsync?: unknown };
  };
}

export function platformOf(office: OfficeLike | undefined): ExcelPlatform {
  let p: unknown;
  try {
    p = office?.context?.diagnostics?.platform ?? office?.context?.platform;
  } catch {
    return 'other';
  }
  if (p === 'PC') return 'windows';
  if (p === 'Mac') return 'mac';
  // Office.PlatformType.iOS: Excel on iPad (and iPhone) — learn.microsoft.com, Office.PlatformType
  if (p === 'iOS') return 'ipad';
  if (p === 'OfficeOnline') return 'web';
  return 'other';
}

export function excelCapabilities(office: OfficeLike | undefined, isSetSupported?: IsSetSupported): ExcelCapabilities {
  const platform = platformOf(office);
  const has = (name: string, version: string): boolean => {
    try {
      if (isSetSupported) return isSetSupported(name, version);
      return office?.context?.requirements?.isSetSupported?.(name, version) === true;
    } catch {
      return false;
    }
  };
  const canDownload = platform !== 'mac' && platform !== 'ipad';
  const getFile = typeof office?.context?.document?.getFileAsync === 'function';
  return {
    platform,
    canDownload,
    createWorkbook: has('ExcelApi', '1.8'),
    newWorkbookBehind: platform === 'mac',
    pdfExport: canDownload && getFile && has('PdfFile', '1.1'),
    pdfScope: 'workbook',
  };
}

export const PLATFORM_TEXT = {
  noDownload: {
    zh: 'Mac 版和 iPad 版 Excel 的任务窗格不能下载文件。请改用“导出为新工作簿”，再在新工作簿中用“文件 → 另存为”保存。',
    en: "Excel for Mac and for iPad cannot download files from a task pane. Use 'Export as new workbook' instead, then save it with File → Save As.",
  },
  newWorkbookBehind: {
    zh: '已在 Excel 中新建工作簿。Mac 版 Excel 会把它放在当前窗口后面：请在菜单“窗口”中选择它，再用“文件 → 另存为”保存。',
    en: "A new workbook was created in Excel. Excel for Mac puts it behind the current window: pick it from the Window menu, then save it with File → Save As.",
  },
  emptyPdf: {
    zh: 'Excel 返回了空的 PDF（0 字节），未保存任何文件。网页版 Excel 有此已知问题。请使用“文件 → 导出 → PDF”（或“打印 → 另存为 PDF”）。',
    en: 'Excel returned an empty PDF (0 bytes); no file was saved. This is a known problem of Excel on the web. Use File → Export → PDF (or Print → Save as PDF) instead.',
  },
  pdfFailed: {
    zh: 'Excel 未能生成 PDF，未保存任何文件。请使用“文件 → 导出 → PDF”。',
    en: 'Excel could not make the PDF; no file was saved. Use File → Export → PDF instead.',
  },
  pdfWholeWorkbook: {
    zh: 'PDF 包含整个工作簿的全部可见工作表（Excel 只能整本导出），不只是考核结果通报。只要通报时，请在 Excel 中打开“考核结果通报”工作表，用“文件 → 打印 → 打印活动工作表”。',
    en: "The PDF holds every visible sheet of the workbook (Excel exports whole workbooks only), not just the notification. For the notification alone, open the 考核结果通报 sheet and use File → Print → Print Active Sheets.",
  },
} satisfies Record<string, Text>;
