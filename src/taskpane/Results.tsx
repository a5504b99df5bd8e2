/**
 * The grading result: branches per grade as a small bar chart (plain elements with text labels), and the
 * branch table. In the pane the table has the five columns that fit 320 px; on the desktop page it has
 * every column of 考核汇总 and sorts by any of them. Workbook text is React text marked data-wb.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { GRADES, type AssessmentResult, type BranchResult, type Grade } from '../core/types';
import { chineseQuotes, type Strings } from './i18n';
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

export function GradeChart({ counts }: { counts: Record<Grade, number> }) {
  const { s } = usePane();
  const styles = useChartStyles();
  const common = useCommonStyles();
  const id = useId();
  const max = Math.max(1, ...GRADES.map((g) => counts[g]));
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
  name: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
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

/** Why a branch has no grade: its errors' kinds and the first cell, else the core's note. */
function WhyIncomplete({ b, result }: { b: BranchResult; result: AssessmentResult }) {
  const { s, lang } = usePane();
  const errors = result.findings.filter((f) => f.severity === 'error' && f.branch === b.name);
  // the notes are the core's messages: workbook names inside quotes (marked so the language checks know)
  if (errors.length === 0) return <span data-text="message">{chineseQuotes(b.notes.map((n) => n[lang]).join(s.listSep), lang)}</span>;
  const kinds = [...new Set(errors.map((f) => s.findingCodes[f.code]))].join(s.listSep);
  const at = errors.find((f) => f.sheet && f.cell);
  return (
    <>
      {kinds}
      {at?.sheet && (
        <>
          {s.colon}
          <PlaceLabel sheet={at.sheet} cell={at.cell} />
        </>
      )}
    </>
  );
}

function fixed(n: number | null | undefined, decimals: number): string {
  return n === null || n === undefined ? '—' : n.toFixed(Math.max(0, Math.min(2, decimals)));
}

type ColId = 'index' | 'group' | 'branch' | 'org' | 'dem' | 'self' | 'adjustment' | 'total' | 'grade' | 'rank' | 'status' | 'notes';

interface Col {
  id: ColId;
  label: (s: Strings) => string;
  num?: boolean;
  /** sort key; null sorts last */
  key: (b: BranchResult, i: number) => number | string | null;
}

const COLS: readonly Col[] = [
  { id: 'index', label: (s) => s.colIndex, num: true, key: (_b, i) => i },
  { id: 'group', label: (s) => s.colGroup, key: (b) => b.group ?? null },
  { id: 'branch', label: (s) => s.colBranch, key: (b) => b.name },
  { id: 'org', label: (s) => s.sources.组织考核, num: true, key: (b) => b.sourceScores.组织考核 },
  { id: 'dem', label: (s) => s.sources.民主测评, num: true, key: (b) => b.sourceScores.民主测评 },
  { id: 'self', label: (s) => s.sources.自评, num: true, key: (b) => b.sourceScores.自评 },
  { id: 'adjustment', label: (s) => s.colAdjustment, num: true, key: (b) => b.adjustment },
  { id: 'total', label: (s) => s.colTotal, num: true, key: (b) => b.total },
  { id: 'grade', label: (s) => s.colGrade, key: (b) => (b.grade ? GRADES.indexOf(b.grade) : null) },
  { id: 'rank', label: (s) => s.colRank, num: true, key: (b) => b.rank },
  { id: 'status', label: (s) => s.colStatus, key: (b) => (b.status === 'graded' ? 0 : 1) },
  { id: 'notes', label: (s) => s.colNotes, key: () => null },
];

const PANE_COLS: readonly ColId[] = ['branch', 'total', 'grade', 'rank', 'status'];

function compareKeys(a: number | string | null, b: number | string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

export function BranchTable({ result, full = false }: { result: AssessmentResult; full?: boolean }) {
  const { s, lang } = usePane();
  const styles = useTableStyles();
  const decimals = result.ruleset.decimals;
  const cols = full ? COLS.filter((c) => c.id !== 'self' || result.ruleset.weights.自评 > 0 || result.branches.some((b) => b.sourceScores.自评 !== null)) : COLS.filter((c) => PANE_COLS.includes(c.id));
  const [sort, setSort] = useState<{ col: ColId; dir: 1 | -1 } | null>(null);
  const rows = useMemo(() => {
    const indexed = result.branches.map((b, i) => ({ b, i }));
    if (!sort) return indexed;
    const col = COLS.find((c) => c.id === sort.col)!;
    return [...indexed].sort((x, y) => {
      const kx = col.key(x.b, x.i);
      const ky = col.key(y.b, y.i);
      if (kx === null || ky === null) return compareKeys(kx, ky);
      return compareKeys(kx, ky) * sort.dir || x.i - y.i;
    });
  }, [result, sort]);

  const cell = (c: Col, b: BranchResult, i: number) => {
    switch (c.id) {
      case 'index':
        return String(i + 1);
      case 'group':
        return <span data-wb="">{b.group ?? ''}</span>;
      case 'org':
        return fixed(b.sourceScores.组织考核, decimals);
      case 'dem':
        return fixed(b.sourceScores.民主测评, decimals);
      case 'self':
        return fixed(b.sourceScores.自评, decimals);
      case 'adjustment':
        return b.adjustment === 0 ? '' : fixed(b.adjustment, decimals);
      case 'total':
        return fixed(b.total, decimals);
      case 'grade':
        return b.grade ? <GradeBadge grade={b.grade} /> : '—';
      case 'rank':
        return b.rank === null ? '—' : s.rankValue(b.rank, b.tied);
      case 'status':
        return b.status === 'graded' ? (
          s.statusGraded
        ) : (
          <>
            {s.statusIncomplete}
            {!full && (
              <span className={styles.why} data-testid="incomplete-why">
                <WhyIncomplete b={b} result={result} />
              </span>
            )}
          </>
        );
      case 'notes':
        return b.status === 'graded' ? <span data-text="message">{chineseQuotes(b.notes.map((n) => n[lang]).join(s.listSep), lang)}</span> : <WhyIncomplete b={b} result={result} />;
      default:
        return null;
    }
  };

  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="branch-table">
        <caption className={styles.caption}>{s.branchesTitle}</caption>
        <thead>
          <tr>
            {cols.map((c) => {
              const dir = sort?.col === c.id ? sort.dir : 0;
              return (
                <th
                  key={c.id}
                  scope="col"
                  {...(c.num ? { 'data-num': '' } : {})}
                  {...(full ? { 'aria-sort': dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none' } : {})}
                >
                  {full && c.id !== 'notes' ? (
                    <button
                      type="button"
                      className={styles.sort}
                      onClick={() => setSort({ col: c.id, dir: dir === 1 ? -1 : 1 })}
                    >
                      {c.label(s)}
                      <span aria-hidden="true">{dir === 1 ? ' ▲' : dir === -1 ? ' ▼' : ''}</span>
                    </button>
                  ) : (
                    c.label(s)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ b, i }) => (
            <tr key={`${i}:${b.name}`} data-testid="branch-row" data-status={b.status} className={b.status === 'graded' ? undefined : styles.incomplete}>
              {cols.map((c) =>
                c.id === 'branch' ? (
                  <th key={c.id} scope="row" className={styles.name}>
                    <span data-wb="">{b.name}</span>
                  </th>
                ) : (
                  <td key={c.id} {...(c.num ? { 'data-num': '' } : {})} className={mergeClasses(c.id === 'notes' && styles.name)}>
                    {cell(c, b, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
