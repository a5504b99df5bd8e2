/**
 * Online questionnaire downloads (SPEC §4.4 d) grade like the same answers typed into the forms layout.
 *
 * The exports are shaped as the platforms document them: one row per respondent (答卷); platform fields
 * around the answers — 问卷星's answer records carry the submission time, the time taken, the answer
 * number and the total score (问卷星开放文档 "答卷api推送", https://www.showdoc.com.cn/wjxopenapi/7664690808275512;
 * "答卷下载" offers the valid answers as a download, https://www.showdoc.com.cn/wjxopenapi/7581843752317940),
 * 腾讯问卷's answers carry started_at / ended_at and a matrix question's answers as one group per row
 * (https://wj.qq.com/docs/openapi/survey/get_answer); the column names are those SPEC §4.4 d lists (序号,
 * 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, 总分). Matrix rows are headed in each style the SPEC names.
 */
import { defaultCatalogue } from '../../../../src/core/catalogue';
import { GRADES, type CellValue } from '../../../../src/core/types';
import { csvSnapshot } from '../../../../src/hosts/csv';
import { loadWorkbook, snapshotOf } from '../../../../src/hosts/xlsx';
import { runAssessment } from '../../../../src/workbook/pipeline';
import { prng } from '../../../../src/workbook/plans/sample';
import { recognise } from '../../../../src/workbook/recognise';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../../src/workbook/snapshot';
import { workbook } from '../../../cli/helpers';
import { encodeGbk } from '../../../support/gbk';

const catalogue = defaultCatalogue();
const CODES = catalogue.indicators.map((i) => i.code);
const BRANCHES = Array.from({ length: 10 }, (_, i) => `第${'一二三四五六七八九十'[i]}党支部`);
const PER_BRANCH = 6;

interface Answer {
  branch: string;
  identity: '中共党员' | '群众';
  grades: (string | null)[];
}

/** Deterministic answers: 6 respondents a branch (one non-party), one who skipped indicator 2.3. */
function answers(): Answer[] {
  const rand = prng(4044);
  const out: Answer[] = [];
  BRANCHES.forEach((branch, b) => {
    for (let i = 0; i < PER_BRANCH; i++) {
      const grades: (string | null)[] = CODES.map(() => GRADES[Math.min(3, Math.floor(rand() * (2 + (b % 3))))]);
      if (b === 3 && i === 2) grades[CODES.indexOf('2.3')] = null;
      out.push({ branch, identity: i === PER_BRANCH - 1 ? '群众' : '中共党员', grades });
    }
  });
  return out;
}

type Rows = CellValue[][];
const roster: Rows = [['党支部', '党员人数'], ...BRANCHES.map((b) => [b, 10])];
const organisational: Rows = [['党支部', '测评人', ...CODES], ...BRANCHES.flatMap((b, k) => ['甲', '乙'].map((r) => [b, r, ...CODES.map((_, j) => GRADES[(k + j) % 3])]))];

/** The same answers typed into the forms layout. */
function formsSheet(list: Answer[]): Rows {
  return [['党支部', '测评人身份', ...CODES], ...list.map((a) => [a.branch, a.identity === '群众' ? '党外群众' : '党员', ...a.grades])];
}

const STYLES = {
  bracket: (_k: number, text: string) => `3(${text})`,
  dash: (_k: number, text: string) => `3—${text}`,
  q: (k: number, text: string) => `Q3_${k + 1}:${text}`,
  nth: (_k: number, text: string) => `第3题(${text.slice(0, 14)}…)`,
} as const;

/** A download: platform columns, the branch and identity questions, a matrix question, a free-text one. */
function download(list: Answer[], style: keyof typeof STYLES): Rows {
  const header = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、您所在的党支部：', '2、您的政治面貌：',
    ...catalogue.indicators.map((ind, k) => STYLES[style](k, ind.text)), '4、您对党支部工作的意见和建议：', '总分'];
  return [header, ...list.map((a, i) => [i + 1, `2026/12/20 ${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07`, `${100 + i}秒`,
    '微信', 'N/A', `10.0.${Math.floor(i / 200)}.${i % 200}(北京-北京)`, a.branch, a.identity, ...a.grades, i % 7 === 0 ? '希望多组织学习' : '(空)', 0])];
}

const sheet = (name: string, values: Rows): SheetSnapshot => ({ name, values, merges: [] });

function totals(snapshot: WorkbookSnapshot): Map<string, number | null> {
  const run = runAssessment(snapshot, { lang: 'zh', date: '2026-12-31' });
  return new Map(run.result.branches.map((b) => [b.name, b.total]));
}

