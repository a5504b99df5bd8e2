import {
  cellLabel,
  dropDownRanges,
  exportPlan,
  gradeWorkbook,
  groupFindings,
  highlightRefs,
  missingSheetsPlan,
  nextYearPlan,
  settingEditPlan,
  settingInput,
  todayIso,
  workbookYear,
} from '../../src/taskpane/actions';
import { langFromPage, langFromTag, STRINGS } from '../../src/taskpane/i18n';
import { luminance, themeFromOffice } from '../../src/taskpane/theme';
import { stem, toBase64, concatBytes } from '../../src/taskpane/bytes';
import type { Finding } from '../../src/core/types';
import type { SheetPlan } from '../../src/workbook/plan';
import { planTemplate } from '../../src/workbook/plans';
import { branchResult, fakeOutcome, MemoryWorkbook, sheet } from './fixtures';

const f = (severity: Finding['severity'], code: Finding['code'], sheetName?: string, cell?: string): Finding => ({
  severity,
  code,
  sheet: sheetName,
  cell,
  message: { zh: 'm', en: 'm' },
});

describe('gradeWorkbook', () => {
  it('reads, checks, calculates and writes, in that order', async () => {
    const wb = new MemoryWorkbook({ sheets: [sheet('民主测评', [['x']])] });
    const out = fakeOutcome([branchResult({ name: 'A', total: 90, grade: '优秀', rank: 1 })]);
    const steps: string[] = [];
    const computed: unknown[] = [];
    const got = await gradeWorkbook(wb, () => out, { lang: 'zh', date: '2026-12-31', write: true }, (s) => {
      steps.push(s);
    }, (o) => computed.push(o));
    expect(got).toBe(out);
    expect(steps).toEqual(['read', 'check', 'compute', 'write']);
    expect(computed).toEqual([out]);
    expect(wb.applied).toEqual([out.plan]);
  });

  it('does not write when only checking or when the input is unusable', async () => {
    const wb = new MemoryWorkbook({ sheets: [] });
    const out = fakeOutcome([]);
    const steps: string[] = [];
    await gradeWorkbook(wb, () => out, { lang: 'zh', date: 'd', write: false }, (s) => void steps.push(s));
    await gradeWorkbook(wb, () => ({ ...out, exitCode: 2, fatal: { zh: 'x', en: 'x' } }), { lang: 'zh', date: 'd', write: true }, (s) => void steps.push(s));
    expect(wb.applied).toEqual([]);
    expect(steps).toEqual(['read', 'check', 'compute', 'read', 'check', 'compute']);
  });
});

describe('checks helpers', () => {
  it('highlights each error and warning cell once, never info', () => {
    const refs = highlightRefs([
      f('error', 'invalid-rating', 'S', 'B2'),
      f('warning', 'missing-rating', 'S', 'B2'),
      f('warning', 'missing-rating', 'S', 'C2'),
      f('info', 'uniform-form', 'S', 'A3'),
      f('error', 'missing-source'),
    ]);
    expect(refs).toEqual([
      { sheet: 'S', cell: 'B2' },
      { sheet: 'S', cell: 'C2' },
    ]);
  });

  it('gives drop-downs to grade ranges only', () => {
    expect(
      dropDownRanges([
        { sheet: 'a', range: 'B3:C9', kind: 'grade' },
        { sheet: 'b', range: 'B3:E9', kind: 'count' },
      ]),
    ).toEqual([{ sheet: 'a', range: 'B3:C9', list: ['优秀', '较好', '一般', '差'] }]);
  });

  it('groups by severity, then code in first-seen order', () => {
    const g = groupFindings([
      f('info', 'ignored-sheet'),
      f('error', 'orphan-row'),
      f('error', 'invalid-rating'),
      f('error', 'orphan-row'),
    ]);
    expect(g.map((x) => [x.severity, x.codes.map((c) => [c.code, c.items.length])])).toEqual([
      ['error', [['orphan-row', 2], ['invalid-rating', 1]]],
      ['info', [['ignored-sheet', 1]]],
    ]);
  });

  it('quotes sheet names in addresses as Excel does', () => {
    expect(cellLabel('民主测评', 'F12')).toBe('民主测评!F12');
    expect(cellLabel('My sheet', 'A1')).toBe("'My sheet'!A1");
    expect(cellLabel("O'Brien", 'A1')).toBe("'O''Brien'!A1");
    expect(cellLabel('备忘')).toBe('备忘');
  });
});

