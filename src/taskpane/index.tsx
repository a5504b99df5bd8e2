/**
 * Entry inside Office: waits for Office.js, leaves the page to legacy-check.js on hosts too old for this
 * app (it sets window.__legacyHost), then renders the task pane in Office's language and theme.
 */
import { officeAppHost } from './app-host';
import { langFromTag } from './i18n';
import { appContainer, mountApp } from './mount';
import { showCouldNotStart, guardStartup } from './startup';
import { FONT_STACK } from './styles';
import { themeFromOffice, themeFromPage } from './theme';

declare global {
  interface Window {
    /** set by legacy-check.js when the host cannot run this app; it shows its own message */
    __legacyHost?: boolean;
  }
}

export { mountApp };

/**
 * Opened outside Excel (the add-in's address in a browser, or another Office application): Office.js
 * reports no Excel host. Say where the page works instead of failing on a missing `Excel`, in a styled
 * card (the pane's fonts and colours, set through the CSSOM, which the page's CSP allows).
 */
function showNotInExcel(): void {
  const root = appContainer(document);
  root.textContent = '';
  const dark = themeFromPage(window) === 'dark';
  Object.assign(document.body.style, {
    margin: '0',
    fontFamily: FONT_STACK,
    lineHeight: '1.6',
    backgroundColor: dark ? '#292929' : '#faf9f8',
    color: dark ? '#ffffff' : '#242424',
  });
  const card = document.createElement('main');
  Object.assign(card.style, {
    maxWidth: '36em',
    margin: '48px auto',
    padding: '24px',
    borderRadius: '8px',
    border: `1px solid ${dark ? '#666666' : '#d1d1d1'}`,
    backgroundColor: dark ? '#1f1f1f' : '#ffffff',
  });
  const add = (tag: string, lang: string, text: string, style: Partial<CSSStyleDeclaration> = {}) => {
    const el = document.createElement(tag);
    el.lang = lang;
    el.textContent = text;
    Object.assign(el.style, { margin: '0 0 12px' }, style);
    card.appendChild(el);
    return el;
  };
  add('h1', 'zh-CN', '党支部工作目标管理考核', { fontSize: '20px', fontWeight: '600' });
  add('p', 'zh-CN', '本页面是 Excel 加载项，请在 Excel 中通过“开始 → 党支部考核”打开。');
  add('p', 'zh-CN', '没有 Excel，或使用 WPS？请用网页版：在浏览器中打开磁盘上的 .xlsx 工作簿，文件只在本机处理。');
  add('p', 'en', 'This page is an Excel add-in: open it in Excel (Home → Branch assessment). Without Excel, use the web version, which grades an .xlsx workbook from disk on this computer.', {
    color: dark ? '#adadad' : '#616161',
    fontSize: '13px',
  });
  const link = document.createElement('a');
  link.href = 'web.html';
  link.textContent = '打开网页版 · Open the web version';
  Object.assign(link.style, {
    display: 'inline-block',
    padding: '6px 16px',
    borderRadius: '4px',
    backgroundColor: dark ? '#115ea3' : '#0f6cbd',
    color: '#ffffff',
    textDecoration: 'none',
    fontWeight: '600',
  });
  card.appendChild(link);
  root.appendChild(card);
}

guardStartup<{ host: Office.HostType | null }>({
  office: typeof Office === 'undefined' ? undefined : Office,
  ready: (info) => {
    if (window.__legacyHost === true) return;
    if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
      showNotInExcel();
      return;
    }
    const lang = langFromTag(Office.context.displayLanguage);
    const theme = themeFromOffice(Office.context.officeTheme);
    mountApp(appContainer(document), officeAppHost(Excel, Office), lang, theme);
  },
  failed: () => {
    if (window.__legacyHost === true) return;
    showCouldNotStart(document, appContainer(document));
  },
});
