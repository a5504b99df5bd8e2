#!/usr/bin/python3
"""
Acceptance fixtures "written by another tool" (openpyxl), with expectations computed here, independently of
the product, from SPEC §3 (exact arithmetic with fractions.Fraction, rounding half away from zero).

    /usr/bin/python3 scripts/make-acceptance.py

Writes test/fixtures/acceptance/<name>.xlsx and <name>.expected.json (read by test/acceptance/acceptance.test.ts).
Not needed by `npm test`: the outputs are committed.

  forms.xlsx      wide forms the way an office keeps them: titles, merged cells, header codes written variously,
                  code+text and text-prefix headers, rater identity, a 测评类型 label, a blank rating, a mistyped
                  grade, full-width spaces, roster with 党员人数, settings overrides, spot checks past the cap, notes.
  tallies.xlsx    vote tallies in branch blocks (counts and ticks, a mismatched tally, an invalid count) + forms.
  longlist.xlsx   one row per rating, several raters, a misspelled branch, an orphan row.
  edge.xlsx       exact rounding: 89.95 → 90.0 优秀, 89.9 → 较好, a tie on the rounded total, 100.0.

Expected issues: "match" says how the cell is pinned: "cell" (exact A1), "row" (any cell of that row: SPEC does
not say which cell of the row), "branch" (a branch-level finding: code, sheet and branch only).
"""
import json
import os
import re
import unicodedata
from datetime import date
from fractions import Fraction as F

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'acceptance')
SEED = '/work/shared/seed/000_9181f7ef85989dfa.txt'

# ---------------------------------------------------------------- catalogue (SPEC §2)
COUNTS = [6, 6, 3, 4, 3, 4]
POINTS_EACH = [3, 4, 5, 4, 5, 3]
CODES = [f'{c + 1}.{i + 1}' for c, n in enumerate(COUNTS) for i in range(n)]
POINTS = {f'{c + 1}.{i + 1}': POINTS_EACH[c] for c, n in enumerate(COUNTS) for i in range(n)}
assert sum(POINTS.values()) == 100


def seed_texts():
    fixes = [('考桉', '考核'), ('评眩', '评选'), ('建没', '建设'), ('职—-工', '职工'), ('其它~成员', '其它成员'), ('80%(以上', '80%以上')]
    try:
        t = open(SEED, encoding='utf-8').read()
    except OSError:
        return None
    s = t[t.index('二、目标管理考核内容'):t.index('三、')]
    out = []
    for line in s.splitlines():
        if line.startswith('●'):
            x = line[1:]
            for a, b in fixes:
                x = x.replace(a, b)
            out.append(x.strip())
    assert len(out) == 26
    return dict(zip(CODES, out))


TEXTS = seed_texts()

# ---------------------------------------------------------------- ruleset and grades (SPEC §3)
GRADES = ['优秀', '较好', '一般', '差']
SPELLINGS = {}
for g, words in {'优秀': ['优秀', '优', 'a', 'excellent'], '较好': ['较好', '良好', '良', '好', 'b', 'good'],
                 '一般': ['一般', '中', 'c', 'fair', 'average'], '差': ['差', '较差', 'd', 'poor']}.items():
    for w in words:
        SPELLINGS[w] = g


def parse_grade(v):
    """None for blank; a grade name; or False for invalid."""
    if v is None:
        return None
    if not isinstance(v, str):
        return False
    s = re.sub(r'\s', '', unicodedata.normalize('NFKC', v)).lower()
    if s == '':
        return None
    return SPELLINGS.get(s, False)


def default_ruleset():
    return {'scale': {'优秀': F(1), '较好': F(85, 100), '一般': F(75, 100), '差': F(60, 100)},
            'weights': {'组织考核': F(6, 10), '民主测评': F(4, 10), '自评': F(0)},
            'thresholds': {'优秀': F(90), '较好': F(80), '一般': F(70)},
            'decimals': 1, 'ranking': 'competition', 'cap': F(10)}


def round_half_away(x, d):
    q = x * 10 ** d
    n = (abs(q) + F(1, 2)).__floor__()
    return F(n if q >= 0 else -n, 10 ** d)


def band(total, rs):
    for g in ['优秀', '较好', '一般']:
        if total >= rs['thresholds'][g]:
            return g
    return '差'


