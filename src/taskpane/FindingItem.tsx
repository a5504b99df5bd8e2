/**
 * One finding as a card. A finding with a cell is a button (goes to the cell in Excel; standalone, shows
 * where it is): it has a brand edge and a "转到单元格 ›" cue, and the clicked one is marked. A finding
 * without a cell is a plain card. The visible text is the accessible name (no aria-label replacing it).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { forwardRef } from 'react';
import type { Finding } from '../core/types';
import { isLocated } from './findings';
import { chineseQuotes } from './i18n';
import { usePane } from './pane';

const useFindingItemStyles = makeStyles({
  card: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'start',
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: 'inherit',
    color: 'inherit',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    overflowWrap: 'anywhere',
  },
  button: {
    cursor: 'pointer',
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  plain: { backgroundColor: tokens.colorNeutralBackground2, borderLeft: `4px solid ${tokens.colorNeutralStroke2}` },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  line: { display: 'block' },
  place: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  cue: { color: tokens.colorBrandForeground2, fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "工作表「组织考核」A7", with the sheet name marked as workbook data. */
export function PlaceLabel({ sheet, cell }: { sheet: string; cell?: string }) {
  const { s } = usePane();
  const [before, after = ''] = s.place('\u0000', cell).split('\u0000');
  return (
    <>
      {before}
      <span data-wb="">{sheet}</span>
      {after}
    </>
  );
}

function FindingBody({ f }: { f: Finding }) {
  const { s, lang, selected, standalone } = usePane();
  const styles = useFindingItemStyles();
  const q = (text: string) => chineseQuotes(text, lang);
  return (
    <>
      {f.sheet && (
        <span className={mergeClasses(styles.line, styles.place)}>
          <span data-testid="finding-place">
            <PlaceLabel sheet={f.sheet} cell={f.cell} />
          </span>
          {isLocated(f) && (
            <span className={styles.cue}>
              {selected === f ? `✓ ${s.selectedMark}` : standalone ? '' : `${s.goToCell} ›`}
            </span>
          )}
        </span>
      )}
      {(f.branch || f.indicator) && (
        <span className={styles.line}>
          {f.branch && (
            <>
              {s.branchLabel}
              {s.colon}
              <span data-wb="">{f.branch}</span>{' '}
            </>
          )}
          {f.indicator && (
            <>
              {s.indicatorLabel}
              {s.colon}
              <span data-wb="">{f.indicator}</span>
            </>
          )}
        </span>
      )}
      <span className={styles.line} data-text="message">
        {q(f.message[lang])}
      </span>
      {f.suggestion && (
        <span className={mergeClasses(styles.line, styles.muted)}>
          {s.suggestionLabel}
          {s.colon}
          <span data-text="message">{q(f.suggestion[lang])}</span>
        </span>
      )}
      {f.candidates && f.candidates.length > 0 && (
        <span className={mergeClasses(styles.line, styles.muted)}>
          {s.candidatesLabel}
          {s.colon}
          <span data-wb="">{f.candidates.join(s.listSep)}</span>
        </span>
      )}
    </>
  );
}

export const FindingItem = forwardRef<HTMLButtonElement, { finding: Finding; onGo: (f: Finding) => void }>(function FindingItem({ finding: f, onGo }, ref) {
  const { selected } = usePane();
  const styles = useFindingItemStyles();
  if (!isLocated(f)) {
    return (
      <div className={mergeClasses(styles.card, styles.plain)} data-testid="finding">
        <FindingBody f={f} />
      </div>
    );
  }
  const isSelected = selected === f;
  return (
    <button
      ref={ref}
      type="button"
      className={mergeClasses(styles.card, styles.button, isSelected && styles.selected)}
      aria-current={isSelected ? 'true' : undefined}
      onClick={() => onGo(f)}
      onKeyDown={(e) => {
        // Handled here (and the native click suppressed) so Enter works the same everywhere.
        if (e.key === 'Enter') {
          e.preventDefault();
          onGo(f);
        }
      }}
      data-testid="finding"
    >
      <FindingBody f={f} />
    </button>
  );
});
