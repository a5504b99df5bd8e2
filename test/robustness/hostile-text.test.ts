/**
 * Property 3: hostile text is carried as plain text everywhere. Branch names such as "__proto__",
 * formula-looking cells, a 32,767-character cell, right-to-left overrides, emoji ZWJ sequences and
 * control characters are graded like any other name, never pollute Object.prototype, round-trip through
 * the JSON report, are neutralised in the CSV export (numbers stay numbers), and stay text (not formulas)
 * in the written .xlsx.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CellValue } from '../../src/core/types';
import { applyPlan, loadWorkbook, saveWorkbook, snapshotOf } from '../../src/hosts/xlsx';
import { csvField, notificationRows, summaryRows, toCsv, BOM } from '../../src/workbook/csv';
import { runAssessment, type RunOutcome } from '../../src/workbook/pipeline';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { CODES, hostileText, runs } from './arbitraries';
import { allProblems, MAX_CELL_TEXT } from './invariants';
import { xlsxOf } from './xlsx';

const LONG = '长'.repeat(MAX_CELL_TEXT - 1) + '尾'; // exactly Excel's limit

/** Names a roster may hold that must be graded like any other (no leading/trailing white space: names are trimmed). */
const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  "=cmd|'/c calc'!A1",
  '+SUM(1)',
  '-2+3',
  '@A1',
  '=HYPERLINK("#A1","点我")',
  '\u202eكتب\u202c 党支部',
  'עברית\u202e支部',
  '👨‍👩‍👧‍👦党支部🏳️‍🌈',
  '🇨🇳支部',
  'a\u0001b\u0007c\u001bd\u007f',
  '"quoted", comma',
  'line1\nline2',
  "O'Brien 支部",
  '<img src=x onerror=alert(1)>',
  LONG,
  '甲支部',
];
const NORMAL = '甲支部';
const FORMULA_START = /^[=+\-@\t\r]/;

function forms(names: string[], n: number, grade: string): CellValue[][] {
  return names.flatMap((b) => Array.from({ length: n }, (_, i) => [b, i === 0 ? '党外群众' : '党员', ...CODES.map((c) => (c === '2.1' && i === 0 ? '较好' : grade))]));
}

function hostileWorkbook(names: string[]): WorkbookSnapshot {
  return {
    sheets: [
      { name: '支部名单', values: [['党支部', '所属总支'], ...names.map((n, i) => [n, i % 2 ? '__proto__' : '=1+2'])], merges: [] },
      { name: "民主'测评", values: [['测评类型：民主测评'], ['党支部', '身份', ...CODES], ...forms(names, 5, '优秀')], merges: [] },
      { name: '组织考核', values: [['党支部', '身份', ...CODES], ...forms(names, 2, '较好')], merges: [] },
      { name: '抽检记录', values: [['党支部', '类型', '事由', '加减分'], ['__proto__', '日常抽检', '=1+1', -2], ['constructor', '专题抽检', '@SUM(1)', 1.5]], merges: [] },
    ],
  };
}

function prototypeState(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort(), Object.keys(Object.prototype)]);
}

function expectPrototypesUntouched(before: string): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.优秀).toBeUndefined();
  expect(probe['甲支部']).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(typeof probe.toString).toBe('function');
  expect(typeof probe.hasOwnProperty).toBe('function');
  expect(typeof probe.constructor).toBe('function');
  expect(prototypeState()).toBe(before);
}

