/**
 * First-run guidance, where a new clerk looks first (the grade tab before any run): the three steps, and
 * "没有工作簿？下载空白模板 / 示例工作簿".
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { planSample, planTemplate, runYear } from '../workbook/plans';
import type { WorkbookPlan } from '../workbook/plan';
import { deliverFile } from './deliver';
import { XLSX_MIME } from './host-util';
import { usePane } from './pane';
import { useCommonStyles } from './styles';
import { buildWorkbook } from './xlsx-lazy';

const useFirstRunStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  steps: { margin: '0', paddingLeft: '1.5em', display: 'flex', flexDirection: 'column', gap: '4px' },
});

export function FirstRun() {
  const { s, host, perform, busy, standalone, outcome } = usePane();
  const styles = useFirstRunStyles();
  const common = useCommonStyles();
  const id = useId();
  const year = runYear(outcome?.result);
  const download = (plan: () => WorkbookPlan, name: string) =>
    void perform(async () => deliverFile(host, name, await buildWorkbook(plan()), XLSX_MIME));
  return (
    <section className={styles.box} aria-labelledby={id} data-testid="first-run">
      <h2 id={id} className={common.h3}>
        {s.startTitle}
      </h2>
      <ol className={styles.steps}>
        {s.startSteps(standalone).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className={common.intro}>
        {s.noWorkbookQuestion}
        <Link as="button" disabled={busy} onClick={() => download(() => planTemplate(year), s.templateFileName(year))}>
          {s.downloadTemplate}
        </Link>
        {s.or}
        <Link as="button" disabled={busy} onClick={() => download(planSample, s.sampleFileName)}>
          {s.downloadSample}
        </Link>
      </p>
    </section>
  );
}
