/**
 * Why a file cannot be read as a workbook, told in one line (zh + en). The CLI prints it and exits 2;
 * the standalone page shows it. Classification looks at the first bytes before ExcelJS ever runs, so an
 * old .xls or a password-protected file is named as such instead of failing as "corrupt".
 */
import type { Text } from '../../core/types';
import { bilingual } from '../../workbook/terms';
import { PackageError, UNPACKED_LIMIT } from './zip';

/** SPEC §4: sheets holding more cells than this are refused while they are read. */
export const CELL_LIMIT = 20_000_000;

export type XlsxErrorReason = 'not-a-workbook' | 'encrypted' | 'corrupt' | 'empty' | 'too-large' | 'too-many-cells' | 'unsupported';

export class XlsxError extends Error {
  constructor(
    public readonly reason: XlsxErrorReason,
    public readonly text: Text,
  ) {
    super(text.en);
    this.name = 'XlsxError';
  }
}

/**
 * Our own failure on a structure we did not foresee (SPEC §7, exit 3): it names the part being read and
 * asks for the file, never calls it damaged. `cause` keeps the original error for BA_DEBUG=1.
 */
export class InternalError extends Error {
  readonly text: Text;
  constructor(
    public readonly part: string | undefined,
    public override readonly cause: unknown,
  ) {
    const text = bilingual((t) => t.internalError(part));
    super(text.en);
    this.name = 'InternalError';
    this.text = text;
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

/** A CFB container holding a legacy workbook stream ("Workbook" or "Book") and no OOXML encryption: .xls, .et. */
export function isLegacyContainer(data: Uint8Array): boolean {
  if (!startsWith(data, CFB_MAGIC) || hasUtf16Name(data, 'EncryptionInfo')) return false;
  return hasUtf16Name(data, 'Workbook') || hasUtf16Name(data, 'Book');
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

/** What is read (SPEC §4): named in the not-a-workbook line so that the user knows what to choose. */
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv'] as const;

export function notAWorkbook(): XlsxError {
  return new XlsxError('not-a-workbook', {
    zh: `不是可以读取的工作簿：请选择 ${ACCEPTED_EXTENSIONS.join('、')} 文件（Excel、WPS 或 LibreOffice 保存的工作簿，或问卷平台下载的 .csv）`,
    en: `Not a workbook this tool can read: choose an ${ACCEPTED_EXTENSIONS.slice(0, -1).join(', ')} or ${ACCEPTED_EXTENSIONS[ACCEPTED_EXTENSIONS.length - 1]} file (a workbook saved by Excel, WPS or LibreOffice, or a questionnaire platform's .csv download)`,
  });
}

/** The MIME type an OpenDocument spreadsheet names in its first, stored entry "mimetype". */
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** An OpenDocument spreadsheet (.ods): a zip whose first entry is "mimetype" holding the spreadsheet type. */
export function isOpenDocument(data: Uint8Array): boolean {
  if (!startsWith(data, ZIP_MAGIC) || data.length < 38 + ODS_MIME.length) return false;
  let head = '';
  for (let i = 30; i < 38 + ODS_MIME.length; i++) head += String.fromCharCode(data[i]);
  return head === 'mimetype' + ODS_MIME;
}

export function corrupt(detail?: string): XlsxError {
  const tail = detail ? `: ${detail}` : '';
  return new XlsxError('corrupt', {
    zh: `工作簿已损坏或不完整，无法读取（可尝试在 Excel 中打开并另存）${tail}`,
    en: `The workbook is damaged or incomplete and cannot be read (try opening it in Excel and saving it again)${tail}`,
  });
}

/** The one line for a PackageError (zip reader, sheet scanner); the detail names a part, never a library. */
export function fromPackageError(e: PackageError): XlsxError {
  switch (e.code) {
    case 'not-zip':
      // It began like a zip (classifyBytes) but has no index at its end: cut short.
      return corrupt();
    case 'unpacked-limit':
      return new XlsxError('too-large', {
        zh: `工作簿解压后超过 ${UNPACKED_LIMIT / 1024 ** 3} GiB 的上限，已拒绝读取（请删除无关内容或拆分文件）`,
        en: `The workbook would unpack to more than the ${UNPACKED_LIMIT / 1024 ** 3} GiB limit and is refused (remove unrelated content or split the file)`,
      });
    case 'size-mismatch':
      return new XlsxError('too-large', {
        zh: `工作簿中的部件 ${e.detail ?? ''} 解压后大于其声明的大小（可能是压缩炸弹或文件损坏），已拒绝读取`,
        en: `The part ${e.detail ?? ''} unpacks to more than its declared size (a zip bomb or damage) and is refused`,
      });
    case 'cell-limit':
      return new XlsxError('too-many-cells', {
        zh: `工作簿的单元格超过 ${CELL_LIMIT.toLocaleString('en-US')} 个的上限${e.detail ? `（${e.detail}）` : ''}，已拒绝读取（请删除无关工作表或拆分文件）`,
        en: `The workbook holds more than the ${CELL_LIMIT.toLocaleString('en-US')}-cell limit${e.detail ? ` (${e.detail})` : ''} and is refused (remove unrelated sheets or split the file)`,
      });
    case 'encrypted-entry':
      return new XlsxError('encrypted', {
        zh: '工作簿中的部件设有 zip 密码，无法读取，请在 Excel 中另存为不加密的 .xlsx 再试',
        en: 'Parts of the workbook are zip-encrypted and cannot be read; save it in Excel as an unencrypted .xlsx and try again',
      });
    case 'unsupported-method':
      return new XlsxError('unsupported', {
        zh: `工作簿中的部件 ${e.detail ?? ''} 使用了不支持的压缩方式，请在 Excel 中打开并另存后再试`,
        en: `The part ${e.detail ?? ''} uses an unsupported compression method; open the workbook in Excel, save it again and retry`,
      });
    default:
      return corrupt(e.detail);
  }
}
