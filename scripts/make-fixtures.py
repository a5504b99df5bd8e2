#!/usr/bin/python3
"""
Make the LibreOffice-saved .xlsx fixtures under test/fixtures/ (not needed by `npm test`: the files are
committed). Needs LibreOffice (apt-get install libreoffice-calc-nogui) and its Python UNO bridge:

    /usr/bin/python3 scripts/make-fixtures.py

Files:
  office-2026.xlsx   an office's workbook as LibreOffice saves it: title rows, merged titles, a roster with a
                     formula, settings, a democratic-evaluation forms sheet (wide), an organisational vote-tally
                     sheet with four branch blocks, a self-assessment long list, spot checks with dates, and an
                     unrelated sheet. The expected results are computed by hand in test/cli/fixture.test.ts.
  features-lo.xlsx   a workbook with a chart, an image, a pivot table, a comment, a list validation, a
                     conditional format, a named range and an autofilter: the round-trip probe.
  legacy.xls         an old binary .xls (a Compound File, like a password-protected .xlsx; LibreOffice 7.4
                     does not encrypt OOXML from a script, so the tests build an encrypted container's header).
"""
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Rectangle, Size, Point
from com.sun.star.table import CellRangeAddress, CellAddress

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures')

TEXTS = [
    "支委会组织健全,成员分工明确,责任落实,尽职尽责完成任务。",
    "认真搞好支委会思想作风建设,按时并有成效地开好支委生活会,坚持民主集中制,成员团结,有凝聚力和战斗力。",
    "有计划地组织支委学习党委布置的各项学习内容,定期研究支部工作,支部工作有计划、有总结。",
    "按要求召开党员大会报告工作及进行工作总结。",
    "按要求以不同形式向党委报告工作。",
    "班子成员廉洁自律。",
    "认真组织党员参加院党委安排的党课、党纪教育活动,出勤率达80%以上(出差除外)。",
    "党支部注意树立和宣传党员典型,用典型的示范引导作用带动多数党员在实践中更好地发挥先锋模范作用。",
    "党支部坚持每两个月至少一次组织活动,组织活动主题明确,有考勤,有记录,形式多样,效果较好。",
    "党支部每半年召开一次民主生活会,交流思想,检查执行党的决议情况和保证中心任务完成情况,开展批评与自我批评,增强团结。",
    "党支部坚持对外出党员提出要求,保证联系,跟踪管理;对流动党员及时办理党员流动证;党员退休要按时到组织部办理移交。",
    "党支部认真监督党员、党员干部执行中纪委、市科教纪工委、院纪委的有关规定,对违纪党员敢于批评教育,直至组织处理、党纪处理,严肃党的纪律。",
    "认真贯彻“十六字方针”,积极开展发展党员工作,工作有计划、有措施,每半年至少研究一次发展党员工作。",
    "重视非党积极分子队伍建设,不断扩大积极分子队伍,积极做好入党积极分子的培养、教育、考察、写实、发展等工作。",
    "做好预备党员的教育、考察和转正工作。",
    "认真组织单位职工学习党委规定的学习内容,参学率达70%以上(出差除外),形式多样,方法灵活,效果较好。",
    "结合形势任务,利用各种渠道,加强宣传教育工作力度板报内容丰富,喜闻乐见,注意宣传好人好事,单位内有较强的正气。",
    "经常分析研究职工的思想动态和要求,解决好职工的思想认识和实际问题。",
    "不断总结思想政治工作的经验,提高思想政治工作的效果。",
    "党支部认真参与本单位重要问题的研究和决策,保证决策正确可行。",
    "党支部每年至少召开两次支部委员会,听取行政领导通报工作情况,支持行政领导做好本单位各项工作。",
    "党政领导工作上相互支持,主动沟通情况,步调一致,团结协调。",
    "配合党委做好民主党派成员和其它成员的工作。",
    "领导并支持工会支会、共青团支部积极负责地开展工作",
    "做好本单位安全、保密、治安综合治理工作、计划生育工作。",
    "做好创建精神文明先进单位的有关工作。",
]

CODES = [f'{c}.{i}' for c, n in enumerate([6, 6, 3, 4, 3, 4], 1) for i in range(1, n + 1)]
assert len(CODES) == 26 == len(TEXTS)

B1, B2, B3, B4 = '机关第一党支部', '机关第二党支部', '研究所第一党支部', '研究所第二党支部'


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    port = 2002 + os.getpid() % 1000
    proc = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--norestore', '--nologo',
        f'-env:UserInstallation=file://{profile}',
        f'--accept=socket,host=127.0.0.1,port={port};urp;',
    ])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(60):
        try:
            ctx = resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
            desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
            return proc, ctx, desktop
        except Exception:
            time.sleep(0.5)
    proc.kill()
    sys.exit('could not connect to soffice')


def new_doc(desktop):
    return desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0, (prop('Hidden', True),))


def sheet(doc, name, index):
    sheets = doc.Sheets
    if index == 0:
        s = sheets.getByIndex(0)
        s.Name = name
        return s
    sheets.insertNewByName(name, index)
    return sheets.getByName(name)


