/**
 * Entry inside Office: waits for Office.js, leaves the page to legacy-check.js on hosts too old for this
 * app (it sets window.__legacyHost), then renders the task pane in Office's language and theme.
 */
import { officeAppHost } from './app-host';
import { langFromTag } from './i18n';
import { appContainer, mountApp } from './mount';
import { themeFromOffice } from './theme';

declare global {
  interface Window {
    /** set by legacy-check.js when the host cannot run this app; it shows its own message */
    __legacyHost?: boolean;
  }
}

export { mountApp };

Office.onReady(() => {
  if (window.__legacyHost === true) return;
  const lang = langFromTag(Office.context.displayLanguage);
  const theme = themeFromOffice(Office.context.officeTheme);
  mountApp(appContainer(document), officeAppHost(Excel, Office), lang, theme);
});
