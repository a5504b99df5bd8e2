/**
 * Host helpers with no Office or file dependency, so components and tests can use them without loading
 * either host.
 */
import type { Text } from '../core/types';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';
export const PDF_MIME = 'application/pdf';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Save bytes or text through a Blob URL and an <a download>; nothing leaves the machine. */
export function downloadViaAnchor(doc: Document, name: string, data: Uint8Array | string, mime: string): void {
  const part: BlobPart = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A bilingual text when the error carries one (XlsxError.text, or a `{zh, en}` message). */
export function textOfError(error: unknown): Text | null {
  if (typeof error !== 'object' || error === null) return null;
  for (const key of ['text', 'userMessage', 'message'] as const) {
    const v = (error as Record<string, unknown>)[key];
    if (isText(v)) return v;
  }
  return null;
}

function isText(v: unknown): v is Text {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Record<string, unknown>).zh === 'string' &&
    typeof (v as Record<string, unknown>).en === 'string'
  );
}
