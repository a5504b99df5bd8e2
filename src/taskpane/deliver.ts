/**
 * How a file reaches the user. Every download goes through deliverFile, so a host that cannot download
 * (the Excel host will report, for example, "cannot download on Mac") can plug in another way here.
 */
import type { AppHost } from './app-host';
import { toBase64 } from './bytes';
import { XLSX_MIME } from './host-util';
import type { Notice } from './pane';

/** Hand a file to the user; the notice says what happened. */
export function deliverFile(host: AppHost, name: string, data: Uint8Array | string, mime: string): Notice {
  host.download(name, data, mime);
  return { intent: 'success', body: (t) => t.downloaded(name) };
}

/** A new workbook: opened in Excel where it can, downloaded otherwise; `done` says what was made. */
export async function openOrDeliver(host: AppHost, bytes: Uint8Array, name: string, done: Notice): Promise<Notice> {
  if (host.exportWorkbook) {
    const r = await host.exportWorkbook(toBase64(bytes));
    if (!r.unsupported) return done;
    deliverFile(host, name, bytes, XLSX_MIME);
    return { intent: 'warning', body: (t) => t.exportUnsupported };
  }
  deliverFile(host, name, bytes, XLSX_MIME);
  return done;
}
