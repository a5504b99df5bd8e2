#!/usr/bin/env python3
"""
The same small office workbook as each producer an office meets writes it (issue 21 item 3), into
test/fixtures/producers/: openpyxl (Debian's python3-openpyxl), XlsxWriter (python3-xlsxwriter), and
LibreOffice re-saving the openpyxl file as .xlsx and as .xls. ExcelJS and SheetJS write theirs with
scripts/make-producer-fixtures.mjs. The files are committed, so the tests need no Python.

  /usr/bin/python3 scripts/make-producer-fixtures.py && node scripts/make-producer-fixtures.mjs

Each workbook: a sheet 工作安排 (a merged title, a table with bold header, fill, borders, a number format,
SUM formulas with cached results where the producer stores them, a list validation, column widths), a
hidden sheet 备注, and a workbook-scoped defined name. No rating sheet: the tests add the sample's.
"""
import os
import shutil
import subprocess
import sys
import tempfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'producers')
ROWS = [('机关第一党支部', 12, 3), ('机关第二党支部', 9, 2), ('后勤党支部', 15, 4)]
HEAD = ('党支部', '党员人数', '发展对象')


def with_openpyxl(path):
    import openpyxl
    from openpyxl.styles import Border, Font, PatternFill, Side
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '工作安排'
    ws['A1'] = '2026年度党建工作安排'
    ws.merge_cells('A1:D1')
    ws.append(HEAD + ('状态',))
    thin = Side(style='thin', color='FF808080')
    for c in ws[2]:
        c.font = Font(bold=True)
        c.fill = PatternFill('solid', fgColor='FFFFEEAA')
        c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for r in ROWS:
        ws.append(r + ('进行中',))
    ws['A6'] = '合计'
    ws['B6'] = '=SUM(B3:B5)'
    ws['C6'] = '=SUM(C3:C5)'
    ws['B6'].number_format = '0.0'
    dv = DataValidation(type='list', formula1='"进行中,已完成"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add('D3:D5')
    ws.column_dimensions['A'].width = 18
    notes = wb.create_sheet('备注')
    notes['A1'] = '内部使用'
    notes.sheet_state = 'hidden'
    wb.defined_names.append(DefinedName('支部表', attr_text="'工作安排'!$A$2:$D$5"))
    wb.save(path)
    return openpyxl.__version__


def with_xlsxwriter(path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet('工作安排')
    head = wb.add_format({'bold': True, 'bg_color': '#FFEEAA', 'border': 1, 'border_color': '#808080'})
    one = wb.add_format({'num_format': '0.0'})
    ws.merge_range('A1:D1', '2026年度党建工作安排')
    ws.write_row('A2', HEAD + ('状态',), head)
    for i, r in enumerate(ROWS):
        ws.write_row(2 + i, 0, r + ('进行中',))
    ws.write('A6', '合计')
    # XlsxWriter stores the result given here (it does not calculate).
    ws.write_formula('B6', '=SUM(B3:B5)', one, sum(r[1] for r in ROWS))
    ws.write_formula('C6', '=SUM(C3:C5)', None, sum(r[2] for r in ROWS))
    ws.data_validation('D3:D5', {'validate': 'list', 'source': ['进行中', '已完成']})
    ws.set_column('A:A', 18)
    notes = wb.add_worksheet('备注')
    notes.write('A1', '内部使用')
    notes.hide()
    wb.define_name('支部表', "='工作安排'!$A$2:$D$5")
    wb.close()
    return xlsxwriter.__version__


def with_libreoffice(src, stem):
    """LibreOffice opens the openpyxl file and saves it as .xlsx (Calc MS Excel 2007 XML) and .xls (MS Excel 97)."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = 'file://' + os.path.join(tmp, 'profile')
        for ext, filt in (('xlsx', 'xlsx:Calc MS Excel 2007 XML'), ('xls', 'xls:MS Excel 97')):
            subprocess.run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', filt, '--outdir', tmp, src], check=True, capture_output=True)
            shutil.copy(os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + '.' + ext), os.path.join(OUT, f'{stem}.{ext}'))
    return subprocess.run(['soffice', '--version'], capture_output=True, text=True).stdout.strip()


def main():
    os.makedirs(OUT, exist_ok=True)
    versions = {}
    versions['openpyxl'] = with_openpyxl(os.path.join(OUT, 'openpyxl.xlsx'))
    versions['XlsxWriter'] = with_xlsxwriter(os.path.join(OUT, 'xlsxwriter.xlsx'))
    versions['LibreOffice'] = with_libreoffice(os.path.join(OUT, 'openpyxl.xlsx'), 'libreoffice')
    for k, v in versions.items():
        print(f'{k}: {v}', file=sys.stderr)


if __name__ == '__main__':
    main()
