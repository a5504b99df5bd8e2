/**
 * fast-check generators of workbook snapshots for the robustness suite: the office's real layouts with
 * their usual mess (title rows, labels, blank rows, merged cells, header spellings, full-width spaces),
 * plus chaos sheets of arbitrary values. Structured sheets also carry what recognition should find in
 * them, so properties can check more than "did not throw".
 */
import fc from 'fast-check';
import { defaultCatalogue } from '../../src/core/catalogue';
import type { CellValue } from '../../src/core/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';

/**
 * Fixed seed (override with ROBUSTNESS_SEED=…) and run counts sized for `npm test` on two cores
 * (multiply with ROBUSTNESS_SCALE=10 for a deeper search). fast-check prints seed and path of any failure.
 */
export const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20261220);
const SCALE = Math.max(0.1, Number(process.env.ROBUSTNESS_SCALE ?? 1));
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.ceil(numRuns * SCALE), endOnFailure: true };
}

export const INDICATORS = defaultCatalogue().indicators;
export const CODES = INDICATORS.map((i) => i.code);

// ---------------------------------------------------------------------------------------------
// Text pieces

const FW_SPACE = '\u3000';
const NBSP = '\u00a0';

/** Pads a text with white space of various widths (which recognition must ignore). */
export const padded = (s: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('', '', ' ', FW_SPACE, NBSP, '  '), fc.constantFrom('', '', ' ', FW_SPACE, '\t'))
    .map(([a, b]) => a + s + b);

/** Full-width ASCII (the digits and dots an IME types). */
export function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function loose(s: string): string {
  return s.replace(/[\s\u3000\p{P}\p{S}]/gu, '');
}

/** For each indicator, the shortest raw prefix of its text (≥ 8 loose characters) that no other text starts with. */
const UNIQUE_PREFIX: number[] = INDICATORS.map((ind, i) => {
  const mine = loose(ind.text);
  for (let n = 1; n <= ind.text.length; n++) {
    const p = loose(ind.text.slice(0, n));
    if (p.length < 8) continue;
    if (INDICATORS.every((o, j) => j === i || !loose(o.text).startsWith(p))) return n;
  }
  return mine.length === 0 ? ind.text.length : ind.text.length;
});

/** The header spellings of SPEC §4.4 a) for one indicator: codes 1.1 / 1-1 / 1．1, with or without text, or text. */
export function indicatorHeader(k: number): fc.Arbitrary<string> {
  const ind = INDICATORS[k];
  const [cat, item] = ind.code.split('.');
  const minPrefix = UNIQUE_PREFIX[k];
  return fc.oneof(
    fc.constantFrom(ind.code, `${cat}-${item}`, `${cat}．${item}`, fullWidth(`${cat}.${item}`), `${cat}.${item}${FW_SPACE}`),
    fc.constantFrom(`${ind.code} ${ind.text.slice(0, 6)}`, `${ind.code}${ind.text}`, `${cat}-${item}\n${ind.text.slice(0, 10)}`),
    fc.constant(ind.text),
    fc.integer({ min: minPrefix, max: ind.text.length }).map((n) => ind.text.slice(0, n)),
  ).chain(padded);
}

export const BRANCH_HEADERS = ['党支部', '支部', '支部名称', '党支部名称', '单位', '被考核单位', '被考核党支部', '党 支 部'];
export const branchHeader = fc.constantFrom(...BRANCH_HEADERS).chain(padded);

/** Spellings of the four grades that SPEC §3 accepts. */
export const VALID_GRADES = [
  '优秀', '优', 'A', 'excellent', 'Excellent', fullWidth('A'),
  '较好', '良好', '良', '好', 'B', 'good', 'GOOD',
  '一般', '中', 'C', 'fair', 'average',
  '差', '较差', 'D', 'poor',
];
/** Values a rating cell may hold that are not on the scale (never header-like). */
export const INVALID_RATINGS: CellValue[] = ['优秀较好', 'X', '好的', 95, 0.85, -1, true, false, { error: '#N/A' }, { error: '#DIV/0!' }, '90分', 'E'];

