/**
 * Every batch goes through here: Excel waits for the user to leave cell-edit mode instead of failing.
 */

export function runExcel<T>(excel: typeof Excel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return excel.run({ delayForCellEdit: true }, batch);
}