def col(c):
    s = ''
    n = c + 1
    while n:
        n, m = divmod(n - 1, 26)
        s = chr(65 + m) + s
    return s


def put_rows(sh, top, rows):
    """Write rows (lists of str/float/None) starting at 0-based row `top`, column A."""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None or v == '':
                continue
            cell = sh.getCellByPosition(c, top + r)
            if isinstance(v, (int, float)):
                cell.setValue(v)
            elif isinstance(v, str) and v.startswith('='):
                cell.setFormula(v)
            else:
                cell.setString(v)


def title(sh, a1, text):
    rng = sh.getCellRangeByName(a1)
    rng.getCellByPosition(0, 0).setString(text)
    rng.merge(True)
    rng.CharHeight = 14
    rng.CharWeight = 150  # bold
    rng.HoriJustify = 2  # CENTER


def store(doc, path, fmt='Calc MS Excel 2007 XML'):
    args = [prop('FilterName', fmt), prop('Overwrite', True)]
    doc.storeToURL(uno.systemPathToFileUrl(path), tuple(args))


def date_format(doc):
    locale = uno.createUnoStruct('com.sun.star.lang.Locale')
    locale.Language, locale.Country = 'zh', 'CN'
    formats = doc.NumberFormats
    key = formats.queryKey('YYYY-MM-DD', locale, False)
    return key if key != -1 else formats.addNew('YYYY-MM-DD', locale)


