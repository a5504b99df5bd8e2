/**
 * Why a file cannot be read as a workbook, told in one line (zh + en). The CLI prints it and exits 2;
 * the standalone page shows it. Classification looks at the first bytes before ExcelJS ever runs, so an
 * old .xls or a password-protected file is named as such instead of failing as "corrupt".
 */
import type { Text } from '../../core/types';

export type XlsxErrorReason = 'not-a-workbook' | 'encrypted' | 'corrupt' | 'empty';

export class XlsxError extends Error {
  constructor(
    public readonly reason: XlsxErrorReason,
    public readonly text: Text,
  ) {
    super(text.en);
    this.name = 'XlsxError';
  }
}

/** Compound File Binary (OLE2): old .xls files and password-protected (encrypted) .xlsx files. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip's local file header ("PK\3\4"), or the end record of an empty zip ("PK\5\6"). */
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  if (data.length < magic.length) return false;
  return magic.every((b, i) => data[i] === b);
}

/** An encrypted OOXML package is a CFB container holding an "EncryptionInfo" stream (name in UTF-16LE). */
function hasUtf16Name(data: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  // The directory sits in the first sectors of a small file; scanning all of it stays cheap (one pass).
  outer: for (let i = 0; i + pattern.length <= data.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (data[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** The reason the bytes cannot be a workbook, before parsing; undefined when they look like a zip. */
export function classifyBytes(data: Uint8Array): XlsxError | undefined {
  if (data.length === 0) {
    return new XlsxError('empty', { zh: '文件是空的（0 字节）', en: 'The file is empty (0 bytes)' });
  }
  if (startsWith(data, CFB_MAGIC)) {
    if (hasUtf16Name(data, 'EncryptionInfo')) {
      return new XlsxError('encrypted', {
        zh: '工作簿设有打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再试',
        en: 'The workbook is password-protected (encrypted); remove the password in Excel, save it as .xlsx and try again',
      });
    }
    return new XlsxError('encrypted', {
      zh: '这是旧版 .xls 工作簿或加密文件，请在 Excel 中另存为 .xlsx（并取消密码）再试',
      en: 'This is an old .xls workbook or an encrypted file; save it as .xlsx in Excel (without a password) and try again',
    });
  }
  if (!startsWith(data, ZIP_MAGIC)) return notAWorkbook();
  return undefined;
}

export function notAWorkbook(): XlsxError {
  return new XlsxError('not-a-workbook', {
    zh: '不是 Excel 工作簿（.xlsx），请选择用 Excel 保存的 .xlsx 文件',
    en: 'Not an Excel workbook (.xlsx); choose an .xlsx file saved by Excel',
  });
}

export function corrupt(detail?: string): XlsxError {
  const tail = detail ? `: ${detail}` : '';
  return new XlsxError('corrupt', {
    zh: `工作簿已损坏或不完整，无法读取（可尝试在 Excel 中打开并另存）${tail}`,
    en: `The workbook is damaged or incomplete and cannot be read (try opening it in Excel and saving it again)${tail}`,
  });
}
