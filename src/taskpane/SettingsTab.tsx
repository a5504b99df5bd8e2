/**
 * 设置 / Settings: the effective ruleset, each key with its value and where it comes from (默认, or the
 * settings cell). Saving a value writes the settings sheet (never anything else) and grades again.
 */
import { Button, Input } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { SettingKey, SettingOrigin } from '../core/types';
import { cellLabel, settingEditPlan, settingInput, workbookYear } from './actions';
import type { PaneContext } from './context';
import { useStyles } from './styles';

function SettingRow({ ctx, origin, onSave }: { ctx: PaneContext; origin: SettingOrigin; onSave: (key: SettingKey, text: string) => void }) {
  const styles = useStyles();
  const { s, lang, busy } = ctx;
  const id = useId();
  const [text, setText] = useState(origin.display);
  const label = s.settingKeys[origin.key];
  const changed = text !== origin.display;
  // Stacked (label and origin, then the field): three columns do not fit a 320 px pane.
  return (
    <li className={styles.settingItem} data-testid="setting-row">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) onSave(origin.key, text);
        }}
      >
        <div className={styles.settingHead}>
          <label htmlFor={id} className={styles.settingLabel} data-testid="setting-label">
            {label}
          </label>
          <span className={styles.hint} data-testid="setting-origin">
            {origin.ref ? <span data-wb="">{cellLabel(origin.ref.sheet, origin.ref.cell)}</span> : s.originDefault}
          </span>
        </div>
        {lang !== 'zh' && (
          <p className={styles.hint}>
            {s.sheetKeyLabel}
            {s.colon}
            <span data-wb="">{origin.key}</span>
          </p>
        )}
        <div className={styles.settingCell}>
          <Input
            id={id}
            className={styles.settingInput}
            size="small"
            value={text}
            aria-label={s.valueFor(label)}
            disabled={busy}
            onChange={(_, d) => setText(d.value)}
          />
          <Button size="small" type="submit" disabled={busy || !changed}>
            {s.save}
          </Button>
        </div>
      </form>
    </li>
  );
}

export function SettingsTab({ ctx }: { ctx: PaneContext }) {
  const styles = useStyles();
  const { s, host, outcome } = ctx;
  const headingId = useId();
  if (!outcome) {
    return (
      <div className={styles.panel}>
        <p className={styles.intro}>{s.settingsIntro}</p>
        <p className={styles.hint}>{s.needGradeFirst}</p>
      </div>
    );
  }
  const origins = outcome.recognition.origins;

  const save = (key: SettingKey, text: string) =>
    void ctx.perform('settings', async () => {
      const wh = host.workbookHost();
      if (!wh) return { intent: 'warning', body: (t) => t.noWorkbookYet };
      const plan = settingEditPlan(key, settingInput(text), outcome.recognition, await wh.readSnapshot(), workbookYear(outcome));
      await wh.applyPlan(plan);
      const out = await ctx.grade(true);
      // A value the settings sheet rejects shows as the error the checks found for it.
      const bad = out?.findings.find((f) => f.code === 'invalid-settings');
      if (bad) return { intent: 'error', body: (_t, l) => bad.message[l] };
      return { intent: 'success', body: (t) => t.settingSaved(t.settingKeys[key]) };
    });

  return (
    <div className={styles.panel}>
      <p className={styles.intro}>{s.settingsIntro}</p>
      <section aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.h3}>
          {s.settingsTableLabel}
        </h3>
        <ul className={styles.settingList}>
          {origins.map((o) => (
            // Keyed by value too, so a re-read value resets the field.
            <SettingRow key={`${o.key}\u0000${o.display}`} ctx={ctx} origin={o} onSave={save} />
          ))}
        </ul>
      </section>
    </div>
  );
}
