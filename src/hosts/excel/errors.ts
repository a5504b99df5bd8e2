/**
 * Office.js failures told to the user (zh + en). Excel rejects a batch with an OfficeExtension.Error whose
 * `code` says why; the task pane shows `toUserMessage(error)`.
 */
import type { Text } from '../../core/types';
import { TERMS } from '../../workbook/terms';
import type { WriteProgress } from './progress';
import type { Cosmetic, CosmeticKind } from './write';

/** Why the host gave up, in the product's words. */
export type ExcelFailure =
  | 'cell-edit'
  | 'too-large'
  | 'protected'
  | 'sheet-gone'
  | 'unsupported'
  | 'platform'
  | 'generic';

/** A host failure with its cause kept, and the message the user sees. */
export class ExcelHostError extends Error {
  /** after a failed write: what it changed and what not (progress.ts); the text says the same */
  progress?: WriteProgress;
  constructor(
    readonly failure: ExcelFailure,
    /** the Office.js error code ("ItemNotFound"), when there was one */
    readonly code: string | undefined,
    readonly text: Text,
    override readonly cause?: unknown,
  ) {
    super(text.en);
    this.name = 'ExcelHostError';
  }
}

/** The `code` of an OfficeExtension.Error (or anything shaped like one). */
export function officeCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

const SIZE_CODES = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'PayloadTooLarge',
  'RangeExceedsLimit',
  'OperationCellsExceedLimit',
]);

/** A request or response that Excel refused for its size (the read retries in row blocks). */
export function isSizeError(error: unknown): boolean {
  const code = officeCode(error);
  return code !== undefined && SIZE_CODES.has(code);
}

function failureOf(code: string | undefined): ExcelFailure {
  if (code === undefined) return 'generic';
  if (code === 'InvalidOperationInCellEditMode') return 'cell-edit';
  if (SIZE_CODES.has(code)) return 'too-large';
  if (code === 'AccessDenied') return 'protected';
  if (code === 'ItemNotFound' || code === 'InvalidReference') return 'sheet-gone';
  if (code === 'ApiNotFound') return 'unsupported';
  return 'generic';
}

const MESSAGES: Record<Exclude<ExcelFailure, 'generic' | 'platform'>, Text> = {
  'cell-edit': { zh: TERMS.zh.cellEditRetry, en: TERMS.en.cellEditRetry },
  'too-large': {
    zh: '一次传给 Excel 的数据太多（网页版 Excel 每次请求限 5 MB）。请删去无关的工作表或空白区域后再试。',
    en: 'Too much data for one request to Excel (Excel on the web allows 5 MB per request). Remove unrelated sheets or empty areas and try again.',
  },
  protected: {
    zh: '要写入的工作表受保护。请在“审阅 → 撤销工作表保护”后再试。',
    en: 'The sheet to be written is protected. Unprotect it (Review → Unprotect Sheet) and try again.',
  },
  'sheet-gone': {
    zh: '计算期间有工作表被删除或改名。请重新运行考核。',
    en: 'A sheet was deleted or renamed while the assessment ran. Please run it again.',
  },
  unsupported: {
    zh: '此版本的 Excel 不支持所需功能（需要 ExcelApi 1.7 及以上：Excel 2019、Microsoft 365 或网页版 Excel）。',
    en: 'This version of Excel lacks a needed feature (ExcelApi 1.7 or later: Excel 2019, Microsoft 365 or Excel on the web).',
  },
};

function detail(error: unknown): string {
  const msg = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return msg.split(/\r?\n/)[0].trim().slice(0, 160);
}

/** The message for the task pane, Chinese first. Never throws. */
export function toUserMessage(error: unknown): Text {
  if (error instanceof ExcelHostError) return error.text;
  const code = officeCode(error);
  const failure = failureOf(code);
  if (failure !== 'generic' && failure !== 'platform') return MESSAGES[failure];
  const d = detail(error);
  const tail = [code, d].filter((s) => s).join(': ');
  return {
    // Excel's own (English) message stays off the Chinese text; the code is what a maintainer needs.
    zh: `Excel 未能完成操作${code ? `（错误代码 ${code}）` : ''}。工作簿中已有的结果未被改动，请稍后重试。`,
    en: `Excel could not complete the operation${tail ? ` (${tail})` : ''}. Existing results in the workbook were left as they were; please try again.`,
  };
}

/** Wrap any failure as an ExcelHostError (kept as is when it already is one). */
export function toHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const code = officeCode(error);
  return new ExcelHostError(failureOf(code), code, toUserMessage(error), error);
}

export function unsupportedError(what: string): ExcelHostError {
  return new ExcelHostError('unsupported', 'ApiNotFound', MESSAGES.unsupported, new Error(what));
}

/** Something this platform cannot do (a download on Mac, an empty PDF on the web), told as it is. */
export function platformError(text: Text, what: string): ExcelHostError {
  return new ExcelHostError('platform', undefined, text, new Error(what));
}

/**
 * Which protection blocks a write: the workbook's structure (no sheet may be added, deleted or renamed:
 * Review → Protect Workbook) or one sheet's (Review → Protect Sheet). Office.js refuses both with the same
 * AccessDenied, so the host reads workbook.protection.protected and each sheet's protection to say which.
 */
export function protectionError(found: { structure?: boolean; sheet?: string }, cause?: unknown): ExcelHostError {
  const text: Text = found.structure
    ? {
        zh: '工作簿结构受保护，无法添加、删除或重命名工作表，结果未写入。请在“审阅 → 保护工作簿”中取消保护后再试。',
        en: "The workbook's structure is protected, so sheets cannot be added, deleted or renamed; nothing was written. Turn it off under Review → Protect Workbook, then try again.",
      }
    : {
        zh: `工作表“${found.sheet ?? ''}”受保护，无法写入，结果未写入。请在“审阅 → 撤销工作表保护”后再试。`,
        en: `The sheet '${found.sheet ?? ''}' is protected and cannot be written; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`,
      };
  return new ExcelHostError('protected', 'AccessDenied', text, cause ?? new Error(found.structure ? 'structure protected' : `sheet ${found.sheet} protected`));
}

/** A cosmetic Excel refused or ignored after the results were written. */
export interface CosmeticIssue {
  sheet: string;
  what: CosmeticKind;
  text: Text;
}

export function cosmeticIssue(c: Pick<Cosmetic, 'sheet' | 'what'>): CosmeticIssue {
  const s = c.sheet;
  const text: Record<CosmeticKind, Text> = {
    freeze: {
      zh: `结果已全部写入，但 Excel 未能冻结“${s}”的标题行。如需要，请用“视图 → 冻结窗格”设置。`,
      en: `All results were written, but Excel could not freeze the header rows of '${s}'. Use View → Freeze Panes if you need them.`,
    },
    print: {
      zh: `结果已全部写入，但“${s}”的打印设置（A4、按页宽缩放、标题行）未能全部应用。打印前请在“页面布局”中检查。`,
      en: `All results were written, but the print setup of '${s}' (A4, fit to page width, title rows) was not fully applied. Check it under Page Layout before printing.`,
    },
    'tab-color': {
      zh: `结果已全部写入，但未能设置“${s}”的工作表标签颜色。`,
      en: `All results were written, but the tab colour of '${s}' could not be set.`,
    },
  };
  return { sheet: s, what: c.what, text: text[c.what] };
}