function csvOf(rows: Rows): string {
  return rows.map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n') + '\r\n';
}

describe('questionnaire downloads', () => {
  const list = answers();
  const base = [sheet('支部名单', roster), sheet('组织考核', organisational)];
  const expected = totals({ sheets: [...base, sheet('民主测评', formsSheet(list))] });

  test('the forms-layout workbook grades every branch (the reference)', () => {
    expect([...expected.keys()]).toEqual(BRANCHES);
    expect([...expected.values()].every((t) => typeof t === 'number')).toBe(true);
    expect(new Set(expected.values()).size).toBeGreaterThan(3);
  });

  test.each(Object.keys(STYLES) as (keyof typeof STYLES)[])('matrix headers as %s: recognised as a questionnaire, the same totals', (style) => {
    const snap: WorkbookSnapshot = { sheets: [...base, sheet('民主测评问卷', download(list, style))] };
    const rec = recognise(snap);
    expect(rec.sheets.find((s) => s.name === '民主测评问卷')).toMatchObject({ role: 'questionnaire', source: '民主测评', headerRows: [1] });
    const forms = rec.input.forms.filter((f) => f.source === '民主测评');
    expect(forms).toHaveLength(list.length);
    expect(forms[0].ratings.map((r) => r.indicator)).toEqual(CODES);
    expect(forms.filter((f) => f.raterType === 'nonparty')).toHaveLength(BRANCHES.length);
    expect(totals(snap)).toEqual(expected);
  });

  test('an .xlsx download and CSV downloads in UTF-8 and GBK grade to the same totals', async () => {
    const rows = download(list, 'bracket');
    const xlsx = await workbook({ 支部名单: roster as (string | number | null)[][], 组织考核: organisational as (string | number | null)[][], 民主测评问卷: rows as (string | number | null)[][] });
    expect(totals(snapshotOf(await loadWorkbook(xlsx)))).toEqual(expected);
    for (const bytes of [new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csvOf(rows))]), encodeGbk(csvOf(rows))]) {
      // the download pasted beside the roster and the organisational forms, as the clerk does
      const [answersSheet] = csvSnapshot(bytes, '2026年民主测评问卷_答卷数据.csv').sheets;
      expect(totals({ sheets: [...base, answersSheet] })).toEqual(expected);
    }
  });

  test('option numbers count with 问卷选项顺序 (wherever the settings sheet stands); without it they are invalid ratings that say so', () => {
    const order = ['差', '一般', '较好', '优秀'];
    const rows = download(list, 'bracket').map((r, i) => (i === 0 ? r : r.map((v) => (typeof v === 'string' && (GRADES as readonly string[]).includes(v) ? order.indexOf(v) + 1 : v))));
    const numbered = sheet('民主测评问卷', rows);
    const settings = sheet('考核参数', [['参数', '值'], ['问卷选项顺序', order.join(',')]]);
    expect(totals({ sheets: [...base, numbered, settings] })).toEqual(expected);
    const run = runAssessment({ sheets: [...base, numbered] }, { lang: 'zh', date: '2026-12-31' });
    const invalid = run.findings.filter((f) => f.code === 'invalid-rating');
    expect(invalid.length).toBe(list.length * CODES.length - 1); // every answer but the skipped one
    expect(invalid[0].suggestion?.zh).toContain('问卷选项顺序');
    expect(run.result.branches.every((b) => b.status === 'incomplete')).toBe(true);
  });

  test('a repeated submission (same 来自IP and answers within minutes) is a duplicate rater; later or different answers are not', () => {
    const rows = download(list.slice(0, 12), 'bracket');
    const again = [...rows[1]];
    again[0] = 13;
    again[1] = '2026/12/20 09:03:30'; // 3 minutes after row 2's 09:00:07
    const later = [...rows[2]];
    later[0] = 14;
    later[1] = '2026/12/20 14:00:00'; // hours later: a colleague on the same office network
    const rec = recognise({ sheets: [...base, sheet('民主测评问卷', [...rows, again, later])] });
    const dup = rec.input.forms.filter((f) => f.ref.sheet === '民主测评问卷' && f.rater !== undefined);
    expect(dup.map((f) => f.ref.cell)).toEqual(['A2', 'A14']);
    const run = runAssessment({ sheets: [...base, sheet('民主测评问卷', [...rows, again, later])] }, { lang: 'zh', date: '2026-12-31' });
    const findings = run.findings.filter((f) => f.code === 'duplicate-rater');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ branch: BRANCHES[0], sheet: '民主测评问卷' });
  });

  test('a numbered free-text question or a sheet without platform columns or branch question is not a questionnaire', () => {
    const rec = recognise({ sheets: [sheet('说明', [['1、请填写', '2、意见'], ['x', 'y']])] });
    expect(rec.sheets[0].role).toBe('ignored');
    // the forms layout keeps its own sheets (codes are not question numbers)
    const forms = recognise({ sheets: [sheet('民主测评', formsSheet(list.slice(0, 2)))] });
    expect(forms.sheets[0].role).toBe('forms');
  });
});

