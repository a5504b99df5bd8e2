/**
 * @jest-environment jsdom
 *
 * src/taskpane/legacy-check.js: plain ES5, run before the bundle. In IE / EdgeHTML webviews it sets
 * window.__legacyHost and replaces the page with a bilingual message; elsewhere it does nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'legacy-check.js'), 'utf8');
const CHROMIUM_EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
const EDGE_HTML = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';

type LegacyWindow = Window & { __legacyHost?: boolean };

function run(userAgent: string, options: { documentMode?: number; path?: string } = {}): void {
  window.history.replaceState(null, '', options.path ?? '/addin/taskpane.html?_host_Info=Excel');
  document.body.innerHTML = '<div id="root"><p>loading</p></div>';
  delete (window as LegacyWindow).__legacyHost;
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  if (options.documentMode === undefined) delete (document as unknown as { documentMode?: number }).documentMode;
  else Object.defineProperty(document, 'documentMode', { value: options.documentMode, configurable: true });
  // Run it as the page would: a classic script in the global scope.
  window.eval(SOURCE);
}

afterEach(() => {
  delete (document as unknown as { documentMode?: number }).documentMode;
});

test('is ES5: no let/const, arrow functions, classes or template literals', () => {
  const code = SOURCE.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  expect(code).not.toMatch(/\b(let|const|class)\s|=>|`/);
});

test('leaves a current browser alone (Chromium Edge says "Edg/", not "Edge/")', () => {
  run(CHROMIUM_EDGE);
  expect((window as LegacyWindow).__legacyHost).toBeUndefined();
  expect(document.getElementById('root')?.textContent).toBe('loading');
});

test('turns an EdgeHTML webview away with the bilingual message and the standalone page address', () => {
  run(EDGE_HTML);
  expect((window as LegacyWindow).__legacyHost).toBe(true);
  expect(document.getElementById('root')).toBeNull();
  const alert = document.querySelector('[role="alert"]')!;
  expect(alert.textContent).toContain('此版本 Office 的加载项窗口过旧，无法显示本加载项。请使用独立网页版 web.html 打开工作簿。');
  expect(alert.textContent).toContain('The add-in window of this Office version is too old to show this add-in.');
  expect(alert.querySelector('a')!.getAttribute('href')).toBe('http://localhost/addin/web.html');
});

test('detects Internet Explorer by document.documentMode', () => {
  run('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', { documentMode: 11 });
  expect((window as LegacyWindow).__legacyHost).toBe(true);
  expect(document.body.textContent).toContain('请使用独立网页版 web.html 打开工作簿');
});

test('on web.html itself asks for a current browser instead', () => {
  run(EDGE_HTML, { path: '/addin/web.html' });
  expect((window as LegacyWindow).__legacyHost).toBe(true);
  expect(document.body.textContent).toContain('此浏览器过旧，无法打开本页面。');
  expect(document.querySelector('a')!.getAttribute('href')).toBe('http://localhost/addin/web.html');
});
