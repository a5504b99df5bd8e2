// The office workbook of scripts/make-producer-fixtures.py as ExcelJS and SheetJS (@e965/xlsx) write it,
// into test/fixtures/producers/ (committed; see ORIGIN.md there). `node scripts/make-producer-fixtures.mjs`
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');
const XLSX = require('@e965/xlsx');
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'producers');
const ROWS = [['机关第一党支部', 12, 3], ['机关第二党支部', 9, 2], ['后勤党支部', 15, 4]];
const HEAD = ['党支部', '党员人数', '发展对象', '状态'];
// Fixed times, so that a rerun gives the same files.
const WHEN = new Date(Date.UTC(2026, 11, 1));

async function exceljs() {
  const wb = new ExcelJS.Workbook();
  wb.created = WHEN;
  wb.modified = WHEN;
  const ws = wb.addWorksheet('工作安排');
  ws.getCell('A1').value = '2026年度党建工作安排';
  ws.mergeCells('A1:D1');
  ws.addRow(HEAD).eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEEAA' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (const r of ROWS) ws.addRow([...r, '进行中']);
  ws.getCell('A6').value = '合计';
  ws.getCell('B6').value = { formula: 'SUM(B3:B5)', result: 36 };
  ws.getCell('B6').numFmt = '0.0';
  ws.getCell('C6').value = { formula: 'SUM(C3:C5)', result: 9 };
  for (const a of ['D3', 'D4', 'D5']) ws.getCell(a).dataValidation = { type: 'list', allowBlank: true, formulae: ['"进行中,已完成"'] };
  ws.getColumn(1).width = 18;
  const notes = wb.addWorksheet('备注', { state: 'hidden' });
  notes.getCell('A1').value = '内部使用';
  wb.definedNames.add("'工作安排'!$A$2:$D$5", '支部表');
  writeFileSync(path.join(OUT, 'exceljs.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
}

function sheetjs() {
  const ws = XLSX.utils.aoa_to_sheet([['2026年度党建工作安排'], HEAD, ...ROWS.map((r) => [...r, '进行中']), ['合计']]);
  ws.B6 = { t: 'n', v: 36, f: 'SUM(B3:B5)', z: '0.0' };
  ws.C6 = { t: 'n', v: 9, f: 'SUM(C3:C5)' };
  ws['!merges'] = [XLSX.utils.decode_range('A1:D1')];
  ws['!cols'] = [{ wch: 18 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '工作安排');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['内部使用']]), '备注');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }], Names: [{ Name: '支部表', Ref: "'工作安排'!$A$2:$D$5" }] };
  wb.Props = { CreatedDate: WHEN, ModifiedDate: WHEN };
  writeFileSync(path.join(OUT, 'sheetjs.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

await exceljs();
sheetjs();
console.error(`ExcelJS ${require('exceljs/package.json').version}, SheetJS ${XLSX.version}`);
