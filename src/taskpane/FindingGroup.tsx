/**
 * One severity's findings (错误 / 警告 / 提示) as an accordion item, with a count badge, then one section
 * per finding kind. Standalone, the clicked finding's address opens right under it.
 */
import { AccordionHeader, AccordionItem, AccordionPanel, Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Finding, Severity } from '../core/types';
import { FindingItem, PlaceLabel } from './FindingItem';
import type { SeverityGroup } from './findings';
import { usePane } from './pane';
import { useCommonStyles } from './styles';

/** Long lists are cut here; the 校验问题 sheet holds them all. */
export const MAX_PER_CODE = 200;

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useFindingGroupStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  codeTitle: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '6px' },
  addressBox: {
    marginTop: '4px',
    padding: tokens.spacingHorizontalS,
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  bigAddress: { margin: '0', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, overflowWrap: 'anywhere' },
});

/** A count badge: tinted, so it reads in both themes (the filled "important" one was black). */
export function CountBadge({ n, severity }: { n: number; severity: Severity }) {
  return (
    <Badge appearance="tint" color={BADGE[severity]} shape="rounded" size="medium">
      {n}
    </Badge>
  );
}

export function FindingGroup({ group, onGo }: { group: SeverityGroup; onGo: (f: Finding) => void }) {
  const { s, selected, standalone } = usePane();
  const styles = useFindingGroupStyles();
  const common = useCommonStyles();
  const addressBox = useRef<HTMLDivElement>(null);
  const total = group.codes.reduce((n, c) => n + c.items.length, 0);

  useEffect(() => {
    // The box opens under the finding; bring it into view when that is near the bottom of the pane.
    addressBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <AccordionItem value={group.severity}>
      <AccordionHeader as="h2">
        <span className={styles.header}>
          {s.severities[group.severity]}
          <CountBadge n={total} severity={group.severity} />
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {group.codes.map((c) => (
          <section key={c.code} aria-label={`${s.findingCodes[c.code]} (${c.items.length})`}>
            <h3 className={styles.codeTitle}>
              {s.findingCodes[c.code]}
              <CountBadge n={c.items.length} severity={group.severity} />
            </h3>
            <ul className={styles.list}>
              {c.items.slice(0, MAX_PER_CODE).map((f, i) => (
                <li key={i}>
                  <FindingItem finding={f} onGo={onGo} />
                  {standalone && selected === f && f.sheet && f.cell && (
                    <div ref={addressBox} className={styles.addressBox} data-testid="selected-box">
                      <p className={common.hint}>{s.selectedCell}</p>
                      <p className={styles.bigAddress} data-testid="selected-address">
                        <PlaceLabel sheet={f.sheet} cell={f.cell} />
                      </p>
                      <p className={common.hint}>{s.standaloneCellHint}</p>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {c.items.length > MAX_PER_CODE && <p className={common.hint}>{s.moreFindings(c.items.length - MAX_PER_CODE)}</p>}
          </section>
        ))}
      </AccordionPanel>
    </AccordionItem>
  );
}
