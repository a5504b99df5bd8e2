/**
 * ExcelHost against the strict stand-in: reading snapshots, applying plans, failures and messages.
 */
import { ExcelHost, ExcelHostError, HIGHLIGHT_FORMULA, runExcel, toUserMessage } from '../../../src/hosts/excel';
import { markerName } from '../../../src/workbook/host';
import type { FillPlan, SheetPlan } from '../../../src/workbook/plan';
import { createFakeExcel, FakeExcelRuntime } from '../../support/fake-excel';

function hostFor(fake: FakeExcelRuntime, options: { maxPayloadBytes?: number; maxCellsPerRequest?: number } = {}): ExcelHost {
  return new ExcelHost(fake.excel, { ...options, isSetSupported: fake.isSetSupported });
}

function sheetPlan(over: Partial<SheetPlan> & Pick<SheetPlan, 'name'>): SheetPlan {
  return {
    mode: 'new',
    kind: 'summary',
    values: [],
    styles: [],
    merges: [],
    columnWidths: [],
    links: [],
    validations: [],
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<ExcelHostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelHostError);
    return e as ExcelHostError;
  }
  throw new Error('expected a failure');
}

/** A user's workbook: roster, a form sheet with a formula and a merged title, an earlier product sheet. */
function officeWorkbook(apiVersion?: string): FakeExcelRuntime {
  const fake = createFakeExcel({ apiVersion });
  fake.seed('支部名单', { values: [['党支部', '党员人数'], ['机关第一党支部', 12], ['机关第二党支部', 9]] });
  fake.seed('民主测评', {
    values: [
      ['2026年度民主测评表'],
      ['党支部', '1.1', '1.2'],
      ['机关第一党支部', '优秀', { error: '#N/A' }],
    ],
    formulas: { D3: ['=COUNTA(B3:C3)', 2] },
    merges: ['A1:D1'],
  });
  fake.seed('考核汇总', { values: [['旧结果']], names: { [markerName('summary')]: 'A1' } });
  fake.seed('说明', { origin: 'C5', values: [['备注', null], [null, 3]], visibility: 'Hidden' });
  return fake;
}

describe('readSnapshot', () => {
  test('gives every sheet from A1 with values, formulas, merges, markers and visibility, in 2 syncs', async () => {
    const fake = officeWorkbook();
    const snapshot = await hostFor(fake).readSnapshot();
    expect(fake.syncCount).toBe(2);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['支部名单', '民主测评', '考核汇总', '说明']);

    const [roster, form, summary, notes] = snapshot.sheets;
    expect(roster).toEqual({
      name: '支部名单',
      values: [['党支部', '党员人数'], ['机关第一党支部', 12], ['机关第二党支部', 9]],
      merges: [],
      visible: true,
    });
    expect(form.values).toEqual([
      ['2026年度民主测评表', null, null, null],
      ['党支部', '1.1', '1.2', null],
      ['机关第一党支部', '优秀', { error: '#N/A' }, 2],
    ]);
    expect(form.formulas).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, 'COUNTA(B3:C3)'],
    ]);
    expect(form.merges).toEqual(['A1:D1']);
    expect(form.createdBy).toBeUndefined();
    expect(summary.createdBy).toBe('summary');
    // The used range starts at C5: the grid is still addressed from A1.
    expect(notes.values).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, '备注', null],
      [null, null, null, 3],
    ]);
    expect(notes.visible).toBe(false);
    expect(notes.formulas).toBeUndefined();
  });

  test('an empty sheet reads as an empty grid; a workbook-scoped marker also marks its sheet', async () => {
    const fake = createFakeExcel();
    fake.seed('空表');
    fake.seed('计算明细', { values: [['x']] });
    fake.addWorkbookName(markerName('details'), '计算明细');
    const snapshot = await hostFor(fake).readSnapshot();
    expect(snapshot.sheets[0]).toEqual({ name: '空表', values: [], merges: [], visible: true });
    expect(snapshot.sheets[1].createdBy).toBe('details');
  });

  test('before ExcelApi 1.13 merged areas are not asked for (no failure, no merges)', async () => {
    const fake = officeWorkbook('1.12');
    const snapshot = await hostFor(fake).readSnapshot();
    expect(snapshot.sheets[1].merges).toEqual([]);
    expect(snapshot.sheets[1].values[2]).toEqual(['机关第一党支部', '优秀', { error: '#N/A' }, 2]);
    expect(fake.syncCount).toBe(2);
  });

  test('batches run with delayForCellEdit (on Windows cell-edit mode only delays them: cell-edit.test.ts)', async () => {
    const fake = officeWorkbook();
    await hostFor(fake).readSnapshot();
    expect(fake.runs.every((r) => r.delayForCellEdit)).toBe(true);
    expect(await runExcel(fake.excel, async () => 7)).toBe(7);
  });

  test('below ExcelApi 1.7 the host refuses with a clear message', async () => {
    const fake = officeWorkbook('1.6');
    const e = await failure(hostFor(fake).readSnapshot());
    expect(e.failure).toBe('unsupported');
    expect(e.text.zh).toContain('ExcelApi 1.7');
    expect(fake.syncCount).toBe(0);
  });
});

