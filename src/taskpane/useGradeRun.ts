/**
 * useGradeRun: grade (or only check) the workbook as one user action, and say what came of it in the
 * status area, with the way forward inside the message (查看校验问题, 去设置修改, 下载空白模板).
 */
import { useCallback } from 'react';
import { planTemplate, missingSheetsPlan, runYear } from '../workbook/plans';
import { deliverFile, openOrDeliver } from './deliver';
import { XLSX_MIME } from './host-util';
import type { Notice, NoticeAction, Pane } from './pane';
import { usePane } from './pane';
import { blockedCount, countOf, noRatingsYet, type GradeOutcome } from './run';
import { buildWorkbook } from './xlsx-lazy';

/** The notice for a finished run, with its actions. */
export function gradeNotice(pane: Pane, out: GradeOutcome, wrote: boolean): Notice {
  const errors = countOf(out.findings, 'error');
  const warnings = countOf(out.findings, 'warning');
  const showChecks: NoticeAction = { label: (t) => t.actionShowChecks, run: () => pane.showTab('checks') };
  const fixSettings: NoticeAction = { label: (t) => t.actionFixSettings, run: () => pane.showTab('settings') };
  if (out.recognition.nothingRecognised) {
    return { intent: 'error', title: (t) => t.fatalTitle, body: (t) => t.nothingRecognised, actions: [startFromTemplate(pane)] };
  }
  const settingsBroken = out.findings.some((f) => f.code === 'invalid-settings' && f.severity === 'error');
  const fatal = out.fatal;
  if (fatal) {
    return { intent: 'error', title: (t) => t.fatalTitle, body: (_t, l) => fatal[l], actions: settingsBroken ? [fixSettings, showChecks] : [showChecks] };
  }
  if (noRatingsYet(out)) {
    return {
      intent: 'warning',
      title: (t) => t.noRatingsTitle,
      body: (t) => (pane.standalone ? t.noRatingsStandalone : t.noRatings),
      actions: [startFromTemplate(pane), showChecks],
    };
  }
  if (!wrote) {
    if (out.findings.length === 0) return { intent: 'success', body: (t) => t.checkedOk };
    return { intent: errors ? 'warning' : 'info', body: (t) => t.checkedFindings(errors, warnings), actions: [showChecks] };
  }
  const blocked = blockedCount(out.result);
  const total = out.result.branches.length;
  if (settingsBroken) {
    return { intent: 'error', title: (t) => t.errorsTitle, body: (t) => t.settingsFatal, actions: [fixSettings, showChecks] };
  }
  if (errors > 0) {
    const body = pane.standalone ? (t: Pane['s']) => t.doneWithErrorsStandalone(errors, blocked) : (t: Pane['s']) => t.doneWithErrors(errors, blocked);
    return { intent: 'warning', title: (t) => t.errorsTitle, body, actions: [showChecks] };
  }
  const graded = total - blocked;
  if (pane.standalone) {
    return { intent: 'success', title: (t) => t.doneTitle, body: (t) => t.doneOkStandalone(graded, total), actions: [{ label: (t) => t.actionExport, run: () => pane.showTab('export') }] };
  }
  return { intent: 'success', title: (t) => t.doneTitle, body: (t) => t.doneOk(graded, total), ...(warnings ? { actions: [showChecks] } : {}) };
}

/** No rating sheet: inside Excel add the standard sheets; standalone download the blank template. */
function startFromTemplate(pane: Pane): NoticeAction {
  const year = runYear(pane.outcome?.result);
  const wh = pane.host.workbookHost();
  if (!pane.standalone && wh) {
    return {
      label: (t) => t.actionAddSheets,
      run: () =>
        void pane.perform(async () => {
          const plan = missingSheetsPlan(planTemplate(year), await wh.readSnapshot());
          if (plan.sheets.length === 0) return { intent: 'info', body: (t) => t.noMissingSheets };
          await wh.applyPlan(plan);
          const names = plan.sheets.map((p) => p.name);
          return { intent: 'success', body: (t) => t.addedSheets(names) };
        }),
    };
  }
  return {
    label: (t) => t.actionDownloadTemplate,
    run: () =>
      void pane.perform(async () => {
        const name = pane.s.templateFileName(year);
        const bytes = await buildWorkbook(planTemplate(year));
        // Where the pane cannot download (Excel for Mac) the template opens as a new workbook instead.
        if (pane.host.canDownload === false) return openOrDeliver(pane.host, bytes, name, { intent: 'success', body: (t) => t.exportOpened });
        return deliverFile(pane.host, name, bytes, XLSX_MIME);
      }),
  };
}

/** Grade (write) or check only, as one action whose notice lands in the status area. */
/**
 * `disabled`: no workbook to grade. `busy`: another action runs; the button stays focusable then
 * (disabledFocusable), so keyboard focus is still on it when the work is done.
 */
export function useGradeRun(): { run: (write: boolean) => Promise<void>; disabled: boolean; busy: boolean } {
  const pane = usePane();
  const run = useCallback(
    (write: boolean) =>
      pane.perform(async () => {
        const out = await pane.grade(write);
        if (!out) return undefined;
        const notice = gradeNotice(pane, out, write);
        // What Excel refused of the layout (freeze panes, print setup …): the results are in, say it anyway.
        const refused = write ? (pane.host.writeWarnings?.() ?? []) : [];
        if (refused.length) notice.warnings = refused.map((w) => (_t, l) => w[l]);
        return notice;
      }),
    [pane],
  );
  return { run, disabled: pane.host.workbookHost() === null, busy: pane.busy };
}
