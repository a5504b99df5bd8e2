/**
 * 上年结果（可选）: last year's graded workbook or JSON report, from disk through a file input (in Excel too:
 * this year's workbook is Excel's, last year's is a file). Chosen once, every grade run of the session
 * compares with it (App keeps it) until it is removed. Not offered where the web view has no file dialog.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { readFileBytes } from './FileBar';
import { usePane, type Notice } from './pane';
import { filePickingSupported, PREVIOUS_ACCEPT, previousTooLarge, readPreviousFile } from './previous-file';
import { useCommonStyles } from './styles';
import { useGradeRun } from './useGradeRun';

const usePickerStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: '0',
  },
  label: { fontWeight: tokens.fontWeightSemibold, margin: '0' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: '0' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  hiddenInput: { display: 'none' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, margin: '0' },
});

export function PreviousPicker() {
  const pane = usePane();
  const { s, busy, perform, previous, setPrevious, outcome, opening } = pane;
  const styles = usePickerStyles();
  const common = useCommonStyles();
  const input = useRef<HTMLInputElement>(null);
  const grading = useGradeRun();
  if (!filePickingSupported()) return null;
  const t = s.previousFile;

  // Results on screen were graded without (or with other) last year's results: offer to grade again.
  const regrade = (): Pick<Notice, 'actions'> =>
    outcome && !grading.disabled ? { actions: [{ label: (x) => x.previousFile.regrade, run: () => void grading.run(true) }] } : {};

  const choose = (file: File) =>
    perform(async () => {
      const early = previousTooLarge(file.name, file.size);
      if (early) throw early;
      opening();
      const read = await readPreviousFile(file.name, await readFileBytes(file));
      setPrevious(read);
      return { intent: 'success', body: (x) => x.previousFile.picked(read.source, read.year, read.branches.length), ...regrade() };
    });

  const remove = () =>
    perform(async () => {
      const name = previous?.source ?? '';
      setPrevious(null);
      return { intent: 'info', body: (x) => x.previousFile.removed(name), ...regrade() };
    });

  const thisYear = outcome && !outcome.fatal ? outcome.result.year : null;
  const mismatch = previous?.year != null && thisYear !== null && previous.year !== thisYear - 1 ? previous.year : null;

  return (
    <section className={styles.box} aria-label={t.label} data-testid="previous-picker">
      <p className={styles.label}>{t.label}</p>
      {previous ? (
        <div className={styles.row}>
          <span className={styles.name} data-wb="" data-testid="previous-name">
            {previous.source}
          </span>
          <span className={common.hint} data-testid="previous-about">
            {t.about(previous.year, previous.branches.length)}
          </span>
        </div>
      ) : (
        <p className={common.hint}>{t.hint}</p>
      )}
      {mismatch !== null && thisYear !== null && (
        <p className={styles.warning} role="note">
          {t.yearMismatch(mismatch, thisYear)}
        </p>
      )}
      <div className={styles.row}>
        <Button size="small" appearance="secondary" disabledFocusable={busy} onClick={() => input.current?.click()}>
          {previous ? t.replace : t.choose}
        </Button>
        {previous && (
          <Button size="small" appearance="subtle" disabledFocusable={busy} onClick={() => void remove()}>
            {t.remove}
          </Button>
        )}
      </div>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept={PREVIOUS_ACCEPT}
        aria-label={t.choose}
        tabIndex={-1}
        data-testid="previous-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void choose(file);
        }}
      />
    </section>
  );
}
