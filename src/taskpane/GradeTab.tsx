/** 计算等级 / Calculate grades: first-run guidance, the primary action, then the result. */
import { Button } from '@fluentui/react-components';
import { FirstRun } from './FirstRun';
import { usePane } from './pane';
import { BranchTable, GradeChart } from './Results';
import { useCommonStyles } from './styles';
import { useGradeRun } from './useGradeRun';

export function GradeTab() {
  const { s, outcome, standalone, wide } = usePane();
  const common = useCommonStyles();
  const grading = useGradeRun();
  return (
    <div className={common.panel}>
      {!outcome && <FirstRun />}
      <p className={common.intro}>{standalone ? s.gradeIntroStandalone : s.gradeIntro}</p>
      <div className={common.row}>
        <Button appearance="primary" disabled={grading.disabled} onClick={() => void grading.run(true)}>
          {s.gradeButton}
        </Button>
      </div>
      {outcome && !outcome.fatal && (
        <>
          <GradeChart counts={outcome.result.gradeCounts} />
          <BranchTable result={outcome.result} full={wide} />
        </>
      )}
    </div>
  );
}
