/**
 * Standalone, at desktop width: the 考核结果通报 as it prints, on an A4 page (print CSS: only this page
 * is printed, 宋体/仿宋 as an office expects on a printed notice). "打印通报" prints it from the browser.
 */
import { Button, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { DocumentTableModel, NotificationModel } from '../core/types';
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
  sheets: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '100%' },
  // the 附件 starts a new sheet of paper
  next: { '@media print': { breakBefore: 'page' } },
  letterhead: { textAlign: 'center', borderBottom: '2px solid #ff0000', paddingBottom: '6px', margin: '0 0 28px' },
  mark: { fontFamily: SERIF, fontSize: '34px', fontWeight: 700, color: '#ff0000', letterSpacing: '2px', margin: '20px 0 18px' },
  number: { margin: '0' },
  title: { fontFamily: SERIF, fontSize: '22px', fontWeight: 700, textAlign: 'center', margin: '0 0 16px' },
  titleLine: { display: 'block' },
  plain: { margin: '0 0 4px' },
  lead: { textIndent: '2em', margin: '0 0 4px' },
  note: { marginTop: '16px' },
  issuer: { display: 'inline-block', paddingTop: '40px' },
  heading: { fontFamily: "'SimHei', '黑体', 'Heiti SC', sans-serif", margin: '0 0 8px' },
  attachmentTitle: { fontFamily: SERIF, fontSize: '20px', fontWeight: 700, textAlign: 'center', margin: '8px 0 12px' },
  imprint: { marginTop: '48px', borderTop: '2px solid #000000', borderBottom: '2px solid #000000', fontSize: '14px' },
  imprintRow: { margin: '0', padding: '4px 1em', '& + &': { borderTop: '1px solid #000000' } },
  imprintSplit: { display: 'flex', justifyContent: 'space-between' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    margin: '8px 0 12px',
    '& th, & td': { border: '1px solid #000000', padding: '2px 6px', textAlign: 'center' },
    '& th': { fontFamily: SERIF },
  },
  sign: { textAlign: 'right', margin: '0', paddingRight: '4em' },
});

/**
 * The notification model as it prints, in the Word document's order: page one with the 版头, title, 主送,
 * body and 落款; then the 附件 and the 版记. Every word is the model's (src/core/notification.ts).
 */
export function NoticePages({ notice }: { notice: NotificationModel }) {
  const styles = useNoticeStyles();
  const table = (t: DocumentTableModel) => (
    <table className={styles.table}>
      <thead>
        <tr>
          {t.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((r, i) => (
          <tr key={i}>
            {r.map((v, j) => (
              <td key={j} data-wb="">
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const { attachment, imprint, letterhead } = notice;
  return (
    <>
      <div className={styles.page}>
        {letterhead && (
          <div className={styles.letterhead}>
            <p className={styles.mark}>{letterhead.mark}</p>
            {letterhead.number && <p className={styles.number}>{letterhead.number}</p>}
          </div>
        )}
        <h3 className={styles.title}>
          {notice.titleLines.map((l, i) => (
            <span key={i} className={styles.titleLine}>
              {l}
            </span>
          ))}
        </h3>
        <p className={styles.plain}>{notice.addressee}</p>
        {notice.paragraphs.map((p, i) => (
          <p key={i} className={styles.lead}>
            {p}
          </p>
        ))}
        <p className={`${styles.lead} ${styles.note}`}>{notice.attachmentNote}</p>
        <p className={styles.sign}>
          <span className={styles.issuer}>{notice.issuer}</span>
          <br />
          {notice.dateText}
        </p>
      </div>
      <div className={`${styles.page} ${styles.next}`}>
        <p className={styles.heading}>附件</p>
        <p className={styles.attachmentTitle}>{attachment.title}</p>
        {table(attachment.ranked)}
        {attachment.incomplete && attachment.incompleteTitle && (
          <>
            <p className={styles.heading}>{attachment.incompleteTitle}</p>
            {table(attachment.incomplete)}
          </>
        )}
        {imprint && (
          <div className={styles.imprint}>
            {imprint.cc && <p className={styles.imprintRow}>{imprint.cc}</p>}
            {imprint.printer && (
              <p className={`${styles.imprintRow} ${styles.imprintSplit}`}>
                <span>{imprint.printer}</span>
                <span>{imprint.printDate}</span>
              </p>
            )}
          </div>
        )}
      </div>
    </>
  );
}

export function NotificationPreview() {
  usePrintRules();
  const { s, outcome } = usePane();
  const styles = useNoticeStyles();
  const common = useCommonStyles();
  const id = useId();
  // nothing graded, nothing to issue (SPEC §8)
  if (!outcome || outcome.fatal || outcome.notification.ranked.length === 0) return null;
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
      <article className={styles.sheets} data-print-area="" data-wb="" lang="zh-CN">
        <NoticePages notice={outcome.notification} />
      </article>
    </section>
  );
}
