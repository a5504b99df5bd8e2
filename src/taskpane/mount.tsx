/**
 * mountApp: renders the task pane into an element. Used by both entries (index.tsx inside Office,
 * web.tsx standalone) and by browser test pages that inject a stand-in Excel.
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Lang } from '../core/types';
import { App } from './App';
import type { AppHost } from './app-host';
import { themeFromPage, type ThemeMode } from './theme';

export function mountApp(element: Element, host: AppHost, lang: Lang, theme?: ThemeMode): Root {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <App host={host} lang={lang} theme={theme ?? themeFromPage(typeof window === 'undefined' ? undefined : window)} />
    </StrictMode>,
  );
  return root;
}

/** The page's app container: #container (the task-pane HTML), else a new div at the end of <body>. */
export function appContainer(doc: Document = document): Element {
  const found = doc.getElementById('container') ?? doc.getElementById('root') ?? doc.getElementById('app');
  if (found) return found;
  const div = doc.createElement('div');
  div.id = 'container';
  doc.body.appendChild(div);
  return div;
}
