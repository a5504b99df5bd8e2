/**
 * Time to first render of a page in Chromium, from the page's own performance clock: navigation start →
 * a selector's element laid out (MutationObserver) → the animation frame that paints it.
 */
import type { Browser } from 'playwright-core';
import { openPane } from './support';

/** The grade button: the first thing a user can act on, in either page. */
export const FIRST_MEANINGFUL = '[role="tabpanel"] button';

export interface FirstRender {
  /** navigation start → the element is in the DOM with a size (MutationObserver) */
  elementMs: number;
  /** → the next animation frame after that, i.e. the frame that paints it */
  frameMs: number;
  /** first-contentful-paint (the static boot message usually) */
  fcpMs: number | null;
  domContentLoadedMs: number;
  /** bytes of script transferred before first render */
  scriptBytes: number;
}

/** One cold load of `page` in a fresh context; timings from the page's own performance clock. */
export async function measureFirstRender(b: Browser, url: string, selector = FIRST_MEANINGFUL): Promise<FirstRender> {
  const { context, page, problems } = await openPane(b);
  try {
    await page.addInitScript((sel: string) => {
      const w = window as unknown as { __firstRender?: { element: number; frame: number } };
      const seen = () => {
        const el = document.querySelector(sel);
        if (!el || el.getBoundingClientRect().height === 0) return false;
        const element = performance.now();
        requestAnimationFrame(() => (w.__firstRender = { element, frame: performance.now() }));
        return true;
      };
      const observer = new MutationObserver(() => {
        if (seen()) observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    }, selector);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __firstRender?: unknown }).__firstRender !== undefined);
    const m = await page.evaluate(() => {
      const fr = (window as unknown as { __firstRender: { element: number; frame: number } }).__firstRender;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.initiatorType === 'script' && r.responseEnd <= fr.element)
        .reduce((n, r) => n + (r.encodedBodySize || r.transferSize), 0);
      return { element: fr.element, frame: fr.frame, fcp: fcp ? fcp.startTime : null, dcl: nav.domContentLoadedEventEnd, scripts };
    });
    expect(problems).toEqual([]);
    return {
      elementMs: Math.round(m.element),
      frameMs: Math.round(m.frame),
      fcpMs: m.fcp === null ? null : Math.round(m.fcp),
      domContentLoadedMs: Math.round(m.dcl),
      scriptBytes: m.scripts,
    };
  } finally {
    await context.close();
  }
}

