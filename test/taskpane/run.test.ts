/** The pane's run and checks helpers, language choice, theme and bytes (no React). */
import { gradeWorkbook, todayIso } from '../../src/taskpane/run';
import { dropDownRanges, groupFindings, highlightRefs } from '../../src/taskpane/findings';
import { chineseQuotes, langFromPage, langFromTag } from '../../src/taskpane/i18n';
import { luminance, themeFromOffice } from '../../src/taskpane/theme';
import { stem, toBase64, concatBytes } from '../../src/taskpane/bytes';
import type { Finding } from '../../src/core/types';
import { branchResult, fakeOutcome, MemoryWorkbook, sheet } from './fixtures';

const f = (severity: Finding['severity'], code: Finding['code'], sheetName?: string, cell?: string): Finding => ({
  severity,
  code,
  sheet: sheetName,
  cell,
  message: { zh: 'm', en: 'm' },
});

describe('gradeWorkbook', () => {
  it('dates the notification with the local calendar date', () => {
    expect(todayIso(new Date(2026, 11, 3))).toBe('2026-12-03');
  });


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

  it('puts Chinese quotes around quoted words in Chinese text only', () => {
    expect(chineseQuotes('评分"很好"不是有效等级', 'zh')).toBe('评分“很好”不是有效等级');
    expect(chineseQuotes('The rating "x"', 'en')).toBe('The rating "x"');
    expect(chineseQuotes('单个"引号', 'zh')).toBe('单个"引号');
    // no space around Chinese quotes (issue 23)
    expect(chineseQuotes('名单外的名称 "机关第二支部" 可能指本支部', 'zh')).toBe('名单外的名称“机关第二支部”可能指本支部');
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
