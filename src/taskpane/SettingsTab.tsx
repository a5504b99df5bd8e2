/**
 * 设置 / Settings: the settings in effect, grouped (系数 / 权重 / 分数线 / 其他), numbers as number inputs
 * and choices as drop-downs, each saying where its value comes from. One "保存并重新计算" checks every
 * change first (with the core's own settings parser) and shows a problem under its field; only valid
 * changes are written to the settings sheet, then the workbook is graded again.
 */
import { Button, Dropdown, Field, Input, makeStyles, mergeClasses, Option, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Finding, SettingKey, SettingOrigin, Text } from '../core/types';
import type { PlanValue } from '../workbook/plan';
import { checkSettingEdits, runYear, settingInput, settingsEditPlan } from '../workbook/plans';
import type { SettingGroupId } from './i18n';
import { chineseQuotes } from './i18n';
import { PlaceLabel } from './FindingItem';
import { usePane, type GroupProblem, type SettingsDraft } from './pane';
import { useCommonStyles } from './styles';
import { gradeNotice } from './useGradeRun';

type Kind = { type: 'number'; step: string; min?: number; max?: number; unit?: string } | { type: 'choice'; options: 'ranking' | 'blank' | 'decimals' } | { type: 'text' };

const KINDS: Record<SettingKey, Kind> = {
  年度: { type: 'number', step: '1', min: 2000, max: 2100 },
  优秀系数: { type: 'number', step: '0.01', min: 0, max: 1 },
  较好系数: { type: 'number', step: '0.01', min: 0, max: 1 },
  一般系数: { type: 'number', step: '0.01', min: 0, max: 1 },
  差系数: { type: 'number', step: '0.01', min: 0, max: 1 },
  组织考核权重: { type: 'number', step: '1', min: 0, max: 100, unit: '%' },
  民主测评权重: { type: 'number', step: '1', min: 0, max: 100, unit: '%' },
  自评权重: { type: 'number', step: '1', min: 0, max: 100, unit: '%' },
  优秀分数线: { type: 'number', step: '0.1', min: 0, max: 100 },
  较好分数线: { type: 'number', step: '0.1', min: 0, max: 100 },
  一般分数线: { type: 'number', step: '0.1', min: 0, max: 100 },
  总分小数位: { type: 'choice', options: 'decimals' },
  排名方式: { type: 'choice', options: 'ranking' },
  民主测评最少份数: { type: 'number', step: '1', min: 0 },
  加减分上限: { type: 'number', step: '0.5', min: 0 },
  先进推荐名额: { type: 'number', step: '1', min: 0 },
  空白评分: { type: 'choice', options: 'blank' },
  发文单位: { type: 'text' },
  // free text, checked by the core's settings parser before anything is written
  公文字体: { type: 'text' },
  日期格式: { type: 'text' },
  成文日期: { type: 'text' },
  通报写连续优秀: { type: 'text' },
  问卷选项顺序: { type: 'text' },
  发文机关标志: { type: 'text' },
  发文字号: { type: 'text' },
  签发人: { type: 'text' },
  抄送: { type: 'text' },
  印发机关: { type: 'text' },
  请示主送: { type: 'text' },
};

export const SETTING_GROUPS: readonly { id: SettingGroupId; keys: readonly SettingKey[] }[] = [
  { id: 'coefficients', keys: ['优秀系数', '较好系数', '一般系数', '差系数'] },
  { id: 'weights', keys: ['组织考核权重', '民主测评权重', '自评权重'] },
  { id: 'thresholds', keys: ['优秀分数线', '较好分数线', '一般分数线'] },
  { id: 'other', keys: ['年度', '总分小数位', '排名方式', '民主测评最少份数', '加减分上限', '先进推荐名额', '空白评分', '发文单位', '公文字体', '日期格式', '成文日期', '问卷选项顺序', '发文机关标志', '发文字号', '签发人', '抄送', '印发机关', '请示主送', '通报写连续优秀'] },
];

/** The field's text for a setting's display value ("60%" in a percent field shows 60). */
function fieldText(key: SettingKey, display: string): string {
  const kind = KINDS[key];
  return kind.type === 'number' && kind.unit === '%' ? display.replace(/%$/, '') : display;
}

/** The form's text of every setting as saved (what the last run read): what a draft is typed over. */
export function savedTexts(origins: readonly SettingOrigin[]): Map<SettingKey, string> {
  return new Map(origins.map((o) => [o.key, fieldText(o.key, o.display)]));
}

/** Same saved settings: a run that reads others (another file, 考核参数 edited in the sheet) ends a draft. */
export function sameSaved(a: ReadonlyMap<SettingKey, string>, b: ReadonlyMap<SettingKey, string>): boolean {
  return a.size === b.size && [...a].every(([key, text]) => b.get(key) === text);
}

