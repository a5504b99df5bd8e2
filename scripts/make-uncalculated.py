#!/usr/bin/env python3
"""Writes test/fixtures/uncalculated-openpyxl.xlsx (issue 21 item 6): a workbook as an office script
writes it with openpyxl, whose formulas carry no stored result (openpyxl never calculates, and sets
fullCalcOnLoad). Saved straight from openpyxl, never opened in a spreadsheet program.

    bash scripts/ensure-openpyxl.sh
    /usr/bin/python3 scripts/make-uncalculated.py

Sheets:
  支部名单   甲支部, 乙支部, 丙支部; 甲支部's 党员人数 is the formula =10+2 (a roster cell: warning)
  民主测评   5 forms for 甲支部 and 乙支部, typed; 乙支部's second form rates 1.1–1.3 by formulas
             (="优秀" and the like: three rating cells without a result: error, 乙支部 not graded)
  组织考核   2 typed forms for each branch
  丙支部票数 a 民主测评 tally for 丙支部 whose 优秀 counts for 2.1 and 2.2 are =3+2 (count cells
             without a result: error, 丙支部 not graded)
"""
import os
import sys

from openpyxl import Workbook

CODES = [f"{c}.{i}" for c, n in [(1, 6), (2, 6), (3, 3), (4, 4), (5, 3), (6, 4)] for i in range(1, n + 1)]
BRANCHES = ["甲支部", "乙支部", "丙支部"]
GRADES = ["优秀", "较好", "一般", "差"]
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "uncalculated-openpyxl.xlsx")


def main():
    wb = Workbook()
    wb.remove(wb.active)
    roster = wb.create_sheet("支部名单")
    roster.append(["党支部", "所属总支", "党员人数"])
    roster.append(["甲支部", "机关党总支", "=10+2"])
    roster.append(["乙支部", "机关党总支", 7])
    roster.append(["丙支部", "科研党总支", 8])

    dem = wb.create_sheet("民主测评")
    dem.append(["党支部", "测评人身份", *CODES])
    for b in BRANCHES[:2]:
        for k in range(5):
            grades = [GRADES[(k + i) % 2] for i in range(len(CODES))]
            row = [b, "党外群众" if k == 0 else "党员", *grades]
            if b == "乙支部" and k == 1:
                row[2:5] = ['="优秀"', '=IF(1>0,"较好","差")', '="一般"']
            dem.append(row)

    org = wb.create_sheet("组织考核")
    org.append(["党支部", *CODES])
    for b in BRANCHES:
        for k in range(2):
            org.append([b, *[GRADES[(k + i) % 3] for i in range(len(CODES))]])

    tally = wb.create_sheet("丙支部票数")
    tally.append(["党支部：丙支部"])
    tally.append(["测评类型：民主测评"])
    tally.append(["编号", *GRADES])
    for code in CODES:
        counts = [4, 1, 0, 0]
        row = [code, *counts]
        if code in ("2.1", "2.2"):
            row[1] = "=3+2"
            row[2] = 0
        tally.append(row)

    wb.save(OUT)
    print("wrote", os.path.normpath(OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
