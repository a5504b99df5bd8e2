/**
 * 导出与模板 / Export: the results (one primary action, every choice with a line saying what file it
 * makes), then templates and next year's workbook (the former 模板 tab). Options are data (ExportOption),
 * so another format (the official .docx notification) is one more entry in resultOptions.
 */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { notificationRows, summaryRows, toCsv } from '../workbook/csv';
import { exportPlan, missingSheetsPlan, nextYearPlan, planSample, planTemplate, runYear, YEAR_RANGE } from '../workbook/plans';
import type { WorkbookPlan } from '../workbook/plan';
import { stem } from './bytes';
import { PLATFORM_TEXT } from '../hosts/excel/platform';
import { canDownload, deliverFile, openOrDeliver } from './deliver';
import { feedbackWord, formsWord, notificationWord, requestWord } from './docx-lazy';
import { issuerIsPlaceholder } from '../core/notification';
import { CSV_MIME, DOCX_MIME, PDF_MIME, XLSX_MIME } from './host-util';
import type { Notice, Pane } from './pane';
import { NotificationPreview } from './NotificationPreview';
import { usePane } from './pane';
import { noRatingsYet } from './run';
import { useCommonStyles } from './styles';
import { buildWorkbook } from './xlsx-lazy';

/** One thing the user can make: a button and, under it, what file it makes. */
export interface ExportOption {
  id: string;
  label: string;
  what: string;
  /** a second line: what to know before choosing it (the PDF is the whole workbook) */
  note?: string;
  /** a file downloaded from the pane: hidden where the pane cannot download (Excel for Mac) */
  download?: boolean;
  primary?: boolean;
  disabled?: boolean;
  run(): Promise<Notice | void>;
}

/** The results as files. A new format (the .docx notification) is one more entry here. */
export function resultOptions(pane: Pane): ExportOption[] {
  const { s, lang, host, outcome, standalone, fileName } = pane;
  // An empty template has nothing to export yet (the grade notice says what to do next).
  if (!outcome || outcome.fatal || noRatingsYet(outcome)) return [];
  const year = runYear(outcome.result);
  const xlsxName = `${s.exportFileStem}-${year}.xlsx`;
  const notificationCsv = `${s.notificationFileStem}-${year}.csv`;
  const summaryCsv = `${s.summaryFileStem}-${year}.csv`;
  const options: ExportOption[] = [];
  if (standalone && host.saveWorkbook) {
    const graded = s.gradedFileName(stem(fileName ?? s.exportFileStem));
    options.push({
      id: 'graded',
      download: true,
      label: s.downloadGraded,
      what: s.downloadGradedWhat(graded),
      primary: true,
      run: async () => deliverFile(host, graded, await host.saveWorkbook!(), XLSX_MIME),
    });
  }
  if (host.exportWorkbook) {
    options.push({
      id: 'new-workbook',
      label: s.exportNewWorkbook,
      what: s.exportNewWorkbookWhat,
      primary: options.length === 0,
      run: async () => openOrDeliver(host, await buildWorkbook(exportPlan(outcome, lang)), xlsxName, { intent: 'success', body: (t) => t.exportOpened }),
    });
  }
  options.push({
    id: 'xlsx',
      download: true,
    label: s.downloadXlsx,
    what: s.downloadXlsxWhat(xlsxName),
    primary: options.length === 0,
    run: async () => deliverFile(host, xlsxName, await buildWorkbook(exportPlan(outcome, lang)), XLSX_MIME),
  });
  const docxName = `${s.notificationFileStem}-${year}.docx`;
  // Nothing graded, nothing to issue (SPEC §8): no notice, no request offered.
  const graded = outcome.notification.ranked.length > 0;
  /** A document signed by the placeholder issuer is downloaded with a warning (SPEC §5 placeholder-issuer). */
  const signed = (name: string, bytes: Uint8Array): Notice => {
    const done = deliverFile(host, name, bytes, DOCX_MIME);
    const issuer = outcome.result.ruleset.issuer;
    return issuerIsPlaceholder(outcome.result.ruleset) ? { intent: 'warning', body: (t) => t.placeholderIssuerNotice(name, issuer) } : done;
  };
  if (graded) {
    options.push({
      id: 'notification-docx',
      download: true,
      label: s.downloadDocx,
      what: s.downloadDocxWhat(docxName),
      run: async () => signed(docxName, await notificationWord(outcome)),
    });
  }
  if (graded && outcome.request) {
    const requestName = `${s.requestFileStem}-${year}.docx`;
    options.push({
      id: 'request-docx',
      download: true,
      label: s.downloadRequest,
      what: s.downloadRequestWhat(requestName),
      run: async () => {
        const bytes = await requestWord(outcome);
        return bytes ? signed(requestName, bytes) : undefined;
      },
    });
  }
  // the feedback pages exist for every branch, graded or 待补充 (what it must supply)
  const feedbackName = `${s.feedbackFileStem}-${year}.docx`;
  options.push({
    id: 'feedback-docx',
    download: true,
    label: s.downloadFeedback,
    what: s.downloadFeedbackWhat(feedbackName),
    run: async () => deliverFile(host, feedbackName, await feedbackWord(outcome), DOCX_MIME),
  });
  if (host.getPdf) {
    const pdfName = `${s.notificationFileStem}-${year}.pdf`;
    options.push({
      id: 'pdf',
      download: true,
      label: s.exportPdf,
      what: s.exportPdfWhat(pdfName),
      note: host.capabilities?.pdfScope === 'workbook' ? PLATFORM_TEXT.pdfWholeWorkbook[lang] : undefined,
      run: async () => {
        const bytes = await host.getPdf?.();
        if (!bytes) return { intent: 'warning', body: (t) => t.pdfInExcel };
        return deliverFile(host, pdfName, bytes, PDF_MIME);
      },
    });
  }
  options.push(
    {
      id: 'notification-csv',
      download: true,
      label: s.downloadNotificationCsv,
      what: s.downloadNotificationCsvWhat(notificationCsv),
      run: async () => deliverFile(host, notificationCsv, toCsv(notificationRows(outcome.notification, lang)), CSV_MIME),
    },
    {
      id: 'summary-csv',
      download: true,
      label: s.downloadSummaryCsv,
      what: s.downloadSummaryCsvWhat(summaryCsv),
      run: async () => deliverFile(host, summaryCsv, toCsv(summaryRows(outcome.result, lang)), CSV_MIME),
    },
  );
  return offered(host, options);
}

