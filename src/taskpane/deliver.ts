/**
 * How a file reaches the user. Every download goes through deliverFile, so a host that cannot download
 * (Excel for Mac: AppHost.canDownload === false) gets another way here.
 */
import { PLATFORM_TEXT } from '../hosts/excel/platform';
import type { AppHost } from './app-host';
import { toBase64 } from './bytes';
import { XLSX_MIME } from './host-util';
import type { Notice } from './pane';

/** Whether the pane may offer downloads at all (absent = yes). */
export function canDownload(host: AppHost): boolean {
  return host.canDownload !== false;
}

/** Hand a file to the user; the notice says what happened. */
export function deliverFile(host: AppHost, name: string, data: Uint8Array | string, mime: string): Notice {
  host.download(name, data, mime);
  return { intent: 'success', body: (t) => t.downloaded(name) };
}

/**
 * A new workbook: opened in Excel where it can, downloaded otherwise; `done` says what was made. The
 * host's note (Mac: the workbook opens behind this window) replaces the generic success.
 */
export async function openOrDeliver(host: AppHost, bytes: Uint8Array, name: string, done: Notice): Promise<Notice> {
  if (host.exportWorkbook) {
    const r = await host.exportWorkbook(toBase64(bytes));
    if (!r.unsupported) {
      const note = r.note;
      return note ? { intent: 'info', title: done.body, body: (_t, l) => note[l] } : done;
    }
    // Neither a new workbook nor a download: say so rather than claim a file was made.
    if (!canDownload(host)) return { intent: 'error', body: (_t, l) => PLATFORM_TEXT.noDownload[l] };
    deliverFile(host, name, bytes, XLSX_MIME);
    return { intent: 'warning', body: (t) => t.exportUnsupported };
  }
  deliverFile(host, name, bytes, XLSX_MIME);
  return done;
}
