#!/usr/bin/env python3
"""Writes test/fixtures/derived-tally-lo.xlsx (issue 9 item 2): forms on 民主测评 and 组织考核, and a
票数汇总 sheet whose counts are COUNTIFS formulas over 民主测评, as offices keep it. openpyxl writes the
formulas without results; LibreOffice (headless) opens, calculates and saves the file, so the cached
values are LibreOffice's own.

    bash scripts/ensure-openpyxl.sh && bash scripts/ensure-libreoffice.sh
    /usr/bin/python3 scripts/make-derived-tally.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook

CODES = [f"{c}.{i}" for c, n in [(1, 6), (2, 6), (3, 3), (4, 4), (5, 3), (6, 4)] for i in range(1, n + 1)]
BRANCHES = ["机关第一党支部", "机关第二党支部"]
GRADES = ["优秀", "较好", "一般", "差"]
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "derived-tally-lo.xlsx")


def forms_sheet(wb, name, per_branch):
    ws = wb.create_sheet(name)
    ws.append(["党支部", "编号", *CODES])
    n = 0
    for b in BRANCHES:
        for k in range(per_branch):
            n += 1
            # a fixed, varied pattern: grade index from branch, form and indicator
            ws.append([b, f"{n:02d}", *[GRADES[(k + i + BRANCHES.index(b)) % 3] for i in range(len(CODES))]])
    return ws


def main():
    wb = Workbook()
    wb.remove(wb.active)
    forms_sheet(wb, "民主测评", 6)
    forms_sheet(wb, "组织考核", 2)
    ws = wb.create_sheet("票数汇总")
    row = 1
    for b in BRANCHES:
        ws.cell(row=row, column=1, value=f"党支部：{b}")
        ws.cell(row=row + 1, column=1, value="测评类型：民主测评")
        ws.append([])
        header = row + 2
        for c, h in enumerate(["编号", *GRADES], start=1):
            ws.cell(row=header, column=c, value=h)
        for i, code in enumerate(CODES):
            r = header + 1 + i
            col = 3 + i  # the indicator's column on 民主测评 (C = 1.1)
            letter = ""
            n = col
            while n:
                n, m = divmod(n - 1, 26)
                letter = chr(65 + m) + letter
            ws.cell(row=r, column=1, value=code)
            for g, grade in enumerate(GRADES, start=2):
                ws.cell(row=r, column=g, value=f"=COUNTIFS('民主测评'!$A:$A,\"{b}\",'民主测评'!{letter}:{letter},\"{grade}\")")
        row = header + len(CODES) + 2
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "raw.xlsx")
        wb.save(raw)
        outdir = os.path.join(tmp, "out")
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, raw],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        shutil.copyfile(os.path.join(outdir, "raw.xlsx"), OUT)
    print("wrote", os.path.normpath(OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
