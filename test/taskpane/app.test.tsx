/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { renderApp, settle } from './pane';
import type { GradeOutcome, Runner } from '../../src/taskpane/run';
import type { AppHost } from '../../src/taskpane/app-host';
import type { Finding } from '../../src/core/types';
import { parseSettings } from '../../src/core/ruleset';
import { branchResult, fakeExcelHost, fakeOutcome, MemoryWorkbook, sheet } from './fixtures';

afterEach(cleanup);

const CJK = /[\u4e00-\u9fff]/;

const FINDINGS: Finding[] = [
  {
    severity: 'error',
    code: 'invalid-rating',
    sheet: '民主测评',
    cell: 'F12',
    branch: '机关第二党支部',
    indicator: '2.3',
    message: { zh: '评分“很好”不是有效等级', en: 'The rating "很好" is not on the scale' },
    suggestion: { zh: '改为 优秀、较好、一般 或 差', en: 'Use excellent, good, fair or poor' },
  },
  {
    severity: 'error',
    code: 'invalid-rating',
    sheet: '民主 测评 (2)',
    cell: 'G7',
    branch: '机关第二党支部',
    indicator: '2.4',
    message: { zh: '评分“#N/A”不是有效等级', en: 'The rating "#N/A" is not on the scale' },
  },
  {
    severity: 'warning',
    code: 'missing-rating',
    sheet: '组织考核',
    cell: 'D4',
    branch: '机关第一党支部',
    indicator: '1.2',
    message: { zh: '空白评分视为弃权', en: 'A blank rating counts as an abstention' },
  },
  {
    severity: 'info',
    code: 'ignored-sheet',
    sheet: '备忘',
    message: { zh: '未识别的工作表', en: 'Sheet not recognised' },
  },
];

function outcome(): GradeOutcome {
  return fakeOutcome(
    [
      branchResult({ name: '机关第一党支部', total: 91.3, grade: '优秀', rank: 1 }),
      branchResult({ name: '科研第一党支部', total: 85, grade: '较好', rank: 2, tied: true }),
      branchResult({ name: '科研第二党支部', total: 85, grade: '较好', rank: 2, tied: true }),
      branchResult({ name: '机关第二党支部', status: 'incomplete' }),
    ],
    FINDINGS,
  );
}

function setup(opts: { lang?: 'zh' | 'en'; host?: AppHost; out?: GradeOutcome; then?: GradeOutcome[]; workbook?: MemoryWorkbook } = {}) {
  const workbook = opts.workbook ?? new MemoryWorkbook({ sheets: [sheet('民主测评', [['党支部']])] });
  const fake = fakeExcelHost(workbook);
  const out = opts.out ?? outcome();
  // the outcomes of later runs, in turn (the last one repeats)
  const later = [...(opts.then ?? [])];
  const runs: { lang: string; date: string; sheets: string[] }[] = [];
  const run: Runner = (snapshot, o) => {
    runs.push({ ...o, sheets: snapshot.sheets.map((s) => s.name) });
    if (runs.length === 1 || later.length === 0) return out;
    return later.length > 1 ? later.shift()! : later[0];
  };
  const host = opts.host ?? fake.host;
  renderApp(<App host={host} lang={opts.lang ?? 'zh'} run={run} today={() => '2026-12-31'} />);
  return { workbook, calls: fake.calls, runs, out };
}

/** A rarely used action: in the menu, whose item says what it changes. */
function menuAction(menu: string, item: RegExp) {
  fireEvent.click(screen.getByRole('button', { name: menu }));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
}

async function gradeNow(label = '计算等级') {
  fireEvent.click(screen.getByRole('button', { name: label }));
  await settle();
}