/** The draft's texts that differ from the saved settings: what "unsaved changes" means. */
export function draftChanges(draft: SettingsDraft | null, origins: readonly SettingOrigin[]): [SettingKey, string][] {
  if (!draft) return [];
  const saved = savedTexts(origins);
  return [...draft.texts].filter(([key, text]) => saved.has(key) && text !== saved.get(key));
}

/** The cell value for a field's text: a weight typed as 60 is written as 60 (read as 60 %). */
function cellValue(text: string): PlanValue {
  return settingInput(text);
}

const useSettingsStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // The desktop page: the groups side by side in two columns, not 21 inputs 1,200 px wide.
  wide: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', alignItems: 'start', '& > p, & > h2, & > div': { gridColumn: '1 / -1' } },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: '0',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: '0',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: '0 4px' },
  problem: { margin: '0', color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  actions: {
    position: 'sticky',
    bottom: '0',
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function SettingField({
  origin,
  text,
  error,
  invalid = false,
  onChange,
}: {
  origin: SettingOrigin;
  text: string;
  error?: Text;
  /** part of a problem said under its group (thresholds out of order): marked, the words under the group */
  invalid?: boolean;
  onChange: (text: string) => void;
}) {
  const { s, lang, busy } = usePane();
  const kind = KINDS[origin.key];
  const label = s.settingKeys[origin.key];
  const ref = origin.ref;
  const [beforePlace, afterPlace = ''] = s.originCell('\u0000').split('\u0000');
  const hint = (
    <>
      {ref ? (
        <>
          {beforePlace}
          <PlaceLabel sheet={ref.sheet} cell={ref.cell} />
          {afterPlace}
        </>
      ) : (
        s.originDefault
      )}
      {lang !== 'zh' && (
        <>
          {' · '}
          {s.sheetKeyLabel}
          {s.colon}
          <span data-wb="">{origin.key}</span>
        </>
      )}
    </>
  );
  const shared = { disabled: busy, "data-setting": origin.key } as const;
  let control;
  if (kind.type === 'choice') {
    const values = kind.options === 'decimals' ? ['0', '1', '2'] : Object.keys(kind.options === 'ranking' ? s.rankingOptions : s.blankOptions);
    const names: Record<string, string> = kind.options === 'ranking' ? s.rankingOptions : kind.options === 'blank' ? s.blankOptions : { 0: '0', 1: '1', 2: '2' };
    control = (
      <Dropdown {...shared} value={names[text] ?? text} selectedOptions={[text]} onOptionSelect={(_, d) => onChange(d.optionValue ?? text)}>
        {values.map((v) => (
          <Option key={v} value={v}>
            {names[v] ?? v}
          </Option>
        ))}
      </Dropdown>
    );
  } else if (kind.type === 'number') {
    control = (
      <Input
        {...shared}
        type="number"
        inputMode="decimal"
        step={kind.step}
        min={kind.min}
        max={kind.max}
        value={text}
        contentAfter={kind.unit}
        onChange={(_, d) => onChange(d.value)}
      />
    );
  } else {
    control = <Input {...shared} value={text} onChange={(_, d) => onChange(d.value)} />;
  }
  return (
    <Field
      label={label}
      hint={hint}
      validationState={error || invalid ? 'error' : 'none'}
      validationMessage={error ? chineseQuotes(error[lang], lang) : undefined}
      data-testid="setting-row"
    >
      {control}
    </Field>
  );
}

/**
 * The group a key-less problem belongs to: the one whose edits alone already cause it (the same check, on
 * that group's edits only), so "out of order" stands under 分数线 and not under 权重.
 */
function groupOf(message: Text, origins: readonly SettingOrigin[], values: ReadonlyMap<SettingKey, PlanValue>): SettingGroupId | null {
  for (const g of SETTING_GROUPS) {
    const mine = new Map([...values].filter(([key]) => g.keys.includes(key)));
    if (mine.size > 0 && checkSettingEdits(origins, mine).some((p) => !p.key && p.message.en === message.en)) return g.id;
  }
  return null;
}

/** The 考核参数 rows a run rejected (invalid-settings errors), by key, among the keys just saved. */
function rejectedSettings(findings: readonly Finding[], origins: readonly SettingOrigin[], saved: readonly SettingKey[]): Map<SettingKey, Text> {
  const rowOf = (cell: string) => cell.replace(/^[A-Z]+/, '');
  const out = new Map<SettingKey, Text>();
  for (const f of findings) {
    if (f.code !== 'invalid-settings' || f.severity !== 'error' || !f.sheet || !f.cell) continue;
    const o = origins.find((x) => saved.includes(x.key) && x.ref?.sheet === f.sheet && rowOf(x.ref?.cell ?? '') === rowOf(f.cell!));
    if (o && !out.has(o.key)) out.set(o.key, f.message);
  }
  return out;
}

export function SettingsTab() {
  const pane = usePane();
  const { s, lang, host, outcome, busy } = pane;
  const common = useCommonStyles();
  const styles = useSettingsStyles();
  const formId = useId();
  // What was typed and not saved lives in the pane (pane.settingsDraft): it outlasts a look at another tab.
  const draft = pane.settingsDraft;

  if (!outcome) {
    return (
      <div className={common.panel}>
        <p className={common.intro}>{s.settingsIntro}</p>
        <p className={common.hint}>{s.needGradeFirst}</p>
      </div>
    );
  }
  const origins = outcome.recognition.origins;
  const saved = savedTexts(origins);
  const texts = draft?.texts ?? new Map<SettingKey, string>();
  const shown = { byKey: draft?.byKey ?? new Map<SettingKey, Text>(), general: draft?.general ?? [] };
  const originOf = new Map(origins.map((o) => [o.key, o]));
  const textOf = (key: SettingKey) => texts.get(key) ?? saved.get(key) ?? '';
  const changed = draftChanges(draft, origins);
  const dirty = changed.length > 0;

  const setText = (key: SettingKey, text: string) => {
    const next = new Map(texts);
    next.set(key, text);
    const byKey = new Map(shown.byKey);
    byKey.delete(key);
    pane.setSettingsDraft({ base: draft?.base ?? saved, texts: next, byKey, general: shown.general });
  };

  const save = () =>
    void pane.perform(async () => {
      if (changed.length === 0) return { intent: 'info', body: (t) => t.settingsUnchanged };
      const values = new Map<SettingKey, PlanValue>(changed.map(([key, text]) => [key, cellValue(text)]));
      const found = checkSettingEdits(origins, values);
      if (found.length > 0) {
        const byKey = new Map<SettingKey, Text>();
        const general: GroupProblem[] = [];
        for (const p of found) {
          if (p.key && !byKey.has(p.key)) byKey.set(p.key, p.message);
          else if (!p.key) general.push({ group: groupOf(p.message, origins, values), message: p.message });
        }
        pane.setSettingsDraft({ base: draft?.base ?? saved, texts, byKey, general });
        const n = found.length;
        return { intent: 'error', body: (t) => t.settingsInvalid(n) };
      }
      const wh = host.workbookHost();
      if (!wh) return { intent: 'warning', body: (t) => t.noWorkbookYet };
      await wh.applyPlan(settingsEditPlan(values, outcome.recognition, await wh.readSnapshot(), runYear(outcome.result)));
      const keys = [...values.keys()];
      const out = await pane.grade(true);
      if (!out) return undefined;
      // Saved: the draft is done. A saved value the engine then rejects: the form keeps what was typed, the
      // reason under its field, now over the settings just read.
      const rejected = rejectedSettings(out.findings, out.recognition.origins, keys);
      pane.setSettingsDraft(rejected.size > 0 ? { base: savedTexts(out.recognition.origins), texts: new Map(changed), byKey: rejected, general: [] } : null);
      const after = gradeNotice(pane, out, true);
      if (after.intent === 'error') return after;
      return { ...after, title: undefined, body: (t) => `${t.settingsSaved(keys.map((k) => t.settingKeys[k]))} ${after.body(t, lang)}` };
    });

  return (
    <form
      className={mergeClasses(styles.form, pane.wide && styles.wide)}
      data-columns={pane.wide ? 2 : 1}
      aria-labelledby={formId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id={formId} className={common.visuallyHidden}>
        {s.tabs.settings}
      </h2>
      <p className={common.intro}>{s.settingsIntro}</p>
      {dirty && (
        <p className={common.hint} data-testid="settings-draft-note">
          {s.settingsDraftNote}
        </p>
      )}
      {SETTING_GROUPS.map((g) => {
        const mine = shown.general.filter((p) => p.group === g.id);
        return (
          <fieldset key={g.id} className={styles.group} data-group={g.id}>
            <legend className={styles.legend}>{s.settingGroups[g.id]}</legend>
            {g.keys.map((key) => {
              const origin = originOf.get(key);
              if (!origin) return null;
              const invalid = mine.length > 0 && changed.some(([k]) => k === key);
              return <SettingField key={key} origin={origin} text={textOf(key)} error={shown.byKey.get(key)} invalid={invalid} onChange={(t) => setText(key, t)} />;
            })}
            {mine.map((p, i) => (
              <p key={i} className={styles.problem} role="alert" data-testid="setting-group-problem">
                {chineseQuotes(p.message[lang], lang)}
              </p>
            ))}
          </fieldset>
        );
      })}
      <div className={styles.actions}>
        {shown.general
          .filter((p) => p.group === null)
          .map((p, i) => (
            <p key={i} className={styles.problem} role="alert" data-testid="setting-group-problem">
              {chineseQuotes(p.message[lang], lang)}
            </p>
          ))}
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={busy || !dirty}>
            {s.saveAndGrade}
          </Button>
          {/* always there (disabled when nothing to discard): focus stays on it after discarding */}
          <Button type="button" disabledFocusable={busy || !dirty} onClick={() => pane.setSettingsDraft(null)}>
            {s.discardSettings}
          </Button>
        </div>
      </div>
    </form>
  );
}
