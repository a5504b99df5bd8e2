/**
 * Entry standalone: the same app on a workbook opened from disk. Language from ?lang= or the browser
 * (the app has a 中文/English switch); theme from prefers-color-scheme.
 */
import { fileAppHost } from './app-host';
import { langFromPage } from './i18n';
import { appContainer, mountApp } from './mount';
import { themeFromPage } from './theme';

export { mountApp };

// legacy-check.js has already shown its message on browsers too old for this app.
if ((window as { __legacyHost?: boolean }).__legacyHost !== true) {
  mountApp(appContainer(document), fileAppHost(document), langFromPage(location.search, navigator.language), themeFromPage(window));
}
