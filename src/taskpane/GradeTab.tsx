/** 计算等级 / Calculate grades: the primary action, then the result (progress is shown by the App). */
import { Button } from '@fluentui/react-components';
import type { PaneContext } from './context';
import { BranchTable, GradeChart } from './Results';
import { useStyles } from './styles';

export function GradeTab({ ctx }: { ctx: PaneContext }) {
  const styles = useStyles();
  const { s, host, outcome, busy } = ctx;
  const noWorkbook = host.workbookHost() === null;
  return (
    <div className={styles.panel}>
      <p className={styles.intro}>{s.gradeIntro}</p>
      {noWorkbook && <p className={styles.hint}>{s.noWorkbookYet}</p>}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || noWorkbook}
          onClick={() => void ctx.perform('grade', async () => {
            const out = await ctx.grade(true);
            return out ? ctx.gradeNotice(out, true) : undefined;
          })}
        >
          {outcome ? s.regradeButton : s.gradeButton}
        </Button>
      </div>
      {outcome && !outcome.fatal && (
        <>
          <GradeChart s={s} counts={outcome.result.gradeCounts} />
          <BranchTable s={s} result={outcome.result} />
        </>
      )}
    </div>
  );
}
