/**
 * The Word files (SPEC §8), loaded on demand like xlsx-lazy.ts: the docx library is large, so the first
 * render never imports it; its chunk is fetched only when a notice or the paper forms are made.
 */
import { defaultCatalogue } from '../core/catalogue';
import type { Text } from '../core/types';
import { formsInput } from '../workbook/forms-input';
import { buildFeedbackDocument, buildFormsDocument, buildNotificationDocument, buildRequestDocument } from '../workbook/plans/documents';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { GradeOutcome } from './run';

export type DocxModule = typeof import('../hosts/docx');

let loading: Promise<DocxModule> | null = null;

export function loadDocx(): Promise<DocxModule> {
  loading ??= import('../hosts/docx');
  return loading;
}

/** The 通报 as .docx bytes, dated as the notification of the run. */
export async function notificationWord(outcome: GradeOutcome): Promise<Uint8Array> {
  const docx = await loadDocx();
  return docx.renderNotification(buildNotificationDocument(outcome.notification, outcome.result.ruleset));
}

/** The request for approval as .docx bytes; null when nobody is graded 优秀 (nothing to ask). */
export async function requestWord(outcome: GradeOutcome): Promise<Uint8Array | null> {
  if (!outcome.request) return null;
  const docx = await loadDocx();
  return docx.renderRequest(buildRequestDocument(outcome.request, outcome.result.ruleset));
}

/** The 考核反馈单: one page per branch, dated as the notification of the run. */
export async function feedbackWord(outcome: GradeOutcome): Promise<Uint8Array> {
  const docx = await loadDocx();
  return docx.renderFeedback(buildFeedbackDocument(outcome.result, outcome.notification.date));
}

export type FormsWord = { fatal: Text } | { bytes: Uint8Array; branches: number; pages: number };

/**
 * The paper forms: one 考评表 and one 自评表 per branch from the workbook's roster and catalogue; with no
 * workbook, the default catalogue and one blank pair to copy. `year` is used when the workbook has none.
 */
export async function formsWord(snapshot: WorkbookSnapshot | null, year: number): Promise<FormsWord> {
  const source = snapshot ? formsInput(snapshot) : { catalogue: defaultCatalogue(), branches: [], year: null };
  if ('fatal' in source && source.fatal) return { fatal: source.fatal };
  const doc = buildFormsDocument(source.catalogue, source.branches, source.year ?? year);
  const docx = await loadDocx();
  return { bytes: await docx.renderForms(doc), branches: source.branches.length, pages: doc.forms.length };
}
