/**
 * Every action the pane starts (grade, export, save a setting, open a file, select a cell), tracked as a
 * promise. `idle()` resolves when none is running, so tests and the browser harness wait on the pane's
 * own work instead of on a clock.
 */
export class Activity {
  private readonly running = new Set<Promise<unknown>>();

  /** Track an action; returns the same promise. */
  track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    const done = () => this.running.delete(p);
    p.then(done, done);
    return p;
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves once nothing is running, including actions started by the ones awaited. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
