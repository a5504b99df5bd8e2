/**
 * 考核结果通报 as an official document (SPEC §8): the notification model (src/core/notification.ts, every
 * word) with what only the Word layout needs: faces and column widths. The host (src/hosts/docx) lays it
 * out to GB/T 9704-2012.
 */
import { documentDate } from '../../../core/notification';
import { DEFAULT_DOCUMENT_FONT } from '../../../core/ruleset';
import type { DocumentTableModel, NotificationModel, Ruleset } from '../../../core/types';

export { documentDate };

/** A table of a document with relative column widths. */
export interface DocumentTable extends DocumentTableModel {
  widths: number[];
}

export interface DocumentFonts {
  title: string;
  body: string;
  heading: string;
  pageNumber: string;
}

export interface NotificationDocument {
  notice: NotificationModel;
  /** relative widths of the 附件 tables */
  widths: { ranked: number[]; incomplete: number[] };
  fonts: DocumentFonts;
}

export const TITLE_FONT = '方正小标宋简体';
export const HEADING_FONT = '黑体';
export const PAGE_NUMBER_FONT = '宋体';

export function documentFonts(ruleset: Pick<Ruleset, 'documentFont'>): DocumentFonts {
  return { title: TITLE_FONT, body: ruleset.documentFont ?? DEFAULT_DOCUMENT_FONT, heading: HEADING_FONT, pageNumber: PAGE_NUMBER_FONT };
}

export function buildNotificationDocument(model: NotificationModel, ruleset: Ruleset): NotificationDocument {
  return { notice: model, widths: { ranked: [14, 34, 26, 13, 13], incomplete: [10, 30, 22, 38] }, fonts: documentFonts(ruleset) };
}

/** A model table with its widths. */
export function withWidths(t: DocumentTableModel, widths: number[]): DocumentTable {
  return { ...t, widths };
}
