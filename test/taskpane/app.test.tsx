/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { renderApp, settle } from './pane';
import type { GradeOutcome, Runner } from '../../src/taskpane/actions';
import type { AppHost } from '../../src/taskpane/app-host';
import type { Finding } from '../../src/core/types';
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

function setup(opts: { lang?: 'zh' | 'en'; host?: AppHost; out?: GradeOutcome; workbook?: MemoryWorkbook } = {}) {
  const workbook = opts.workbook ?? new MemoryWorkbook({ sheets: [sheet('民主测评', [['党支部']])] });
  const fake = fakeExcelHost(workbook);
  const out = opts.out ?? outcome();
  const runs: { lang: string; date: string; sheets: string[] }[] = [];
  const run: Runner = (snapshot, o) => {
    runs.push({ ...o, sheets: snapshot.sheets.map((s) => s.name) });
    return out;
  };
  const host = opts.host ?? fake.host;
  renderApp(<App host={host} lang={opts.lang ?? 'zh'} run={run} today={() => '2026-12-31'} />);
  return { workbook, calls: fake.calls, runs, out };
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
      ['机关第二党支部', '—', '—', '—', '待补充'],
    ]);
    // 2 errors, 1 incomplete branch: a warning, not a success
    expect(screen.getByTestId('notice').textContent).toContain('发现 2 个错误，1 个党支部待补充');
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
    expect(section.textContent).toContain('民主测评!F12');
    expect(section.textContent).toContain("'民主 测评 (2)'!G7");
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
    fireEvent.click(screen.getByRole('button', { name: '标出问题单元格' }));
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
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await settle();
    expect(calls.highlights).toHaveLength(2);
    expect(calls.highlights[1].on).toBe(false);
    expect(calls.highlights[1].refs).toEqual(calls.highlights[0].refs);

    fireEvent.click(screen.getByRole('button', { name: '为评分单元格添加下拉列表' }));
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
    fireEvent.click(screen.getByRole('button', { name: 'Add drop-down lists to rating cells' }));
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
    expect(screen.getByTestId('selected-address').textContent).toBe("'民主 测评 (2)'!G7");
    expect(announce.textContent).toBe("请在工作簿中找到单元格：'民主 测评 (2)'!G7");

    // another finding moves the box there; only one is shown
    const [first] = screen.getAllByTestId('finding');
    fireEvent.keyDown(first, { key: 'Enter' });
    expect(screen.getAllByTestId('selected-box')).toHaveLength(1);
    expect(first.nextElementSibling).toBe(screen.getByTestId('selected-box'));
    expect(announce.textContent).toBe('请在工作簿中找到单元格：民主测评!F12');
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
    fireEvent.click(screen.getByRole('button', { name: '运行校验' }));
    await screen.findAllByTestId('finding');
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
    for (const tab of ['Grades', 'Checks', 'Export', 'Template', 'Settings']) {
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
    expect(screen.getByText("'<b>sheet</b>'!A2")).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('设置', () => {
  it('lists each key with its value and origin, and writes an edit to the settings cell, then grades again', async () => {
    const { workbook, runs } = setup({
      workbook: new MemoryWorkbook({
        sheets: [sheet('民主测评', [['党支部']]), sheet('考核参数', [['参数', '值'], ['年度', 2026]])],
      }),
    });
    await gradeNow();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    const rows = screen.getAllByTestId('setting-row');
    const cell = (r: HTMLElement, id: string) => within(r).getByTestId(id).textContent;
    expect(rows.map((r) => [cell(r, 'setting-label'), (r.querySelector('input') as HTMLInputElement).value, cell(r, 'setting-origin')])).toEqual([
      ['年度', '2026', '考核参数!B2'],
      ['优秀分数线', '90', '默认'],
    ]);
    fireEvent.change(screen.getByRole('textbox', { name: '年度 的值' }), { target: { value: '2027' } });
    fireEvent.click(within(rows[0]).getByRole('button', { name: '保存' }));
    await settle();
    expect(screen.getByText('已保存“年度”，并已重新计算。')).toBeTruthy();
    expect(workbook.applied[1]).toEqual({
      sheets: [{ mode: 'fill', kind: 'settings', name: '考核参数', cells: [{ cell: 'B2', value: 2027 }] }],
    });
    expect(workbook.snapshot.sheets[1].values[1][1]).toBe(2027);
    expect(runs).toHaveLength(2);
  });

  it('adds a row for a key the settings sheet lacks', async () => {
    const { workbook } = setup({
      workbook: new MemoryWorkbook({
        sheets: [sheet('民主测评', [['党支部']]), sheet('考核参数', [['参数', '值'], ['年度', 2026]])],
      }),
    });
    await gradeNow();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    fireEvent.change(screen.getByRole('textbox', { name: '优秀分数线 的值' }), { target: { value: '92' } });
    fireEvent.submit(screen.getByRole('textbox', { name: '优秀分数线 的值' }).closest('form')!);
    await settle();
    expect(screen.getByText('已保存“优秀分数线”，并已重新计算。')).toBeTruthy();
    expect(workbook.applied[1].sheets).toEqual([
      { mode: 'fill', kind: 'settings', name: '考核参数', cells: [{ cell: 'A3', value: '优秀分数线' }, { cell: 'B3', value: 92 }] },
    ]);
  });
});
