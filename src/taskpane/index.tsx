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

/**
 * Opened outside Excel (the add-in's address in a browser, or another Office application): Office.js
 * reports no Excel host. Say where the page works instead of failing on a missing `Excel`.
 */
function showNotInExcel(): void {
  const root = appContainer(document);
  root.textContent = '';
  const lines: [string, string][] = [
    ['zh-CN', '本页面是 Excel 加载项，请在 Excel 中通过“开始 → 党支部考核”打开。'],
    ['zh-CN', '要在浏览器中处理磁盘上的 .xlsx 工作簿，请使用独立网页版：'],
    ['en', 'This page is an Excel add-in: open it in Excel (Home → Branch assessment).'],
    ['en', 'To grade an .xlsx workbook from disk in a browser, use the standalone page:'],
  ];
  for (const [lang, text] of lines) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    root.appendChild(p);
  }
  const link = document.createElement('a');
  link.href = 'web.html';
  link.textContent = 'web.html';
  root.appendChild(link);
}

Office.onReady((info) => {
  if (window.__legacyHost === true) return;
  if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
    showNotInExcel();
    return;
  }
  const lang = langFromTag(Office.context.displayLanguage);
  const theme = themeFromOffice(Office.context.officeTheme);
  mountApp(appContainer(document), officeAppHost(Excel, Office), lang, theme);
});
