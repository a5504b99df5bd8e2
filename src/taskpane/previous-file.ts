/**
 * Last year's results chosen in the pane or the page (SPEC §8): the same reading as `grade --previous`
 * (src/workbook/previous.ts; a workbook through the page's own reader and limits), and one sentence naming
 * the file for anything that cannot be used. The workbook being graded is never touched.
 */
import type { PreviousYear } from '../core/previous';
import type { Text } from '../core/types';
import { bilingual } from '../workbook/terms';
import {
  MAX_PREVIOUS_JSON,
  previousCsvRefused,
  previousFailure,
  previousFileKind,
  previousFromJsonBytes,
  previousFromSnapshot,
  previousJsonTooLarge,
  type PreviousRead,
} from '../workbook/previous';
import { textOfError } from './host-util';
import { loadWorkbookFile, loadXlsx } from './xlsx-lazy';

/** What the picker tells the clerk: the bilingual sentence (textOfError reads `text`). */
export class PreviousFileError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'PreviousFileError';
  }
}

/** The file types offered in the file dialog: graded workbooks and the JSON report. */
export const PREVIOUS_ACCEPT = '.xlsx,.xlsm,.xls,.et,.ods,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,application/json';

/** Refuse before reading the bytes when the size alone says it is not last year's report. */
export function previousTooLarge(name: string, size: number): PreviousFileError | null {
  return previousFileKind(name) === 'json' && size > MAX_PREVIOUS_JSON ? new PreviousFileError(previousJsonTooLarge(name)) : null;
}

/** Last year's results from a file's bytes, or a PreviousFileError naming the file. */
export async function readPreviousFile(name: string, data: Uint8Array): Promise<PreviousYear> {
  const kind = previousFileKind(name);
  if (kind === 'csv') throw new PreviousFileError(previousCsvRefused(name));
  let read: PreviousRead;
  if (kind === 'json') {
    read = previousFromJsonBytes(data, name);
  } else {
    let snapshot;
    try {
      const [xlsx, wb] = await Promise.all([loadXlsx(), loadWorkbookFile(data, name)]);
      snapshot = xlsx.snapshotOf(wb);
    } catch (e) {
      const said = e instanceof Error && e.name === 'InternalError' ? null : textOfError(e);
      if (said) throw new PreviousFileError(bilingual((t) => t.previousFile.unreadable(name, said[t.lang])));
      // Ours, not the file's (SPEC §7): said so, naming the file; the details go to the console only.
      console.error(e);
      throw new PreviousFileError(bilingual((t) => t.previousFile.internal(name)));
    }
    read = previousFromSnapshot(snapshot, name);
  }
  if (!read.ok) throw new PreviousFileError(previousFailure(read));
  return read.previous;
}

/**
 * Whether this browser or web view offers a file dialog: an <input type=file> that stays a file input and
 * is not disabled (old iOS web views turn it into a disabled control). Hosts without it get no picker.
 */
export function filePickingSupported(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): boolean {
  if (!doc) return false;
  try {
    const input = doc.createElement('input');
    input.type = 'file';
    return input.type === 'file' && !input.disabled;
  } catch {
    return false;
  }
}
