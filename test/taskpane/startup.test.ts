/**
 * @jest-environment jsdom
 */
/**
 * office.js that never loads: an intranet that blocks Microsoft's CDN (office-js #6040) leaves `Office`
 * undefined, or Office.onReady never resolving. The pane must not stay on "正在加载" for ever: it says the
 * add-in could not start and points to the standalone page. No test waits on a clock: timers are injected
 * or jest's fake timers are advanced.
 */
import { guardStartup, STARTUP_TIMEOUT_MS } from '../../src/taskpane/startup';

function page(): HTMLElement {
  document.body.innerHTML = '<div id="root"><p class="boot-message">正在加载党支部考核……</p></div>';
  return document.getElementById('root') as HTMLElement;
}

describe('guardStartup', () => {
  test('no Office at all: fails at once, without a timer', () => {
    const failed: string[] = [];
    const timers: unknown[] = [];
    guardStartup({ office: undefined, ready: () => failed.push('ready'), failed: (r) => failed.push(r), setTimer: (f) => timers.push(f) });
    expect(failed).toEqual(['no-office']);
    expect(timers).toEqual([]);
  });

  test('onReady that never answers: fails when the timer fires, and a late onReady is ignored', () => {
    const events: string[] = [];
    let fire: (() => void) | undefined;
    let late: ((info: { host: string }) => void) | undefined;
    guardStartup<{ host: string }>({
      office: { onReady: (cb) => void (late = cb) },
      ready: () => events.push('ready'),
      failed: (r) => events.push(r),
      setTimer: (f, ms) => {
        expect(ms).toBe(STARTUP_TIMEOUT_MS);
        fire = f;
        return 1;
      },
    });
    expect(events).toEqual([]);
    fire?.();
    late?.({ host: 'Excel' });
    expect(events).toEqual(['timeout']);
  });

  test('onReady in time: starts, and the timer is cleared', () => {
    const events: string[] = [];
    const cleared: unknown[] = [];
    let fire: (() => void) | undefined;
    guardStartup<{ host: string }>({
      office: { onReady: (cb) => cb?.({ host: 'Excel' }) },
      ready: (info) => events.push(`ready ${info.host}`),
      failed: (r) => events.push(r),
      setTimer: (f) => ((fire = f), 7),
      clearTimer: (id) => cleared.push(id),
    });
    fire?.();
    expect(events).toEqual(['ready Excel']);
    expect(cleared).toEqual([7]);
  });
});

describe('the task pane entry (index.tsx)', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.useRealTimers();
  });

  test('office.js blocked (no Office): a page that says the add-in could not start, with the web version linked', () => {
    const root = page();
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- index.tsx starts on import: a fresh copy per test
      require('../../src/taskpane/index');
    });
    expect(root.textContent).toContain('加载项未能启动');
    expect(root.textContent).toContain('The add-in could not start');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('web.html');
    expect(root.textContent).not.toContain('正在加载');
  });

  test('Office.onReady never resolving: the same page once the startup time has passed (fake timers)', () => {
    jest.useFakeTimers();
    const root = page();
    (globalThis as { Office?: unknown }).Office = { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- index.tsx starts on import: a fresh copy per test
      require('../../src/taskpane/index');
    });
    expect(root.textContent).toContain('正在加载');
    jest.advanceTimersByTime(STARTUP_TIMEOUT_MS);
    expect(root.textContent).toContain('加载项未能启动');
  });
});
