/**
 * Standalone, at desktop width: the sheet of the selected finding as a grid, its cell highlighted and
 * scrolled into view. There is no Excel to jump into, so the clerk sees the cell where it is — with the
 * sheet's header row and its branch column frozen, as Excel's 冻结窗格 would keep them, so a cell far
 * down or right (民主测评!J102) still says whose rating and which indicator it is.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useLayoutEffect, useRef } from 'react';
import type { CellValue } from '../core/types';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { address, columnName, parseAddress, parseRange } from '../workbook/snapshot';
import { PlaceLabel } from './FindingItem';
import { usePane } from './pane';
import { useCommonStyles } from './styles';

/** Rows and columns shown around the cell; large sheets are never rendered whole. */
const AROUND_ROWS = 12;
const MAX_COLS = 26;
/** At most this many of the sheet's own columns are frozen (the branch), never the cell's. */
const MAX_FROZEN_COLS = 1;

const FROZEN_LINE = `2px solid ${tokens.colorNeutralStrokeAccessible}`;

const usePreviewStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '0' },
  scroll: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  grid: {
    // separate, not collapse: collapsed borders stay behind when a sticky cell moves.
    borderCollapse: 'separate',
    borderSpacing: '0',
    fontSize: tokens.fontSizeBase300,
    '& th, & td': {
      borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: '2px 6px',
      whiteSpace: 'nowrap',
      // Narrow enough that the frozen column and the cell fit side by side in the preview; the whole text
      // of a long header (an indicator's wording) is in its title.
      maxWidth: '10em',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      backgroundColor: tokens.colorNeutralBackground1,
    },
    '& th': { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
    '& th[scope="row"]': { textAlign: 'end' },
  },
  // Frozen parts: opaque, above the cells that scroll under them; the corner above both.
  top: { position: 'sticky', zIndex: 2 },
  left: { position: 'sticky', zIndex: 1 },
  corner: { position: 'sticky', zIndex: 3 },
  headerRow: { fontWeight: tokens.fontWeightSemibold },
  lastTop: { borderBottom: FROZEN_LINE },
  lastLeft: { borderRight: FROZEN_LINE },
  gap: { '& > th, & > td': { borderTop: `3px double ${tokens.colorNeutralStroke1}` } },
  hit: {
    outline: `3px solid ${tokens.colorPaletteRedBorderActive}`,
    outlineOffset: '-3px',
    // An attribute outweighs the grid's `& td` background.
    '&[data-selected-cell]': { backgroundColor: tokens.colorPaletteYellowBackground2 },
    fontWeight: tokens.fontWeightSemibold,
  },
});

function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
  return String(v);
}

/**
 * What to freeze on a sheet, as recognition found it: its (last) header row, and the columns left of its
 * rating cells (the branch, and on the sample the rater). Sheets without rating cells freeze column A,
 * where every sheet the product reads keeps its branch or key. Never the cell's own row or column.
 */
export interface FreezeSource {
  /** recognition's sheets; `headerRows` 1-based (the runner's outcome carries them, the pane's type need not) */
  sheets: readonly { name: string; headerRows?: number[] }[];
  ratingRanges: readonly { sheet: string; range: string }[];
}

export function frozenParts(recognition: FreezeSource | undefined, sheet: string, at: { r: number; c: number }): { headerRow: number | null; cols: number } {
  const rec = recognition?.sheets.find((x) => x.name === sheet);
  const header = rec?.headerRows?.length ? Math.max(...rec.headerRows) - 1 : null;
  const starts = (recognition?.ratingRanges ?? []).filter((x) => x.sheet === sheet).map((x) => parseRange(x.range).c0);
  const firstRating = starts.length > 0 ? Math.min(...starts) : 1;
  return {
    headerRow: header !== null && header < at.r ? header : null,
    cols: Math.max(0, Math.min(firstRating, MAX_FROZEN_COLS, at.c)),
  };
}

