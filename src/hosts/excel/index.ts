/**
 * The Excel (Office.js) host. See host.ts.
 */
export { ExcelHost, HIGHLIGHT_FORMULA } from './host';
export type { DropDownRange, ExcelHostOptions } from './host';
export { ExcelHostError, isSizeError, officeCode, platformError, toHostError, toUserMessage } from './errors';
export type { ExcelFailure } from './errors';
export { runExcel, watchCellEdit } from './run';
export type { CellEditWait } from './run';
export { DEFAULT_MAX_CELLS, DEFAULT_MAX_PAYLOAD_BYTES, MIN_EXCEL_API } from './options';
export { excelCapabilities, platformOf, PLATFORM_TEXT } from './platform';
export type { ExcelCapabilities, ExcelPlatform } from './platform';