describe('applyPlan', () => {
  const summary = (): SheetPlan =>
    sheetPlan({
      name: '考核汇总',
      replaces: '考核汇总',
      values: [
        ['2026年度党支部工作目标管理考核汇总表'],
        ['序号', '党支部', '指标', '总分', '等级', '日期'],
        [1, '机关第一党支部', '1.1', 91.25, '优秀', '2026-01-15'],
        [2, '=机关第二党支部', '2.10', null, '待补充'],
      ],
      styles: [
        { range: 'A2:F2', style: { bold: true, fill: '#D9E1F2', hAlign: 'center', border: true } },
        { range: 'D3:D4', style: { numberFormat: '0.0' } },
        { range: 'E3', style: { fill: '#C6EFCE', fontColor: '#006100' } },
      ],
      merges: ['A1:F1'],
      columnWidths: [6, 20],
      rowHeights: [{ row: 0, height: 28 }],
      freeze: { rows: 2, columns: 0 },
      links: [{ cell: 'B3', sheet: '民主测评', target: 'A3' }],
      validations: [{ range: 'E3:E4', list: ['优秀', '较好', '一般', '差'] }],
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: '2:2', area: 'A1:F4', centered: true },
      tabColor: '#C00000',
    });

  test('replaces its own sheet in place, in one sync, with everything the plan says', async () => {
    const fake = officeWorkbook();
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.resetStats();
    await host.applyPlan({ sheets: [summary()], activate: '考核汇总' });

    expect(fake.syncCount).toBe(1);
    // rewritten in place: a user's formula may read it, so calculation runs (calculation.test.ts)
    expect(fake.syncs[0].calcSuspended).toBe(false);
    expect(fake.syncs[0].screenSuspended).toBe(true);
    expect(fake.sheetNames()).toEqual(['支部名单', '民主测评', '考核汇总', '说明']);
    expect(fake.activeSheet()).toBe('考核汇总');

    // Text that Excel would reinterpret stays text; numbers stay numbers; the old content is gone.
    expect(fake.grid('考核汇总', 'A3:F4')).toEqual([
      [1, '机关第一党支部', '1.1', 91.25, '优秀', '2026-01-15'],
      [2, '=机关第二党支部', '2.10', null, '待补充', null],
    ]);
    expect(fake.cell('考核汇总', 'B4')?.formula).toBeUndefined();
    expect(fake.value('考核汇总', 'A1')).toBe('2026年度党支部工作目标管理考核汇总表');

    const s = fake.sheet('考核汇总');
    expect(fake.merges('考核汇总')).toEqual(['A1:F1']);
    expect(fake.cell('考核汇总', 'C2')).toMatchObject({ fill: '#D9E1F2', hAlign: 'Center', font: { bold: true } });
    expect(fake.cell('考核汇总', 'C2')?.borders).toEqual({
      top: { style: 'Continuous', weight: 'Thin' },
      bottom: { style: 'Continuous', weight: 'Thin' },
      left: { style: 'Continuous', weight: 'Thin' },
      right: { style: 'Continuous', weight: 'Thin' },
    });
    expect(fake.cell('考核汇总', 'D4')?.numberFormat).toBe('0.0');
    expect(fake.cell('考核汇总', 'E3')).toMatchObject({ fill: '#C6EFCE', font: { color: '#006100' } });
    // 6 characters → (6 × 7 + 5) px × 0.75 = 35.25 pt; 20 → 108.75 pt
    expect([s.columnWidths.get(0), s.columnWidths.get(1)]).toEqual([35.25, 108.75]);
    expect(s.rowHeights.get(0)).toBe(28);
    expect(s.freeze).toEqual({ rows: 2, columns: 0 });
    expect(fake.cell('考核汇总', 'B3')?.hyperlink).toEqual({ documentReference: "'民主测评'!A3", textToDisplay: '机关第一党支部' });
    expect(fake.cell('考核汇总', 'E4')?.validation).toEqual({ list: { inCellDropDown: true, source: '优秀,较好,一般,差' } });
    // a warning that lets another spelling stay (the product checks it), never a stop
    expect(fake.cell('考核汇总', 'E4')?.validationAlert).toMatchObject({ showAlert: true, style: 'Warning', title: '不在下拉列表中 / Not in the list' });
    expect(fake.cell('考核汇总', 'E4')?.validationAlert?.message).toMatch(/^建议从下拉列表中选择（优秀、较好、一般、差）。其他写法也可以保留/);
    expect(s.pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '2:2',
      printArea: 'A1:F4',
      centerHorizontally: true,
    });
    expect(s.tabColor).toBe('#C00000');
    expect(fake.names('考核汇总')).toEqual([markerName('summary')]);
    expect(fake.sheetNames().some((n) => n.startsWith('~BA'))).toBe(false);

    // Read back: the new sheet is recognised as ours.
    const again = await hostFor(fake).readSnapshot();
    expect(again.sheets[2].createdBy).toBe('summary');
  });

  test('a user sheet of the same name is never touched: the output goes beside it', async () => {
    const fake = createFakeExcel();
    fake.seed('考核汇总', { values: [['党支部', '总分'], ['机关第一党支部', null]], formats: { A1: { fill: '#FFFF00' } } });
    const before = structuredClone(fake.sheet('考核汇总'));
    const host = hostFor(fake);
    await host.readSnapshot();
    await host.applyPlan({ sheets: [sheetPlan({ name: '考核汇总 (2)', values: [['新']] })] });
    expect(fake.sheet('考核汇总')).toEqual(before);
    expect(fake.sheetNames()).toEqual(['考核汇总', '考核汇总 (2)']);
    expect(fake.names('考核汇总')).toEqual([]);
    expect(fake.names('考核汇总 (2)')).toEqual([markerName('summary')]);
  });

  test('a template sheet gets no marker; before 1.8/1.9 validations and print setup are skipped', async () => {
    const fake = createFakeExcel({ apiVersion: '1.7' });
    fake.seed('Sheet1');
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.resetStats();
    await host.applyPlan({
      sheets: [
        sheetPlan({
          name: '民主测评',
          kind: 'template',
          values: [['党支部', '1.1']],
          validations: [{ range: 'B2:B10', list: ['优秀', '差'] }],
          print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
        }),
      ],
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0].screenSuspended).toBe(false);
    expect(fake.grid('民主测评', 'A1:B1')).toEqual([['党支部', '1.1']]);
    expect(fake.cell('民主测评', 'B2')?.validation).toBeUndefined();
    expect(fake.sheet('民主测评').pageLayout).toEqual({});
    expect(fake.names('民主测评')).toEqual([]);
  });

  test("a fill writes values only into the listed cells of the user's sheet, without suspending calculation", async () => {
    const fake = createFakeExcel();
    fake.seed('考核汇总', {
      values: [['党支部', '总分', '等级'], ['机关第一党支部', null, '旧'], ['机关第二党支部', '=B2', null]],
      formats: { B2: { numberFormat: '0.00', fill: '#FFFF00' } },
    });
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.resetStats();
    const fill: FillPlan = {
      mode: 'fill',
      kind: 'summary',
      name: '考核汇总',
      cells: [
        { cell: 'B2', value: 91.3 },
        { cell: 'C2', value: '优秀' },
        { cell: 'C3', value: null },
      ],
    };
    await host.applyPlan({ sheets: [fill] });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0].calcSuspended).toBe(false);
    expect(fake.grid('考核汇总', 'A2:C3')).toEqual([
      ['机关第一党支部', 91.3, '优秀'],
      ['机关第二党支部', null, null],
    ]);
    expect(fake.cell('考核汇总', 'B3')?.formula).toBe('=B2');
    expect(fake.cell('考核汇总', 'B2')).toMatchObject({ numberFormat: '0.00', fill: '#FFFF00' });
    expect(fake.names('考核汇总')).toEqual([]);
  });

  test('a fill into a sheet read as protected is refused before anything is written', async () => {
    const fake = createFakeExcel();
    fake.seed('考核汇总', { values: [['党支部', '总分']], protected: true });
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.resetStats();
    const e = await failure(
      host.applyPlan({
        sheets: [
          sheetPlan({ name: '校验问题', kind: 'checks', values: [['级别']] }),
          { mode: 'fill', kind: 'summary', name: '考核汇总', cells: [{ cell: 'B2', value: 90 }] },
        ],
      }),
    );
    expect(e.failure).toBe('protected');
    expect(e.text.zh).toContain('受保护');
    expect(fake.syncCount).toBe(0);
    expect(fake.sheetNames()).toEqual(['考核汇总']);
  });

  test('a failure while building leaves the previous results and removes the temporary sheet', async () => {
    const fake = officeWorkbook();
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.failSync({ code: 'GeneralException', when: (op) => op.object === 'Range' && op.member === 'merge' });
    const e = await failure(host.applyPlan({ sheets: [summary()] }));
    expect(e.code).toBe('GeneralException');
    expect(e.text.zh).toContain('GeneralException');
    expect(fake.sheetNames()).toEqual(['支部名单', '民主测评', '考核汇总', '说明']);
    expect(fake.grid('考核汇总', 'A1:A2')).toEqual([['旧结果'], [null]]);
    expect(fake.names('考核汇总')).toEqual([markerName('summary')]);
    // the failed sync, then the clean-up's read and delete
    expect(fake.syncs.map((s) => s.failed ?? 'ok')).toEqual(['ok', 'ok', 'GeneralException', 'ok', 'ok']);
  });

  test('a product sheet deleted meanwhile fails before anything is created, with a "run again" message', async () => {
    const fake = officeWorkbook();
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.deleteSheet(fake.sheet('考核汇总'));
    const e = await failure(host.applyPlan({ sheets: [summary(), sheetPlan({ name: '校验问题', kind: 'checks', values: [['x']] })] }));
    expect(e.failure).toBe('sheet-gone');
    expect(e.text.zh).toContain('重新运行');
    expect(fake.sheetNames()).toEqual(['支部名单', '民主测评', '说明']);
  });

  test('a protected sheet met while writing maps to the protection message', async () => {
    const fake = createFakeExcel();
    fake.seed('考核汇总', { values: [['党支部', '总分']] });
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.sheet('考核汇总').protected = true; // protected after the read
    const e = await failure(
      host.applyPlan({
        sheets: [
          sheetPlan({ name: '计算明细', kind: 'details', values: [['x']] }),
          { mode: 'fill', kind: 'summary', name: '考核汇总', cells: [{ cell: 'B2', value: 90 }] },
        ],
      }),
    );
    expect(e.failure).toBe('protected');
    expect(fake.sheetNames()).toEqual(['考核汇总']);
  });

  test('before ExcelApi 1.9 a replaced sheet is also rewritten in place (cleared and written into): one sync, same sheet', async () => {
    const fake = officeWorkbook('1.8');
    const before = fake.sheet('考核汇总').id;
    const host = hostFor(fake);
    await host.applyPlan({ sheets: [summary()] });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet('考核汇总').id).toBe(before);
    expect(fake.sheetNames()).toEqual(['支部名单', '民主测评', '考核汇总', '说明']);
    expect(fake.names('考核汇总')).toEqual([markerName('summary')]);
  });

  test('from ExcelApi 1.9 a replaced sheet is rewritten in place: no positions needed, one sync', async () => {
    const fake = officeWorkbook();
    const before = fake.sheet('考核汇总').id;
    await hostFor(fake).applyPlan({ sheets: [summary()] });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet('考核汇总').id).toBe(before);
    expect(fake.sheetNames()).toEqual(['支部名单', '民主测评', '考核汇总', '说明']);
  });
});

