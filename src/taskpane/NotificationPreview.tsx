/**
 * Standalone, at desktop width: the 考核结果通报 as it prints, on an A4 page (print CSS: only this page
 * is printed, 宋体/仿宋 as an office expects on a printed notice). "打印通报" prints it from the browser.
 */
import { Button, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { GRADES } from '../core/types';
import { chineseQuotes } from './i18n';
import { usePane } from './pane';
import { useCommonStyles } from './styles';

/** When printing, only the notification page shows, on A4. */
const usePrintRules = makeStaticStyles(`
@page { size: A4 portrait; margin: 20mm 18mm; }
@media print {
  body * { visibility: hidden !important; }
  [data-print-area], [data-print-area] * { visibility: visible !important; }
  [data-print-area] { position: absolute; left: 0; top: 0; width: 100%; box-shadow: none !important; border: none !important; margin: 0 !important; padding: 0 !important; }
}
`);

const SERIF = "'SimSun', '宋体', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const FANGSONG = "'FangSong', '仿宋', 'FangSong_GB2312', 'STFangsong', 'Noto Serif CJK SC', serif";

const useNoticeStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  // An A4 sheet at screen scale: 210 mm wide, the paper white in both themes.
  page: {
    boxSizing: 'border-box',
    width: '210mm',
    maxWidth: '100%',
    minHeight: '297mm',
    padding: '20mm 18mm',
    backgroundColor: '#ffffff',
    color: '#000000',
    boxShadow: tokens.shadow8,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontFamily: FANGSONG,
    fontSize: '16px',
    lineHeight: '1.8',
  },
  title: { fontFamily: SERIF, fontSize: '22px', fontWeight: 700, textAlign: 'center', margin: '0 0 16px' },
  lead: { textIndent: '2em', margin: '0 0 12px' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    margin: '8px 0 12px',
    '& th, & td': { border: '1px solid #000000', padding: '2px 6px', textAlign: 'center' },
    '& th': { fontFamily: SERIF },
  },
  sign: { textAlign: 'right', margin: '24px 0 0' },
});

export function NotificationPreview() {
  usePrintRules();
  const { s, outcome } = usePane();
  const styles = useNoticeStyles();
  const common = useCommonStyles();
  const id = useId();
  if (!outcome || outcome.fatal) return null;
  const n = outcome.notification;
  const counts = GRADES.map((g) => `${g} ${n.gradeCounts[g]} 个`).join('，');
  return (
    <section className={styles.wrap} aria-labelledby={id} data-testid="notification-preview">
      <h2 id={id} className={common.h3}>
        {s.noticePreviewTitle}
      </h2>
      <p className={common.hint}>{s.noticePreviewHint}</p>
      <Button appearance="primary" onClick={() => window.print()}>
        {s.printNotice}
      </Button>
      {/* The notice is the office's Chinese document, shown as it prints: data, not the page's chrome. */}
      <article className={styles.page} data-print-area="" data-wb="" lang="zh-CN">
        <h3 className={styles.title}>{n.title}</h3>
        <p className={styles.lead}>{n.lead}</p>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">名次</th>
              <th scope="col">党支部</th>
              <th scope="col">总分</th>
              <th scope="col">等级</th>
            </tr>
          </thead>
          <tbody>
            {n.ranked.map((b, i) => (
              <tr key={i}>
                <td>{b.tied ? `${b.rank}（并列）` : b.rank}</td>
                <td data-wb="">{b.name}</td>
                <td>{b.total.toFixed(Math.max(0, Math.min(2, outcome.result.ruleset.decimals)))}</td>
                <td>{b.grade}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={styles.lead}>{counts}。</p>
        {n.incomplete.length > 0 && (
          <p className={styles.lead}>
            暂不评定：
            {n.incomplete.map((b) => `${b.name}（${chineseQuotes(b.reason, 'zh')}）`).join('；')}
          </p>
        )}
        <p className={styles.sign}>
          {n.issuer}
          <br />
          {n.date}
        </p>
      </article>
    </section>
  );
}