export const ratingValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...VALID_GRADES).chain(padded) },
  { weight: 2, arbitrary: fc.constant<CellValue>(null) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_RATINGS) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('', ' ', FW_SPACE) },
);

/** Plain branch names (never header words, codes or total-row labels). */
export const BRANCH_NAMES = ['机关第一党支部', '机关第二党支部', '研究室党支部', '离退休党支部', 'A组党支部', '后勤 党支部', '第三研究所党支部', '图书馆支部', '研究室:一支部'];
export const branchName = fc.constantFrom(...BRANCH_NAMES);

/** Texts that must stay plain text all the way through. */
export const HOSTILE_TEXTS: string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  "=cmd|'/c calc'!A1",
  '+SUM(1)',
  '-2+3',
  '@A1',
  '=HYPERLINK("http://x","y")',
  '\t=1+1',
  '\r=1+1',
  '\u202eكتب\u202c 支部',
  'עברית\u202e支部',
  '👨‍👩‍👧‍👦党支部🏳️‍🌈',
  'a\u0001b\u0007c\u001fd',
  '"quoted", comma',
  'line1\nline2',
  "O'Brien 支部",
  '<script>alert(1)</script>',
  '${process.exit()}',
];

export const hostileText = fc.constantFrom(...HOSTILE_TEXTS);

/** Anything a cell can hold. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<CellValue>(null) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<CellValue>(
      '党支部', '支部', '1.1', '1-2', '2．3', '6.4', '7.1', '0.5', '优秀', '较好', '一般', '差', '优秀票数', '编号', '考核内容', '等级',
      '测评类型：民主测评', '党支部：机关第一党支部', '组织考核', '民主测评', '自评', '参数', '值', '分值', '类别', '加减分',
      '党员人数', '所属总支', '测评人', '身份', '党员', '群众', '期间', '半年', '√', '✔', '合计', '优秀系数', '组织考核权重',
      '排名方式', '并列不占位', '空白评分', '60%', FW_SPACE, '',
    ),
  },
  { weight: 2, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(0, -0, 1e308, -1e-300, 2 ** 53 + 2, 0.1 + 0.2) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#REF!' }, { error: '#VALUE!' }, { error: '#NAME?' }) },
);

// ---------------------------------------------------------------------------------------------
// Sheet names (Excel: 1–31 characters, none of []:*?/\, no apostrophe at either end)

const FORBIDDEN = /[[\]:*?/\\]/;
export function isExcelSheetName(s: string): boolean {
  return s.length > 0 && s.length <= 31 && !FORBIDDEN.test(s) && !s.startsWith("'") && !s.endsWith("'") && s.trim() === s;
}

export const sheetName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      '民主测评', '组织考核', '自评', '自评表(半年)', '民主测评票数', '票数汇总', '支部名单', '指标目录', '考核参数', '抽检记录',
      '考核汇总', 'Sheet1', '说明', '__proto__', 'constructor', "民主'测评", '组织"考核"', '测评 (2)', '😀民主测评', '\u202e民主测评',
      '=SUM(A1)', '+1', '@x', 'toString',
    ),
    fc.string({ minLength: 1, maxLength: 31 }),
  )
  .filter(isExcelSheetName);

// ---------------------------------------------------------------------------------------------
// Structured rating sheets

/** What recognition should find in a structured sheet. */
export interface ExpectedForm {
  branch: string;
  /** A1 of the branch cell it resolves to ("" branch: orphan row) */
  ratings: { code: string; cell: string }[];
}

export interface Built {
  sheet: SheetSnapshot;
  /** forms sheets only: the forms in sheet order */
  forms?: ExpectedForm[];
  /** tally sheets: one entry per block */
  tallies?: { branch: string; codes: string[] }[];
  source: '组织考核' | '民主测评' | '自评';
}

const SOURCE_NAMES: Record<Built['source'], string[]> = {
  组织考核: ['组织考核', '考核组评分', '组织考核表'],
  民主测评: ['民主测评', '民主测评表', '党员测评'],
  自评: ['自评', '支部自评表', '自查'],
};

