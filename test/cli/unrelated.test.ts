/**
 * Issue 9 item 3: real public workbooks with no rating sheet (test/fixtures/public, ORIGIN.md) are
 * unusable input: exit 2 with the one-line reason, never exit 1 with invented errors.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { run } from './helpers';

const PUBLIC = path.join(__dirname, '..', 'fixtures', 'public');
const FILES = [
  'poi-DataValidationEvaluations.xlsx', 'poi-DataValidations-49244.xlsx', 'poi-clone_sheet.xlsx', 'poi-tile-range-test.xlsx',
  // saved by WPS Office, WPS Spreadsheets, LibreOffice; made by openpyxl; ActiveX; custom XML
  'phpspreadsheet-issue.3613-wps.xlsx', 'sheetjs-wps-fn.xlsx', 'phpspreadsheet-issue.2506-lo.xlsx', 'phpspreadsheet-grouped_images-lo.xlsx', 'closedxml-lo-autofilter.xlsx',
  'phpspreadsheet-openpyxl-bubble-chart.xlsx', 'closedxml-activex_checkbox.xlsx', 'closedxml-customxml.xlsx', 'derived-lo-autofilter-iconfilter.xlsx', 'poi-stress020-wps.xlsx',
  'closedxml-lo-pivot_table_first_header_row.xlsx', 'closedxml-lo-universal-content.xlsx', 'closedxml-lo-tdf104310.xlsx', 'closedxml-lo-databar.xlsx', 'closedxml-CommentAndButton.xlsx', 'phpspreadsheet-form_pass_print.xlsm',
];

describe('unrelated public workbooks', () => {
  test.each(FILES)('%s: validate exits 2 with one line naming no rating sheet, no report of invented errors', async (name) => {
    const r = await run(['validate', 'in.xlsx'], { 'in.xlsx': new Uint8Array(readFileSync(path.join(PUBLIC, name))) });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('没有可识别的评分表');
    // a refused input prints nothing else: no table of zeros, no warnings
    expect(r.stdout).toBe('');
  });

  test.each(FILES.slice(0, 4))('%s: the JSON report asked for lists no invented error and no "looks like an indicator" column', async (name) => {
    const r = await run(['validate', 'in.xlsx', '--json', '-'], { 'in.xlsx': new Uint8Array(readFileSync(path.join(PUBLIC, name))) });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([expect.stringContaining('没有可识别的评分表')]);
    const report = JSON.parse(r.stdout) as { issues: { severity: string; code: string }[] };
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'unmapped-column')).toEqual([]);
  });
});
