/**
 * SPEC §4 uncalculated-formula at the reader: a formula cell with no <v>, or an empty <v> that is not a
 * text result, has no stored result; a cached "" (t="str" <v></v>, as Excel and LibreOffice write it) and
 * any cached value are results.
 */
import { scanSheet, type ScanContext } from '../../../src/hosts/xlsx/sheet-scan';

function scan(cells: string) {
  const ctx: ScanContext = { sharedStrings: ['优秀'], dateStyles: [], date1904: false, cells: { count: 0, limit: 1e6 }, intern: new Map() };
  return scanSheet([`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`], ctx, 'S');
}

test('formulas without a stored result are listed; cached results, "" included, are not', () => {
  const s = scan(
    [
      '<c r="A1"><f>1+1</f><v></v></c>', // openpyxl
      '<c r="B1"><f>1+1</f></c>', // no <v> at all
      '<c r="C1" t="str"><f>""</f><v></v></c>', // a cached empty text
      '<c r="D1"><f>1+1</f><v>2</v></c>',
      '<c r="E1" t="s"><f>X1</f><v>0</v></c>',
      '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c r="G1"><v>3</v></c>',
      '<c r="H1"/>',
    ].join(''),
  );
  expect(s.uncalculated).toEqual(['A1', 'B1']);
  expect(s.values[0]).toEqual([null, null, '', 2, '优秀', { error: '#DIV/0!' }, 3]);
});

test('no list when every formula has its result', () => {
  expect(scan('<c r="A1"><f>1+1</f><v>2</v></c>').uncalculated).toBeUndefined();
});