describe('questionnaire rows, small downloads', () => {
  const T = (k: number): string => catalogue.indicators[k].text;

  function header(extra: { branch?: boolean; ip?: boolean; time?: boolean } = {}): CellValue[] {
    const { branch = true, ip = true, time = true } = extra;
    return ['序号', ...(time ? ['提交答卷时间'] : []), ...(ip ? ['来自IP'] : []), ...(branch ? ['1、您所在的党支部：'] : []), '2、您的政治面貌：', `3(${T(0)})`, `3(${T(1)})`];
  }

  test('a question naming an indicator already asked is not read again', () => {
    const rows: Rows = [
      ['序号', '1、您所在的党支部：', `3(${T(0)})`, `3(${T(1)})`, `5(${T(0)})`],
      [1, 'A支部', '优秀', '较好', '差'],
    ];
    const r = recognise({ sheets: [sheet('民主测评问卷', rows)] });
    expect(r.input.forms.map((f) => f.ratings.map((x) => `${x.indicator}@${x.ref.cell}=${String(x.value)}`))).toEqual([[`${CODES[0]}@C2=优秀`, `${CODES[1]}@D2=较好`]]);
  });

  test('without a branch question the branch is the label above, or none; a row with no answer and no branch is skipped', () => {
    const rows: Rows = [['党支部：A支部'], header({ branch: false }), [1, '2026/12/20 09:00', '10.0.0.1', '中共党员', '优秀', '较好'], [2, null, null, null, null, null]];
    const r = recognise({ sheets: [sheet('民主测评问卷', rows)] });
    expect(r.input.forms.map((f) => [f.branch, f.branchRef.cell, f.ref.cell, f.raterType])).toEqual([['A支部', 'A1', 'A3', 'party']]);
    const none = recognise({ sheets: [sheet('民主测评问卷', rows.slice(1))] });
    expect(none.input.forms.map((f) => [f.branch, f.branchRef.cell, f.ref.cell])).toEqual([['', 'A1', 'A2']]);
  });

  test('a respondent who named a branch but answered nothing is a form without ratings; a blank identity gives no rater type', () => {
    const rows: Rows = [header(), [1, '2026/12/20 09:00', '10.0.0.1', 'A支部', null, null, null]];
    const r = recognise({ sheets: [sheet('民主测评问卷', rows)] });
    expect(r.input.forms.map((f) => [f.branch, f.ratings.map((x) => x.value)])).toEqual([['A支部', [null, null]]]);
    expect(r.input.forms[0]).not.toHaveProperty('raterType');
    expect(r.input.forms[0]).not.toHaveProperty('rater');
  });

  test('a download without a source in its name or labels: no forms, the header is named', () => {
    const rows: Rows = [header(), [1, '2026/12/20 09:00', '10.0.0.1', 'A支部', '中共党员', '优秀', '较好']];
    const r = recognise({ sheets: [sheet('问卷下载', rows)] });
    expect(r.sheets[0].role).toBe('questionnaire');
    expect(r.input.forms).toEqual([]);
    expect(r.input.findings.filter((f) => f.code === 'unknown-source').map((f) => [f.sheet, f.cell])).toEqual([['问卷下载', 'A1']]);
  });

  test('repeats: an address ignoring its (城市), a date serial or text time; no time or an unreadable one means any two are one respondent', () => {
    const ratersOf = (rows: Rows): (string | null)[] => recognise({ sheets: [sheet('民主测评问卷', rows)] }).input.forms.map((f) => f.rater ?? null);
    const same = ['A支部', '中共党员', '优秀', '较好'];
    // serials 5 minutes apart (1 day = 1440 minutes), then 20 minutes later
    const serial = 46000.5;
    expect(ratersOf([header(), [1, serial, '10.0.0.1(北京)', ...same], [2, serial + 5 / 1440, '10.0.0.1 (上海)', ...same], [3, serial + 40 / 1440, '10.0.0.1', ...same]])).toEqual([
      '来自IP 10.0.0.1 的相同答卷',
      '来自IP 10.0.0.1 的相同答卷',
      null,
    ]);
    // exactly 10 minutes apart still counts; 11 does not
    expect(ratersOf([header(), [1, '2026-12-20 09:00:00', '10.0.0.2', ...same], [2, '2026年12月20日 09:10', '10.0.0.2', ...same], [3, '2026.12.20 09:21', '10.0.0.2', ...same]])).toEqual([
      '来自IP 10.0.0.2 的相同答卷',
      '来自IP 10.0.0.2 的相同答卷',
      null,
    ]);
    expect(ratersOf([header(), [1, '下午', '10.0.0.3', ...same], [2, '2026/12/20 18:00', '10.0.0.3', ...same]])).toEqual(['来自IP 10.0.0.3 的相同答卷', '来自IP 10.0.0.3 的相同答卷']);
    expect(ratersOf([header(), [1, '2026/12/20 09:00', '10.0.0.3', ...same], [2, '下午', '10.0.0.3', ...same]])).toEqual(['来自IP 10.0.0.3 的相同答卷', '来自IP 10.0.0.3 的相同答卷']);
    expect(ratersOf([header({ time: false }), [1, '10.0.0.4', ...same], [2, '10.0.0.4', ...same]])).toEqual(['来自IP 10.0.0.4 的相同答卷', '来自IP 10.0.0.4 的相同答卷']);
    // minutes apart across a new year's midnight; a date without a time is its midnight
    expect(ratersOf([header(), [1, '2026/12/31 23:55', '10.0.0.6', ...same], [2, '2027/1/1 00:03', '10.0.0.6', ...same]])).toEqual(['来自IP 10.0.0.6 的相同答卷', '来自IP 10.0.0.6 的相同答卷']);
    expect(ratersOf([header(), [1, '2026/12/20', '10.0.0.7', ...same], [2, '2026/12/20 00:11', '10.0.0.7', ...same]])).toEqual([null, null]);
    expect(ratersOf([header(), [1, '2026/12/20', '10.0.0.8', ...same], [2, '2026/12/20 00:05', '10.0.0.8', ...same]])).toEqual(['来自IP 10.0.0.8 的相同答卷', '来自IP 10.0.0.8 的相同答卷']);
    // a blank address, or no address column, marks nothing
    expect(ratersOf([header(), [1, '2026/12/20 09:00', '', ...same], [2, '2026/12/20 09:01', ' ', ...same]])).toEqual([null, null]);
    expect(ratersOf([header({ ip: false }), [1, '2026/12/20 09:00', ...same], [2, '2026/12/20 09:01', ...same]])).toEqual([null, null]);
    // other answers from the same address are another respondent
    expect(ratersOf([header(), [1, '2026/12/20 09:00', '10.0.0.5', ...same], [2, '2026/12/20 09:01', '10.0.0.5', 'A支部', '群众', '优秀', '较好']])).toEqual([null, null]);
  });

  test('问卷选项顺序 turns option numbers typed as text into grades; other text stays as written', () => {
    const rows: Rows = [header({ ip: false, time: false }), [1, 'A支部', '中共党员', ' 2 ', '5'], [2, 'A支部', '中共党员', '优', 1], [3, 'A支部', '中共党员', '1.0', '0x1']];
    const settings = sheet('考核参数', [['参数', '值'], ['问卷选项顺序', '优秀,较好,一般,差']]);
    const r = recognise({ sheets: [sheet('民主测评问卷', rows), settings] });
    expect(r.input.forms.map((f) => f.ratings.map((x) => x.value))).toEqual([
      ['较好', '5'],
      ['优', '优秀'],
      ['1.0', '0x1'],
    ]);
  });
});

describe('questionnaire question headers', () => {
  test('an indicator named after " - ", a colon or an underscore, in brackets, or cut off with an ellipsis', () => {
    const T = (k: number): string => catalogue.indicators[k].text;
    const header = ['序号', '1、您所在的党支部：', `3 - ${T(0)}`, `Q3-2：${T(1)}`, `第3题_${T(2)}`, `3【${T(3)}】`, `3.${T(4).slice(0, 12)}...`, `3、${T(5).slice(0, 12)}。。。`, `3—${T(6).slice(0, 12)}……`];
    const rows: Rows = [header, [1, 'A支部', '优秀', '较好', '一般', '差', '优秀', '较好', '一般']];
    const r = recognise({ sheets: [sheet('民主测评问卷', rows)] });
    expect(r.sheets[0].role).toBe('questionnaire');
    expect(r.input.forms.map((f) => f.ratings.map((x) => `${x.indicator}=${String(x.value)}`))).toEqual([
      [`${CODES[0]}=优秀`, `${CODES[1]}=较好`, `${CODES[2]}=一般`, `${CODES[3]}=差`, `${CODES[4]}=优秀`, `${CODES[5]}=较好`, `${CODES[6]}=一般`],
    ]);
  });
});
