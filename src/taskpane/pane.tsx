/**
 * The pane context: what every component needs (language and words, host, last outcome, busy state) and
 * the actions that change it. Components call usePane() instead of receiving one big prop.
 */
import { createContext, useContext } from 'react';
import type { PreviousYear } from '../core/previous';
import type { Finding, Lang, SettingKey, Text } from '../core/types';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { AppHost } from './app-host';
import type { SettingGroupId, Strings, TabId } from './i18n';
import type { GradeOutcome } from './run';

/** A notice's text, chosen at render time so that switching language re-words it. */
export type Msg = (s: Strings, lang: Lang) => string;

/** A way out offered inside a message ("去设置修改"). */
export interface NoticeAction {
  label: Msg;
  run(): void;
}

/** The status of the latest run: one at a time, each new action clears it. */
export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title?: Msg;
  body: Msg;
  /** shown below the body, one warning each (what Excel refused of a run's layout) */
  warnings?: Msg[];
  actions?: NoticeAction[];
}

/** A problem about several settings (weights that do not sum, thresholds out of order), said under its group. */
export interface GroupProblem {
  /** the group whose edits alone cause it; null: only the edits of several groups together */
  group: SettingGroupId | null;
  message: Text;
}

/**
 * What the clerk typed on 设置 and has not saved, with the problems a rejected save found. Kept by the pane,
 * not the form, so that looking at 校验 or the results in between loses nothing.
 */
export interface SettingsDraft {
  /** the saved field texts it was typed over: a run that reads other settings (another file) drops the draft */
  base: ReadonlyMap<SettingKey, string>;
  texts: ReadonlyMap<SettingKey, string>;
  byKey: ReadonlyMap<SettingKey, Text>;
  general: readonly GroupProblem[];
}

export interface Pane {
  s: Strings;
  lang: Lang;
  host: AppHost;
  /** standalone (a file from disk): results must be downloaded, there is no Excel to select in */
  standalone: boolean;
  /** the standalone page on a desktop-wide window */
  wide: boolean;
  outcome: GradeOutcome | null;
  busy: boolean;
  /** the name of the workbook (standalone: the opened file) */
  fileName: string | null;
  tab: TabId;
  showTab(tab: TabId): void;
  /** Run one user action: busy, the old status cleared, its result (or error) as the new status. */
  perform(action: () => Promise<Notice | void>): Promise<void>;
  /** Show an error from a quick action that does not make the pane busy (selecting a cell). */
  fail(error: unknown): void;
  /** Grade (write = true) or only check; returns the outcome, or null when there is no workbook. */
  grade(write: boolean): Promise<GradeOutcome | null>;
  /** Track a quick action that is not `perform`ed, so Activity.idle() waits for it too. */
  track<T>(p: Promise<T>): Promise<T>;
  /** The workbook as last read for a run (the desktop page previews its cells). */
  snapshot: WorkbookSnapshot | null;
  /** The finding last clicked (marked in the list; standalone, previewed). */
  selected: Finding | null;
  select(f: Finding | null): void;
  /** Show the progress line of a file being opened (standalone), until the action ends. */
  opening(): void;
  /** Last year's results the clerk chose (SPEC §8): every grade run of the session compares with them until removed. */
  previous: PreviousYear | null;
  setPrevious(previous: PreviousYear | null): void;
  /** The settings form's unsaved typing (null: none); dropped when another workbook or other settings come in. */
  settingsDraft: SettingsDraft | null;
  setSettingsDraft(draft: SettingsDraft | null): void;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside the App');
  return pane;
}

/** Same text in both languages (data, such as a file name). */
export function literal(text: string): Msg {
  return () => text;
}
