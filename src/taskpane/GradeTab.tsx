/** 计算等级 / Calculate grades: first-run guidance, the primary action, then the result. */
import { Button } from '@fluentui/react-components';
import { FirstRun } from './FirstRun';
import { usePane } from './pane';
import { PreviousPicker } from './PreviousPicker';
import { BranchTable, GradeChart } from './Results';
import { useCommonStyles } from './styles';
import { blockedCount, noRatingsYet } from './run';
import { useGradeRun } from './useGradeRun';

export function GradeTab() {
  const { s, outcome, standalone, wide } = usePane();
  const common = useCommonStyles();
  const grading = useGradeRun();
  return (
    <div className={common.panel}>
      {!outcome && <FirstRun />}
      <p className={common.intro}>{standalone ? s.gradeIntroStandalone : s.gradeIntro}</p>
      <PreviousPicker />
      <div className={common.row}>
        <Button appearance="primary" disabled={grading.disabled} disabledFocusable={!grading.disabled && grading.busy} onClick={() => void grading.run(true)}>
          {s.gradeButton}
        </Button>
      </div>
      {outcome && !outcome.fatal && !noRatingsYet(outcome) && (
        <>
          <GradeChart counts={outcome.result.gradeCounts} incomplete={blockedCount(outcome.result)} />
          <BranchTable result={outcome.result} full={wide} />
        </>
      )}
    </div>
  );
}
