/**
 * 模板 / Template: add the standard sheets the workbook lacks (never overwriting one), create next year's
 * workbook with this year's roster, or download a blank template or the sample.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { planSample, planTemplate } from '../workbook/plans';
import type { WorkbookPlan } from '../workbook/plan';
import { missingSheetsPlan, nextYearPlan, workbookYear } from './actions';
import { XLSX_MIME } from './host-util';
import { downloadName, toBase64 } from './bytes';
import type { Notice, PaneContext } from './context';
import { useStyles } from './styles';
import { buildWorkbook } from './xlsx-lazy';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export function TemplateTab({ ctx }: { ctx: PaneContext }) {
  const styles = useStyles();
  const { s, host, outcome, busy } = ctx;
  const [yearText, setYearText] = useState(String(workbookYear(outcome)));
  const year = Number(yearText);
  const yearOk = Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  const noWorkbook = host.workbookHost() === null;

  /** A new workbook: opened in Excel where it can, downloaded otherwise. */
  const deliver = async (plan: WorkbookPlan, suggested: string, done: Notice): Promise<Notice> => {
    const name = downloadName(suggested, host.fileName?.());
    const bytes = await buildWorkbook(plan);
    if (host.exportWorkbook) {
      const r = await host.exportWorkbook(toBase64(bytes));
      const note = r.note;
      if (!r.unsupported && note) return { ...done, body: (t, l) => `${done.body(t, l)} ${note[l]}` };
      if (!r.unsupported) return done;
      host.download(name, bytes, XLSX_MIME);
      return { intent: 'warning', body: (t) => t.exportUnsupported };
    }
    host.download(name, bytes, XLSX_MIME);
    return done;
  };

  const addMissing = () =>
    ctx.perform('template', async () => {
      const wh = host.workbookHost();
      if (!wh) return { intent: 'warning', body: (t) => t.noWorkbookYet };
      const plan = missingSheetsPlan(planTemplate(year), await wh.readSnapshot());
      if (plan.sheets.length === 0) return { intent: 'info', body: (t) => t.noMissingSheets };
      await wh.applyPlan(plan);
      const names = plan.sheets.map((p) => p.name);
      return { intent: 'success', body: (t) => t.addedSheets(names) };
    });

  const nextYear = () =>
    ctx.perform('template', async () => {
      // The roster comes from the last run, or from a check-only run when there was none.
      const source = outcome ?? (noWorkbook ? null : await ctx.grade(false));
      const roster = source?.recognition.input.roster ?? null;
      const next = year + 1;
      const n = roster?.length ?? 0;
      return deliver(nextYearPlan(next, roster), s.templateFileName(next), {
        intent: 'success',
        body: (t) => t.nextYearDone(next, n),
      });
    });

  const download = (plan: () => WorkbookPlan, suggested: string) =>
    ctx.perform('template', async () => {
      // Never the opened file's own name (standalone page).
      const name = downloadName(suggested, host.fileName?.());
      // Excel for Mac cannot download from the pane: the file opens as a new workbook instead.
      if (host.canDownload === false && host.exportWorkbook) {
        const r = await host.exportWorkbook(toBase64(await buildWorkbook(plan())));
        const note = r.note;
        if (!r.unsupported) return { intent: 'success', body: note ? (_t, l) => note[l] : (t) => t.exportOpened };
      }
      host.download(name, await buildWorkbook(plan()), XLSX_MIME);
      return { intent: 'success', body: (t) => t.downloaded(name) };
    });

  return (
    <div className={styles.panel}>
      <p className={styles.intro}>{s.templateIntro}</p>
      <Field label={s.yearLabel} validationState={yearOk ? 'none' : 'error'}>
        <Input
          type="number"
          min={MIN_YEAR}
          max={MAX_YEAR}
          value={yearText}
          onChange={(_, d) => setYearText(d.value)}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !yearOk || noWorkbook} onClick={() => void addMissing()}>
          {s.addMissingSheets}
        </Button>
        <Button disabled={busy || !yearOk} onClick={() => void nextYear()}>
          {s.nextYearWorkbook}
        </Button>
      </div>
      <div className={styles.row}>
        <Button disabled={busy || !yearOk} onClick={() => void download(() => planTemplate(year), s.templateFileName(year))}>
          {s.downloadTemplate}
        </Button>
        <Button disabled={busy} onClick={() => void download(planSample, s.sampleFileName)}>
          {s.downloadSample}
        </Button>
      </div>
    </div>
  );
}