describe('计算等级', () => {
  it('runs the assessment, writes the plan, and shows grade counts and branch rows', async () => {
    const { workbook, runs, out } = setup();
    await gradeNow();

    expect(runs).toEqual([{ lang: 'zh', date: '2026-12-31', sheets: ['民主测评'] }]);
    expect(workbook.applied).toEqual([out.plan]);

    expect(screen.getByTestId('count-0').textContent).toBe('1'); // 优秀
    expect(screen.getByTestId('count-1').textContent).toBe('2'); // 较好
    expect(screen.getByTestId('count-2').textContent).toBe('0');
    expect(screen.getByTestId('count-3').textContent).toBe('0');
    // bars are proportional to the largest count
    expect((screen.getByTestId('bar-0') as HTMLElement).style.width).toBe('50%');
    expect((screen.getByTestId('bar-1') as HTMLElement).style.width).toBe('100%');

    const rows = screen.getAllByTestId('branch-row').map((r) => Array.from(r.children, (c) => c.textContent));
    expect(rows).toEqual([
      ['机关第一党支部', '91.3', '优秀', '1', '已评定'],
      ['科研第一党支部', '85.0', '较好', '2（并列）', '已评定'],
      ['科研第二党支部', '85.0', '较好', '2（并列）', '已评定'],
      ['机关第二党支部', '—', '—', '—', '待补充评分无效：工作表「民主测评」F12'],
    ]);
    // 2 errors, 1 incomplete branch: a warning, not a success
    expect(screen.getByTestId('notice').textContent).toContain('发现 2 个错误，1 个党支部暂不评定');
    // the way forward is inside the message
    fireEvent.click(within(screen.getByTestId('notice')).getByRole('button', { name: '查看校验问题' }));
    expect(screen.getByRole('tab', { name: '校验', selected: true })).toBeTruthy();
  });

  it('writes nothing and says why when the input is unusable', async () => {
    const out = { ...outcome(), exitCode: 2 as const, fatal: { zh: '考核参数有误', en: 'Invalid settings' } };
    const { workbook } = setup({ out });
    await gradeNow();
    expect(workbook.applied).toEqual([]);
    expect(screen.getByTestId('notice').textContent).toContain('考核参数有误');
    expect(screen.queryAllByTestId('branch-row')).toHaveLength(0);
  });

  it('shows a host error in the user language', async () => {
    const workbook = new MemoryWorkbook({ sheets: [] });
    workbook.readSnapshot = async () => {
      throw Object.assign(new Error('x'), { text: { zh: '工作簿正在编辑单元格，请先退出编辑', en: 'Excel is in cell-edit mode; leave it first' } });
    };
    setup({ workbook, lang: 'en' });
    await gradeNow('Calculate grades');
    expect(screen.getByTestId('notice').textContent).toBe("Excel is in cell-edit mode; leave it first");
  });
});

