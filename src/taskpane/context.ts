/**
 * What every tab receives from the App: the language, the host, the last outcome, and `perform`, which
 * runs one user action with a busy state and turns its result or error into a notice in that tab.
 */
import type { Lang } from '../core/types';
import type { GradeOutcome } from './actions';
import type { AppHost } from './app-host';
import type { Strings, TabId } from './i18n';

/** A notice's text, chosen at render time so that switching language re-words it. */
export type Msg = (s: Strings, lang: Lang) => string;

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title?: Msg;
  body: Msg;
}

/** Where a notice shows: in a tab, or by the file buttons (standalone open/download), whatever the tab. */
export type NoticeArea = TabId | 'file';

export interface PaneContext {
  s: Strings;
  lang: Lang;
  host: AppHost;
  outcome: GradeOutcome | null;
  busy: boolean;
  /** Run an action for `tab`; a returned notice (or the error) is shown in that tab. */
  perform(tab: NoticeArea, action: () => Promise<Notice | void>): Promise<void>;
  /** Show an error from a quick action that does not make the pane busy (selecting a cell). */
  fail(tab: NoticeArea, error: unknown): void;
  /** Grade (write = true) or only check; returns the outcome, or null when there is no workbook. */
  grade(write: boolean): Promise<GradeOutcome | null>;
  /** The outcome's notice (done, errors, fatal) for a grade run. */
  gradeNotice(outcome: GradeOutcome, wrote: boolean): Notice;
  /** Track a quick action that is not `perform`ed, so `Activity.idle()` waits for it too. */
  track<T>(p: Promise<T>): Promise<T>;
}

/** Same text in both languages (data, such as a file name). */
export function literal(text: string): Msg {
  return () => text;
}
