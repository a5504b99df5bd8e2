/**
 * Rendering the pane in tests, and waiting for it: `settle()` resolves when every action the pane started
 * has finished and React has rendered the result. Tests wait on that state, never on a clock, so they pass
 * however loaded the machine is.
 */
import { act, render } from '@testing-library/react';
import { cloneElement, type ReactElement } from 'react';
import type { AppProps } from '../../src/taskpane/App';
import { Activity } from '../../src/taskpane/activity';

let current: Activity | null = null;

/** render(<App …/>) with an Activity that settle() waits on. */
export function renderApp(app: ReactElement<AppProps>): ReturnType<typeof render> & { activity: Activity } {
  const activity = new Activity();
  current = activity;
  return { ...render(cloneElement(app, { activity })), activity };
}

/** Wait until the last rendered pane is idle (nothing running) and rendered. */
export async function settle(): Promise<void> {
  const activity = current;
  if (!activity) throw new Error('renderApp first');
  await act(() => activity.idle());
}
