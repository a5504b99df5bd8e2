/**
 * 导出 / Export: the summary and notification as a new workbook (values only), as CSV, and as PDF where
 * the host can make one.
 */
import { Button } from '@fluentui/react-components';
import { notificationRows, summaryRows, toCsv } from '../workbook/csv';
import { exportPlan, workbookYear } from './actions';
import { CSV_MIME, PDF_MIME, XLSX_MIME } from './host-util';
import { downloadName, toBase64 } from './bytes';
import { PLATFORM_TEXT } from '../hosts/excel/platform';
import type { Notice, PaneContext } from './context';
import { buildWorkbook } from './xlsx-lazy';
import { useStyles } from './styles';

export function ExportTab({ ctx }: { ctx: PaneContext }) {
  const styles = useStyles();
  const { s, lang, host, outcome, busy } = ctx;
  if (!outcome || outcome.fatal) {
    return (
      <div className={styles.panel}>
        <p className={styles.intro}>{s.exportIntro}</p>
        <p className={styles.hint}>{s.needGradeFirst}</p>
      </div>
    );
  }
  const year = workbookYear(outcome);
  // Never the opened file's own name (standalone page).
  const opened = host.fileName?.();
  const xlsxName = downloadName(`${s.exportFileStem}-${year}.xlsx`, opened);

  const downloaded = (name: string): Notice => ({ intent: 'success', body: (t) => t.downloaded(name) });

  // Where downloads cannot work (Excel for Mac) their buttons are hidden; host.download would refuse anyway.
  const canDownload = host.canDownload !== false;

  const newWorkbook = () =>
    ctx.perform('export', async () => {
      const bytes = await buildWorkbook(exportPlan(outcome, lang));
      if (host.exportWorkbook) {
        const r = await host.exportWorkbook(toBase64(bytes));
        const note = r.note;
        if (!r.unsupported && note) return { intent: 'success', body: (_t, l) => note[l] };
        if (!r.unsupported) return { intent: 'success', body: (t) => t.exportOpened };
        host.download(xlsxName, bytes, XLSX_MIME);
        return { intent: 'warning', body: (t) => t.exportUnsupported };
      }
      host.download(xlsxName, bytes, XLSX_MIME);
      return downloaded(xlsxName);
    });

  const downloadXlsx = () =>
    ctx.perform('export', async () => {
      host.download(xlsxName, await buildWorkbook(exportPlan(outcome, lang)), XLSX_MIME);
      return downloaded(xlsxName);
    });

  const csv = (which: 'notification' | 'summary') =>
    ctx.perform('export', async () => {
      const rows = which === 'notification' ? notificationRows(outcome.notification, lang) : summaryRows(outcome.result, lang);
      const name = downloadName(`${which === 'notification' ? s.notificationFileStem : s.summaryFileStem}-${year}.csv`, opened);
      host.download(name, toCsv(rows), CSV_MIME);
      return downloaded(name);
    });

  const pdf = () =>
    ctx.perform('export', async () => {
      const bytes = await host.getPdf?.();
      if (!bytes) return { intent: 'warning', body: (t) => t.pdfUnsupported };
      // The PDF is the whole workbook (getFileAsync has no per-sheet option): named after the export, not the notification.
      const name = downloadName(`${s.exportFileStem}-${year}.pdf`, opened);
      host.download(name, bytes, PDF_MIME);
      return downloaded(name);
    });

  return (
    <div className={styles.panel}>
      <p className={styles.intro}>{s.exportIntro}</p>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void newWorkbook()}>
          {host.exportWorkbook ? s.exportNewWorkbook : s.downloadXlsx}
        </Button>
        {host.exportWorkbook && canDownload && (
          <Button disabled={busy} onClick={() => void downloadXlsx()}>
            {s.downloadXlsx}
          </Button>
        )}
      </div>
      {canDownload ? (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => void csv('notification')}>
            {s.downloadNotificationCsv}
          </Button>
          <Button disabled={busy} onClick={() => void csv('summary')}>
            {s.downloadSummaryCsv}
          </Button>
        </div>
      ) : (
        <p className={styles.hint}>{PLATFORM_TEXT.noDownload[lang]}</p>
      )}
      <div className={styles.row}>
        {host.getPdf ? (
          <Button disabled={busy} onClick={() => void pdf()}>
            {s.exportPdf}
          </Button>
        ) : (
          <p className={styles.hint}>{s.pdfUnsupported}</p>
        )}
      </div>
      {host.getPdf && <p className={styles.hint}>{PLATFORM_TEXT.pdfWholeWorkbook[lang]}</p>}
    </div>
  );
}
