/**
 * How far a failed write got, and the message that says so (SPEC §6: the user is told what happened to
 * the workbook). write.ts proves each milestone by a workbook name added right after its statements; the
 * host collects the names present after a failure. Excel runs a request's statements in order and stops at
 * the first failure without undoing what ran, so the milestones reached are a prefix of the plan's, and only
 * the statements between the last one reached and the next may have run in part.
 */
import type { Text } from '../../core/types';
import { TERMS, type Terms } from '../../workbook/terms';
import { ExcelHostError } from './errors';
import type { Milestone } from './write';

/** What became of one sheet the write meant to change, as the user can now see it. */
export interface SheetOutcome {
  /** the sheet's name in the workbook now */
  sheet: string;
  state: 'filled' | 'partly-filled' | 'rewritten' | 'cleared' | 'not-renamed' | 'added' | 'unchanged' | 'unknown';
  /** filled sheets: the settings sheet gets its own words (new settings, not new results) */
  settings?: boolean;
  /** not-renamed: the name it should have had */
  to?: string;
}

export interface WriteProgress {
  /** in plan order, one per sheet the plan writes */
  sheets: SheetOutcome[];
  /** whether anything the user can see may have changed */
  changed: boolean;
}

/**
 * `reached`: milestones proven (indexes into `milestones`); `unknown`: milestones of the failed request
 * whose proof could not be read back (the check after the failure failed), so they may or may not be
 * reached.
 */
export function writeProgress(milestones: Milestone[], reached: Set<number>, unknown: number[]): WriteProgress {
  const last = Math.max(-1, ...reached);
  const failing = last + 1;
  const maybe = new Set(unknown.filter((i) => i > last));
  const at = (i: number) => (i <= last ? 'done' : maybe.has(i) ? 'unknown' : i === failing ? 'failing' : 'not-started');

  const sheets: SheetOutcome[] = [];
  milestones.forEach((m, i) => {
    switch (m.kind) {
      case 'filled': {
        const s = at(i);
        const state = s === 'done' ? 'filled' : s === 'failing' ? 'partly-filled' : s === 'unknown' ? 'unknown' : 'unchanged';
        sheets.push({ sheet: m.sheet, state, ...(m.what === 'settings' ? { settings: true } : {}) });
        return;
      }
      case 'added': {
        const s = at(i);
        // a new sheet is renamed into place by one statement: before it, it was only a temporary sheet
        sheets.push({ sheet: m.sheet, state: s === 'done' ? 'added' : s === 'unknown' ? 'unknown' : 'unchanged' });
        return;
      }
      case 'cleared': {
        const rewritten = milestones.findIndex((x, j) => j > i && x.kind === 'rewritten' && x.sheet === m.sheet);
        const renamed = milestones.findIndex((x, j) => j > i && x.kind === 'renamed' && x.from === m.sheet);
        const cleared = at(i);
        const written = at(rewritten);
        let out: SheetOutcome;
        if (cleared === 'unknown' || written === 'unknown') out = { sheet: m.sheet, state: 'unknown' };
        // clearing is one statement: when it failed, nothing of the sheet changed
        else if (cleared !== 'done') out = { sheet: m.sheet, state: 'unchanged' };
        else if (written !== 'done') out = { sheet: m.sheet, state: 'cleared' };
        else if (renamed < 0) out = { sheet: m.sheet, state: 'rewritten' };
        else {
          const to = (milestones[renamed] as { sheet: string }).sheet;
          const s = at(renamed);
          out = s === 'done' ? { sheet: to, state: 'rewritten' } : s === 'unknown' ? { sheet: m.sheet, state: 'unknown' } : { sheet: m.sheet, state: 'not-renamed', to };
        }
        sheets.push(out);
        return;
      }
      default:
        return;
    }
  });
  return { sheets, changed: sheets.some((s) => s.state !== 'unchanged') };
}

/** The message for one language. */
export function progressText(t: Terms, cause: string, progress: WriteProgress): string {
  const w = t.writeStopped;
  const changed: string[] = [];
  for (const s of progress.sheets) {
    if (s.state === 'filled') changed.push(s.settings ? w.settingsFilled(s.sheet) : w.filled(s.sheet));
    else if (s.state === 'partly-filled') changed.push(s.settings ? w.settingsPartlyFilled(s.sheet) : w.partlyFilled(s.sheet));
    else if (s.state === 'rewritten') changed.push(w.rewritten(s.sheet));
    else if (s.state === 'cleared') changed.push(w.cleared(s.sheet));
    else if (s.state === 'not-renamed') changed.push(w.notRenamed(s.sheet, s.to ?? ''));
    else if (s.state === 'added') changed.push(w.added(s.sheet));
  }
  const names = (state: SheetOutcome['state']) => progress.sheets.filter((s) => s.state === state).map((s) => s.sheet);
  return w.message(cause, changed, names('unchanged'), names('unknown'));
}

/**
 * The error the pane shows: when nothing changed, the cause's own message (which says so); otherwise what
 * was changed, what not, and the cause in a few words. The progress is kept on the error.
 */
export function partWayError(error: ExcelHostError, progress: WriteProgress): ExcelHostError {
  if (!progress.changed) {
    error.progress = progress;
    return error;
  }
  const cause = (t: Terms) => {
    const c = t.writeStopped.causes;
    return error.failure === 'generic' || error.failure === 'platform' ? c.generic(error.code) : c[error.failure];
  };
  const text: Text = { zh: progressText(TERMS.zh, cause(TERMS.zh), progress), en: progressText(TERMS.en, cause(TERMS.en), progress) };
  const out = new ExcelHostError(error.failure, error.code, text, error.cause ?? error);
  out.progress = progress;
  return out;
}
