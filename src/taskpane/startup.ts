/**
 * The pane's start inside Office, guarded: office.js that never arrives (a CDN blocked on an intranet, a
 * proxy that swallows appsforoffice.microsoft.com: office-js #6040) leaves `Office` undefined, or
 * `Office.onReady` never resolving, and the pane would stay on "正在加载" for ever. Then a plain page says
 * the add-in could not start and points to the standalone page, which needs no office.js.
 *
 * Timers and Office are passed in, so tests run it without a clock.
 */
import { FONT_STACK } from './styles';

/** How long onReady may take before the pane gives up (Office normally answers within a second). */
export const STARTUP_TIMEOUT_MS = 8000;

export type StartupFailure = 'no-office' | 'timeout';

export interface StartupDeps<Info> {
  /** the global `Office`, or undefined when office.js did not load */
  office: { onReady: (callback?: (info: Info) => void) => unknown } | undefined;
  ready: (info: Info) => void;
  failed: (reason: StartupFailure) => void;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
  timeoutMs?: number;
}

/** Start when Office is ready; say so once, whichever comes first: ready, or the timeout. */
export function guardStartup<Info>(deps: StartupDeps<Info>): void {
  const setTimer = deps.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = deps.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  if (deps.office === undefined || typeof deps.office.onReady !== 'function') {
    deps.failed('no-office');
    return;
  }
  let settled = false;
  const timer = setTimer(() => {
    if (settled) return;
    settled = true;
    deps.failed('timeout');
  }, deps.timeoutMs ?? STARTUP_TIMEOUT_MS);
  try {
    deps.office.onReady((info) => {
      if (settled) return;
      settled = true;
      clearTimer(timer);
      deps.ready(info);
    });
  } catch {
    if (settled) return;
    settled = true;
    clearTimer(timer);
    deps.failed('no-office');
  }
}

/** The plain page shown when the add-in could not start (no styles needed, no office.js). */
export function showCouldNotStart(doc: Document, root: Element): void {
  root.textContent = '';
  doc.body.style.fontFamily = FONT_STACK;
  const main = doc.createElement('main');
  main.style.maxWidth = '36em';
  main.style.margin = '24px auto';
  main.style.padding = '0 16px';
  main.style.lineHeight = '1.6';
  const add = (tag: string, lang: string, text: string) => {
    const el = doc.createElement(tag);
    el.lang = lang;
    el.textContent = text;
    main.appendChild(el);
    return el;
  };
  add('h1', 'zh-CN', '加载项未能启动');
  add(
    'p',
    'zh-CN',
    'Excel 的加载项程序库（office.js）没有加载成功，常见原因是单位网络屏蔽了微软的地址 appsforoffice.microsoft.com。请联系网络管理员放行该地址，或先使用网页版：在浏览器中打开 .xlsx 工作簿评定，文件只在本机处理。',
  );
  add('p', 'en', 'The add-in could not start: Excel’s add-in library (office.js) did not load, often because the network blocks appsforoffice.microsoft.com. Ask your network administrator to allow it, or use the web version, which grades an .xlsx workbook on this computer.');
  const link = doc.createElement('a');
  link.href = 'web.html';
  link.textContent = '打开网页版 · Open the web version';
  main.appendChild(link);
  root.appendChild(main);
}