def serial(y, m, d):
    import datetime
    return float((datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days)


# ---------------------------------------------------------------------------------------------

def form(base, overrides):
    """26 grades: `base` everywhere, except {code: grade}."""
    return [overrides.get(code, base) for code in CODES]


def democratic_rows():
    rows = []
    for b in (B1, B2, B3, B4):
        forms = []
        if b in (B1, B4):
            forms = [form('优秀', {'6.4': '较好'})] * 3 + [form('较好', {'1.1': '优秀'})] * 2
        elif b == B2:
            forms = [form('较好', {'2.1': '优秀'})] * 5
            forms[1] = form('良好', {'2.1': '优秀'})  # an accepted spelling of 较好
        else:
            forms = [form('一般', {'3.1': '较好'}) for _ in range(5)]
            forms[0] = form('一般', {'3.1': '好的'})  # invalid: 民主测评!O14
            forms[1] = form('一般', {'3.1': '较好', '4.1': None})  # blank: 民主测评!R15
        for i, f in enumerate(forms):
            rows.append([b, '党外群众' if i == 4 else '党员'] + f)
    return rows


def tally_votes(branch):
    # per indicator: 优秀, 较好, 一般, 差 (None = blank = 0)
    if branch in (B1, B4):
        return [4, 1, 0, None]
    if branch == B2:
        return [2, 2, 1, None]
    return [None, 3, 2, None]


def self_rows():
    rows = []
    patterns = {
        B1: form('优秀', {'6.4': '较好'}),
        B2: form('较好', {'2.1': '优秀'}),
        B3: form('一般', {'3.1': '较好'}),
        B4: form('优秀', {}),
    }
    for b in (B1, B2, B3, B4):
        for code, g in zip(CODES, patterns[b]):
            rows.append([b, code, g, '全年'])
    for code in CODES:  # a half-year self-assessment: reported apart
        rows.append([B2, code, '一般', '上半年'])
    return rows


def make_office(desktop, path):
    doc = new_doc(desktop)
    datefmt = date_format(doc)

    sh = sheet(doc, '说明', 0)
    put_rows(sh, 0, [['本工作簿汇集2026年度党支部工作目标管理考核的原始材料。'], ['各表由党委办公室整理。']])

    sh = sheet(doc, '支部名单', 1)
    title(sh, 'A1:D1', '2026年党支部名单')
    put_rows(sh, 1, [
        ['序号', '党支部', '所属总支', '党员人数'],
        [1, B1, '机关党总支', '=3+3'],
        [2, B2, '机关党总支', 7],
        [3, B3, '科研党总支', 5],
        [4, B4, '科研党总支', 6],
    ])

    sh = sheet(doc, '考核参数', 2)
    put_rows(sh, 0, [['参数', '值'], ['年度', 2026], ['发文单位', '中共某研究所党委办公室']])

    sh = sheet(doc, '民主测评', 3)
    title(sh, 'A1:AB1', '2026年度党支部工作目标管理考评表（民主测评）')
    put_rows(sh, 1, [['测评类型：民主测评'], ['党支部', '测评人身份'] + CODES] + democratic_rows())

    sh = sheet(doc, '组织考核汇总', 4)
    title(sh, 'A1:F1', '2026年度组织考核票数汇总')
    for k, b in enumerate((B1, B2, B3, B4)):
        top = 2 + 30 * k
        rows = [[f'党支部：{b}'], ['编号', '考核内容', '优秀', '较好', '一般', '差']]
        for i, code in enumerate(CODES):
            votes = tally_votes(b)
            if b == B2 and code == '1.1':
                votes = [2, 2, '√', None]  # a tick is one vote
            rows.append([code, TEXTS[i]] + votes)
        put_rows(sh, top, rows)

    sh = sheet(doc, '自评记录', 5)
    title(sh, 'A1:D1', '2026年度党支部自评记录')
    put_rows(sh, 1, [['党支部', '指标', '评价', '期间']] + self_rows())

    sh = sheet(doc, '抽检记录', 6)
    put_rows(sh, 0, [
        ['党支部', '类型', '日期', '事由', '加减分'],
        [B2, '专题抽检', serial(2026, 9, 15), '主题党日材料完整规范', 2],
        [B1, '日常抽检', serial(2026, 5, 20), '学习笔记抽查', None],
    ])
    sh.getCellRangeByName('C2:C3').NumberFormat = datefmt

    doc.calculateAll()
    store(doc, path)
    doc.close(True)


def png_bytes(w=8, h=8):
    raw = b''.join(b'\x00' + bytes([200, 30, 30]) * w for _ in range(h))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def make_features(desktop, ctx, path):
    doc = new_doc(desktop)
    sh = sheet(doc, '数据', 0)
    put_rows(sh, 0, [['党支部', '类别', '得分']] + [
        [B1, '机关', 95.8], [B2, '机关', 89.6], [B3, '科研', 76.0], [B4, '科研', 95.8]])
    sh.getCellRangeByName('D1').setString('备注')

    # comments: one on a filled cell, one on an empty cell
    sh.Annotations.insertNew(CellAddress(0, 2, 1), '复核：分数已确认')
    sh.Annotations.insertNew(CellAddress(0, 3, 2), '待补充说明')
    # list validation on B2:B5
    rng = sh.getCellRangeByName('B2:B5')
    v = rng.Validation
    v.Type = uno.Enum('com.sun.star.sheet.ValidationType', 'LIST')
    v.setFormula1('"机关";"科研"')
    rng.Validation = v
    # conditional format on C2:C5
    rng = sh.getCellRangeByName('C2:C5')
    cf = rng.ConditionalFormat
    cf.addNew((prop('Operator', uno.Enum('com.sun.star.sheet.ConditionOperator', 'GREATER_EQUAL')),
               prop('Formula1', '90'), prop('StyleName', 'Good')))
    rng.ConditionalFormat = cf
    # named range
    doc.NamedRanges.addNewByName('得分区', '$数据.$C$2:$C$5', CellAddress(0, 0, 0), 0)
    # autofilter
    addr = CellRangeAddress(0, 0, 0, 2, 4)
    doc.DatabaseRanges.addNewByName('筛选', addr)
    doc.DatabaseRanges.getByName('筛选').AutoFilter = True
    # chart
    sh.Charts.addNewByName('得分图', Rectangle(6000, 500, 9000, 6000), (CellRangeAddress(0, 0, 0, 0, 4), CellRangeAddress(0, 2, 0, 2, 4)), True, True)
    # image
    png = os.path.join(tempfile.mkdtemp(), 'dot.png')
    with open(png, 'wb') as f:
        f.write(png_bytes())
    provider = ctx.ServiceManager.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', ctx)
    graphic = provider.queryGraphic((prop('URL', uno.systemPathToFileUrl(png)),))
    shape = doc.createInstance('com.sun.star.drawing.GraphicObjectShape')
    shape.Graphic = graphic
    sh.DrawPage.add(shape)
    shape.setSize(Size(1000, 1000))
    shape.setPosition(Point(500, 4000))
    # pivot table on a second sheet
    piv = sheet(doc, '透视', 1)
    tables = sh.getDataPilotTables()
    desc = tables.createDataPilotDescriptor()
    desc.setSourceRange(CellRangeAddress(0, 0, 0, 2, 4))
    fields = desc.getDataPilotFields()
    f = fields.getByIndex(1)
    f.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'ROW')
    f = fields.getByIndex(2)
    f.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'DATA')
    f.Function = uno.Enum('com.sun.star.sheet.GeneralFunction', 'SUM')
    tables.insertNewByName('透视表', CellAddress(1, 0, 0), desc)
    doc.calculateAll()
    store(doc, path)
    doc.close(True)


def main():
    os.makedirs(OUT, exist_ok=True)
    proc, ctx, desktop = connect()
    try:
        make_office(desktop, os.path.join(OUT, 'office-2026.xlsx'))
        make_features(desktop, ctx, os.path.join(OUT, 'features-lo.xlsx'))
        doc = new_doc(desktop)
        put_rows(sheet(doc, '旧表', 0), 0, [['党支部', '总分'], [B1, 95.8]])
        store(doc, os.path.join(OUT, 'legacy.xls'), fmt='MS Excel 97')
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
    for name in sorted(os.listdir(OUT)):
        print(f'{name}: {os.path.getsize(os.path.join(OUT, name))} bytes')


if __name__ == '__main__':
    main()