def source_score(forms, rs):
    """forms: list of {code: grade|None}; tallies enter as forms with a weight (count)."""
    score = F(0)
    for code in CODES:
        num, den = F(0), 0
        for f, n in forms:
            g = f.get(code)
            if g:
                num += rs['scale'][g] * n
                den += n
        if den == 0:
            return None  # missing-indicator: designed never to happen for graded branches
        score += POINTS[code] * num / den
    return score


def grade_all(roster, forms, adjustments, errors, rs):
    """forms: list of (branch, source, {code: grade}, weight). Returns branches list and gradeCounts."""
    blocked = {e['branch'] for e in errors if e.get('branch')}
    rows = []
    for b in roster:
        if b in blocked:
            rows.append({'name': b, 'status': 'incomplete', 'total': None, 'grade': None, 'rank': None})
            continue
        total = F(0)
        for src, w in rs['weights'].items():
            fs = [(f, n) for (bb, s, f, n) in forms if bb == b and s == src]
            if w == 0:
                continue
            sc = source_score(fs, rs)
            assert sc is not None, f'{b} {src}: a weighted source lacks an indicator'
            total += w * sc
        adj = sum(adjustments.get(b, []), F(0))
        adj = max(-rs['cap'], min(rs['cap'], adj))
        total = max(F(0), min(F(100), total + adj))
        r = round_half_away(total, rs['decimals'])
        rows.append({'name': b, 'status': 'graded', 'exact': str(total), 'total': r, 'grade': band(r, rs), 'rank': None})
    graded = [x for x in rows if x['status'] == 'graded']
    order = sorted(graded, key=lambda x: -x['total'])  # stable: ties keep roster order
    distinct = sorted({x['total'] for x in graded}, reverse=True)
    for x in order:
        if rs['ranking'] == 'dense':
            x['rank'] = distinct.index(x['total']) + 1
        else:
            x['rank'] = 1 + sum(1 for y in graded if y['total'] > x['total'])
    counts = {g: sum(1 for x in graded if x['grade'] == g) for g in GRADES}
    for x in rows:
        if x['total'] is not None:
            x['total'] = float(x['total'])
    return rows, counts


# ---------------------------------------------------------------- workbook helpers
def put_rows(ws, top, rows, left=1):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                ws.cell(row=top + r, column=left + c, value=v)


def a1(col, row):
    return f'{get_column_letter(col)}{row}'


def pattern(profile, i, j, salt):
    """A deterministic spread of grades: profile is a list of grade names, cycled."""
    return profile[(i * 7 + j * 3 + salt) % len(profile)]


def write_wide(ws, header_row, lead_headers, ind_headers, form_rows, src, sheet, errors, warnings, forms, strip_branch=None):
    """form_rows: list of (branch_cell_value, lead values, [26 cell values]); the branch is lead column 1."""
    put_rows(ws, header_row, [lead_headers + ind_headers])
    for k, (bcell, lead, cells) in enumerate(form_rows):
        r = header_row + 1 + k
        put_rows(ws, r, [lead + cells])
        branch = re.sub(r'\s', '', bcell)
        parsed = {}
        for j, v in enumerate(cells):
            col = len(lead) + 1 + j
            g = parse_grade(v)
            if g is False:
                errors.append({'code': 'invalid-rating', 'sheet': sheet, 'cell': a1(col, r), 'branch': branch, 'match': 'cell'})
            elif g is None:
                warnings.append({'code': 'missing-rating', 'sheet': sheet, 'cell': a1(col, r), 'branch': branch, 'match': 'cell'})
            else:
                parsed[CODES[j]] = g
        forms.append((branch, src, parsed, 1))


