/**
 * CSV downloads (SPEC §4.4 d: questionnaire platforms offer their answers as CSV, in UTF-8 or GBK) as a
 * one-sheet snapshot. Bytes in, no file system: the same code serves the command line and the browser.
 * GBK is read through TextDecoder('gb18030'), a superset of GBK that Node (full ICU) and browsers carry.
 */
import type { CellValue } from '../../core/types';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'gb18030';

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ */
export function sheetNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|txt)$/i, '');
  const clean = base.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  return (clean || 'CSV').slice(0, 31);
}

/** The encoding of a download: a byte-order mark, else UTF-8 when the bytes are valid UTF-8, else GBK. */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  // TextDecoder drops the BOM of its own encoding
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** The delimiter of the first line: comma, or tab or semicolon where they outnumber commas outside quotes. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const count = (ch: string) => first.split(ch).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

/** RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const delim = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else if (ch === '\n' || ch === '\r') endRow();
    else field += ch;
    i++;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

/** A field as Excel would show it on opening the file: plain numbers as numbers, "" as a blank. */
function valueOf(field: string): CellValue {
  const t = field.trim();
  if (t === '') return null;
  // Excel's ="0123" guard some exports use to keep text
  const guarded = /^="(.*)"$/.exec(t);
  if (guarded) return guarded[1];
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(t)) return Number(t);
  return field;
}

/** One CSV download → a snapshot with one sheet named after the file (its title names the source). */
export function csvSnapshot(bytes: Uint8Array, fileName: string): WorkbookSnapshot {
  const { text } = decodeCsv(bytes);
  const values = parseCsv(text).map((r) => r.map(valueOf));
  return { sheets: [{ name: sheetNameOf(fileName), values, merges: [] }], format: 'csv' };
}
