/**
 * Timers a test fires by hand: the code under test is given `setTimer`/`clearTimer`, and the test decides
 * when "3 s have passed" (`fireAll`) — it waits for states, never for a clock.
 */
export function manualTimers() {
  const pending = new Map<number, { f: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimer: (f: () => void, ms: number) => {
      pending.set(next, { f, ms });
      return next++;
    },
    clearTimer: (id: unknown) => void pending.delete(id as number),
    fireAll: () => {
      for (const [id, t] of [...pending]) {
        pending.delete(id);
        t.f();
      }
    },
  };
}