def save(name, wb, expected):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + '.xlsx')
    wb.save(path)
    with open(os.path.join(OUT, name + '.expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write('\n')
    print('wrote', path)


def expectation(file, exit_code, rs, roster, forms, adjustments, errors, warnings, infos):
    branches, counts = grade_all(roster, forms, adjustments, errors, rs)
    return {
        'file': file, 'exitCode': exit_code,
        'ruleset': {'weights': {k: float(v) for k, v in rs['weights'].items()}, 'decimals': rs['decimals']},
        'branches': branches, 'gradeCounts': counts,
        'errors': errors, 'warnings': warnings, 'infos': infos,
    }


# ---------------------------------------------------------------- (1) forms, office style
def make_forms():
    wb = Workbook()
    notes = wb.active
    notes.title = '说明'
    put_rows(notes, 1, [['填表说明'], ['1. 各党支部于12月20日前报送党委办公室。'], ['2. 评分栏请从下拉列表中选择。'], ['3. 如有疑问请联系组织员。']])

    roster = ['机关第一党支部', '机关第二党支部', '科研第一党支部', '科研第二党支部', '离退休党支部']
    groups = ['机关党总支', '机关党总支', '科研党总支', '科研党总支', None]
    members = [9, 7, 10, 8, 11]
    rs = default_ruleset()
    rs['weights'] = {'组织考核': F(7, 10), '民主测评': F(3, 10), '自评': F(0)}
    rs['decimals'] = 2
    rs['ranking'] = 'dense'
    errors, warnings, infos, forms = [], [], [], []

    # democratic forms: source only from the label above the header (the sheet name says nothing)
    dem = wb.create_sheet('考评表')
    dem.cell(row=1, column=1, value='2026年度党支部工作目标管理考评录入表')
    dem.merge_cells('A1:AC1')
    dem.cell(row=2, column=1, value='测评类型：民主测评')
    hdr = []
    special = {'1.1': '１．１', '1.2': '1-2', '1.3': '1．3', '2.3': '2.3 党支部坚持每两个月至少一次组织活动',
               '4.1': '认真组织单位职工学习党委规定的学习内容'}
    for c in CODES:
        hdr.append(special.get(c, c))
    profiles = {
        '机关第一党支部': ['优秀', '优秀', '优秀', '较好'],
        '机关第二党支部': ['优秀', '较好', '较好', '一般'],
        '科研第一党支部': ['较好', '一般', '一般', '较好', '差'],
        '科研第二党支部': ['优秀', '较好', '一般', '较好'],
        '离退休党支部': ['优秀', '较好', '一般', '较好'],
    }
    salts = {'机关第一党支部': 1, '机关第二党支部': 2, '科研第一党支部': 3, '科研第二党支部': 4, '离退休党支部': 4}
    rows = []
    n = 0
    for b in roster:
        for i in range(7):
            ident = ['中共党员', '党员', '党员', '党员', '预备党员', '党员'][i] if i < 6 else ('非党员' if b == '科研第二党支部' else '党外群众')
            cells = [pattern(profiles[b], i, j, salts[b]) for j in range(26)]
            if b == '机关第一党支部' and i == 1:
                cells[CODES.index('3.2')] = None  # an abstention
            if b == '机关第二党支部' and i == 2:
                cells[CODES.index('2.1')] = '优良'  # mistyped
            if b == '科研第一党支部' and i in (0, 3):
                cells = ['\u3000' + g + '\u3000' if j % 5 == 0 else g for j, g in enumerate(cells)]
            bcell = '\u3000科研第一党支部\u3000' if b == '科研第一党支部' else (b + '\u00a0' if b == '离退休党支部' and i == 0 else b)
            n += 1
            rows.append((bcell, [n, bcell, ident], cells))
    # write_wide expects lead[0] to be the branch; here 序号 comes first, so shift
    put_rows(dem, 3, [['序号', '党支部', '测评人身份'] + hdr])
    for k, (bcell, lead, cells) in enumerate(rows):
        r = 4 + k
        put_rows(dem, r, [lead + cells])
        branch = re.sub(r'\s', '', bcell)
        parsed = {}
        for j, v in enumerate(cells):
            g = parse_grade(v)
            cell = a1(4 + j, r)
            if g is False:
                errors.append({'code': 'invalid-rating', 'sheet': '考评表', 'cell': cell, 'branch': branch, 'match': 'cell'})
            elif g is None:
                warnings.append({'code': 'missing-rating', 'sheet': '考评表', 'cell': cell, 'branch': branch, 'match': 'cell'})
            else:
                parsed[CODES[j]] = g
        forms.append((branch, '民主测评', parsed, 1))

    # organisational forms: source from the sheet name; title + blank row above the header
    org = wb.create_sheet('组织考核')
    org.cell(row=1, column=1, value='组织考核评分表（考核组填写）')
    org.merge_cells('A1:AB1')
    oprof = {
        '机关第一党支部': ['优秀', '优秀', '较好'],
        '机关第二党支部': ['优秀', '较好', '较好'],
        '科研第一党支部': ['较好', '一般', '一般', '较好'],
        '科研第二党支部': ['优秀', '较好', '优秀', '一般'],
        '离退休党支部': ['优秀', '较好', '优秀', '一般'],
    }
    orows = []
    for b in roster:
        for i, who in enumerate(['考核组甲', '考核组乙']):
            orows.append((b, [b, who], [pattern(oprof[b], i, j, salts[b]) for j in range(26)]))
    write_wide(org, 3, ['党支部', '评议人'], list(CODES), orows, '组织考核', '组织考核', errors, warnings, forms)

    ros = wb.create_sheet('支部名单')
    ros.cell(row=1, column=1, value='2026年度党支部名单')
    ros.merge_cells('A1:E1')
    put_rows(ros, 2, [['序号', '党支部', '所属总支', '书记', '党员人数']] +
             [[i + 1, b, groups[i], ['王伟', '李娜', '张强', '刘洋', '陈静'][i], members[i]] for i, b in enumerate(roster)])

    spot = wb.create_sheet('抽检记录')
    put_rows(spot, 1, [['党支部', '类型', '日期', '事由', '加减分'],
                       ['机关第一党支部', '专题抽检', date(2026, 5, 10), '学习笔记抽查，记录完整规范', 2],
                       ['科研第一党支部', '日常抽检', date(2026, 3, 15), '组织生活会记录缺失', -8],
                       ['科研第一党支部', '专题抽检', date(2026, 9, 20), '党费收缴不及时', -7],
                       ['科研第二党支部', '日常抽检', date(2026, 6, 1), '检查考勤记录，无问题', None]])
    for r in range(2, 6):
        spot.cell(row=r, column=3).number_format = 'yyyy-mm-dd'
    adjustments = {'机关第一党支部': [F(2)], '科研第一党支部': [F(-8), F(-7)]}

    par = wb.create_sheet('考核参数')
    put_rows(par, 1, [['参数', '值'], ['年度', 2026], ['组织考核权重', 0.7], ['民主测评权重', 0.3], ['自评权重', '0%'],
                      ['总分小数位', 2], ['排名方式', '并列不占位']])
    par['B3'].number_format = '0%'

    infos.append({'code': 'ignored-sheet', 'sheet': '说明', 'cell': None, 'match': 'sheet'})
    exp = expectation('forms.xlsx', 1, rs, roster, forms, adjustments, errors, warnings, infos)
    # the design: 科研第二 and 离退休 have identical ratings → a tie under 并列不占位
    t = {b['name']: b for b in exp['branches']}
    assert t['科研第二党支部']['total'] == t['离退休党支部']['total']
    assert t['机关第二党支部']['status'] == 'incomplete'
    save('forms', wb, exp)


# ---------------------------------------------------------------- (2) vote tallies + forms
def make_tallies():
    wb = Workbook()
    ros = wb.active
    ros.title = '支部名单'
    roster = ['机关第一党支部', '机关第二党支部', '科研党支部', '后勤党支部']
    put_rows(ros, 1, [['党支部', '所属总支']] + [[b, '院机关党总支' if i < 2 else None] for i, b in enumerate(roster)])
    rs = default_ruleset()
    errors, warnings, infos, forms = [], [], [], []
    sheet = '民主测评票数'
    ws = wb.create_sheet(sheet)
    ws.cell(row=1, column=1, value='2026年度民主测评票数汇总')
    ws.merge_cells('A1:F1')

    def counts_for(b, j):
        if b == '机关第一党支部':
            return [[7, 2, 0, 0], [6, 2, 1, 0], [5, 3, 1, 0]][j % 3]
        if b == '机关第二党支部':
            return [[4, '√', '√', None], [3, 2, '✓', None], [5, '√', None, None]][j % 3]
        if b == '科研党支部':
            c = [[3, 3, 2, 0], [2, 4, 1, 1], [4, 2, 2, 0]][j % 3]
            if CODES[j] == '3.2':
                c = [2, 3, 2, 0]  # 7 votes where the others have 8
            return c
        c = [[5, 1, 0, 0], [4, 2, 0, 0]][j % 2]
        if CODES[j] == '4.2':
            c = [5, 2.5, 0, 0]
        return c

    r = 3
    for b in roster:
        ws.cell(row=r, column=1, value=f'党支部：{b}\u3000测评类型：民主测评')
        ws.merge_cells(f'A{r}:F{r}')
        put_rows(ws, r + 1, [['编号', '考核内容', '优秀(票)', '较好(票)', '一般(票)', '差(票)']])
        totals = set()
        for j, code in enumerate(CODES):
            row = r + 2 + j
            c = counts_for(b, j)
            put_rows(ws, row, [[code, TEXTS[code] if TEXTS else None] + list(c)])
            weights = []
            for k, v in enumerate(c):
                if v is None:
                    weights.append(0)
                elif isinstance(v, str) and v in '√✓✔':
                    weights.append(1)
                elif isinstance(v, int) and v >= 0:
                    weights.append(v)
                else:
                    errors.append({'code': 'invalid-count', 'sheet': sheet, 'cell': a1(3 + k, row), 'branch': b, 'match': 'cell'})
                    weights.append(0)
            totals.add(sum(weights))
            for k, wgt in enumerate(weights):
                if wgt:
                    forms.append((b, '民主测评', {code: GRADES[k]}, wgt))
        if len(totals) > 1 and b != '后勤党支部':
            warnings.append({'code': 'tally-mismatch', 'sheet': sheet, 'cell': None, 'branch': b, 'match': 'branch'})
        r += 2 + 26 + 1

    org = wb.create_sheet('组织考核')
    oprof = {'机关第一党支部': ['优秀', '较好'], '机关第二党支部': ['较好', '一般', '较好'], '科研党支部': ['一般', '较好'], '后勤党支部': ['较好']}
    orows = [(b, [b, who], [pattern(oprof[b], i, j, 0) for j in range(26)]) for b in roster for i, who in enumerate(['考核组甲', '考核组乙'])]
    write_wide(org, 1, ['党支部', '评议人'], list(CODES), orows, '组织考核', '组织考核', errors, warnings, forms)
    exp = expectation('tallies.xlsx', 1, rs, roster, forms, {}, errors, warnings, infos)
    assert [e['cell'] for e in errors] == ['D' + str(3 + (2 + 26 + 1) * 3 + 2 + CODES.index('4.2'))]
    save('tallies', wb, exp)


# ---------------------------------------------------------------- (3) one row per rating
def make_longlist():
    wb = Workbook()
    ros = wb.active
    ros.title = '党支部名单'
    roster = ['机关第一党支部', '机关第二党支部', '科研党支部']
    put_rows(ros, 1, [['2026年度党支部名单'], [], ['序号', '支部名称', '书记']] + [[i + 1, b, s] for i, (b, s) in enumerate(zip(roster, ['赵敏', '钱进', '孙丽']))])
    ros.merge_cells('A1:C1')
    rs = default_ruleset()
    errors, warnings, infos, forms = [], [], [], []
    sheet = '考核明细'
    ws = wb.create_sheet(sheet)
    put_rows(ws, 1, [['党支部', '指标', '等级', '测评人', '考核方式']])
    spell = {'优秀': ['优秀', '优', 'A'], '较好': ['较好', '良好', 'B', 'good'], '一般': ['一般', '中', 'ｃ'], '差': ['差', '较差']}
    prof = {'机关第一党支部': ['优秀', '较好', '优秀'], '机关第二党支部': ['较好', '一般', '较好', '优秀'], '科研党支部': ['一般', '较好', '差', '一般']}
    r = 2
    pending = {}
    for bi, b in enumerate(roster):
        raters = [(f'测评人{k + 1:02d}', '民主测评', k) for k in range(5)] + [('考核组1', '组织考核' if b != '科研党支部' else '考核组', 5), ('考核组2', '组织考核', 6)]
        for who, how, i in raters:
            parsed = {}
            for j, code in enumerate(CODES):
                g = pattern(prof[b], i, j, bi)
                word = spell[g][(i + j) % len(spell[g])]
                ind = code
                if b == '机关第二党支部' and who == '测评人02' and code in ('1.4', '1.5', '6.4') and TEXTS:
                    ind = TEXTS[code]
                assert parse_grade(word) == g
                put_rows(ws, r, [[b, ind, word, who, how]])
                parsed[code] = g
                r += 1
                if b == '机关第一党支部' and who == '测评人03' and code == '2.2':
                    # a misspelled branch and an orphan row, in the middle of the list
                    put_rows(ws, r, [['机关第一党支布', '1.2', '较好', '测评人06', '民主测评']])
                    errors.append({'code': 'unknown-branch', 'sheet': sheet, 'cell': f'A{r}', 'branch': None, 'match': 'cell'})
                    # The product's documented choice (README, decisions): a name this close to a roster
                    # name (edit distance <= 2) may hold that branch's ratings, so that branch is blocked
                    # too, with an unknown-branch error naming it: no grade is published from partial data.
                    errors.append({'code': 'unknown-branch', 'sheet': sheet, 'cell': f'A{r}', 'branch': '机关第一党支部', 'match': 'cell'})
                    r += 1
                    put_rows(ws, r, [[None, '1.1', '优秀', '测评人07', '民主测评']])
                    errors.append({'code': 'orphan-row', 'sheet': sheet, 'cell': f'A{r}', 'branch': None, 'match': 'row'})
                    r += 1
            forms.append((b, '组织考核' if how in ('组织考核', '考核组') else '民主测评', parsed, 1))
    exp = expectation('longlist.xlsx', 1, rs, roster, forms, {}, errors, warnings, infos)
    save('longlist', wb, exp)


# ---------------------------------------------------------------- (4) exact rounding and ties
def make_edge():
    wb = Workbook()
    ros = wb.active
    ros.title = '支部名单'
    roster = ['满分党支部', '边界上党支部', '边界下党支部', '并列甲党支部', '并列乙党支部', '末位党支部']
    put_rows(ros, 1, [['党支部']] + [[b] for b in roster])
    rs = default_ruleset()
    errors, warnings, infos, forms = [], [], [], []
    cat = lambda code: int(code.split('.')[0])

    def dem_grade(b, i, code):
        if b == '满分党支部':
            return '优秀'
        if b == '边界上党支部':  # D = 100 − 0.15 × 70 = 89.5
            return '较好' if cat(code) in (2, 3, 4, 5) else '优秀'
        if b == '边界下党支部':  # D = 100 − 0.25 × 38 = 90.5
            return '一般' if cat(code) in (1, 5) or code == '3.1' else '优秀'
        if b == '并列甲党支部':
            return '较好'
        if b == '并列乙党支部':  # D = 85 + 3 × 0.03 = 85.09
            return '优秀' if (i == 0 and code == '1.1') else '较好'
        return '一般'

    def org_grade(b, i, code):
        if b == '满分党支部':
            return '优秀'
        if b == '边界上党支部':  # O = 100 − 0.25 × 39 = 90.25
            return '一般' if cat(code) in (2, 3) else '优秀'
        if b == '边界下党支部':  # O = 100 − 0.15 × 70 = 89.5
            return '较好' if cat(code) in (2, 3, 4, 5) else '优秀'
        if b in ('并列甲党支部', '并列乙党支部'):
            return '较好'
        return '差'

    dem = wb.create_sheet('民主测评')
    rows = [(b, [b], [dem_grade(b, i, c) for c in CODES]) for b in roster for i in range(5)]
    write_wide(dem, 1, ['党支部'], list(CODES), rows, '民主测评', '民主测评', errors, warnings, forms)
    org = wb.create_sheet('组织考核')
    rows = [(b, [b], [org_grade(b, i, c) for c in CODES]) for b in roster for i in range(2)]
    write_wide(org, 1, ['党支部'], list(CODES), rows, '组织考核', '组织考核', errors, warnings, forms)
    exp = expectation('edge.xlsx', 0, rs, roster, forms, {}, errors, warnings, infos)
    t = {b['name']: b for b in exp['branches']}
    assert t['边界上党支部']['exact'] == '1799/20' and t['边界上党支部']['total'] == 90.0 and t['边界上党支部']['grade'] == '优秀'
    assert t['边界下党支部']['exact'] == '899/10' and t['边界下党支部']['grade'] == '较好'
    assert t['满分党支部']['total'] == 100.0
    assert t['并列甲党支部']['total'] == t['并列乙党支部']['total'] == 85.0 and t['并列乙党支部']['exact'] != '85'
    assert [b['rank'] for b in exp['branches']] == [1, 2, 3, 4, 4, 6]
    save('edge', wb, exp)


if __name__ == '__main__':
    make_forms()
    make_tallies()
    make_longlist()
    make_edge()