describe('校验', () => {
  async function openChecks(lang: 'zh' | 'en' = 'zh') {
    const ctx = setup({ lang });
    await gradeNow(lang === 'zh' ? '计算等级' : 'Calculate grades');
    fireEvent.click(screen.getByRole('tab', { name: lang === 'zh' ? '校验' : 'Checks' }));
    return ctx;
  }

  it('groups findings by severity then code, with counts', async () => {
    await openChecks();
    const headers = screen.getAllByRole('button', { expanded: true }).concat(screen.queryAllByRole('button', { expanded: false }));
    const texts = headers.map((h) => h.textContent);
    expect(texts).toEqual(expect.arrayContaining(['错误2', '警告1', '提示1']));
    // the error group is open: its code section lists both invalid ratings
    const section = screen.getByRole('region', { name: '评分无效 (2)' });
    expect(within(section).getAllByTestId('finding')).toHaveLength(2);
    expect(section.textContent).toContain('工作表「民主测评」F12');
    expect(section.textContent).toContain('工作表「民主 测评 (2)」G7');
    // Chinese quotes in Chinese text
    expect(section.textContent).toContain('评分“很好”不是有效等级');
    expect(section.textContent).toContain('机关第二党支部');
    expect(section.textContent).toContain('改为 优秀、较好、一般 或 差');
  });

  it('selects the cell on click and on Enter', async () => {
    const { calls } = await openChecks();
    const [first, second] = screen.getAllByTestId('finding');
    fireEvent.click(first);
    await settle();
    expect(calls.selectCell).toEqual([{ sheet: '民主测评', cell: 'F12' }]);
    fireEvent.keyDown(second, { key: 'Enter' });
    await settle();
    expect(calls.selectCell).toHaveLength(2);
    expect(calls.selectCell[1]).toEqual({ sheet: '民主 测评 (2)', cell: 'G7' });
  });

  it('highlights errors and warnings, clears them, and adds grade drop-downs', async () => {
    const { calls } = await openChecks();
    menuAction('更多操作', /^标出问题单元格/);
    await settle();
    expect(calls.highlights).toHaveLength(1);
    expect(calls.highlights[0]).toEqual({
      on: true,
      refs: [
        { sheet: '民主测评', cell: 'F12' },
        { sheet: '民主 测评 (2)', cell: 'G7' },
        { sheet: '组织考核', cell: 'D4' },
      ],
    });
    await settle();
    expect(screen.getByText('已标出 3 处问题单元格。')).toBeTruthy();
    menuAction('更多操作', /^清除标记/);
    await settle();
    expect(calls.highlights).toHaveLength(2);
    expect(calls.highlights[1].on).toBe(false);
    expect(calls.highlights[1].refs).toEqual(calls.highlights[0].refs);

    menuAction('更多操作', /^为评分单元格添加下拉列表/);
    await settle();
    expect(calls.dropDowns).toHaveLength(1);
    // only the grade range; the tally count range gets none
    expect(calls.dropDowns[0]).toEqual([{ sheet: '民主测评', range: 'C3:AB40', list: ['优秀', '较好', '一般', '差'] }]);
    await settle();
    expect(screen.getByText('已为 1 个区域添加下拉列表。')).toBeTruthy();
  });

  it('says so when the Excel version cannot add drop-downs', async () => {
    const workbook = new MemoryWorkbook({ sheets: [] });
    const { host } = fakeExcelHost(workbook, { dropDownsUnsupported: true });
    setup({ host, lang: 'en' });
    await gradeNow('Calculate grades');
    fireEvent.click(screen.getByRole('tab', { name: 'Checks' }));
    menuAction('More actions', /^Add drop-down lists to rating cells/);
    await settle();
    expect(screen.getByText(/does not let add-ins add drop-down lists/)).toBeTruthy();
  });

  it('standalone, shows the address right under the clicked finding and announces it', async () => {
    const workbook = new MemoryWorkbook({ sheets: [sheet('民主测评', [['党支部']])] });
    const { host } = fakeExcelHost(workbook);
    setup({ host: { ...host, kind: 'file', selectCell: undefined }, workbook });
    await gradeNow();
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    const announce = screen.getByTestId('selected-announce');
    expect(announce.getAttribute('role')).toBe('status');
    expect(announce.textContent).toBe('');
    expect(screen.queryByTestId('selected-address')).toBeNull();

    const [, second] = screen.getAllByTestId('finding');
    fireEvent.click(second);
    // in the clicked finding's own list item, straight after it (not at the top of the tab)
    const box = screen.getByTestId('selected-box');
    expect(second.nextElementSibling).toBe(box);
    expect(screen.getByTestId('selected-address').textContent).toBe('工作表「民主 测评 (2)」G7');
    expect(announce.textContent).toBe('请在工作簿中找到单元格：工作表「民主 测评 (2)」G7');

    // another finding moves the box there; only one is shown
    const [first] = screen.getAllByTestId('finding');
    fireEvent.keyDown(first, { key: 'Enter' });
    expect(screen.getAllByTestId('selected-box')).toHaveLength(1);
    expect(first.nextElementSibling).toBe(screen.getByTestId('selected-box'));
    expect(announce.textContent).toBe('请在工作簿中找到单元格：工作表「民主测评」F12');
  });

  it('in Excel selects the cell and shows no address box', async () => {
    await openChecks();
    fireEvent.click(screen.getAllByTestId('finding')[0]);
    expect(screen.queryByTestId('selected-box')).toBeNull();
    expect(screen.queryByTestId('selected-announce')).toBeNull();
  });

  it('checks without writing', async () => {
    const { workbook } = setup();
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    fireEvent.click(screen.getByRole('button', { name: '只校验（不写入）' }));
    await settle();
    expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0);
    expect(workbook.applied).toEqual([]);
  });
});

