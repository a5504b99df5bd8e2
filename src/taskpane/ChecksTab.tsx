/**
 * 校验 / Checks: findings grouped by severity, then code, with counts. A finding that points at a cell is
 * a button: Enter or a click selects the cell in Excel (standalone: shows the address prominently right
 * under the finding, and announces it).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Finding, Severity } from '../core/types';
import { cellLabel, dropDownRanges, groupFindings, highlightRefs } from './actions';
import type { PaneContext } from './context';
import type { Strings } from './i18n';
import { useStyles } from './styles';

/** Long lists are cut here; the 校验问题 sheet holds them all. */
const MAX_PER_CODE = 200;

const BADGE: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

function FindingBody({ f, s, lang }: { f: Finding; s: Strings; lang: 'zh' | 'en' }) {
  const styles = useStyles();
  return (
    <>
      {f.sheet && (
        <span className={styles.findingLine}>
          <span className={styles.address} data-wb="">
            {cellLabel(f.sheet, f.cell)}
          </span>
        </span>
      )}
      {(f.branch || f.indicator) && (
        <span className={styles.findingLine}>
          {f.branch && (
            <>
              {s.branchLabel}{s.colon}<span data-wb="">{f.branch}</span>{' '}
            </>
          )}
          {f.indicator && (
            <>
              {s.indicatorLabel}{s.colon}<span data-wb="">{f.indicator}</span>
            </>
          )}
        </span>
      )}
      <span className={styles.findingLine} data-text="message">
        {f.message[lang]}
      </span>
      {f.suggestion && (
        <span className={`${styles.findingLine} ${styles.muted}`}>
          {s.suggestionLabel}{s.colon}<span data-text="message">{f.suggestion[lang]}</span>
        </span>
      )}
      {f.candidates && f.candidates.length > 0 && (
        <span className={`${styles.findingLine} ${styles.muted}`}>
          {s.candidatesLabel}{s.colon}<span data-wb="">{f.candidates.join(s.listSep)}</span>
        </span>
      )}
    </>
  );
}