describe('exportPlan', () => {
  it('keeps the summary and notification only, under their own names, with nothing replaced or linked', () => {
    const out = fakeOutcome([branchResult({ name: 'A', total: 90, grade: '优秀', rank: 1 })]);
    const summary = out.plan.sheets[0] as SheetPlan;
    const renamed: SheetPlan = { ...summary, name: '考核汇总 (2)', replaces: '考核汇总 (2)', links: [{ cell: 'A1', sheet: 'x', target: 'B2' }] };
    const notice: SheetPlan = { ...summary, kind: 'notification', name: '考核结果通报', values: [['通报']] };
    const checks: SheetPlan = { ...summary, kind: 'checks', name: '校验问题' };
    const plan = exportPlan({ ...out, plan: { sheets: [renamed, notice, checks] } }, 'zh');
    expect(plan.sheets.map((s) => s.name)).toEqual(['考核汇总', '考核结果通报']);
    const first = plan.sheets[0] as SheetPlan;
    expect(first.replaces).toBeUndefined();
    expect(first.links).toEqual([]);
    expect(first.values).toEqual(summary.values);
  });

  it("builds the product's summary when the office's own summary was filled instead", () => {
    const out = fakeOutcome([branchResult({ name: 'A', total: 90, grade: '优秀', rank: 1 })]);
    const plan = exportPlan({ ...out, plan: { sheets: [{ mode: 'fill', kind: 'summary', name: '考核汇总', cells: [] }] } }, 'zh');
    const s = plan.sheets[0] as SheetPlan;
    expect(s.mode).toBe('new');
    expect(s.name).toBe('考核汇总');
    expect(s.values.some((r) => r.includes('A'))).toBe(true);
  });
});

describe('template helpers', () => {
  it('adds only the template sheets the workbook lacks (names compared case-insensitively)', () => {
    const template = planTemplate(2026);
    const plan = missingSheetsPlan(template, { sheets: [sheet('指标目录', []), sheet('民主测评', [['x']])] });
    expect(plan.sheets.map((s) => s.name)).toEqual(['填表说明', '考核参数', '支部名单', '组织考核', '自评', '抽检记录']);
    expect(missingSheetsPlan(template, { sheets: template.sheets.map((s) => sheet(s.name.toUpperCase(), [])) }).sheets).toEqual([]);
  });

  it("next year's workbook carries the roster and the new year", () => {
    const plan = nextYearPlan(2027, [
      { name: '一支部', group: '机关党总支', secretary: '张三', members: 12 },
      { name: '二支部' },
    ]);
    const roster = plan.sheets.find((s) => s.name === '支部名单') as SheetPlan;
    expect(roster.values.slice(0, 3)).toEqual([
      ['序号', '党支部', '所属总支', '书记', '党员人数'],
      [1, '一支部', '机关党总支', '张三', 12],
      [2, '二支部', null, null, null],
    ]);
    const settings = plan.sheets.find((s) => s.name === '考核参数') as SheetPlan;
    expect(settings.values.find((r) => r[0] === '年度')?.[1]).toBe(2027);
    expect(plan.sheets.map((s) => s.name)).toEqual(planTemplate(2027).sheets.map((s) => s.name));
  });

  it('takes the year from the settings, else today', () => {
    expect(workbookYear(fakeOutcome([]))).toBe(2026);
    expect(workbookYear(null, new Date(2031, 0, 5))).toBe(2031);
    expect(todayIso(new Date(2026, 11, 3))).toBe('2026-12-03');
  });
});

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
});

describe('language and theme', () => {
  it('maps Office and browser language tags', () => {
    expect(langFromTag('zh-CN')).toBe('zh');
    expect(langFromTag('zh-TW')).toBe('zh');
    expect(langFromTag('ZH')).toBe('zh');
    expect(langFromTag('en-US')).toBe('en');
    expect(langFromTag('de-DE')).toBe('en');
    expect(langFromTag(undefined)).toBe('en');
    expect(langFromPage('?lang=en', 'zh-CN')).toBe('en');
    expect(langFromPage('?lang=zh', 'en-US')).toBe('zh');
    expect(langFromPage('?lang=fr', 'zh-CN')).toBe('zh');
  });

  it('has no Chinese in any English string', () => {
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') texts.push(v);
      else if (typeof v === 'function') texts.push(String((v as (...a: unknown[]) => unknown)(['x'], ['x'], ['x']))); // arrays stand in for every argument type
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    const { otherLangName: _native, ...rest } = STRINGS.en;
    walk(rest);
    expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.zh).sort());
  });

  it('follows the Office theme', () => {
    expect(themeFromOffice({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#fff' })).toBe('light');
    expect(themeFromOffice(undefined)).toBe('light');
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('red')).toBeNull();
  });
});

describe('bytes', () => {
  it('encodes base64 and joins slices', () => {
    expect(toBase64(new Uint8Array([80, 75, 3, 4]))).toBe('UEsDBA==');
    expect(toBase64(new TextEncoder().encode('优秀'))).toBe(Buffer.from('优秀').toString('base64'));
    expect(Array.from(concatBytes([[1, 2], new Uint8Array([3])]))).toEqual([1, 2, 3]);
    expect(stem('2026 考核.xlsx')).toBe('2026 考核');
    expect(stem('.hidden')).toBe('.hidden');
  });
});