function col(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const sourceArb = fc.constantFrom<Built['source']>('组织考核', '民主测评', '自评');

/**
 * Where the source comes from: the sheet name, or a label above the header on a neutral name.
 * Returns the sheet name and the label row (or null).
 */
const sourcePlacement = sourceArb.chain((source) =>
  fc.oneof(
    fc.constantFrom(...SOURCE_NAMES[source]).map((name) => ({ source, name, label: null as string | null })),
    fc.constantFrom('Sheet1', '表一', 'Data').map((name) => ({ source, name, label: `测评类型：${source}` })),
  ),
);

/** Title rows above the header, some merged across the table. */
const titleRows = fc.array(fc.constantFrom('2026年度党支部工作目标管理考评表', '（此表由考核组填写）', ''), { maxLength: 2 });

interface FormRowSpec {
  branch: string | null;
  /** merge this row's branch cell over the next `span` rows (branch written once) */
  span: number;
  ratings: CellValue[];
  blankBefore: boolean;
}

/** Layout a) forms: branch column, optional identity/rater columns, a shuffled subset of indicator columns. */
export const formsSheet: fc.Arbitrary<Built> = fc
  .record({
    place: sourcePlacement,
    titles: titleRows,
    mergeTitle: fc.boolean(),
    blankAfterTitle: fc.nat({ max: 2 }),
    indicatorIdx: fc.shuffledSubarray(
      CODES.map((_, i) => i),
      { minLength: 2, maxLength: 26 },
    ),
    identity: fc.boolean(),
    rater: fc.boolean(),
    branchHdr: branchHeader,
    leadCols: fc.nat({ max: 1 }),
  })
  .chain((s) =>
    fc
      .record({
        headers: fc.tuple(...s.indicatorIdx.map((k) => indicatorHeader(k))),
        rows: fc.array(
          fc.record({
            branch: fc.option(branchName.chain(padded), { freq: 8 }),
            span: fc.constantFrom(0, 0, 0, 1, 2),
            ratings: fc.array(ratingValue, { minLength: s.indicatorIdx.length, maxLength: s.indicatorIdx.length }),
            blankBefore: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        identities: fc.array(fc.constantFrom('党员', '党外群众', '非党员', '行政领导', ''), { minLength: 12, maxLength: 12 }),
      })
      .map((g) => buildForms(s, g.headers, g.rows, g.identities)),
  );

function buildForms(
  s: {
    place: { source: Built['source']; name: string; label: string | null };
    titles: string[];
    mergeTitle: boolean;
    blankAfterTitle: number;
    indicatorIdx: number[];
    identity: boolean;
    rater: boolean;
    branchHdr: string;
    leadCols: number;
  },
  headers: string[],
  rows: FormRowSpec[],
  identities: string[],
): Built {
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const lead: CellValue[] = Array.from({ length: s.leadCols }, () => null);
  const roleHeaders: string[] = [s.branchHdr, ...(s.identity ? ['测评人身份'] : []), ...(s.rater ? ['测评人'] : [])];
  const width = s.leadCols + roleHeaders.length + headers.length;
  for (const t of s.titles) {
    if (s.mergeTitle && t !== '') merges.push(`${col(s.leadCols)}${values.length + 1}:${col(width - 1)}${values.length + 1}`);
    values.push([...lead, t]);
  }
  if (s.place.label) values.push([...lead, s.place.label]);
  for (let i = 0; i < s.blankAfterTitle; i++) values.push([]);
  values.push([...lead, ...roleHeaders, ...headers]);
  const firstInd = s.leadCols + roleHeaders.length;
  const codes = s.indicatorIdx.map((k) => CODES[k]);
  const forms: ExpectedForm[] = [];
  let carry: { name: string; rowsLeft: number } | null = null;
  rows.forEach((row, i) => {
    if (row.blankBefore && carry === null) values.push([]);
    const r = values.length; // 0-based row of this data row
    let branchCell: CellValue = row.branch;
    let branch: string;
    if (carry !== null) {
      branchCell = null; // inside the merge started above
      branch = carry.name;
      carry.rowsLeft--;
      if (carry.rowsLeft === 0) carry = null;
    } else {
      branch = row.branch === null ? '' : row.branch.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
      if (row.branch !== null && row.span > 0 && i + row.span < rows.length) {
        merges.push(`${col(s.leadCols)}${r + 1}:${col(s.leadCols)}${r + 1 + row.span}`);
        carry = { name: branch, rowsLeft: row.span };
      }
    }
    const extra: CellValue[] = [...(s.identity ? [identities[i] || null] : []), ...(s.rater ? [`R${i % 4}`] : [])];
    values.push([...lead, branchCell, ...extra, ...row.ratings]);
    const anyRating = row.ratings.some((v) => !(v === null || (typeof v === 'string' && v.trim() === '')));
    // A named row is a form (all blank: an empty form); a row with ratings and no branch is an orphan form.
    if (anyRating || branch !== '') {
      forms.push({ branch, ratings: codes.map((code, k) => ({ code, cell: `${col(firstInd + k)}${r + 1}` })) });
    }
  });
  return { sheet: { name: s.place.name, values, merges }, forms, source: s.place.source };
}

/** Layout b) vote tallies: one or two blocks, each labelled 党支部：X above its header. */
export const tallySheet: fc.Arbitrary<Built> = fc
  .record({
    place: sourcePlacement,
    blocks: fc.array(
      fc.record({
        branch: branchName,
        indicatorCol: fc.constantFrom('编号', '考核内容', '指标编号'),
        suffix: fc.constantFrom('', '票数', '(票)', '（票）', ' 票'),
        codes: fc.shuffledSubarray(CODES, { minLength: 1, maxLength: 26 }),
        counts: fc.array(
          fc.oneof(
            { weight: 8, arbitrary: fc.nat({ max: 40 }) },
            { weight: 1, arbitrary: fc.constantFrom<CellValue>('√', '✔', null, '3', 2.5, -1, 'x', { error: '#N/A' }) },
          ),
          { minLength: 26 * 4, maxLength: 26 * 4 },
        ),
        blankRows: fc.nat({ max: 2 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(({ place, blocks }) => {
    const values: CellValue[][] = [];
    if (place.label) values.push([place.label]);
    const tallies: { branch: string; codes: string[] }[] = [];
    for (const b of blocks) {
      for (let i = 0; i < b.blankRows; i++) values.push([]);
      values.push([`党支部：${b.branch}`]);
      values.push([b.indicatorCol, ...['优秀', '较好', '一般', '差'].map((g) => g + b.suffix)]);
      b.codes.forEach((code, i) => {
        const label = b.indicatorCol === '考核内容' ? INDICATORS[CODES.indexOf(code)].text : code;
        values.push([label, ...b.counts.slice(i * 4, i * 4 + 4)]);
      });
      tallies.push({ branch: b.branch, codes: b.codes });
    }
    return { sheet: { name: place.name, values, merges: [] }, tallies, source: place.source };
  });

/** Layout c) one row per rating. */
export const longSheet: fc.Arbitrary<Built> = fc
  .record({
    place: sourcePlacement,
    gradeHdr: fc.constantFrom('等级', '评价', '考核等级', '测评结果'),
    codeHdr: fc.constantFrom('编号', '指标编号', '考核内容'),
    rater: fc.boolean(),
    rows: fc.array(fc.tuple(fc.option(branchName, { freq: 9 }), fc.nat({ max: 25 }), ratingValue, fc.nat({ max: 3 })), { maxLength: 40 }),
  })
  .map(({ place, gradeHdr, codeHdr, rater, rows }) => {
    const values: CellValue[][] = [];
    if (place.label) values.push([place.label]);
    values.push(['党支部', codeHdr, gradeHdr, ...(rater ? ['测评人'] : [])]);
    for (const [b, k, v, who] of rows) {
      values.push([b, codeHdr === '考核内容' ? INDICATORS[k].text : CODES[k], v, ...(rater ? [`P${who}`] : [])]);
    }
    return { sheet: { name: place.name, values, merges: [] }, source: place.source };
  });

// ---------------------------------------------------------------------------------------------
// Support sheets

const SETTING_KEYS = ['年度', '优秀系数', '较好系数', '一般系数', '差系数', '组织考核权重', '民主测评权重', '自评权重', '优秀分数线', '较好分数线', '一般分数线', '总分小数位', '排名方式', '民主测评最少份数', '加减分上限', '先进推荐名额', '空白评分', '发文单位'];

export const rosterSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    names: fc.uniqueArray(branchName, { minLength: 1, maxLength: BRANCH_NAMES.length }),
    members: fc.array(fc.oneof(fc.nat({ max: 60 }), fc.constantFrom<CellValue>(null, '十', -3, 2.5)), { minLength: 8, maxLength: 8 }),
    title: fc.boolean(),
  })
  .map(({ names, members, title }) => ({
    name: '支部名单',
    values: [...(title ? [['2026年党支部名单']] : []), ['序号', '党支部', '所属总支', '党员人数'], ...names.map((n, i) => [i + 1, n, i % 2 ? '机关党总支' : null, members[i]])],
    merges: title ? ['A1:D1'] : [],
  }));

export const settingsSheet: fc.Arbitrary<SheetSnapshot> = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SETTING_KEYS) }, { weight: 1, arbitrary: fc.constantFrom<CellValue>('未知参数', null, '__proto__', 42) }),
      fc.oneof(
        fc.constantFrom<CellValue>(2026, '60%', 0.6, 60, 40, '40%', 0, 1, 0.85, 0.75, 90, 80, 70, 2, 5, 10, '并列占位', '并列不占位', '空白视为弃权', '空白视为错误', '中共某某党委办公室'),
        anyCell,
      ),
    ),
    { maxLength: 6 },
  )
  .map((rows) => ({ name: '考核参数', values: [['参数', '值'], ...rows], merges: [] }));

export const spotSheet: fc.Arbitrary<SheetSnapshot> = fc
  .array(fc.tuple(fc.option(branchName, { freq: 6 }), fc.constantFrom('日常抽检', '专题抽检', ''), fc.oneof(fc.integer({ min: -15, max: 15 }), fc.constantFrom<CellValue>(null, '+2', '-1.5', 'abc', 0.25, 1e9))), { maxLength: 6 })
  .map((rows) => ({
    name: '抽检记录',
    values: [['党支部', '类型', '日期', '事由', '加减分'], ...rows.map(([b, k, v]) => [b, k, '2026-05-01', '检查', v])],
    merges: [],
  }));

/** The catalogue of SPEC §2 as a sheet, sometimes with one row damaged. */
export const catalogueSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({ damage: fc.option(fc.tuple(fc.nat({ max: 25 }), fc.nat({ max: 3 }), anyCell), { freq: 2 }) })
  .map(({ damage }) => {
    const values: CellValue[][] = [['编号', '类别', '考核内容', '分值'], ...INDICATORS.map((ind) => [ind.code, ind.category, ind.text, ind.points] as CellValue[])];
    if (damage) values[damage[0] + 1][damage[1]] = damage[2];
    return { name: '指标目录', values, merges: [] };
  });

function damagedCatalogue(s: SheetSnapshot): boolean {
  return INDICATORS.some((ind, i) => {
    const row = s.values[i + 1];
    return row[0] !== ind.code || row[1] !== ind.category || row[2] !== ind.text || row[3] !== ind.points;
  });
}

/** A sheet of arbitrary values and merges (some merges malformed or out of range). */
export const chaosSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    rows: fc.array(fc.array(anyCell, { maxLength: 10 }), { maxLength: 14 }),
    merges: fc.array(
      fc.oneof(
        fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 13 }), fc.nat({ max: 3 }), fc.nat({ max: 3 })).map(([c, r, w, h]) => `${col(c)}${r + 1}:${col(c + w)}${r + 1 + h}`),
        fc.constantFrom('A1:XFD1048576', 'nonsense', 'B2:A1', 'A0:B1', ''),
      ),
      { maxLength: 3 },
    ),
  })
  .map(({ rows, merges }) => ({ name: 'chaos', values: rows, merges }));