export function ChecksTab({ ctx }: { ctx: PaneContext }) {
  const styles = useStyles();
  const { s, lang, host, outcome, busy } = ctx;
  // The finding last clicked (standalone: its address is shown right under it). A new outcome has new
  // finding objects, so a stale selection simply matches nothing.
  const [selected, setSelected] = useState<Finding | null>(null);
  const addressBox = useRef<HTMLDivElement>(null);
  const [marked, setMarked] = useState<{ sheet: string; cell: string }[]>([]);
  const noWorkbook = host.workbookHost() === null;
  // Standalone there is no Excel to select the cell in: the address is shown instead.
  const showAddress = !host.selectCell;
  const selectedLabel = selected?.sheet && selected.cell ? cellLabel(selected.sheet, selected.cell) : '';

  useEffect(() => {
    // The box opens under the finding; bring it into view when that is near the bottom of the pane.
    addressBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  const runChecks = (
    <Button
      appearance={outcome ? 'secondary' : 'primary'}
      disabled={busy || noWorkbook}
      onClick={() => void ctx.perform('checks', async () => {
        const out = await ctx.grade(false);
        return out ? ctx.gradeNotice(out, false) : undefined;
      })}
    >
      {s.runChecks}
    </Button>
  );

  if (!outcome) {
    return (
      <div className={styles.panel}>
        <p className={styles.intro}>{s.checksIntro}</p>
        {noWorkbook && <p className={styles.hint}>{s.noWorkbookYet}</p>}
        <div className={styles.row}>{runChecks}</div>
      </div>
    );
  }

  const findings = outcome.findings;
  const groups = groupFindings(findings);

  const go = (f: Finding) => {
    if (!f.sheet || !f.cell) return;
    const sheet = f.sheet;
    const cell = f.cell;
    setSelected(f);
    // Not a busy action: the user may step through findings quickly.
    if (host.selectCell) void ctx.track(host.selectCell(sheet, cell).catch((e: unknown) => ctx.fail('checks', e)));
  };

  const highlight = (on: boolean) =>
    ctx.perform('checks', async () => {
      const refs = on ? highlightRefs(findings) : marked.length ? marked : highlightRefs(findings);
      await host.setHighlights?.(refs, on);
      setMarked(on ? refs : []);
      return { intent: 'success', body: on ? (t) => t.highlighted(refs.length) : (t) => t.highlightCleared };
    });

  const addDropDowns = () =>
    ctx.perform('checks', async () => {
      const ranges = dropDownRanges(outcome.recognition.ratingRanges);
      if (ranges.length === 0) return { intent: 'info', body: (t) => t.dropDownsNone };
      const r = await host.addDropDowns?.(ranges);
      if (!r || r.unsupported) return { intent: 'warning', body: (t) => t.dropDownsUnsupported };
      return { intent: 'success', body: (t) => t.dropDownsAdded(r.added) };
    });

  return (
    <div className={styles.panel}>
      <div className={styles.row}>{runChecks}</div>
      {(host.setHighlights || host.addDropDowns) && (
        <div className={styles.row}>
          {host.setHighlights && (
            <>
              <Button disabled={busy} onClick={() => void highlight(true)}>
                {s.highlight}
              </Button>
              <Button disabled={busy} onClick={() => void highlight(false)}>
                {s.clearHighlight}
              </Button>
            </>
          )}
          {host.addDropDowns && (
            <Button disabled={busy} onClick={() => void addDropDowns()}>
              {s.addDropDowns}
            </Button>
          )}
        </div>
      )}
      {showAddress && (
        // Always present, so screen readers announce each new address (the box itself appears under the finding).
        <div className={styles.visuallyHidden} role="status" aria-live="polite" data-testid="selected-announce">
          {selected && `${s.selectedCell}${s.colon}${selectedLabel}`}
        </div>
      )}
      {groups.length === 0 ? (
        <p className={styles.intro}>{s.noFindings}</p>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={[groups[0].severity]} aria-label={s.findingsLabel}>
          {groups.map((g) => {
            const total = g.codes.reduce((n, c) => n + c.items.length, 0);
            return (
              <AccordionItem key={g.severity} value={g.severity}>
                <AccordionHeader>
                  <span className={styles.groupHeader}>
                    {s.severities[g.severity]}
                    <CounterBadge count={total} overflowCount={9999} color={BADGE[g.severity]} size="small" />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  {g.codes.map((c) => (
                    <section key={c.code} aria-label={`${s.findingCodes[c.code]} (${c.items.length})`}>
                      <h4 className={styles.codeTitle}>
                        {s.findingCodes[c.code]}
                        <CounterBadge count={c.items.length} overflowCount={9999} appearance="ghost" color={BADGE[g.severity]} size="small" />
                      </h4>
                      <ul className={styles.findingList}>
                        {c.items.slice(0, MAX_PER_CODE).map((f, i) => (
                          <li key={i}>
                            {f.sheet && f.cell ? (
                              <button
                                type="button"
                                className={`${styles.finding} ${styles.findingButton}`}
                                aria-label={`${s.goToCell(cellLabel(f.sheet, f.cell))}. ${f.message[lang]}`}
                                onClick={() => go(f)}
                                onKeyDown={(e) => {
                                  // Handled here (and the native click suppressed) so Enter works the same everywhere.
                                  if (e.key === 'Enter') {
                                    e.preventDefault();
                                    go(f);
                                  }
                                }}
                                data-testid="finding"
                              >
                                <FindingBody f={f} s={s} lang={lang} />
                              </button>
                            ) : (
                              <div className={styles.finding} data-testid="finding">
                                <FindingBody f={f} s={s} lang={lang} />
                              </div>
                            )}
                            {showAddress && selected === f && (
                              <div ref={addressBox} className={styles.selected} data-testid="selected-box">
                                <p className={styles.hint}>{s.selectedCell}</p>
                                <p className={styles.bigAddress} data-wb="" data-testid="selected-address">
                                  {selectedLabel}
                                </p>
                                <p className={styles.hint}>{s.standaloneCellHint}</p>
                              </div>
                            )}
                          </li>
                        ))}
                      </ul>
                      {c.items.length > MAX_PER_CODE && <p className={styles.hint}>{s.moreFindings(c.items.length - MAX_PER_CODE)}</p>}
                    </section>
                  ))}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </div>
  );
}