describe('English', () => {
  /** The chrome's text: everything but workbook data (data-wb), finding messages and the language names. */
  function chromeText(): string {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-wb], [data-text="message"], [data-lang-switch]').forEach((e) => e.remove());
    return copy.textContent ?? '';
  }

  it('leaves no Chinese in the chrome on any tab', async () => {
    setup({ lang: 'en' });
    expect(chromeText()).not.toMatch(CJK);
    await gradeNow('Calculate grades');
    expect(screen.getAllByRole('tab')).toHaveLength(4); // Office's guidance: three or four
    for (const tab of ['Grades', 'Checks', 'Export', 'Settings']) {
      fireEvent.click(screen.getByRole('tab', { name: tab }));
      await act(async () => {});
      const text = chromeText();
      expect({ tab, cjk: text.match(new RegExp(CJK.source, 'g'))?.join('') ?? '' }).toEqual({ tab, cjk: '' });
    }
    // while workbook data stays as written
    fireEvent.click(screen.getByRole('tab', { name: 'Grades' }));
    expect(screen.getByText('机关第一党支部')).toBeTruthy();
    expect(screen.getAllByText('Good')).toHaveLength(3); // the chart's label and two badges
    expect(screen.getAllByText('2 (tied)')).toHaveLength(2);
  });

  it('switches language with the visible switch', async () => {
    setup({ lang: 'zh' });
    fireEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(screen.getByRole('tab', { name: 'Grades' })).toBeTruthy();
    expect(chromeText()).not.toMatch(CJK);
    fireEvent.click(screen.getByRole('button', { name: /中文/ }));
    expect(screen.getByRole('tab', { name: '计算等级' })).toBeTruthy();
  });
});

describe('theme', () => {
  it('gives the page around the pane the theme: background, colour scheme, no margin', () => {
    const { host } = fakeExcelHost(null);
    const { unmount } = renderApp(<App host={host} lang="zh" theme="dark" />);
    // webDarkTheme's colorNeutralBackground1
    expect(document.body.style.backgroundColor).toBe('rgb(41, 41, 41)');
    expect(document.body.style.margin).toBe('0px');
    expect(document.documentElement.style.colorScheme).toBe('dark');
    unmount();
    renderApp(<App host={host} lang="zh" theme="light" />);
    expect(document.body.style.backgroundColor).toBe('rgb(255, 255, 255)');
    expect(document.documentElement.style.colorScheme).toBe('light');
  });
});

