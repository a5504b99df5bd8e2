/** Editing the settings sheet: where values go (found by recognition's reader) and checks before writing. */
import type { SheetPlan } from '../../../src/workbook/plan';
import { checkSettingEdits, settingEditPlan, settingInput, settingsEditPlan } from '../../../src/workbook/plans';
import { defaultRuleset, parseSettings } from '../../../src/core/ruleset';
import { sheet } from '../../taskpane/fixtures';

describe('settingEditPlan', () => {
  const recognition = {
    origins: [
      { key: '年度' as const, display: '2026', ref: { sheet: '参数表', cell: 'C4' } },
      { key: '优秀分数线' as const, display: '90' },
    ],
    sheets: [{ name: '参数表', role: 'settings' }],
  };
  const snapshot = { sheets: [sheet('参数表', [['说明'], [], ['', '参数', '值'], ['', '年度', 2026], [], []])] };

  it('writes into the cell the value came from', () => {
    expect(settingEditPlan('年度', 2027, recognition, snapshot, 2026)).toEqual({
      sheets: [{ mode: 'fill', kind: 'settings', name: '参数表', cells: [{ cell: 'C4', value: 2027 }] }],
    });
  });

  it('appends key and value below the last used row, in the key and value columns', () => {
    expect(settingEditPlan('优秀分数线', 92, recognition, snapshot, 2026)).toEqual({
      sheets: [{ mode: 'fill', kind: 'settings', name: '参数表', cells: [{ cell: 'B5', value: '优秀分数线' }, { cell: 'C5', value: 92 }] }],
    });
  });

  it('finds the 参数 | 值 header when no value has a cell yet', () => {
    const r = { origins: [{ key: '优秀分数线' as const, display: '90' }], sheets: [{ name: '参数表', role: 'settings' }] };
    const snap = { sheets: [sheet('参数表', [['标题'], ['', '', '参数', '值']])] };
    expect(settingEditPlan('优秀分数线', 92, r, snap, 2026).sheets[0]).toEqual({
      mode: 'fill',
      kind: 'settings',
      name: '参数表',
      cells: [{ cell: 'C3', value: '优秀分数线' }, { cell: 'D3', value: 92 }],
    });
  });

  it('adds the template settings sheet holding the value when the workbook has none', () => {
    const r = { origins: [{ key: '排名方式' as const, display: '并列占位' }], sheets: [] };
    const plan = settingEditPlan('排名方式', '并列不占位', r, { sheets: [sheet('民主测评', [])] }, 2026);
    const s = plan.sheets[0] as SheetPlan;
    expect(s.mode).toBe('new');
    expect(s.name).toBe('考核参数');
    expect(s.values.find((row) => row[0] === '排名方式')?.[1]).toBe('并列不占位');
    expect(s.values.find((row) => row[0] === '年度')?.[1]).toBe(2026);
  });

  it('reads typed values: plain numbers as numbers, the rest as trimmed text', () => {
    expect(settingInput(' 92 ')).toBe(92);
    expect(settingInput('-0.5')).toBe(-0.5);
    expect(settingInput('60%')).toBe('60%');
    expect(settingInput(' 并列不占位 ')).toBe('并列不占位');
    expect(settingInput('  ')).toBeNull();
  });

  it("finds the columns with recognition's synonyms (参数名称 | 取值), as the recogniser reads the sheet", () => {
    const r = { origins: [{ key: '优秀分数线' as const, display: '90' }], sheets: [{ name: '设置', role: 'settings' }] };
    const snap = { sheets: [sheet('设置', [['考核设置'], [], ['序', '参数名称', '备注', '取值'], [1, '年度', '', 2026]])] };
    expect(settingEditPlan('优秀分数线', 92, r, snap, 2026).sheets[0]).toEqual({
      mode: 'fill',
      kind: 'settings',
      name: '设置',
      cells: [{ cell: 'B5', value: '优秀分数线' }, { cell: 'D5', value: 92 }],
    });
  });

  it('writes several edits at once, new keys on successive rows', () => {
    const plan = settingsEditPlan(
      new Map<Parameters<typeof settingEditPlan>[0], number>([['年度', 2027], ['优秀分数线', 92], ['较好分数线', 82]]),
      recognition,
      snapshot,
      2026,
    );
    expect(plan.sheets).toEqual([
      {
        mode: 'fill',
        kind: 'settings',
        name: '参数表',
        cells: [
          { cell: 'C4', value: 2027 },
          { cell: 'B5', value: '优秀分数线' },
          { cell: 'C5', value: 92 },
          { cell: 'B6', value: '较好分数线' },
          { cell: 'C6', value: 82 },
        ],
      },
    ]);
  });
});

describe('checkSettingEdits', () => {
  const origins = parseSettings([], '').origins;

  it('accepts valid values', () => {
    expect(checkSettingEdits(origins, new Map([['较好系数', 0.8]]))).toEqual([]);
    expect(checkSettingEdits(origins, new Map([['排名方式', '并列不占位']]))).toEqual([]);
  });

  it('rejects a bad value under its own field, with the parser\'s reason', () => {
    const problems = checkSettingEdits(origins, new Map([['较好系数', 'abc']]));
    expect(problems).toHaveLength(1);
    expect(problems[0].key).toBe('较好系数');
    expect(problems[0].message.zh).toContain('较好系数');
    expect(problems[0].message.zh).toContain('大于 0 且不大于 1');
  });

  it('reports a broken cross-check (weights not summing to 100%) without a single field', () => {
    const problems = checkSettingEdits(origins, new Map([['组织考核权重', 70]]));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => /100%/.test(p.message.zh))).toBe(true);
    expect(defaultRuleset().weights.组织考核).toBe(0.6); // the defaults themselves are untouched
  });
});
