/**
 * The stand-in must be at least as strict as Excel where the host could go wrong: unloaded reads throw,
 * writes wait for sync, batches are not transactional, limits and requirement sets are enforced.
 */
import { createFakeExcel, FakeOfficeError, measureExcel } from '../../support/fake-excel';

function setup(apiVersion?: string) {
  const fake = createFakeExcel({ apiVersion });
  fake.seed('名单', { values: [['党支部', '党员人数'], ['机关第一党支部', 12]] });
  return fake;
}

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    return e as FakeOfficeError;
  }
  throw new Error('expected a rejection');
}

describe('fake Excel: reads', () => {
  test('reading a property that was never loaded throws PropertyNotLoaded', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('名单').getRange('A1:B2');
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      try {
        void r.values;
      } catch (e) {
        expect((e as FakeOfficeError).code).toBe('PropertyNotLoaded');
      }
    });
  });

  test('a loaded property is readable only after sync', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('名单').getRange('A1:B2');
      r.load('values, address');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([
        ['党支部', '党员人数'],
        ['机关第一党支部', 12],
      ]);
      expect(r.address).toBe('名单!A1:B2');
      expect(() => r.formulas).toThrow(/not available/); // loaded values do not load formulas
    });
  });

  test('collection items need load and sync', async () => {
    const fake = setup();
    fake.seed('Sheet 2');
    await fake.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load('items/name');
      expect(() => sheets.items).toThrow(/not available/);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['名单', 'Sheet 2']);
      expect(() => sheets.items[0].position).toThrow(/not available/);
    });
  });

  test('empty cells read as "", errors as their text; valueTypes tell them apart', async () => {
    const fake = createFakeExcel();
    fake.seed('S', { values: [[1, null, { error: '#N/A' }, '#N/A']] });
    await fake.excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:D1');
      r.load('values, valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[1, '', '#N/A', '#N/A']]);
      expect(r.valueTypes).toEqual([['Double', 'Empty', 'Error', 'String']]);
    });
  });

  test('null objects: isNullObject only after sync; reading through a null object throws', async () => {
    const fake = setup();
    fake.seed('空');
    await fake.excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('没有');
      const used = ctx.workbook.worksheets.getItem('空').getUsedRangeOrNullObject(true);
      used.load('address');
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(() => used.address).toThrow(/null object/);
    });
  });

  test('members that are not modelled throw instead of returning undefined', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('名单');
      expect(() => (ws as unknown as { charts: unknown }).charts).toThrow(/not modelled/);
      expect(() => ws.getRange('A1').load('text')).toThrow(/not modelled/);
      expect(() => ws.getRange('A1').load('')).toThrow(/not modelled/);
    });
  });
});