describe('toUserMessage', () => {
  const cases: [string, string, string][] = [
    ['InvalidOperationInCellEditMode', '结束单元格编辑', 'finish editing the cell'],
    ['RequestPayloadSizeLimitExceeded', '5 MB', '5 MB'],
    ['ResponsePayloadSizeLimitExceeded', '5 MB', '5 MB'],
    ['AccessDenied', '受保护', 'protected'],
    ['ItemNotFound', '删除或改名', 'deleted or renamed'],
    ['ApiNotFound', 'ExcelApi 1.7', 'ExcelApi 1.7'],
    ['GeneralException', 'GeneralException', 'GeneralException'],
  ];
  test.each(cases)('%s → a clear message in both languages', (code, zh, en) => {
    const m = toUserMessage({ code, message: 'boom', name: 'RichApi.Error' });
    expect(m.zh).toContain(zh);
    expect(m.en).toContain(en);
  });

  test('anything else is told with its message, never thrown', () => {
    expect(toUserMessage(new Error('network down\nstack')).en).toContain('(network down)');
    expect(toUserMessage(undefined).zh).toContain('Excel 未能完成操作');
  });
});

describe('task-pane actions', () => {
  test('selectCell activates the sheet and selects the cell', async () => {
    const fake = officeWorkbook();
    await hostFor(fake).selectCell('民主测评', 'C3');
    expect(fake.activeSheet()).toBe('民主测评');
    expect(fake.model.selection).toEqual({ sheetId: fake.sheet('民主测评').id, address: 'C3' });
  });

  test("highlights are our own conditional formats: on adds them, off removes only ours", async () => {
    const fake = officeWorkbook();
    const form = fake.sheet('民主测评');
    form.conditionalFormats.push({ id: 'user-cf', type: 'Custom', ranges: [{ r0: 2, c0: 1, r1: 2, c1: 2 }], formula: '=B3="差"', fill: '#FF0000' });
    fake.cell('民主测评', 'C3')!.fill = '#00FF00';
    const host = hostFor(fake);
    const refs = [
      { sheet: '民主测评', cell: 'C3' },
      { sheet: '民主测评', cell: 'C3' },
      { sheet: '已删除', cell: 'A1' },
    ];
    await host.setHighlights(refs, true);
    await host.setHighlights(refs, true); // twice: still one highlight per cell
    const ours = () => form.conditionalFormats.filter((c) => c.formula === HIGHLIGHT_FORMULA);
    expect(ours().map((c) => [c.ranges, c.fill, c.fontColor])).toEqual([[[{ r0: 2, c0: 2, r1: 2, c1: 2 }], '#FFC7CE', '#9C0006']]);
    await host.setHighlights(refs, false);
    expect(ours()).toEqual([]);
    expect(form.conditionalFormats.map((c) => c.id)).toEqual(['user-cf']);
    expect(fake.cell('民主测评', 'C3')?.fill).toBe('#00FF00');
  });

  test('setHighlights off with no refs clears ours on every sheet', async () => {
    const fake = officeWorkbook();
    const host = hostFor(fake);
    await host.setHighlights([{ sheet: '民主测评', cell: 'B3' }, { sheet: '支部名单', cell: 'A2' }], true);
    await host.setHighlights([], false);
    expect(fake.model.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
  });

  test('one highlight rule per sheet covers all its problem cells; on again replaces it', async () => {
    const fake = officeWorkbook();
    const host = hostFor(fake);
    const refs = ['B3', 'B4', 'B5', 'C3', 'D9'].map((cell) => ({ sheet: '民主测评', cell }));
    await host.setHighlights(refs, true);
    await host.setHighlights([...refs, { sheet: '支部名单', cell: 'A2' }], true);
    const ours = (sheet: string) => fake.sheet(sheet).conditionalFormats.filter((c) => c.formula === HIGHLIGHT_FORMULA);
    expect(ours('民主测评').map((c) => c.ranges)).toEqual([
      [
        { r0: 2, c0: 1, r1: 4, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 2 },
        { r0: 8, c0: 3, r1: 8, c1: 3 },
      ],
    ]);
    expect(ours('支部名单')).toHaveLength(1);
  });

  test("our rules are found by formula, not by id (a priority): the user's rules between ours survive", async () => {
    const fake = officeWorkbook();
    const form = fake.sheet('民主测评');
    const rule = (id: string, formula: string, r: number) => ({ id, type: 'Custom' as const, ranges: [{ r0: r, c0: 1, r1: r, c1: 1 }], formula });
    // priorities 0..3: ours, the user's, ours, the user's; the same on another sheet (ids repeat per sheet)
    form.conditionalFormats.push(rule('a', HIGHLIGHT_FORMULA, 2), rule('u1', '=B4="差"', 3), rule('b', HIGHLIGHT_FORMULA, 4), rule('u2', '=B6="差"', 5));
    fake.sheet('支部名单').conditionalFormats.push(rule('c', HIGHLIGHT_FORMULA, 1), rule('u3', '=A2=""', 1));
    await hostFor(fake).setHighlights([], false);
    expect(form.conditionalFormats.map((c) => c.id)).toEqual(['u1', 'u2']);
    expect(fake.sheet('支部名单').conditionalFormats.map((c) => c.id)).toEqual(['u3']);
  });

  test('before ExcelApi 1.9 (no RangeAreas) each problem cell gets its own rule', async () => {
    const fake = officeWorkbook('1.8');
    await hostFor(fake).setHighlights([{ sheet: '民主测评', cell: 'B3' }, { sheet: '民主测评', cell: 'C3' }], true);
    expect(fake.sheet('民主测评').conditionalFormats.map((c) => c.ranges)).toEqual([[{ r0: 2, c0: 2, r1: 2, c1: 2 }], [{ r0: 2, c0: 1, r1: 2, c1: 1 }]]);
  });

  test('addDropDowns adds lists but never overwrites an existing validation', async () => {
    const fake = officeWorkbook();
    fake.cell('民主测评', 'C3')!.validation = { list: { inCellDropDown: true, source: '是,否' } };
    const grades = ['优秀', '较好', '一般', '差'];
    const r = await hostFor(fake).addDropDowns([
      { sheet: '民主测评', range: 'B3:B20', list: grades },
      { sheet: '民主测评', range: 'C3:C20', list: grades },
      { sheet: '民主测评', range: 'D3:D20', list: ['a,b'] },
      { sheet: '没有', range: 'A1', list: grades },
    ]);
    expect(r).toEqual({ added: 1, unsupported: false });
    expect(fake.cell('民主测评', 'B20')?.validation).toEqual({ list: { inCellDropDown: true, source: '优秀,较好,一般,差' } });
    expect(fake.cell('民主测评', 'B20')?.validationAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    expect(fake.cell('民主测评', 'C3')?.validation).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(fake.cell('民主测评', 'C3')?.validationAlert).toBeUndefined();
    expect(fake.cell('民主测评', 'C4')?.validation).toBeUndefined();
  });

  test('drop-downs and export say unsupported before ExcelApi 1.8', async () => {
    const fake = officeWorkbook('1.7');
    const host = hostFor(fake);
    expect(await host.addDropDowns([{ sheet: '民主测评', range: 'B3', list: ['优秀'] }])).toEqual({ added: 0, unsupported: true });
    expect(await host.exportWorkbook('UEsDBA==')).toEqual({ unsupported: true });
    expect(fake.createdWorkbooks).toEqual([]);
    expect(fake.syncCount).toBe(0);
  });

  test('exportWorkbook opens the file through Excel.createWorkbook', async () => {
    const fake = officeWorkbook();
    expect(await hostFor(fake).exportWorkbook('UEsDBA==')).toEqual({ unsupported: false });
    expect(fake.createdWorkbooks).toEqual(['UEsDBA==']);
  });
});


describe("Excel's limits", () => {
  test('column widths and row heights beyond what Excel accepts are capped, not fatal', async () => {
    const fake = createFakeExcel();
    fake.seed('Sheet1');
    const host = hostFor(fake);
    await host.readSnapshot();
    await host.applyPlan({
      sheets: [sheetPlan({ name: '考核结果通报', kind: 'notification', values: [['很长的一行']], columnWidths: [300], rowHeights: [{ row: 0, height: 3748 }] })],
    });
    const s = fake.sheet('考核结果通报');
    // 255 characters → (255 × 7 + 5) px × 0.75 = 1342.5 pt; rows at most 409 pt
    expect(s.columnWidths.get(0)).toBe(1342.5);
    expect(s.rowHeights.get(0)).toBe(409);
  });

  test('a sheet with more than 512 merged areas is read again without merges', async () => {
    const fake = createFakeExcel();
    fake.seed('测评表', { values: [['党支部', '1.1'], ['机关第一党支部', '优秀']], merges: Array.from({ length: 513 }, (_, i) => `C${i + 1}:D${i + 1}`) });
    const snapshot = await hostFor(fake).readSnapshot();
    expect(snapshot.sheets[0].merges).toEqual([]);
    expect(snapshot.sheets[0].values).toEqual([['党支部', '1.1'], ['机关第一党支部', '优秀']]);
    expect(fake.syncs.map((s) => s.failed ?? 'ok')).toEqual(['ok', 'GeneralException', 'ok', 'ok']);
  });
});

describe('text that looks like a formula', () => {
  test("text typed with a leading apostrophe ('=…) is text, not a formula (range.formulas drops the apostrophe)", async () => {
    const fake = createFakeExcel();
    fake.seed('考核汇总', { values: [['党支部', '总分', '说明']], formulas: { B2: ['=SUM(C2:D2)', 90] } });
    // typed as '=平均分 and '=B2: Excel keeps them as text with a quote prefix
    const cells = fake.sheet('考核汇总').cells;
    cells.set(1, 2, { value: '=平均分', quotePrefix: true }); // C2
    cells.set(2, 1, { value: '=B2', quotePrefix: true }); // B3
    const snapshot = await hostFor(fake).readSnapshot();
    const sheet = snapshot.sheets[0];
    expect(sheet.values[1]).toEqual([null, 90, '=平均分']);
    expect(sheet.values[2]).toEqual([null, '=B2', null]);
    expect(sheet.formulas).toEqual([
      [null, null, null],
      [null, 'SUM(C2:D2)', null],
      [null, null, null],
    ]);
  });
});

describe('cosmetics are best effort, after the results', () => {
  const plan = (over: Partial<SheetPlan> = {}): SheetPlan =>
    sheetPlan({
      name: '考核汇总',
      replaces: '考核汇总',
      values: [['标题'], ['党支部', '总分'], ['机关第一党支部', 91.2]],
      freeze: { rows: 2, columns: 0 },
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: '2:2' },
      tabColor: '#C00000',
      ...over,
    });

  test('freezeRows failing (Excel 2019, #2196) does not cost the results; the pane is told what was not applied', async () => {
    const fake = createFakeExcel({ freezeRowsFails: true });
    fake.seed('民主测评', { values: [['党支部']] });
    fake.seed('考核汇总', { values: [['旧结果']], names: { [markerName('summary')]: 'A1' } });
    const host = hostFor(fake);
    await host.readSnapshot();
    await host.applyPlan({ sheets: [plan()], activate: '考核汇总' });
    expect(fake.grid('考核汇总', 'A1:B3')).toEqual([['标题', null], ['党支部', '总分'], ['机关第一党支部', 91.2]]);
    const s = fake.sheet('考核汇总');
    expect(s.freeze).toBeNull();
    expect(s.tabColor).toBe('#C00000');
    expect(s.pageLayout.orientation).toBe('Landscape');
    expect(fake.activeSheet()).toBe('考核汇总');
    const issues = host.cosmeticIssues();
    expect(issues.map((i) => [i.sheet, i.what])).toEqual([['考核汇总', 'freeze']]);
    expect(issues[0].text.zh).toContain('结果已全部写入');
    expect(issues[0].text.en).toContain('All results were written');
    // no sentinel or temporary sheet left behind
    expect(fake.model.names).toEqual([]);
    expect(fake.sheetNames()).toEqual(['民主测评', '考核汇总']);
  });

  test('fit-to-page taken but ignored (#1860) is reported, without another sync', async () => {
    const fake = createFakeExcel({ ignoresFitToPage: true });
    fake.seed('Sheet1');
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.resetStats();
    await host.applyPlan({ sheets: [plan({ replaces: undefined })] });
    expect(fake.syncCount).toBe(1);
    expect(host.cosmeticIssues().map((i) => [i.sheet, i.what])).toEqual([['考核汇总', 'print']]);
  });

  test('freezeAt on an inactive sheet (#3148) does not take the focus from the sheet the user was on', async () => {
    const fake = createFakeExcel();
    fake.seed('民主测评', { values: [['党支部']] });
    const host = hostFor(fake);
    await host.readSnapshot();
    await host.applyPlan({ sheets: [plan({ replaces: undefined, freeze: { rows: 2, columns: 1 } })] });
    expect(fake.sheet('考核汇总').freeze).toEqual({ rows: 2, columns: 1 });
    expect(fake.activeSheet()).toBe('民主测评');
    expect(host.cosmeticIssues()).toEqual([]);
  });
});

describe('protection: which one blocks the write', () => {
  const plan = sheetPlan({ name: '考核汇总', replaces: '考核汇总', values: [['新']] });

  test('workbook structure protection is named as such (not "unprotect the sheet"), before anything is written', async () => {
    const fake = officeWorkbook();
    fake.structureProtected = true;
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.resetStats();
    const e = await failure(host.applyPlan({ sheets: [plan] }));
    expect(e.failure).toBe('protected');
    expect(e.text.zh).toContain('工作簿结构受保护');
    expect(e.text.zh).toContain('审阅 → 保护工作簿');
    expect(e.text.en).toContain("workbook's structure is protected");
    expect(fake.syncCount).toBe(0);
    expect(fake.grid('考核汇总', 'A1:A1')).toEqual([['旧结果']]);
  });

  test('structure protection switched on after the read is found out when Excel refuses', async () => {
    const fake = officeWorkbook();
    const host = hostFor(fake);
    await host.readSnapshot();
    fake.structureProtected = true;
    const e = await failure(host.applyPlan({ sheets: [plan] }));
    expect(e.text.zh).toContain('工作簿结构受保护');
    expect(fake.grid('考核汇总', 'A1:A1')).toEqual([['旧结果']]);
  });

  test('a protected output sheet is named in the message', async () => {
    const fake = officeWorkbook();
    fake.sheet('考核汇总').protected = true;
    const host = hostFor(fake);
    await host.readSnapshot();
    const e = await failure(host.applyPlan({ sheets: [plan] }));
    expect(e.text.zh).toContain('工作表“考核汇总”受保护');
    expect(e.text.en).toContain("sheet '考核汇总' is protected");
  });
});
