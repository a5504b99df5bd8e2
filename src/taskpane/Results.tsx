/**
 * The grading result: branches per grade as a small bar chart (plain elements with text labels), and the
 * branch table, rendered from the published summary model. Workbook text is React text marked data-wb.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { GRADES, type AssessmentResult, type Grade } from '../core/types';
import {
  buildSummary,
  columnIndex,
  shownColumns,
  type SummaryCell,
  type SummaryColumn,
  type SummaryColumnKind,
  type SummaryRow,
} from '../workbook/plans/summary-model';
import { chineseQuotes } from './i18n';
import { PlaceLabel } from './FindingItem';
import { usePane } from './pane';
import { GRADE_COLOR, ON_GRADE_COLOR, useCommonStyles } from './styles';

const useChartStyles = makeStyles({
  chart: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '6px', maxWidth: '40em' },
  row: { display: 'grid', gridTemplateColumns: '5.5em 1fr 2.5em', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // The track is outlined (≥ 3:1) so an empty or short bar still shows its scale.
  track: {
    height: '12px',
    boxSizing: 'border-box',
    border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
  },
  bar: { display: 'block', height: '100%' },
  count: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** Branches per grade, and the 待补充 ones (no grade yet) as a last bar when there are any. */
export function GradeChart({ counts, incomplete = 0 }: { counts: Record<Grade, number>; incomplete?: number }) {
  const { s } = usePane();
  const styles = useChartStyles();
  const common = useCommonStyles();
  const id = useId();
  const max = Math.max(1, incomplete, ...GRADES.map((g) => counts[g]));
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={common.h3}>
        {s.gradeCountsTitle}
      </h2>
      <ul className={styles.chart}>
        {GRADES.map((g) => (
          <li key={g} className={styles.row} aria-label={s.gradeCountItem(s.grades[g], counts[g])}>
            <span aria-hidden="true">{s.grades[g]}</span>
            <span className={styles.track} aria-hidden="true">
              <span
                className={styles.bar}
                data-testid={`bar-${GRADES.indexOf(g)}`}
                style={{ width: `${(counts[g] / max) * 100}%`, backgroundColor: GRADE_COLOR[g] }}
              />
            </span>
            <span className={styles.count} aria-hidden="true" data-testid={`count-${GRADES.indexOf(g)}`}>
              {counts[g]}
            </span>
          </li>
        ))}
        {incomplete > 0 && (
          <li className={styles.row} aria-label={s.gradeCountItem(s.statusIncomplete, incomplete)}>
            <span aria-hidden="true">{s.statusIncomplete}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.bar} data-testid="bar-incomplete" style={{ width: `${(incomplete / Math.max(max, incomplete)) * 100}%`, backgroundColor: tokens.colorNeutralForeground3 }} />
            </span>
            <span className={styles.count} aria-hidden="true" data-testid="count-incomplete">
              {incomplete}
            </span>
          </li>
        )}
      </ul>
    </section>
  );
}

const useBadgeStyles = makeStyles({
  badge: {
    display: 'inline-block',
    padding: '0 8px',
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    color: ON_GRADE_COLOR,
  },
});

/** A grade as a badge in the grade's own colour (the same as its bar). */
export function GradeBadge({ grade }: { grade: Grade }) {
  const { s } = usePane();
  const styles = useBadgeStyles();
  return (
    <span className={styles.badge} style={{ backgroundColor: GRADE_COLOR[grade] }} data-grade={grade}>
      {s.grades[grade]}
    </span>
  );
}

const useTableStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    // 14 px: Chinese characters below that lose strokes on ordinary screens.
    fontSize: tokens.fontSizeBase300,
    '& th, & td': { padding: '4px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', textAlign: 'start' },
    '& th': { fontWeight: tokens.fontWeightSemibold },
    '& thead th': { whiteSpace: 'nowrap', borderBottom: `1px solid ${tokens.colorNeutralStrokeAccessible}` },
    // An attribute selector outweighs `th`/`td`, so numbers stay right-aligned under the rule above.
    '& [data-num]': { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: '4px', captionSide: 'top' },
  // A Chinese name is one word: never 机关第二党 / 支部. keep-all makes the whole name the column's
  // min-content, so the table gives it its width and the other columns wrap instead; break-word (unlike
  // anywhere) leaves min-content alone and only breaks a name wider than the whole table.
  name: { wordBreak: 'keep-all', overflowWrap: 'break-word', whiteSpace: 'normal' },
  notes: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  // 已评定 / 待补充: one word (the why under it still wraps).
  word: { whiteSpace: 'nowrap' },
  // Where the columns cannot all fit with each name whole (English at 320–360 px: "Excellent", "Incomplete"),
  // each branch becomes a card: the name on its own line, each figure under its label. Same cells, same
  // order; the header row stays for screen readers, hidden on screen.
  stacked: {
    display: 'block',
    '& caption': { display: 'block' },
    '& thead': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
    '& tbody': { display: 'block' },
    '& tbody tr': {
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: tokens.spacingHorizontalL,
      rowGap: '2px',
      padding: '6px 4px',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    '& tbody th, & tbody td': { display: 'block', padding: '0', borderBottom: 'none' },
    '& tbody th[scope="row"]': { flexBasis: '100%' },
    '& tbody td': { flexGrow: '0', minWidth: '0' },
    '& tbody td:last-child': { flexGrow: '1', flexBasis: '6em' },
    '& tbody td::before': {
      content: 'attr(data-label)',
      display: 'block',
      color: tokens.colorNeutralForeground3,
      fontSize: tokens.fontSizeBase200,
      fontWeight: tokens.fontWeightRegular,
    },
  },
  incomplete: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground2 },
  why: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  sort: {
    font: 'inherit',
    fontWeight: 'inherit',
    color: 'inherit',
    background: 'none',
    border: 'none',
    padding: '0',
    cursor: 'pointer',
    textAlign: 'inherit',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** Why a 待补充 branch has no grade, as the summary model decided: its errors' kinds and the first cell. */
function WhyIncomplete({ blocked }: { blocked: NonNullable<SummaryRow['blocked']> }) {
  const { s, lang } = usePane();
  return (
    <>
      <span data-text="message">{chineseQuotes(blocked.reason, lang)}</span>
      {blocked.at && (
        <>
          {s.colon}
          <PlaceLabel sheet={blocked.at.sheet} cell={blocked.at.cell} />
        </>
      )}
    </>
  );
}

/**
 * Whether the table must be stacked: it is wider than its box with every name whole. Measured in table
 * form once per model and width, and again when the box grows back to the width the table needed.
 */
function useStacked(wrap: React.RefObject<HTMLDivElement | null>, table: React.RefObject<HTMLTableElement | null>, key: unknown): boolean {
  const [state, setState] = useState<{ stacked: boolean; need: number; key: unknown }>({ stacked: false, need: 0, key });
  const current = state.key === key ? state : { stacked: false, need: 0, key };
  useLayoutEffect(() => {
    const box = wrap.current;
    const t = table.current;
    if (!box || !t) return;
    const check = () => {
      const width = box.clientWidth;
      if (width === 0) return;
      if (!current.stacked) {
        if (t.offsetWidth > width + 1) setState({ stacked: true, need: t.offsetWidth, key });
        else if (state.key !== key) setState(current);
      } else if (width >= current.need) setState({ stacked: false, need: 0, key });
    };
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(check);
    ro.observe(box);
    return () => ro.disconnect();
  });
  return current.stacked;
}

function isGrade(v: unknown): v is Grade {
  return typeof v === 'string' && (GRADES as readonly string[]).includes(v);
}

const NUMERIC: ReadonlySet<SummaryColumnKind> = new Set(['index', 'score', 'total', 'rank', 'change']);

function compareKeys(a: number | string | null, b: number | string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

const orderOf = (c: SummaryCell): number | string | null => (c.order !== undefined ? c.order : c.value);

/**
 * The published summary (summary-model.ts) as a table: the pane shows its compact columns, the desktop
 * page its wide ones and sorts by any of them. Figures, rounding, ranks and 并列 are the model's.
 */
export function BranchTable({ result, full = false }: { result: AssessmentResult; full?: boolean }) {
  const { s, lang } = usePane();
  const styles = useTableStyles();
  const model = useMemo(() => buildSummary(result, lang), [result, lang]);
  const cols = shownColumns(model, full ? 'wide' : 'compact');
  const [sort, setSort] = useState<{ col: string; dir: 1 | -1 } | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const stacked = useStacked(wrapRef, tableRef, model);
  const rows = useMemo(() => {
    const indexed = model.rows.map((row, i) => ({ row, i }));
    const j = sort ? columnIndex(model, sort.col) : -1;
    if (!sort || j < 0) return indexed;
    return [...indexed].sort((x, y) => {
      const kx = orderOf(x.row.cells[j]);
      const ky = orderOf(y.row.cells[j]);
      if (kx === null || ky === null) return compareKeys(kx, ky);
      return compareKeys(kx, ky) * sort.dir || x.i - y.i;
    });
  }, [model, sort]);

  const cell = (c: SummaryColumn, row: SummaryRow, v: SummaryCell) => {
    switch (c.kind) {
      case 'workbook':
        // 所属总支: a name too, never 机关党总 / 支.
        return (
          <span data-wb="" className={styles.name}>
            {v.text}
          </span>
        );
      case 'grade':
        return isGrade(v.value) ? <GradeBadge grade={v.value} /> : v.text || '—';
      case 'status':
        return (
          <>
            <span className={styles.word}>{v.text}</span>
            {!full && row.blocked && (
              <span className={styles.why} data-testid="incomplete-why">
                <WhyIncomplete blocked={row.blocked} />
              </span>
            )}
          </>
        );
      case 'notes':
        return (
          <>
            <span data-text="message">{chineseQuotes(v.text, lang)}</span>
            {row.blocked?.at && (
              <span className={styles.why}>
                <PlaceLabel sheet={row.blocked.at.sheet} cell={row.blocked.at.cell} />
              </span>
            )}
          </>
        );
      default:
        return v.text || '—';
    }
  };

  return (
    <div className={styles.wrap} ref={wrapRef}>
      <table ref={tableRef} className={mergeClasses(styles.table, stacked && styles.stacked)} data-testid="branch-table" data-layout={stacked ? 'cards' : 'table'}>
        <caption className={styles.caption}>{s.branchesTitle}</caption>
        <thead>
          <tr>
            {cols.map((j) => {
              const c = model.columns[j];
              const dir = sort?.col === c.id ? sort.dir : 0;
              return (
                <th
                  key={c.id}
                  scope="col"
                  {...(NUMERIC.has(c.kind) ? { 'data-num': '' } : {})}
                  {...(full && c.sortable ? { 'aria-sort': dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none' } : {})}
                >
                  {full && c.sortable ? (
                    <button type="button" className={styles.sort} onClick={() => setSort({ col: c.id, dir: dir === 1 ? -1 : 1 })}>
                      {c.label}
                      <span aria-hidden="true">{dir === 1 ? ' ▲' : dir === -1 ? ' ▼' : ''}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, i }) => (
            <tr key={`${i}:${row.name}`} data-testid="branch-row" data-status={row.status} className={row.status === 'graded' ? undefined : styles.incomplete}>
              {cols.map((j) => {
                const c = model.columns[j];
                return c.id === 'branch' ? (
                  <th key={c.id} scope="row" className={styles.name}>
                    <span data-wb="">{row.name}</span>
                  </th>
                ) : (
                  <td key={c.id} data-label={c.label} {...(NUMERIC.has(c.kind) ? { 'data-num': '' } : {})} className={mergeClasses(c.kind === 'notes' && styles.notes)}>
                    {cell(c, row, row.cells[j])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
