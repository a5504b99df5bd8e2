/**
 * Every batch goes through here: Excel waits for the user to leave cell-edit mode instead of failing.
 * `watchCellEdit` wraps `Excel` once for a host, so every run and every createWorkbook it makes reports a
 * batch that Excel holds for a cell being edited (the pane says how to end the edit).
 */

export function runExcel<T>(excel: typeof Excel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return excel.run({ delayForCellEdit: true }, batch);
}

export interface CellEditWait {
  /** `true` when a batch has not started after `afterMs`; `false` once it runs (or fails) */
  onWaiting: (waiting: boolean) => void;
  afterMs?: number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

/**
 * `Excel` whose batches report a first round trip that has not come back within the wait (default 3 s):
 * Excel on Windows and Mac holds a batch run with delayForCellEdit while the user edits a cell, without
 * limit (office-js #806). Only the first sync of a run is timed: once it has run, the edit is over.
 * Excel.createWorkbook is one such batch in office.js (a run with delayForCellEdit), so it is timed whole.
 */
export function watchCellEdit(excel: typeof Excel, w: CellEditWait | undefined): typeof Excel {
  if (!w) return excel;
  const setTimer = w.setTimer ?? ((f, ms) => setTimeout(f, ms));
  const clearTimer = w.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  const timed = <T>(start: () => Promise<T>): Promise<T> => {
    let told = false;
    const timer = setTimer(() => {
      told = true;
      w.onWaiting(true);
    }, w.afterMs ?? 3000);
    const done = () => {
      clearTimer(timer);
      if (told) w.onWaiting(false);
    };
    let started: Promise<T>;
    try {
      started = start();
    } catch (e) {
      done();
      throw e;
    }
    return started.then(
      (v) => (done(), v),
      (e: unknown) => {
        done();
        throw e;
      },
    );
  };
  const run = (options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    excel.run(options, (context) => {
      const sync = context.sync.bind(context);
      let first = true;
      context.sync = <T>(value?: T): Promise<T> => {
        if (!first) return sync(value) as Promise<T>;
        first = false;
        return timed(() => sync(value) as Promise<T>);
      };
      return batch(context);
    });
  const createWorkbook = (base64?: string) => timed(() => excel.createWorkbook(base64));
  return { ...excel, run, createWorkbook } as unknown as typeof Excel;
}
