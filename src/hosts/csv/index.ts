/** CSV downloads (questionnaire platforms) as snapshots, for the command line and the standalone page. */
export { csvWorkbook } from './workbook';
export { csvSnapshot, decodeCsv, detectEncoding, parseCsv, sheetNameOf, type CsvEncoding } from './read';