describe('hostile workbook text', () => {
  it('renders markup and odd names as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const out = fakeOutcome(
      [
        branchResult({ name: hostile, total: 95, grade: '优秀', rank: 1 }),
        branchResult({ name: '__proto__', total: 80, grade: '较好', rank: 2 }),
        branchResult({ name: 'constructor', status: 'incomplete' }),
      ],
      [
        {
          severity: 'error',
          code: 'unknown-branch',
          sheet: '<b>sheet</b>',
          cell: 'A2',
          branch: '__proto__',
          message: { zh: hostile, en: hostile },
          candidates: ['<script>alert(1)</script>'],
        },
      ],
    );
    setup({ out });
    await gradeNow();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('__proto__')).toBeTruthy();
    expect(screen.getByText('constructor')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    expect(document.querySelector('img, b, script')).toBeNull();
    expect(screen.getByText('<b>sheet</b>')).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('设置', () => {
  const settingsWorkbook = () =>
    new MemoryWorkbook({ sheets: [sheet('民主测评', [['党支部']]), sheet('考核参数', [['参数', '值'], ['年度', 2026]])] });
  const origins = () => [
    { key: '年度' as const, display: '2026', ref: { sheet: '考核参数', cell: 'B2' } },
    ...parseSettings([], '').origins.filter((o) => o.key !== '年度'),
  ];
  const withOrigins = (out: GradeOutcome): GradeOutcome => ({ ...out, recognition: { ...out.recognition, origins: origins() } });

  async function openSettings(opts: Parameters<typeof setup>[0] = {}) {
    const ctx = setup({ workbook: settingsWorkbook(), out: withOrigins(outcome()), ...opts });
    await gradeNow();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    return ctx;
  }

  it('groups the settings, says where each value comes from, and offers choices as drop-downs', async () => {
    await openSettings();
    const groups = Array.from(document.querySelectorAll('fieldset'), (f) => f.querySelector('legend')?.textContent);
    expect(groups).toEqual(['系数', '权重', '分数线', '其他']);
    const year = screen.getByRole('spinbutton', { name: '年度' }) as HTMLInputElement;
    expect(year.value).toBe('2026');
    expect(year.closest('[data-testid="setting-row"]')!.textContent).toContain('来自工作表「考核参数」B2');
    expect(screen.getByRole('spinbutton', { name: '优秀分数线' }).closest('[data-testid="setting-row"]')!.textContent).toContain('默认值');
    expect((screen.getByRole('spinbutton', { name: '组织考核权重' }) as HTMLInputElement).value).toBe('60');
    // choices are drop-downs (combobox), not free text
    expect(screen.getByRole('combobox', { name: '排名方式' }).textContent).toContain('并列占位');
    expect(screen.getByRole('combobox', { name: '空白评分' })).toBeTruthy();
    // one save button for the whole form, disabled until something changes (still focusable: focus stays on it after saving)
    const save = screen.getByRole('button', { name: '保存并重新计算' }) as HTMLButtonElement;
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryAllByRole('button', { name: '保存' })).toHaveLength(0);
  });

  it('writes valid changes to the settings sheet, then grades again', async () => {
    const { workbook, runs } = await openSettings();
    fireEvent.change(screen.getByRole('spinbutton', { name: '年度' }), { target: { value: '2027' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '优秀分数线' }), { target: { value: '92' } });
    fireEvent.click(screen.getByRole('button', { name: '保存并重新计算' }));
    await settle();
    expect(workbook.applied[1]).toEqual({
      sheets: [
        {
          mode: 'fill',
          kind: 'settings',
          name: '考核参数',
          cells: [
            { cell: 'B2', value: 2027 },
            { cell: 'A3', value: '优秀分数线' },
            { cell: 'B3', value: 92 },
          ],
        },
      ],
    });
    expect(workbook.snapshot.sheets[1].values[1][1]).toBe(2027);
    expect(runs).toHaveLength(2);
    expect(screen.getByTestId('notice').textContent).toContain('已保存“年度”、“优秀分数线”，并已重新计算。');
  });

  it('does not write an invalid value, and says why under its field', async () => {
    const { workbook, runs } = await openSettings();
    const field = screen.getByRole('spinbutton', { name: '较好系数' });
    fireEvent.change(field, { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存并重新计算' }));
    await settle();
    expect(workbook.applied).toHaveLength(1); // only the first grading run's plan
    expect(runs).toHaveLength(1);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const row = field.closest('[data-testid="setting-row"]') as HTMLElement;
    expect(row.textContent).toContain('大于 0 且不大于 1');
    expect(screen.getByTestId('notice').textContent).toBe('有 1 处参数需要修改，尚未写入工作簿。');
  });

  it('after a failed run offers the way to the settings, and the next run clears the old status', async () => {
    const broken: GradeOutcome = {
      ...withOrigins(outcome()),
      exitCode: 2,
      fatal: { zh: '考核参数有误', en: 'Invalid settings' },
      findings: [{ severity: 'error', code: 'invalid-settings', sheet: '考核参数', cell: 'B3', message: { zh: '“较好系数”的值无效', en: 'bad' } }],
    };
    setup({ workbook: settingsWorkbook(), out: withOrigins(outcome()), then: [broken, withOrigins(outcome())] });
    await gradeNow();
    expect(screen.getByTestId('notice').textContent).toContain('其余党支部的结果已写入');
    await gradeNow();
    const notice = screen.getByTestId('notice');
    expect(notice.textContent).toContain('考核参数有误');
    // no stale "written" line beside the failure, and the button still says what it does
    expect(screen.queryByText(/其余党支部的结果已写入/)).toBeNull();
    expect(screen.getAllByTestId('notice')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '计算等级' })).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: '去设置修改' }));
    expect(screen.getByRole('tab', { name: '设置', selected: true })).toBeTruthy();
  });
});