describe('fake Excel: writes and syncs', () => {
  test('writes are invisible before sync and applied by it', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('新表');
      ws.getRange('A1:B1').values = [['x', 2]];
      expect(fake.sheetNames()).toEqual(['名单']);
      await ctx.sync();
      expect(fake.sheetNames()).toEqual(['名单', '新表']);
      expect(fake.grid('新表', 'A1:B1')).toEqual([['x', 2]]);
    });
    expect(fake.syncCount).toBe(1);
  });

  test('Excel.run sends what is still queued at the end (and counts that sync)', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('名单').getRange('C1').values = [['新']];
    });
    expect(fake.value('名单', 'C1')).toBe('新');
    expect(fake.syncCount).toBe(1);
  });

  test('written text is parsed as typed, unless it starts with an apostrophe', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('名单').getRange('A3:E3').values = [['1.1', "'1.1", '=SUM(B2)', 'TRUE', '2026-01-15']];
      await ctx.sync();
    });
    expect(fake.grid('名单', 'A3:E3')).toEqual([[1.1, '1.1', null, true, 46037]]);
    expect(fake.cell('名单', 'C3')?.formula).toBe('=SUM(B2)');
  });

  test('a value array of the wrong size fails the sync', async () => {
    const fake = setup();
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('名单').getRange('A1:B2').values = [['only one']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('a failing batch keeps the operations before the failure and drops the ones after', async () => {
    const fake = setup();
    fake.failSync({ code: 'GeneralException', when: (op) => op.object === 'Range' && op.member === 'values' && op.sheet === 'B' });
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.add('A').getRange('A1').values = [['a']];
        sheets.add('B').getRange('A1').values = [['b']];
        sheets.add('C');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
    expect(e.name).toBe('RichApi.Error');
    expect(fake.sheetNames()).toEqual(['名单', 'A', 'B']);
    expect(fake.value('A', 'A1')).toBe('a');
    expect(fake.value('B', 'A1')).toBeNull();
    expect(fake.syncs[0].failed).toBe('GeneralException');
  });

  test('a missing sheet fails with ItemNotFound where it is first used', async () => {
    const fake = setup();
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('先');
        ctx.workbook.worksheets.getItem('没有').delete();
        ctx.workbook.worksheets.add('后');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
    expect(fake.sheetNames()).toEqual(['名单', '先']);
  });

  test('a protected sheet refuses changes with AccessDenied', async () => {
    const fake = createFakeExcel();
    fake.seed('锁', { protected: true, values: [['x']] });
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('锁').getRange('A1').values = [['y']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(fake.value('锁', 'A1')).toBe('x');
  });

  test('cell-edit mode fails a batch unless it was run with delayForCellEdit (on the web, see cell-edit.test.ts)', async () => {
    const fake = setup();
    fake.cellEditMode = true;
    const batch = async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('名单').getRange('C1').values = [['z']];
      await ctx.sync();
    };
    expect((await rejection(fake.excel.run(batch))).code).toBe('InvalidOperationInCellEditMode');
    expect(fake.value('名单', 'C1')).toBeNull();
    // the web refuses even with delayForCellEdit (office-js #1393, #3019)
    expect((await rejection(fake.excel.run({ delayForCellEdit: true }, batch))).code).toBe('InvalidOperationInCellEditMode');
    fake.endCellEdit();
    await fake.excel.run({ delayForCellEdit: true }, batch);
    expect(fake.value('名单', 'C1')).toBe('z');
  });

  test('a request over the payload limit is refused whole; sizes are counted per sync', async () => {
    const fake = createFakeExcel({ payloadLimitBytes: 10_000 });
    fake.seed('S');
    const big = [Array.from({ length: 2000 }, () => 'xx')];
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A2').values = [['small']];
        ws.getRange(`A1:BXX1`).values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.value('S', 'A2')).toBeNull();
    expect(fake.syncs[0].requestBytes).toBeGreaterThan(10_000);
    expect(fake.syncs[0].cellsWritten).toBe(2001);
  });

  test('members newer than the configured ExcelApi fail the sync with ApiNotFound', async () => {
    const fake = setup('1.12');
    expect(fake.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.13')).toBe(false);
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('名单').getRange().getMergedAreasOrNullObject();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });

  test('names follow their sheet when it is renamed; deleting a sheet drops its names', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('临时');
      ws.names.add('BranchAssessment_summary', ws.getRange('A1'));
      ws.name = '考核 汇总';
      const n = ctx.workbook.worksheets.getItem('考核 汇总').names;
      await ctx.sync();
      n.load('items/name, items/formula');
      await ctx.sync();
      expect(n.items.map((x) => [x.name, x.formula])).toEqual([['BranchAssessment_summary', "='考核 汇总'!$A$1"]]);
    });
    expect(fake.names('考核 汇总')).toEqual(['BranchAssessment_summary']);
  });

  test('measureExcel reports syncs and the largest payload', async () => {
    const fake = setup();
    const { cost } = await measureExcel(fake, () =>
      fake.excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('名单').getRange('A1:B2');
        r.load('values');
        await ctx.sync();
        r.values = [['a', 'b'], ['c', 'd']];
        await ctx.sync();
      }),
    );
    expect(cost.syncCount).toBe(2);
    expect(cost.cellsRead).toBe(4);
    expect(cost.cellsWritten).toBe(4);
    expect(cost.largestPayloadBytes).toBe(Math.max(...cost.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes))));
    expect(cost.syncs[0].responseBytes).toBeGreaterThan(0);
  });
});

