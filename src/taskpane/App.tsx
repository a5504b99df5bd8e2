/**
 * The task pane: one app for both hosts. It owns the state (language, tab, last outcome, busy step, the
 * status of the latest action) and shares it through the pane context (usePane); components never talk
 * to Office or files except through AppHost.
 */
import { Button, Field, FluentProvider, makeStyles, mergeClasses, ProgressBar, Tab, TabList, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PreviousYear } from '../core/previous';
import type { Finding, Lang } from '../core/types';
import { runAssessment } from '../workbook/pipeline';
import { Activity } from './activity';
import type { AppHost } from './app-host';
import type { WorkbookHost } from '../workbook/host';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { ChecksTab } from './ChecksTab';
import { ExportTab } from './ExportTab';
import { FileBar } from './FileBar';
import { GradeTab } from './GradeTab';
import { textOfError } from './host-util';
import { stringsFor, type StepId, type TabId } from './i18n';
import { PaneContext, type Notice, type Pane, type SettingsDraft } from './pane';
import { gradeWorkbook, todayIso, yieldToBrowser, type GradeOutcome, type Runner } from './run';
import { PrintCopy } from './PrintCopy';
import { draftChanges, sameSaved, savedTexts, SettingsTab } from './SettingsTab';
import { StatusArea } from './StatusArea';
import { paneTheme, useCommonStyles, useLatinPunctuation } from './styles';
import type { ThemeMode } from './theme';

export interface AppProps {
  host: AppHost;
  lang: Lang;
  theme?: ThemeMode;
  /** The assessment; the real pipeline unless a test supplies another. */
  run?: Runner;
  /** Today's date for the notification (tests fix it). */
  today?: () => string;
  /** Tracks the running actions; tests await `activity.idle()` instead of a clock. */
  activity?: Activity;
}

/** Four tabs (Office's guidance: three or four); templates live under 导出与模板. */
export const TABS: readonly TabId[] = ['grade', 'checks', 'export', 'settings'];

function describeError(host: AppHost, error: unknown): (lang: Lang) => string {
  const text = host.describeError?.(error) ?? textOfError(error);
  if (text) return (lang) => text[lang];
  // Not a known input or platform problem: ours (SPEC §7), said as such, never "the file is damaged".
  console.error(error);
  return (lang) => stringsFor(lang).internalError();
}

/** The standalone page uses a desktop window's room from this width on (the pane stays narrow). */
export const WIDE_QUERY = '(min-width: 1024px)';

function useMediaQuery(query: string, enabled: boolean): boolean {
  const get = () => enabled && typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener?.('change', update);
    return () => list.removeEventListener?.('change', update);
  }, [query, enabled]);
  return matches;
}