describe('first run and the results table', () => {
  it('shows the three steps and where to get a workbook before any run', async () => {
    const { calls } = setup();
    const guide = screen.getByTestId('first-run');
    expect(within(guide).getAllByRole('listitem')).toHaveLength(3);
    expect(guide.textContent).toContain('没有工作簿？下载空白模板 / 示例工作簿');
    fireEvent.click(within(guide).getByRole('button', { name: '示例工作簿' }));
    await settle();
    expect(calls.downloads.map((d) => d.name)).toEqual(['党支部考核示例.xlsx']);
    expect(screen.getByTestId('notice').textContent).toBe('已下载：党支部考核示例.xlsx');
    await gradeNow();
    expect(screen.queryByTestId('first-run')).toBeNull();
  });

  it('says why a branch is not graded, right-aligns numbers, and says "Needs data" in English', async () => {
    const out = fakeOutcome([
      branchResult({ name: '一支部', total: 91.3, grade: '优秀', rank: 1 }),
      branchResult({ name: '二支部', status: 'incomplete', notes: [{ zh: '民主测评有 2 处无效评分', en: '2 invalid democratic ratings' }] }),
    ]);
    setup({ out });
    await gradeNow();
    const [graded, pending] = screen.getAllByTestId('branch-row');
    expect(pending.getAttribute('data-status')).toBe('incomplete');
    expect(within(pending).getByTestId('incomplete-why').textContent).toBe('民主测评有 2 处无效评分');
    // total and rank cells carry the numeric marker the table right-aligns
    expect(Array.from(graded.querySelectorAll('[data-num]'), (c) => c.textContent)).toEqual(['91.3', '1']);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(within(screen.getAllByTestId('branch-row')[1]).getByText('Needs data')).toBeTruthy();
  });

  it('marks the clicked finding and tells clickable findings from plain ones', async () => {
    setup();
    await gradeNow();
    fireEvent.click(screen.getByRole('tab', { name: '校验' }));
    const [first] = screen.getAllByTestId('finding');
    expect(first.tagName).toBe('BUTTON');
    expect(first.textContent).toContain('转到单元格 ›');
    // the finding's visible text is its accessible name (no aria-label replacing it)
    expect(first.getAttribute('aria-label')).toBeNull();
    fireEvent.click(first);
    await settle();
    expect(first.getAttribute('aria-current')).toBe('true');
    expect(first.textContent).toContain('✓ 已选中');
    // an info finding without a cell is not a button
    fireEvent.click(screen.getByRole('button', { name: /提示/ }));
    const plain = screen.getAllByTestId('finding').find((f) => f.textContent?.includes('备忘'))!;
    expect(plain.tagName).toBe('DIV');
  });

  it('keeps headings in order and the language switch named by its visible text', () => {
    setup();
    const switchButton = screen.getByRole('button', { name: 'English' });
    expect(switchButton.getAttribute('aria-label')).toBeNull();
    const levels = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]).toBeLessThanOrEqual(1));
  });
});
