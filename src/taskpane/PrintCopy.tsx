/**
 * Standalone: the notification as the printer gets it, whatever the tab and the window's width. The
 * on-screen preview sits on the export tab of the desktop layout only, and a browser lays the page out
 * again at paper width when printing (A4 is about 794 px, under the desktop breakpoint): printing must
 * not depend on either. Where the preview is not on screen, this copy stands in: hidden on screen, in
 * print the only thing on the page (nothing else takes room, so no blank pages follow it).
 */
import { makeStaticStyles } from '@fluentui/react-components';
import { NotificationPreview } from './NotificationPreview';
import { usePane } from './pane';
import { noRatingsYet } from './run';

const usePrintCopyRules = makeStaticStyles(`
@media screen { [data-print-copy] { display: none !important; } }
@media print {
  main[data-layout]:has(> [data-print-copy]) > :not([data-print-copy]) { display: none !important; }
  [data-print-copy] { display: block !important; }
}
`);

export function PrintCopy() {
  usePrintCopyRules();
  const { outcome, wide, tab } = usePane();
  // The preview itself is on screen (and prints): one notification in the page, one test id.
  if (wide && tab === 'export') return null;
  // No notice is written when no branch was graded (SPEC §8).
  if (!outcome || outcome.fatal || noRatingsYet(outcome) || !outcome.result.branches.some((b) => b.status === 'graded')) return null;
  return (
    <div data-print-copy="" aria-hidden="true" data-testid="print-copy">
      <NotificationPreview />
    </div>
  );
}
