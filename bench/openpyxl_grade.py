"""The obvious alternative, for BENCHMARKS.md: the same grading done by a plain script with openpyxl.

Reads the benchmark workbook (bench/xlsx.ts generateWorkbook: 支部名单, 组织考核, 民主测评 in the forms
layout), computes each branch's source scores, total, band and rank with the default ruleset (SPEC §3),
and writes a summary sheet into a new workbook. No checks, no layout recognition, no exact decimals:
what a one-off script would do. Usage: python3 bench/openpyxl_grade.py in.xlsx out.xlsx
Prints one JSON line: {"branches": N, "ratings": N, "seconds": S, "totals": {name: total}}.
"""
import json
import sys
import time

import openpyxl

SCALE = {"优秀": 1.0, "较好": 0.85, "一般": 0.75, "差": 0.6}
WEIGHTS = {"组织考核": 0.6, "民主测评": 0.4}
POINTS = {f"{c + 1}.{i + 1}": p for c, (n, p) in enumerate([(6, 3), (6, 4), (3, 5), (4, 4), (3, 5), (4, 3)]) for i in range(n)}


def band(total):
    return "优秀" if total >= 90 else "较好" if total >= 80 else "一般" if total >= 70 else "差"


def main(src, dst):
    start = time.perf_counter()
    wb = openpyxl.load_workbook(src, read_only=True, data_only=True)
    roster = [row[1] for row in wb["支部名单"].iter_rows(min_row=2, values_only=True) if row[1]]
    ratings = 0
    scores = {}
    for source in WEIGHTS:
        sums = {}
        rows = wb[source].iter_rows(values_only=True)
        next(rows)  # title
        header = next(rows)
        codes = [(i, str(h)) for i, h in enumerate(header) if str(h) in POINTS]
        for row in rows:
            branch = row[0]
            per = sums.setdefault(branch, {})
            for i, code in codes:
                grade = row[i]
                if grade in SCALE:
                    s, n = per.get(code, (0.0, 0))
                    per[code] = (s + SCALE[grade], n + 1)
                    ratings += 1
        for branch, per in sums.items():
            scores.setdefault(branch, {})[source] = sum(POINTS[c] * s / n for c, (s, n) in per.items())
    totals = {b: round(sum(WEIGHTS[s] * v for s, v in scores[b].items()) + 1e-9, 1) for b in roster if b in scores}
    order = sorted(totals, key=lambda b: -totals[b])
    rank = {}
    for i, b in enumerate(order):
        rank[b] = rank[order[i - 1]] if i and totals[b] == totals[order[i - 1]] else i + 1
    out = openpyxl.Workbook()
    ws = out.active
    ws.title = "考核汇总"
    ws.append(["序号", "党支部", "组织考核", "民主测评", "总分", "等级", "排名"])
    for i, b in enumerate(roster, 1):
        if b in totals:
            ws.append([i, b, scores[b]["组织考核"], scores[b]["民主测评"], totals[b], band(totals[b]), rank[b]])
    out.save(dst)
    seconds = time.perf_counter() - start
    print(json.dumps({"branches": len(totals), "ratings": ratings, "seconds": seconds, "totals": totals}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