describe('hostile names are plain names', () => {
  let outcome: RunOutcome;
  let snapshot: WorkbookSnapshot;
  const before = prototypeState();

  beforeAll(() => {
    snapshot = hostileWorkbook([...new Set(HOSTILE_NAMES)]);
    outcome = runAssessment(snapshot, { lang: 'zh', date: '2026-12-20' });
  });

  it('every hostile branch is graded exactly like a plain one; Object.prototype is untouched', () => {
    expectPrototypesUntouched(before);
    expect(allProblems(snapshot, outcome)).toEqual([]);
    const names = [...new Set(HOSTILE_NAMES)];
    expect(outcome.result.branches.map((b) => b.name)).toEqual(names);
    const plain = outcome.result.branches.find((b) => b.name === NORMAL)!;
    // 0.6 × 85 (组织考核 all 较好) + 0.4 × (100 − 4 × 0.15 / 5) (民主测评: one 较好 on 2.1) = 90.952 → 91.0, second after constructor's +1.5
    expect(plain).toMatchObject({ status: 'graded', total: 91, grade: '优秀', rank: 2, tied: true });
    for (const b of outcome.result.branches) {
      const adj = b.name === '__proto__' ? -2 : b.name === 'constructor' ? 1.5 : 0;
      expect({ name: b.name, status: b.status, total: b.total }).toEqual({ name: b.name, status: 'graded', total: Math.round(((plain.total as number) + adj) * 10) / 10 });
      expect(b.group).toBe(names.indexOf(b.name) % 2 ? '__proto__' : '=1+2');
    }
    expect(outcome.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the JSON report round-trips every name exactly (RTL overrides, ZWJ emoji, control characters, 32,767 characters)', () => {
    const back = JSON.parse(JSON.stringify(outcome.report));
    expect(back.branches.map((b: { name: string }) => b.name)).toEqual([...new Set(HOSTILE_NAMES)]);
    expect(back.branches.find((b: { name: string }) => b.name.length === MAX_CELL_TEXT)).toBeDefined();
    expect(back).toEqual(outcome.report);
    expectPrototypesUntouched(before);
  });

  it('the CSV export neutralises formula-looking text, keeps numbers numbers, and parses back to the same fields', () => {
    for (const rows of [summaryRows(outcome.result, 'zh'), notificationRows(outcome.notification, 'en')]) {
      const csv = toCsv(rows);
      expect(csv.startsWith(BOM)).toBe(true);
      const parsed = parseCsv(csv.slice(BOM.length));
      expect(parsed).toHaveLength(rows.length);
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const field = parsed[r][c];
          if (typeof v === 'number') expect(field).toBe(String(v));
          else if (typeof v === 'string') expect(field).toBe(FORMULA_START.test(v) ? `'${v}` : v);
          else if (v === null || v === undefined) expect(field).toBe('');
        }),
      );
      // no field that a spreadsheet would run as a formula
      for (const row of parsed) for (const field of row) if (FORMULA_START.test(field)) expect(Number.isFinite(Number(field))).toBe(true);
    }
    const summary = parseCsv(toCsv(summaryRows(outcome.result, 'zh')).slice(1));
    const header = summary[0];
    const row = summary.find((r) => r[header.indexOf('党支部')] === "'=cmd|'/c calc'!A1")!;
    expect(row).toBeDefined();
    expect(row[header.indexOf('所属总支')]).toBe("'=1+2");
    const proto = summary.find((r) => r[header.indexOf('党支部')] === '__proto__')!;
    expect(proto[header.indexOf('加减分')]).toBe('-2');
    expect(summary.find((r) => r[header.indexOf('党支部')] === "'-2+3")).toBeDefined();
  });

  it('csvField: any string starting with = + - @ tab or CR is prefixed; other strings and all numbers are unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()), (v) => {
        const field = csvField(v);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        if (typeof v === 'number') expect(Number(unquoted)).toBe(v === 0 ? 0 : v);
        else expect(unquoted).toBe(FORMULA_START.test(v) ? `'${v}` : v);
      }),
      runs(300),
    );
  });
});

/** RFC 4180 with CRLF records (the export's format). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The written .xlsx

function inputSheets(s: WorkbookSnapshot): SheetSnapshot[] {
  return s.sheets.filter((x) => x.createdBy === undefined);
}

describe('hostile text in the written workbook', () => {
  it('input → grade → applyPlan → save → reload: names stay text (never formulas), raw sheets unchanged, links quote odd sheet names', async () => {
    const names = [...new Set(HOSTILE_NAMES)];
    const bytes = await xlsxOf(hostileWorkbook(names));
    const wb = await loadWorkbook(bytes);
    const input = snapshotOf(wb);
    // the host reads formula-looking strings as the strings they are (ExcelJS drops the C0 controls XML cannot hold)
    const stored = names.map((n) => n.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
    expect(input.sheets[0].values.slice(1).map((r) => r[0])).toEqual(stored);
    expect(input.sheets.some((s) => s.formulas)).toBe(false);

    const outcome = runAssessment(input, { lang: 'zh', date: '2026-12-20' });
    expect(allProblems(input, outcome)).toEqual([]);
    applyPlan(wb, outcome.plan);
    const saved = await saveWorkbook(wb);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(saved as unknown as ArrayBuffer);
    const summary = back.getWorksheet('考核汇总')!;
    expect(summary).toBeDefined();
    const found = new Map<string, ExcelJS.Cell>();
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && stored.includes(cell.value)) found.set(cell.value, cell);
      }),
    );
    expect([...found.keys()].sort()).toEqual([...stored].sort());
    for (const cell of found.values()) expect(cell.type).toBe(ExcelJS.ValueType.String);

    // nowhere in the written workbook does a hostile text become a formula: formulas are only the product's HYPERLINKs
    back.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) expect(cell.formula).toMatch(/^HYPERLINK\("#'[^"]*'![A-Z]+\d+(:[A-Z]+\d+)?","[^"]*"\)$/);
        }),
      ),
    );

    const reread = snapshotOf(await loadWorkbook(saved));
    expect(inputSheets(reread).map((s) => ({ name: s.name, values: s.values }))).toEqual(input.sheets.map((s) => ({ name: s.name, values: s.values })));
    // a link into "民主'测评" doubles the apostrophe inside the quoted sheet name
    const checks = back.getWorksheet('校验问题')!;
    const links: string[] = [];
    checks.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && links.push(cell.formula))));
    for (const f of links.filter((x) => x.includes('测评'))) expect(f).toContain("#'民主''测评'!");
  });
});
