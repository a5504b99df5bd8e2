/**
 * The grading result: branches per grade as a small bar chart (plain elements with text labels), and the
 * branch table with total, grade badge, rank (并列) and status. Workbook text is rendered as React text
 * and marked data-wb (data, not chrome).
 */
import { Badge } from '@fluentui/react-components';
import { useId } from 'react';
import { GRADES, type AssessmentResult, type Grade } from '../core/types';
import type { Strings } from './i18n';
import { GRADE_BADGE, GRADE_COLOR, useStyles } from './styles';

export function GradeChart({ s, counts }: { s: Strings; counts: Record<Grade, number> }) {
  const styles = useStyles();
  const id = useId();
  const max = Math.max(1, ...GRADES.map((g) => counts[g]));
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>
        {s.gradeCountsTitle}
      </h3>
      <ul className={styles.chart} aria-label={s.gradeCountsLabel}>
        {GRADES.map((g) => (
          <li key={g} className={styles.chartRow} aria-label={s.gradeCountItem(s.grades[g], counts[g])}>
            <span aria-hidden="true">{s.grades[g]}</span>
            <span className={styles.chartTrack} aria-hidden="true">
              <span
                className={styles.chartBar}
                data-testid={`bar-${GRADES.indexOf(g)}`}
                style={{ width: `${(counts[g] / max) * 100}%`, backgroundColor: GRADE_COLOR[g] }}
              />
            </span>
            <span className={styles.chartCount} aria-hidden="true" data-testid={`count-${GRADES.indexOf(g)}`}>
              {counts[g]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatTotal(total: number, decimals: number): string {
  return total.toFixed(Math.max(0, Math.min(2, decimals)));
}

export function BranchTable({ s, result }: { s: Strings; result: AssessmentResult }) {
  const styles = useStyles();
  const decimals = result.ruleset.decimals;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>{s.branchesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{s.colBranch}</th>
            <th scope="col" className={styles.num}>
              {s.colTotal}
            </th>
            <th scope="col">{s.colGrade}</th>
            <th scope="col" className={styles.num}>
              {s.colRank}
            </th>
            <th scope="col">{s.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {result.branches.map((b, i) => (
            <tr key={`${i}:${b.name}`} data-testid="branch-row">
              <th scope="row" className={styles.branchName}>
                <span data-wb="">{b.name}</span>
              </th>
              <td className={styles.num}>{b.total === null ? '—' : formatTotal(b.total, decimals)}</td>
              <td>
                {b.grade ? (
                  <Badge appearance="filled" color={GRADE_BADGE[b.grade]} shape="rounded">
                    {s.grades[b.grade]}
                  </Badge>
                ) : (
                  '—'
                )}
              </td>
              <td className={styles.num}>{b.rank === null ? '—' : s.rankValue(b.rank, b.tied)}</td>
              <td>{b.status === 'graded' ? s.statusGraded : s.statusIncomplete}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