export function SheetPreview({ snapshot }: { snapshot: WorkbookSnapshot | null }) {
  const { s, selected, outcome } = usePane();
  const styles = usePreviewStyles();
  const common = useCommonStyles();
  const hit = useRef<HTMLTableCellElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const id = useId();

  // Sticky offsets from the rendered sizes (fonts differ between machines): the header row sits under
  // the column letters, each frozen column right of the ones before it.
  useLayoutEffect(() => {
    const t = table.current;
    if (!t) return;
    const letters = t.querySelector<HTMLElement>('thead tr');
    const tops = t.querySelectorAll<HTMLElement>('[data-top="1"]');
    tops.forEach((el) => (el.style.top = `${letters?.offsetHeight ?? 0}px`));
    t.querySelectorAll<HTMLElement>('[data-top="0"]').forEach((el) => (el.style.top = '0px'));
    const first = t.querySelector('thead tr')?.children;
    if (!first) return;
    let left = 0;
    const lefts: number[] = [];
    for (let k = 0; k < first.length && (first[k] as HTMLElement).dataset.left !== undefined; k++) {
      lefts.push(left);
      left += (first[k] as HTMLElement).offsetWidth;
    }
    t.querySelectorAll<HTMLElement>('[data-left]').forEach((el) => (el.style.left = `${lefts[Number(el.dataset.left)] ?? 0}px`));
  });

  // The cell in the middle of the part that scrolls, never under the frozen row or columns; again on the
  // next frame, when the page around the preview has settled its widths.
  useLayoutEffect(() => {
    centre();
    const frame = requestAnimationFrame(centre);
    return () => cancelAnimationFrame(frame);
  }, [selected, snapshot]);

  function centre(): void {
    const box = scroller.current;
    const cell = hit.current;
    if (!box || !cell) return;
    const t = table.current;
    // Sizes, not offsets: a stuck cell's offset moves with the scroll.
    const sum = (els: NodeListOf<HTMLElement> | undefined, size: (el: HTMLElement) => number) => Array.from(els ?? []).reduce((a, el) => a + size(el), 0);
    const frozenH = sum(t?.querySelectorAll<HTMLElement>('thead tr'), (tr) => tr.offsetHeight);
    const frozenW = sum(t?.querySelectorAll<HTMLElement>('thead tr:first-child [data-left]'), (th) => th.offsetWidth);
    const boxRect = box.getBoundingClientRect();
    const cellRect = cell.getBoundingClientRect();
    // The cell's position in the scrolled content, from the rectangles (offsetTop of a cell is its row's).
    const y = cellRect.top - boxRect.top - box.clientTop + box.scrollTop;
    const x = cellRect.left - boxRect.left - box.clientLeft + box.scrollLeft;
    box.scrollTop = Math.max(0, y - frozenH - Math.max(0, (box.clientHeight - frozenH - cellRect.height) / 2));
    box.scrollLeft = Math.max(0, x - frozenW - Math.max(0, (box.clientWidth - frozenW - cellRect.width) / 2));
    // And the preview itself on the page, when the page is scrolled away from it.
    box.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

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
  const frozen = frozenParts(outcome?.recognition, sheet.name, at);
  const r0 = Math.max(frozen.headerRow === null ? 0 : frozen.headerRow + 1, at.r - AROUND_ROWS);
  const r1 = Math.min(Math.max(sheet.values.length - 1, at.r), at.r + AROUND_ROWS);
  const width = Math.max(at.c + 1, ...sheet.values.slice(r0, r1 + 1).map((row) => row?.length ?? 0));
  const c1 = Math.min(width, Math.max(MAX_COLS, at.c + 3));
  const rows: number[] = [];
  for (let r = r0; r <= r1; r++) rows.push(r);
  const cols: number[] = [];
  for (let c = 0; c < c1; c++) cols.push(c);
  const lastLeft = frozen.cols; // the row numbers are column 0 of the frozen ones
  const leftOf = (c: number) => (c < frozen.cols ? c + 1 : -1);
  const hasHeader = frozen.headerRow !== null;

  /** The class and data of a cell in row kind `top` (0: letters, 1: header, null: body), column index `k` (0: row numbers). */
  const place = (top: 0 | 1 | null, k: number) => {
    const isLeft = k >= 0 && k <= frozen.cols;
    const lastRow = top !== null && (hasHeader ? top === 1 : top === 0);
    return {
      className: mergeClasses(
        top !== null && isLeft ? styles.corner : top !== null ? styles.top : isLeft ? styles.left : undefined,
        top === 1 && styles.headerRow,
        lastRow && styles.lastTop,
        isLeft && k === lastLeft && styles.lastLeft,
      ),
      ...(top !== null ? { 'data-top': String(top) } : {}),
      ...(isLeft ? { 'data-left': String(k) } : {}),
    };
  };

  return (
    <section className={styles.box} aria-labelledby={id} data-testid="sheet-preview">
      <h2 id={id} className={common.h3}>
        {s.previewTitle}
        {s.colon}
        <PlaceLabel sheet={sheet.name} cell={selected.cell} />
      </h2>
      {/* Focusable, so the grid scrolls from the keyboard too. */}
      <div ref={scroller} className={styles.scroll} tabIndex={0} role="region" aria-labelledby={id} data-testid="sheet-preview-scroll">
        <table ref={table} className={styles.grid}>
          <thead>
            <tr>
              <th scope="col" aria-label={s.previewCorner} {...place(0, 0)} />
              {cols.map((c) => (
                <th key={c} scope="col" {...place(0, leftOf(c))}>
                  {columnName(c)}
                </th>
              ))}
            </tr>
            {hasHeader && (
              <tr data-testid="preview-header-row">
                <th scope="row" {...place(1, 0)}>
                  {frozen.headerRow! + 1}
                </th>
                {cols.map((c) => (
                  <th key={c} scope="col" data-cell={address(frozen.headerRow!, c)} data-wb="" title={show(sheet.values[frozen.headerRow!]?.[c]) || undefined} {...place(1, leftOf(c))}>
                    {show(sheet.values[frozen.headerRow!]?.[c])}
                  </th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // A double line where rows between the header and the window are left out.
              <tr key={r} className={i === 0 && hasHeader && r > frozen.headerRow! + 1 ? styles.gap : undefined}>
                <th scope="row" {...place(null, 0)}>
                  {r + 1}
                </th>
                {cols.map((c) => {
                  const isHit = r === at.r && c === at.c;
                  const p = place(null, leftOf(c));
                  return (
                    <td
                      key={c}
                      ref={isHit ? hit : undefined}
                      {...p}
                      className={mergeClasses(p.className, isHit && styles.hit)}
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
