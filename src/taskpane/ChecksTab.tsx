/**
 * 校验 / Checks: check without writing, then the findings grouped by severity and kind. A finding with a
 * cell goes to it (Excel) or shows where it is (standalone). The rarely used actions that change the
 * workbook's look sit in one menu, each saying what it changes.
 */
import { Accordion, Button, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding } from '../core/types';
import { FindingGroup } from './FindingGroup';
import { dropDownRanges, groupFindings, highlightRefs, isLocated } from './findings';
import { usePane } from './pane';
import { SheetPreview } from './SheetPreview';
import { useCommonStyles } from './styles';
import { useGradeRun } from './useGradeRun';

function MoreActions() {
  const { s, host, outcome, perform, busy } = usePane();
  const [marked, setMarked] = useState<{ sheet: string; cell: string }[]>([]);
  if (!outcome || !(host.setHighlights || host.addDropDowns)) return null;
  const findings = outcome.findings;

  const highlight = (on: boolean) =>
    perform(async () => {
      const refs = on ? highlightRefs(findings) : marked.length ? marked : highlightRefs(findings);
      await host.setHighlights?.(refs, on);
      setMarked(on ? refs : []);
      return { intent: 'success', body: on ? (t) => t.highlighted(refs.length) : (t) => t.highlightCleared };
    });

  const addDropDowns = () =>
    perform(async () => {
      const ranges = dropDownRanges(outcome.recognition.ratingRanges);
      if (ranges.length === 0) return { intent: 'info', body: (t) => t.dropDownsNone };
      const r = await host.addDropDowns?.(ranges);
      if (!r || r.unsupported) return { intent: 'warning', body: (t) => t.dropDownsUnsupported };
      return { intent: 'success', body: (t) => t.dropDownsAdded(r.added) };
    });

  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button disabled={busy}>{s.moreActions}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {host.setHighlights && (
            <>
              <MenuItem onClick={() => void highlight(true)}>
                {s.highlight}
                <br />
                <small>{s.highlightHint}</small>
              </MenuItem>
              <MenuItem onClick={() => void highlight(false)}>
                {s.clearHighlight}
                <br />
                <small>{s.clearHighlightHint}</small>
              </MenuItem>
            </>
          )}
          {host.addDropDowns && (
            <MenuItem onClick={() => void addDropDowns()}>
              {s.addDropDowns}
              <br />
              <small>{s.addDropDownsHint}</small>
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

const useChecksStyles = makeStyles({
  split: { display: 'grid', gridTemplateColumns: 'minmax(320px, 2fr) 3fr', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
});

export function ChecksTab() {
  const pane = usePane();
  const styles = useChecksStyles();
  const { s, host, outcome, standalone } = pane;
  const common = useCommonStyles();
  const grading = useGradeRun();

  const checkOnly = (
    <Button appearance={outcome ? 'secondary' : 'primary'} disabled={grading.disabled} disabledFocusable={!grading.disabled && grading.busy} onClick={() => void grading.run(false)}>
      {s.runChecks}
    </Button>
  );

  if (!outcome) {
    return (
      <div className={common.panel}>
        <p className={common.intro}>{s.checksIntro}</p>
        <div className={common.row}>{checkOnly}</div>
      </div>
    );
  }

  const groups = groupFindings(outcome.findings);
  const go = (f: Finding) => {
    if (!isLocated(f)) return;
    pane.select(f);
    // Not a busy action: the user may step through findings quickly.
    if (host.selectCell) void pane.track(host.selectCell(f.sheet, f.cell).catch((e: unknown) => pane.fail(e)));
  };

  const list = (
    <div className={common.panel}>
      <div className={common.row}>
        {checkOnly}
        <MoreActions />
      </div>
      {standalone && (
        // Always present, so screen readers announce each new address.
        <div className={common.visuallyHidden} role="status" aria-live="polite" data-testid="selected-announce">
          {pane.selected?.sheet && `${s.selectedCell}${s.colon}${s.place(pane.selected.sheet, pane.selected.cell)}`}
        </div>
      )}
      {groups.length === 0 ? (
        <p className={common.intro}>{s.noFindings}</p>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={[groups[0].severity]} aria-label={s.findingsLabel}>
          {groups.map((g) => (
            <FindingGroup key={g.severity} group={g} onGo={go} />
          ))}
        </Accordion>
      )}
    </div>
  );
  // On the desktop page the findings sit beside a preview of the selected finding's sheet.
  if (!pane.wide) return list;
  return (
    <div className={styles.split}>
      {list}
      <SheetPreview snapshot={pane.snapshot} />
    </div>
  );
}