describe('fake Excel: what real Excel does that a naive stand-in would hide', () => {
  test('deleting a sheet turns formulas and names that refer to it into #REF!; a new sheet of that name does not repair them', async () => {
    const fake = setup();
    fake.seed('考核汇总', { values: [['标题'], ['总分', 91]] });
    fake.seed('我的表', { formulas: { A1: ['=考核汇总!B2*2', 182], A2: ["='考核汇总'!A1", '标题'], A3: ['=名单!B2', 12] } });
    fake.addWorkbookName('我的总分', '考核汇总', 'B2');
    await fake.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('考核汇总').delete();
      ctx.workbook.worksheets.add('考核汇总');
      await ctx.sync();
    });
    expect(fake.cell('我的表', 'A1')).toMatchObject({ formula: '=#REF!B2*2', value: { error: '#REF!' } });
    expect(fake.cell('我的表', 'A2')).toMatchObject({ formula: '=#REF!A1', value: { error: '#REF!' } });
    expect(fake.cell('我的表', 'A3')).toMatchObject({ formula: '=名单!B2', value: 12 });
    expect(fake.nameFormula(fake.model.names[0])).toBe('=#REF!$B$2');
  });

  test('renaming a sheet rewrites the formulas that refer to it', async () => {
    const fake = setup();
    fake.seed('我的表', { formulas: { A1: ['=名单!B2', 12] } });
    await fake.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('名单').name = '支部 名单';
      await ctx.sync();
    });
    expect(fake.cell('我的表', 'A1')?.formula).toBe("='支部 名单'!B2");
  });

  test('Range.copyFrom(All) brings cells, formats and merges, and keeps the sheet (and references to it)', async () => {
    const fake = setup();
    fake.seed('源', { values: [['标题'], ['a', 1]], merges: ['A1:B1'], formats: { B2: { numberFormat: '0.0' } } });
    fake.seed('我的表', { formulas: { A1: ['=名单!A2', '机关第一党支部'] } });
    const id = fake.sheet('名单').id;
    await fake.excel.run(async (ctx) => {
      const target = ctx.workbook.worksheets.getItem('名单');
      target.getRange().clear('All');
      target.getRange('A1').copyFrom(ctx.workbook.worksheets.getItem('源').getRange('A1:B2'), 'All');
      await ctx.sync();
    });
    expect(fake.sheet('名单').id).toBe(id);
    expect(fake.grid('名单', 'A1:B2')).toEqual([['标题', null], ['a', 1]]);
    expect(fake.merges('名单')).toEqual(['A1:B1']);
    expect(fake.cell('名单', 'B2')?.numberFormat).toBe('0.0');
    expect(fake.cell('我的表', 'A1')?.formula).toBe('=名单!A2');
  });

  test('ConditionalFormat.id is the priority within its collection: it repeats across sheets and shifts on delete', async () => {
    const fake = setup();
    fake.seed('其他');
    const rule = (id: string) => ({ id, type: 'Custom' as const, ranges: [{ r0: 0, c0: 0, r1: 0, c1: 0 }], formula: '=TRUE' });
    fake.sheet('名单').conditionalFormats.push(rule('x'), rule('y'), rule('z'));
    fake.sheet('其他').conditionalFormats.push(rule('w'));
    await fake.excel.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('名单').getRange().conditionalFormats;
      const b = ctx.workbook.worksheets.getItem('其他').getRange().conditionalFormats;
      a.load('items/id');
      b.load('items/id');
      await ctx.sync();
      expect(a.items.map((c) => c.id)).toEqual(['0', '1', '2']);
      expect(b.items.map((c) => c.id)).toEqual(['0']);
      // items are found again by position: after items[0] goes, "items[1]" is the old items[2]
      a.items[0].delete();
      a.items[1].delete();
      await ctx.sync();
    });
    expect(fake.sheet('名单').conditionalFormats.map((c) => c.id)).toEqual(['y']);
  });

  test('a read past 5,000,000 cells answers values: null without an error', async () => {
    const fake = setup();
    await fake.excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('名单').getRange('A1:E1000001');
      r.load('values');
      await ctx.sync();
      expect(r.values).toBeNull();
    });
    expect(fake.syncs[0].failed).toBeUndefined();
  });

  test('the 5 MB payload limit is Excel on the web only', () => {
    expect(createFakeExcel({ platform: 'web' }).payloadLimitBytes).toBe(5 * 1024 * 1024);
    expect(createFakeExcel({ platform: 'windows' }).payloadLimitBytes).toBe(Infinity);
    expect(createFakeExcel({ platform: 'mac' }).payloadLimitBytes).toBe(Infinity);
  });

  test('structure protection refuses adding, deleting and renaming sheets; workbook.protection.protected says so', async () => {
    const fake = setup();
    fake.structureProtected = true;
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        const p = ctx.workbook.protection;
        p.load('protected');
        await ctx.sync();
        expect(p.protected).toBe(true);
        ctx.workbook.worksheets.add('新表');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(fake.sheetNames()).toEqual(['名单']);
  });

  test('freezeRows can fail with GeneralException (some Excel 2019 builds); freezeAt activates its sheet', async () => {
    const fake = createFakeExcel({ freezeRowsFails: true });
    fake.seed('甲');
    fake.seed('乙');
    const e = await rejection(
      fake.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('乙').freezePanes.freezeAt('A1:B2');
        ctx.workbook.worksheets.getItem('乙').freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
    expect(fake.activeSheet()).toBe('乙');
  });

  test('web: getFileAsync(Pdf) succeeds with size 0 and no slices', async () => {
    const fake = createFakeExcel({ platform: 'web' });
    const file = await new Promise<{ size: number; sliceCount: number }>((resolve) =>
      fake.office.context.document.getFileAsync('pdf', {}, (r) => resolve(r.value as { size: number; sliceCount: number })),
    );
    expect(file).toMatchObject({ size: 0, sliceCount: 0 });
  });
});