/** The options this host can carry out: no downloads where the pane cannot download; one primary action. */
function offered(host: Pane['host'], options: ExportOption[]): ExportOption[] {
  if (canDownload(host)) return options;
  const kept = options.filter((o) => !o.download);
  if (kept.length && !kept.some((o) => o.primary)) kept[0] = { ...kept[0], primary: true };
  return kept;
}

const useExportStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  // The A4 preview shrinks (never under the choices' 320 px) instead of pushing the page sideways at 1024–1160 px.
  split: { display: 'grid', gridTemplateColumns: 'minmax(320px, 1fr) minmax(0, 210mm)', gap: tokens.spacingHorizontalXXL, alignItems: 'start', '& > *': { minWidth: '0' } },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** English text naming a workbook's sheet (考核结果通报): the Chinese name is data, marked as such. */
function withData(text: string, lang: Pane['lang']) {
  if (lang !== 'en') return text;
  return text.split(/([\u3400-\u9fff]+)/).map((part, i) => (i % 2 ? <span key={i} data-wb="">{part}</span> : part));
}

export function OptionList({ options }: { options: ExportOption[] }) {
  const { busy, perform, lang } = usePane();
  const styles = useExportStyles();
  const common = useCommonStyles();
  return (
    <ul className={styles.list}>
      {options.map((o) => (
        <li key={o.id} className={styles.item} data-export={o.id}>
          <Button appearance={o.primary ? 'primary' : 'secondary'} disabled={busy || o.disabled} onClick={() => void perform(o.run)}>
            {o.label}
          </Button>
          <span className={common.hint}>{o.what}</span>
          {o.note && <span className={common.hint} data-note>{withData(o.note, lang)}</span>}
        </li>
      ))}
    </ul>
  );
}