// ---------------------------------------------------------------------------------------------
// Workbooks

export interface BuiltWorkbook {
  snapshot: WorkbookSnapshot;
  /** a catalogue sheet with a damaged row (indicator texts or codes may then differ from SPEC §2) */
  damaged: boolean;
  /** the structured rating sheets, by final sheet name */
  rating: Built[];
}

/** Gives every sheet a unique (case-insensitive) valid name, keeping the first sheet of a name as it is. */
function uniqueNames(sheets: SheetSnapshot[]): void {
  const seen = new Set<string>();
  sheets.forEach((s, i) => {
    let name = s.name;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${s.name.slice(0, 26)} (${n})`.replace(/^'|'$/g, '_');
    if (!isExcelSheetName(name)) name = `S${i}`;
    seen.add(name.toLowerCase());
    s.name = name;
  });
}

/** A whole workbook: structured rating sheets, optional roster/settings/catalogue/spot checks, chaos, in any order. */
export const workbook: fc.Arbitrary<BuiltWorkbook> = fc
  .record({
    rating: fc.array(fc.oneof({ weight: 3, arbitrary: formsSheet }, { weight: 1, arbitrary: tallySheet }, { weight: 1, arbitrary: longSheet }), { maxLength: 3 }),
    roster: fc.option(rosterSheet, { freq: 2 }),
    settings: fc.option(settingsSheet, { freq: 3 }),
    catalogue: fc.option(catalogueSheet, { freq: 4 }),
    spot: fc.option(spotSheet, { freq: 3 }),
    chaos: fc.array(fc.tuple(chaosSheet, sheetName), { maxLength: 2 }),
    renamed: fc.array(sheetName, { maxLength: 3 }),
    order: fc.infiniteStream(fc.nat()),
    createdBy: fc.option(fc.constantFrom('summary', 'checks'), { freq: 5 }),
  })
  .map((w) => {
    const sheets: SheetSnapshot[] = [];
    const rating = w.rating.map((b) => ({ ...b, sheet: { ...b.sheet } }));
    for (const b of rating) sheets.push(b.sheet);
    for (const s of [w.roster, w.settings, w.catalogue, w.spot]) if (s) sheets.push({ ...s });
    w.chaos.forEach(([s, name]) => sheets.push({ ...s, name }));
    // some support sheets under odd names: recognised by header signature, not by name
    w.renamed.forEach((name, i) => {
      const at = rating.length + i;
      if (at < sheets.length) sheets[at].name = name;
    });
    // a random order (Fisher–Yates from the stream)
    const it = w.order[Symbol.iterator]();
    for (let i = sheets.length - 1; i > 0; i--) {
      const j = (it.next().value as number) % (i + 1);
      [sheets[i], sheets[j]] = [sheets[j], sheets[i]];
    }
    // the product's own sheet from an earlier run (skipped by recognition, replaced by the plan)
    if (w.createdBy && sheets.length > 0) sheets[sheets.length - 1].createdBy = w.createdBy as 'summary' | 'checks';
    uniqueNames(sheets);
    return { snapshot: { sheets }, rating: rating.filter((b) => b.sheet.createdBy === undefined), damaged: w.catalogue !== null && w.catalogue.values !== undefined && damagedCatalogue(w.catalogue) };
  });

// ---------------------------------------------------------------------------------------------
// Gradeable workbooks: valid data in random layouts and settings, with an independent expected total

export type Src = '组织考核' | '民主测评' | '自评';
export const GRADE_NAMES = ['优秀', '较好', '一般', '差'] as const;

/** Spellings per grade (SPEC §3), padded at random by the generator. */
const SPELLINGS: string[][] = [
  ['优秀', '优', 'A', 'excellent', fullWidth('A'), 'EXCELLENT'],
  ['较好', '良好', '良', '好', 'B', 'good'],
  ['一般', '中', 'C', 'fair', 'average'],
  ['差', '较差', 'D', 'poor'],
];

export interface Settings {
  /** weights as fractions and as the user wrote them */
  weights: [number, number, number];
  written: [CellValue, CellValue, CellValue];
  thresholds: [number, number, number];
  decimals: number;
  ranking: '并列占位' | '并列不占位';
  cap: number;
  minForms: number;
  scale: [number, number, number, number];
}

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  w: fc.constantFrom<[[number, number, number], [CellValue, CellValue, CellValue]]>(
    [[0.6, 0.4, 0], ['60%', '40%', '0%']],
    [[0.6, 0.4, 0], [0.6, 0.4, 0]],
    [[0.6, 0.4, 0], [60, 40, 0]],
    [[0.5, 0.5, 0], ['50%', 0.5, 0]],
    [[0.5, 0.3, 0.2], [0.5, 0.3, 0.2]],
    [[0.7, 0.3, 0], ['70%', '30%', 0]],
    [[1, 0, 0], [1, 0, 0]],
  ),
  thresholds: fc.constantFrom<[number, number, number]>([90, 80, 70], [85, 75, 60], [95, 85.5, 70]),
  decimals: fc.constantFrom(0, 1, 2),
  ranking: fc.constantFrom<'并列占位' | '并列不占位'>('并列占位', '并列不占位'),
  cap: fc.constantFrom(10, 5, 3),
  minForms: fc.integer({ min: 1, max: 5 }),
  scale: fc.constantFrom<[number, number, number, number]>([1, 0.85, 0.75, 0.6], [1, 0.8, 0.6, 0.4], [1, 0.9, 0.7, 0.5]),
}).map((s) => ({ weights: s.w[0], written: s.w[1], thresholds: s.thresholds, decimals: s.decimals, ranking: s.ranking, cap: s.cap, minForms: s.minForms, scale: s.scale }));

export interface GradeableBranch {
  name: string;
  /** per source: forms, each 26 grade indices (catalogue order) */
  forms: Record<Src, number[][]>;
  adjustments: number[];
}

export interface Gradeable {
  snapshot: WorkbookSnapshot;
  settings: Settings;
  branches: GradeableBranch[];
  /** settings and roster written to the workbook (else defaults / branches from ratings) */
  writeSettings: boolean;
}

const formArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 26, maxLength: 26 });
/** Mostly uniform forms (so that totals tie and land on band edges), sometimes mixed. */
const formOf = fc.oneof(fc.integer({ min: 0, max: 3 }).map((g) => new Array<number>(26).fill(g)), formArb);

function spell(g: number, pick: number): string {
  const list = SPELLINGS[g];
  return list[pick % list.length];
}

const SPACES = ['', '', ' ', FW_SPACE];

export const gradeable: fc.Arbitrary<Gradeable> = fc
  .record({
    settings: settingsArb,
    writeSettings: fc.boolean(),
    roster: fc.boolean(),
    names: fc.uniqueArray(fc.constantFrom(...BRANCH_NAMES, ...HOSTILE_TEXTS.filter((t) => !/^\s|\s$|[\n\t\r]/.test(t))), { minLength: 1, maxLength: 5 }),
    layouts: fc.record({ 组织考核: fc.constantFrom('forms', 'long'), 民主测评: fc.constantFrom('forms', 'long', 'tally'), 自评: fc.constantFrom('forms', 'long') }),
    headerSeeds: fc.array(fc.nat(), { minLength: 26 * 3, maxLength: 26 * 3 }),
    spellSeed: fc.nat(),
    titles: fc.boolean(),
    order: fc.infiniteStream(fc.nat()),
  })
  .chain((g) =>
    fc
      .record({
        branches: fc.tuple(
          ...g.names.map((name) =>
            fc.record({
              name: fc.constant(name),
              forms: fc.record({
                组织考核: fc.array(formOf, { minLength: 1, maxLength: 3 }),
                民主测评: fc.array(formOf, { minLength: 5, maxLength: 9 }),
                自评: fc.array(formOf, { minLength: 1, maxLength: 2 }),
              }),
              adjustments: fc.array(fc.constantFrom(-12, -5, -2, -0.5, 0.5, 1, 2, 3, 8), { maxLength: 3 }),
            }),
          ),
        ),
        headers: fc.tuple(...CODES.map((_, k) => indicatorHeader(k))),
      })
      .map(({ branches, headers }) => buildGradeable(g, branches, headers)),
  );

function buildGradeable(
  g: { settings: Settings; writeSettings: boolean; roster: boolean; layouts: Record<Src, string>; spellSeed: number; titles: boolean; order: fc.Stream<number> },
  branches: GradeableBranch[],
  headers: string[],
): Gradeable {
  const sheets: SheetSnapshot[] = [];
  let pick = g.spellSeed;
  const cell = (grade: number): string => {
    pick = (pick * 1103515245 + 12345) % 2147483648;
    return SPACES[pick % 4] + spell(grade, pick >> 3) + SPACES[(pick >> 5) % 4];
  };
  const SOURCES: Src[] = ['组织考核', '民主测评', '自评'];
  for (const src of SOURCES) {
    const layout = g.layouts[src];
    const values: CellValue[][] = [];
    if (g.titles) values.push([`2026年度${src}表`]);
    if (layout === 'forms') {
      values.push(['党支部', ...headers]);
      for (const b of branches) for (const f of b.forms[src]) values.push([b.name, ...f.map(cell)]);
    } else if (layout === 'long') {
      values.push(['党支部', '编号', '等级']);
      for (const b of branches) for (const f of b.forms[src]) f.forEach((grade, k) => values.push([b.name, CODES[k], cell(grade)]));
    } else {
      for (const b of branches) {
        values.push([`党支部：${b.name}`]);
        values.push(['编号', '优秀', '较好', '一般', '差']);
        CODES.forEach((code, k) => {
          const counts = [0, 0, 0, 0];
          for (const f of b.forms[src]) counts[f[k]]++;
          values.push([code, ...counts]);
        });
        values.push([]);
      }
    }
    sheets.push({ name: src, values, merges: g.titles ? ['A1:E1'] : [] });
  }
  if (g.roster) sheets.push({ name: '支部名单', values: [['党支部'], ...branches.map((b) => [b.name])], merges: [] });
  const adj = branches.flatMap((b) => b.adjustments.map((a) => [b.name, '日常抽检', '2026-06-01', '检查', a] as CellValue[]));
  if (adj.length > 0) sheets.push({ name: '抽检记录', values: [['党支部', '类型', '日期', '事由', '加减分'], ...adj], merges: [] });
  const s = g.settings;
  if (g.writeSettings) {
    sheets.push({
      name: '考核参数',
      values: [
        ['参数', '值'],
        ['年度', 2026],
        ['优秀系数', s.scale[0]], ['较好系数', s.scale[1]], ['一般系数', s.scale[2]], ['差系数', s.scale[3]],
        ['组织考核权重', s.written[0]], ['民主测评权重', s.written[1]], ['自评权重', s.written[2]],
        ['优秀分数线', s.thresholds[0]], ['较好分数线', s.thresholds[1]], ['一般分数线', s.thresholds[2]],
        ['总分小数位', s.decimals], ['排名方式', s.ranking], ['民主测评最少份数', s.minForms], ['加减分上限', s.cap],
      ],
      merges: [],
    });
  }
  const it = g.order[Symbol.iterator]();
  for (let i = sheets.length - 1; i > 0; i--) {
    const j = (it.next().value as number) % (i + 1);
    [sheets[i], sheets[j]] = [sheets[j], sheets[i]];
  }
  const settings: Settings = g.writeSettings
    ? s
    : { weights: [0.6, 0.4, 0], written: [0.6, 0.4, 0], thresholds: [90, 80, 70], decimals: 1, ranking: '并列占位', cap: 10, minForms: 5, scale: [1, 0.85, 0.75, 0.6] };
  return { snapshot: { sheets }, settings, branches, writeSettings: g.writeSettings };
}

/** SPEC §3 computed independently, in floating point: the total before rounding. */
export function expectedRawTotal(b: GradeableBranch, s: Settings): number {
  const SOURCES: Src[] = ['组织考核', '民主测评', '自评'];
  let total = 0;
  SOURCES.forEach((src, k) => {
    if (s.weights[k] === 0) return;
    let score = 0;
    INDICATORS.forEach((ind, i) => {
      const forms = b.forms[src];
      const mean = forms.reduce((sum, f) => sum + s.scale[f[i]], 0) / forms.length;
      score += ind.points * mean;
    });
    total += s.weights[k] * score;
  });
  const adj = Math.max(-s.cap, Math.min(s.cap, b.adjustments.reduce((x, y) => x + y, 0)));
  return Math.max(0, Math.min(100, total + adj));
}
