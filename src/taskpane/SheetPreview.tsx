/**
 * Standalone, at desktop width: the sheet of the selected finding as a grid, its cell highlighted and
 * scrolled into view. There is no Excel to jump into, so the clerk sees the cell where it is.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { CellValue } from '../core/types';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { address, columnName, parseAddress } from '../workbook/snapshot';
import { PlaceLabel } from './FindingItem';
import { usePane } from './pane';
import { useCommonStyles } from './styles';

/** Rows and columns shown around the cell; large sheets are never rendered whole. */
const AROUND_ROWS = 12;
const MAX_COLS = 26;

const usePreviewStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '0' },
  scroll: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  grid: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', whiteSpace: 'nowrap', maxWidth: '16em', overflow: 'hidden', textOverflow: 'ellipsis' },
    '& th': { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, position: 'sticky', top: '0' },
    '& th[scope="row"]': { position: 'sticky', left: '0', textAlign: 'end' },
  },
  hit: {
    outline: `3px solid ${tokens.colorPaletteRedBorderActive}`,
    outlineOffset: '-3px',
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
  return String(v);
}

export function SheetPreview({ snapshot }: { snapshot: WorkbookSnapshot | null }) {
  const { s, selected } = usePane();
  const styles = usePreviewStyles();
  const common = useCommonStyles();
  const hit = useRef<HTMLTableCellElement>(null);
  const id = useId();
  useEffect(() => {
    hit.current?.scrollIntoView?.({ block: 'center', inline: 'center' });
  }, [selected]);

  const sheet = selected?.sheet && selected.cell ? snapshot?.sheets.find((x) => x.name === selected.sheet) : undefined;
  if (!selected?.sheet || !selected.cell || !sheet) {
    return (
      <section className={styles.box} aria-labelledby={id} data-testid="sheet-preview">
        <h2 id={id} className={common.h3}>
          {s.previewTitle}
        </h2>
        <p className={common.hint}>{s.previewHint}</p>
      </section>
    );
  }
  // The first cell of a range ("B3:C9") is the one shown.
  const at = parseAddress(selected.cell.split(':')[0]);
  const r0 = Math.max(0, at.r - AROUND_ROWS);
  const r1 = Math.min(Math.max(sheet.values.length - 1, at.r), at.r + AROUND_ROWS);
  const width = Math.max(at.c + 1, ...sheet.values.slice(r0, r1 + 1).map((row) => row?.length ?? 0));
  const c1 = Math.min(width, Math.max(MAX_COLS, at.c + 3));
  const rows: number[] = [];
  for (let r = r0; r <= r1; r++) rows.push(r);
  const cols: number[] = [];
  for (let c = 0; c < c1; c++) cols.push(c);
  return (
    <section className={styles.box} aria-labelledby={id} data-testid="sheet-preview">
      <h2 id={id} className={common.h3}>
        {s.previewTitle}
        {s.colon}
        <PlaceLabel sheet={sheet.name} cell={selected.cell} />
      </h2>
      {/* Focusable, so the grid scrolls from the keyboard too. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby={id}>
        <table className={styles.grid}>
          <thead>
            <tr>
              <th scope="col" aria-label={s.previewCorner} />
              {cols.map((c) => (
                <th key={c} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {cols.map((c) => {
                  const isHit = r === at.r && c === at.c;
                  return (
                    <td
                      key={c}
                      ref={isHit ? hit : undefined}
                      className={isHit ? styles.hit : undefined}
                      data-cell={address(r, c)}
                      {...(isHit ? { 'data-selected-cell': '', 'aria-current': 'true' as const } : {})}
                      data-wb=""
                    >
                      {show(sheet.values[r]?.[c])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