function TemplateSection() {
  const pane = usePane();
  const { s, host, outcome } = pane;
  const common = useCommonStyles();
  const styles = useExportStyles();
  const headingId = useId();
  const [yearText, setYearText] = useState(String(runYear(outcome?.result)));
  const year = Number(yearText);
  const yearOk = /^\d{4}$/.test(yearText.trim()) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
  const wh = host.workbookHost();
  const next = year + 1;

  const options: ExportOption[] = [
    {
      id: 'next-year',
      label: s.nextYearWorkbook,
      what: yearOk ? s.nextYearWhat(next) : s.yearInvalid(YEAR_RANGE.min, YEAR_RANGE.max),
      disabled: !yearOk,
      run: async () => {
        // The roster comes from the last run, or from a check-only run when there was none.
        const source = pane.outcome ?? (wh ? await pane.grade(false) : null);
        const roster = source?.recognition.input.roster ?? null;
        const n = roster?.length ?? 0;
        return openOrDeliver(host, await buildWorkbook(nextYearPlan(next, roster)), s.templateFileName(next), {
          intent: 'success',
          body: (t) => t.nextYearDone(next, n),
        });
      },
    },
    {
      id: 'template',
      download: true,
      label: s.downloadTemplate,
      what: yearOk ? s.templateWhat(year) : s.yearInvalid(YEAR_RANGE.min, YEAR_RANGE.max),
      disabled: !yearOk,
      run: async () => deliverFile(host, s.templateFileName(year), await buildWorkbook(planTemplate(year)), XLSX_MIME),
    },
    {
      id: 'sample',
      download: true,
      label: s.downloadSampleButton,
      what: s.sampleWhat,
      run: async () => deliverFile(host, s.sampleFileName, await buildWorkbook(planSample()), XLSX_MIME),
    },
    {
      id: 'forms',
      download: true,
      label: s.downloadForms,
      what: s.formsWhat(wh !== null),
      disabled: !yearOk,
      run: async () => {
        // From the workbook as it is now (roster and catalogue), not as it was at the last run.
        const made = await formsWord(wh ? await wh.readSnapshot() : null, year);
        if ('fatal' in made) return { intent: 'error', body: (t) => made.fatal[t.lang] };
        const name = s.formsFileName(year);
        deliverFile(host, name, made.bytes, DOCX_MIME);
        return { intent: 'success', body: (t) => t.formsDone(name, made.branches, made.pages) };
      },
    },
  ];
  if (wh) {
    options.push({
      id: 'missing-sheets',
      label: s.addMissingSheets,
      what: s.addMissingSheetsWhat,
      disabled: !yearOk,
      run: async () => {
        const plan: WorkbookPlan = missingSheetsPlan(planTemplate(year), await wh.readSnapshot());
        if (plan.sheets.length === 0) return { intent: 'info', body: (t) => t.noMissingSheets };
        await wh.applyPlan(plan);
        const names = plan.sheets.map((p) => p.name);
        return { intent: 'success', body: (t) => t.addedSheets(names) };
      },
    });
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={common.h3}>
        {s.templateSection}
      </h2>
      <Field
        label={s.yearLabel}
        validationState={yearOk ? 'none' : 'error'}
        validationMessage={yearOk ? undefined : s.yearInvalid(YEAR_RANGE.min, YEAR_RANGE.max)}
      >
        <Input type="number" min={YEAR_RANGE.min} max={YEAR_RANGE.max} value={yearText} onChange={(_, d) => setYearText(d.value)} />
      </Field>
      <OptionList options={offered(host, options)} />
    </section>
  );
}

export function ExportTab() {
  const pane = usePane();
  const { s, outcome, host, lang } = pane;
  const common = useCommonStyles();
  const headingId = useId();
  const results = resultOptions(pane);
  const styles = useExportStyles();
  const options = (
    <div className={common.panel}>
      <section className={common.panel} aria-labelledby={headingId}>
        <h2 id={headingId} className={common.h3}>
          {s.resultsSection}
        </h2>
        {!canDownload(host) && <p className={common.hint} data-testid="no-download">{PLATFORM_TEXT.noDownload[lang]}</p>}
        {results.length === 0 ? (
          <p className={common.hint}>{outcome?.fatal ? s.fatalTitle : outcome && noRatingsYet(outcome) ? s.noRatingsTitle : s.needGradeFirst}</p>
        ) : (
          <>
            <OptionList options={results} />
            {host.kind === 'excel' && !host.getPdf && <p className={common.hint}>{s.pdfInExcel}</p>}
          </>
        )}
      </section>
      <TemplateSection />
    </div>
  );
  // On the desktop page the notification's print preview sits beside the choices.
  if (!pane.wide || results.length === 0) return options;
  return (
    <div className={styles.split}>
      {options}
      <NotificationPreview />
    </div>
  );
}
