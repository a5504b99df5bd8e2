/**
 * The task pane: one app for both hosts. It owns the state (language, tab, last outcome, busy step,
 * notices) and hands each tab a PaneContext; tabs never talk to Office or files except through AppHost.
 */
import {
  Button,
  Field,
  FluentProvider,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../core/types';
import { runAssessment } from '../workbook/pipeline';
import { blockedCount, errorCount, gradeWorkbook, STEPS, todayIso, yieldToBrowser, type GradeOutcome, type Runner } from './actions';
import { Activity } from './activity';
import type { AppHost } from './app-host';
import { textOfError, XLSX_MIME } from './host-util';
import { stem } from './bytes';
import { ChecksTab } from './ChecksTab';
import type { Notice, NoticeArea, PaneContext } from './context';
import { ExportTab } from './ExportTab';
import { GradeTab } from './GradeTab';
import { stringsFor, type StepId, type Strings, type TabId } from './i18n';
import { SettingsTab } from './SettingsTab';
import { useStyles } from './styles';
import { TemplateTab } from './TemplateTab';
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

const TABS: readonly TabId[] = ['grade', 'checks', 'export', 'template', 'settings'];

function describeError(host: AppHost, error: unknown): (lang: Lang) => string {
  const text = host.describeError?.(error) ?? textOfError(error);
  if (text) return (lang) => text[lang];
  const detail = error instanceof Error ? error.message : String(error);
  return (lang) => stringsFor(lang).genericError(detail);
}

function readFileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

function NoticeBar({ notice, s, lang }: { notice: Notice; s: Strings; lang: Lang }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title(s, lang)}</MessageBarTitle>}
        {notice.body(s, lang)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function App({ host, lang: initialLang, theme = 'light', run = runAssessment, today = todayIso, activity: given }: AppProps) {
  const [activity] = useState(() => given ?? new Activity());
  const styles = useStyles();
  const fluentTheme = theme === 'dark' ? webDarkTheme : webLightTheme;
  const [lang, setLang] = useState<Lang>(initialLang);
  const s = stringsFor(lang);
  const [tab, setTab] = useState<TabId>('grade');
  const [outcome, setOutcome] = useState<GradeOutcome | null>(null);
  const [step, setStep] = useState<StepId | null>(null);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<Partial<Record<NoticeArea, Notice>>>({});
  const [fileName, setFileName] = useState<string | null>(host.fileName?.() ?? null);
  const busyRef = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const idBase = useId();

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // The page around the app takes the theme too: no light frame (the body's default margin) around a dark
  // pane, dark scrollbars, and the whole 320 px for the pane.
  useEffect(() => {
    const page = document.documentElement;
    page.style.colorScheme = theme;
    document.body.style.margin = '0';
    document.body.style.backgroundColor = fluentTheme.colorNeutralBackground1;
  }, [theme, fluentTheme]);

  const notify = (t: NoticeArea, n: Notice | null) =>
    setNotices((prev) => {
      const next = { ...prev };
      if (n) next[t] = n;
      else delete next[t];
      return next;
    });

  const fail = useCallback(
    (t: NoticeArea, e: unknown) => {
      const text = describeError(host, e);
      notify(t, { intent: 'error', body: (_s, l) => text(l) });
    },
    [host],
  );

  const performNow = useCallback(
    async (t: NoticeArea, action: () => Promise<Notice | void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      notify(t, null);
      // A new action makes the last "opened"/"downloaded" line stale.
      if (t !== 'file') notify('file', null);
      try {
        const n = await action();
        if (n) notify(t, n);
      } catch (e) {
        fail(t, e);
      } finally {
        busyRef.current = false;
        setBusy(false);
        setStep(null);
      }
    },
    [fail],
  );

  const perform = useCallback(
    (t: NoticeArea, action: () => Promise<Notice | void>) => activity.track(performNow(t, action)),
    [activity, performNow],
  );

  const grade = useCallback(
    async (write: boolean): Promise<GradeOutcome | null> => {
      const wh = host.workbookHost();
      if (!wh) return null;
      return gradeWorkbook(
        wh,
        run,
        { lang, date: today(), write },
        async (st) => {
          setStep(st);
          await yieldToBrowser();
        },
        setOutcome,
      );
    },
    [host, run, lang, today],
  );

  const gradeNotice = (out: GradeOutcome, wrote: boolean): Notice => {
    const fatal = out.fatal;
    if (out.recognition.nothingRecognised) return { intent: 'error', title: (t) => t.fatalTitle, body: (t) => t.nothingRecognised };
    if (fatal) return { intent: 'error', title: (t) => t.fatalTitle, body: (_t, l) => fatal[l] };
    const errors = errorCount(out.findings);
    const blocked = blockedCount(out.result);
    if (errors > 0) return { intent: 'warning', title: (t) => t.errorsTitle, body: (t) => t.doneWithErrors(errors, blocked) };
    const graded = out.result.branches.length - blocked;
    if (!wrote) return { intent: 'success', body: (t) => (out.findings.length ? t.doneTitle : t.noFindings) };
    return { intent: 'success', title: (t) => t.doneTitle, body: (t) => t.doneOk(graded, out.result.branches.length) };
  };

  const ctx: PaneContext = { s, lang, host, outcome, busy, perform, fail, grade, gradeNotice, track: (p) => activity.track(p) };

  const openFile = (file: File) =>
    perform('file', async () => {
      const data = await readFileBytes(file);
      await host.openFile?.(file.name, data);
      setFileName(host.fileName?.() ?? file.name);
      setOutcome(null);
      const name = file.name;
      return { intent: 'success', body: (t) => t.openedFile(name) };
    });

  const downloadWorkbook = () =>
    perform('file', async () => {
      const bytes = await host.saveWorkbook?.();
      if (!bytes) return;
      const name = s.gradedFileName(stem(fileName ?? s.exportFileStem));
      host.download(name, bytes, XLSX_MIME);
      return { intent: 'success', body: (t) => t.downloaded(name) };
    });

  const notice = notices[tab];
  const fileNotice = notices.file;
  const at = step ? STEPS.indexOf(step) : -1;

  return (
    <FluentProvider theme={fluentTheme}>
      <main className={styles.root} aria-busy={busy}>
        <header className={styles.header}>
          <h1 className={styles.title}>{s.appTitle}</h1>
          <Button
            size="small"
            appearance="subtle"
            lang={lang === 'zh' ? 'en' : 'zh'}
            aria-label={`${s.langSwitchLabel} (${s.otherLangName})`}
            data-lang-switch=""
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {s.otherLangName}
          </Button>
        </header>

        {host.kind === 'file' && (
          <section className={styles.panel} aria-label={s.openWorkbook}>
            <div className={styles.row}>
              <Button appearance={fileName ? 'secondary' : 'primary'} disabled={busy} onClick={() => fileInput.current?.click()}>
                {s.openWorkbook}
              </Button>
              {fileName && host.saveWorkbook && (
                <Button disabled={busy} onClick={() => void downloadWorkbook()}>
                  {s.downloadGraded}
                </Button>
              )}
            </div>
            <input
              ref={fileInput}
              className={styles.hiddenInput}
              type="file"
              accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label={s.openWorkbook}
              tabIndex={-1}
              data-testid="file-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void openFile(file);
              }}
            />
            {fileNotice && <NoticeBar notice={fileNotice} s={s} lang={lang} />}
            {fileName ? (
              <p className={styles.hint}>
                <span className={styles.fileName} data-wb="">
                  {fileName}
                </span>
              </p>
            ) : (
              <p className={styles.hint}>{s.openWorkbookHint}</p>
            )}
          </section>
        )}

        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label={s.tabListLabel}
        >
          {TABS.map((t) => (
            <Tab key={t} value={t} className={lang === 'en' ? mergeClasses(styles.tab, styles.tabNarrow) : styles.tab} id={`${idBase}-tab-${t}`} aria-controls={`${idBase}-panel-${t}`}>
              {s.tabs[t]}
            </Tab>
          ))}
        </TabList>

        {step && (
          <Field label={s.stepOf(at + 1, STEPS.length, s.steps[step])} aria-live="polite">
            <ProgressBar value={(at + 1) / STEPS.length} max={1} aria-label={s.busy} />
          </Field>
        )}

        {notice && <NoticeBar notice={notice} s={s} lang={lang} />}

        <div role="tabpanel" id={`${idBase}-panel-${tab}`} aria-labelledby={`${idBase}-tab-${tab}`}>
          {tab === 'grade' && <GradeTab ctx={ctx} />}
          {tab === 'checks' && <ChecksTab ctx={ctx} />}
          {tab === 'export' && <ExportTab ctx={ctx} />}
          {tab === 'template' && <TemplateTab ctx={ctx} />}
          {tab === 'settings' && <SettingsTab ctx={ctx} />}
        </div>
      </main>
    </FluentProvider>
  );
}