const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '0',
    maxWidth: '100%',
    boxSizing: 'border-box',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Chinese reads best near 1.6; Fluent's line heights are set for Latin text.
  cjk: { lineHeight: '1.6', '& p, & li, & td, & th, & label, & legend': { lineHeight: '1.6' } },
  wide: { maxWidth: '1440px', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}` },
  title: { margin: '0', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { flexWrap: 'wrap' },
  tab: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  footer: { marginTop: 'auto', display: 'flex', justifyContent: 'flex-end', paddingTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

export function App({ host, lang: initialLang, theme = 'light', run = runAssessment, today = todayIso, activity: given }: AppProps) {
  const [activity] = useState(() => given ?? new Activity());
  const styles = useAppStyles();
  const common = useCommonStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  useLatinPunctuation();
  const fluentTheme = useMemo(() => paneTheme(theme, lang), [theme, lang]);
  const s = stringsFor(lang);
  const [tab, setTab] = useState<TabId>('grade');
  const tabRef = useRef<TabId>(tab);
  tabRef.current = tab;
  const [outcome, setOutcome] = useState<GradeOutcome | null>(null);
  const [step, setStep] = useState<StepId | 'open' | null>(null);
  // The branch count of the run in progress once the workbook is read (or of the previous run), for the progress line.
  const branchesRef = useRef<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNoticeOn] = useState<{ notice: Notice; tab: TabId } | null>(null);
  const setNotice = useCallback((n: Notice | null) => setNoticeOn(n ? { notice: n, tab: tabRef.current } : null), []);
  const [selected, setSelected] = useState<Finding | null>(null);
  const [fileName, setFileName] = useState<string | null>(host.fileName?.() ?? null);
  const busyRef = useRef(false);
  const idBase = useId();
  const standalone = host.kind === 'file';
  const wide = useMediaQuery(WIDE_QUERY, standalone);
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  // Excel holds the run while the clerk is still editing a cell: say how to let it go on (it goes on by itself).
  const [cellEdit, setCellEdit] = useState(false);
  useEffect(() => host.watchCellEdit?.(setCellEdit), [host]);
  // Last year's results: kept for the session, also across opening another workbook (README: 上年结果). A ref
  // too, so a run started from a notice made before the choice re-rendered still uses it.
  const [previous, setPreviousState] = useState<PreviousYear | null>(null);
  const previousRef = useRef<PreviousYear | null>(null);
  const setPrevious = useCallback((p: PreviousYear | null) => {
    previousRef.current = p;
    setPreviousState(p);
  }, []);

  // The settings form's unsaved typing, here so that a look at another tab keeps it (see SettingsTab).
  const [settingsDraft, setSettingsDraft] = useState<SettingsDraft | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // The page around the app takes the theme too: no light frame around a dark pane, dark scrollbars.
  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
    document.body.style.margin = '0';
    document.body.style.backgroundColor = fluentTheme.colorNeutralBackground1;
  }, [theme, fluentTheme]);

  const fail = useCallback(
    (e: unknown) => {
      const text = describeError(host, e);
      setNotice({ intent: 'error', body: (_s, l) => text(l) });
    },
    [host],
  );

  const performNow = useCallback(
    async (action: () => Promise<Notice | void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      // One status area for the latest action: whatever it said before is stale now.
      setNotice(null);
      try {
        const n = await action();
        if (n) setNotice(n);
      } catch (e) {
        fail(e);
      } finally {
        busyRef.current = false;
        setBusy(false);
        setStep(null);
        setCellEdit(false);
      }
    },
    [fail],
  );

  // A message belongs to the tab its action ran on: other tabs do not show it (no "有 2 处参数需要修改" on
  // 导出, no "查看校验问题" on 校验); back on its tab, it is there again.
  const showTab = setTab;

  const perform = useCallback((action: () => Promise<Notice | void>) => activity.track(performNow(action)), [activity, performNow]);

  const grade = useCallback(
    async (write: boolean): Promise<GradeOutcome | null> => {
      const wh = host.workbookHost();
      if (!wh) return null;
      // The snapshot read for the run is kept: the desktop page previews its cells.
      const reading: WorkbookHost = {
        readSnapshot: async () => {
          const snap = await wh.readSnapshot();
          setSnapshot(snap);
          return snap;
        },
        applyPlan: (plan) => wh.applyPlan(plan),
      };
      return gradeWorkbook(
        reading,
        run,
        { lang, date: today(), write, previous: previousRef.current },
        async (st) => {
          setStep(st);
          await yieldToBrowser();
        },
        (out) => {
          branchesRef.current = out.result.branches.length;
          setOutcome(out);
          setSelected(null);
          // A draft typed over other settings (a grade that read another file's) must never be saved into this one.
          const now = savedTexts(out.recognition.origins);
          setSettingsDraft((d) => (d && sameSaved(d.base, now) ? d : null));
        },
      );
    },
    [host, run, lang, today],
  );

  const pane: Pane = {
    s,
    lang,
    host,
    standalone,
    wide,
    snapshot,
    outcome,
    busy,
    fileName,
    tab,
    showTab,
    perform,
    fail,
    grade,
    track: (p) => activity.track(p),
    selected,
    select: setSelected,
    opening: () => setStep('open'),
    previous,
    setPrevious,
    settingsDraft,
    setSettingsDraft,
  };

  const opened = (name: string) => {
    branchesRef.current = null;
    setFileName(name);
    setOutcome(null);
    setSelected(null);
    setSnapshot(null);
    // Another workbook: what was typed for the last one is gone with it.
    setSettingsDraft(null);
  };
  const settingsDirty = outcome !== null && draftChanges(settingsDraft, outcome.recognition.origins).length > 0;

  // One progress line for the whole action (never a step counter that flashes by); the notification prints
  // from its own copy whatever the tab and width (see PrintCopy).
  const progress = !busy ? null : step === null ? s.busy : step === 'open' ? s.progress.open : step === 'read' ? s.progress.read : step === 'check' ? s.progress.check : s.progress[step](branchesRef.current);

  return (
    <FluentProvider theme={fluentTheme}>
      <PaneContext.Provider value={pane}>
        <main className={mergeClasses(styles.root, wide && styles.wide, lang === 'zh' && styles.cjk)} aria-busy={busy} data-layout={wide ? 'wide' : 'pane'}>
          {/* Inside Excel the pane's own title bar names the add-in: the heading is for screen readers only. */}
          <h1 className={standalone ? styles.title : common.visuallyHidden}>{s.appTitle}</h1>

          {standalone && <FileBar onOpened={opened} />}

          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => showTab(d.value as TabId)} aria-label={s.tabListLabel}>
            {TABS.map((t) => (
              <Tab
                key={t}
                value={t}
                className={styles.tab}
                id={`${idBase}-tab-${t}`}
                aria-controls={`${idBase}-panel-${t}`}
                {...(t === 'settings' && settingsDirty ? { 'aria-label': s.settingsTabDirtyLabel, 'data-dirty': '' } : {})}
              >
                {t === 'settings' && settingsDirty ? s.settingsTabDirty : s.tabs[t]}
              </Tab>
            ))}
          </TabList>

          {progress !== null && (
            <Field label={progress} data-testid="progress">
              <ProgressBar aria-label={progress} />
            </Field>
          )}

          <StatusArea notice={notice && notice.tab === tab ? notice.notice : null} cellEdit={cellEdit} />

          <div role="tabpanel" id={`${idBase}-panel-${tab}`} aria-labelledby={`${idBase}-tab-${tab}`}>
            {tab === 'grade' && <GradeTab />}
            {tab === 'checks' && <ChecksTab />}
            {tab === 'export' && <ExportTab />}
            {tab === 'settings' && <SettingsTab />}
          </div>

          {standalone && <PrintCopy />}

          <footer className={styles.footer}>
            {/* The visible text is the whole name: the other language, in that language. */}
            <Button size="small" appearance="subtle" lang={lang === 'zh' ? 'en' : 'zh-CN'} data-lang-switch="" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {s.otherLangName}
            </Button>
          </footer>
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
