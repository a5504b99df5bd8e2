/** Snapshots and fake hosts built in code, for the task-pane tests. */
import type { WorkbookHost } from '../../src/workbook/host';
import type { SheetPlan, WorkbookPlan } from '../../src/workbook/plan';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { AppHost, DropDownRange } from '../../src/taskpane/app-host';
import { defaultCatalogue } from '../../src/core/catalogue';
import { defaultRuleset } from '../../src/core/ruleset';
import { buildNotification } from '../../src/core/notification';
import type { BranchResult, CellRef, CellValue, Finding } from '../../src/core/types';
import type { GradeOutcome } from '../../src/taskpane/run';

/** A deep copy (jsdom has no structuredClone). */
function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function sheet(name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values, merges: [], ...extra };
}

/** A snapshot as a host would read it after applying `plan` to an empty workbook (values only). */
export function snapshotOfPlan(plan: WorkbookPlan): WorkbookSnapshot {
  return {
    sheets: plan.sheets
      .filter((s): s is SheetPlan => s.mode === 'new')
      .map((s) => sheet(s.name, s.values.map((r) => r.map((v) => (v === undefined ? null : v))), { merges: [...s.merges] })),
  };
}

/**
 * An in-memory workbook: readSnapshot returns the current sheets; applyPlan records the plan and applies
 * new sheets and fills to the values, so a re-read sees them (as Excel would).
 */
export class MemoryWorkbook implements WorkbookHost {
  readonly applied: WorkbookPlan[] = [];
  constructor(public snapshot: WorkbookSnapshot) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return clone(this.snapshot);
  }

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    this.applied.push(clone(plan));
    for (const p of plan.sheets) {
      if (p.mode === 'new') {
        const next = sheet(p.name, p.values.map((r) => [...r]), {
          createdBy: p.kind === 'template' ? undefined : p.kind,
        });
        const at = this.snapshot.sheets.findIndex((s) => s.name === (p.replaces ?? p.name));
        if (at >= 0) this.snapshot.sheets[at] = next;
        else this.snapshot.sheets.push(next);
      } else {
        const target = this.snapshot.sheets.find((s) => s.name === p.name);
        if (!target) throw new Error(`no sheet ${p.name}`);
        for (const { cell, value } of p.cells) {
          const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
          let c = 0;
          for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
          const r = Number(m[2]) - 1;
          while (target.values.length <= r) target.values.push([]);
          target.values[r][c - 1] = value;
        }
      }
    }
  }
}

export interface FakeCalls {
  selectCell: CellRef[];
  highlights: { refs: CellRef[]; on: boolean }[];
  dropDowns: DropDownRange[][];
  exported: string[];
  downloads: { name: string; data: Uint8Array | string; mime: string }[];
}

export function fakeExcelHost(workbook: MemoryWorkbook | null, opts: { dropDownsUnsupported?: boolean } = {}) {
  const calls: FakeCalls = { selectCell: [], highlights: [], dropDowns: [], exported: [], downloads: [] };
  const host: AppHost = {
    kind: 'excel',
    workbookHost: () => workbook,
    selectCell: async (sheetName, cell) => {
      calls.selectCell.push({ sheet: sheetName, cell });
    },
    setHighlights: async (refs, on) => {
      calls.highlights.push({ refs, on });
    },
    addDropDowns: async (ranges) => {
      calls.dropDowns.push(ranges);
      return opts.dropDownsUnsupported ? { added: 0, unsupported: true } : { added: ranges.length, unsupported: false };
    },
    exportWorkbook: async (b64) => {
      calls.exported.push(b64);
      return { unsupported: false };
    },
    download: (name, data, mime) => {
      calls.downloads.push({ name, data, mime });
    },
  };
  return { host, calls };
}

// ---------------------------------------------------------------------------------------------
// A hand-made outcome, for tests that fix what the pipeline says

export function branchResult(over: Partial<BranchResult>): BranchResult {
  return {
    name: 'x',
    status: 'graded',
    total: null,
    grade: null,
    rank: null,
    tied: false,
    sourceScores: { 组织考核: null, 民主测评: null, 自评: null, '自评(半年)': null },
    categoryScores: {},
    adjustment: 0,
    forms: { 组织考核: 0, 民主测评: 0, 自评: 0 },
    indicators: [],
    notes: [],
    ...over,
  };
}

export function fakeOutcome(branches: BranchResult[], findings: Finding[] = []): GradeOutcome {
  const ruleset = { ...defaultRuleset(), year: 2026 };
  const gradeCounts = { 优秀: 0, 较好: 0, 一般: 0, 差: 0 };
  for (const b of branches) if (b.grade) gradeCounts[b.grade]++;
  return {
    recognition: {
      input: { catalogue: defaultCatalogue(), ruleset, roster: null, forms: [], tallies: [], adjustments: [], findings: [] },
      origins: [
        { key: '年度', display: '2026', ref: { sheet: '考核参数', cell: 'B2' } },
        { key: '优秀分数线', display: '90' },
      ],
      sheets: [{ name: '考核参数', role: 'settings' }],
      ratingRanges: [
        { sheet: '民主测评', range: 'C3:AB40', kind: 'grade' },
        { sheet: '票数', range: 'B3:E28', kind: 'count' },
      ],
      nothingRecognised: false,
    },
    result: { year: 2026, ruleset, catalogue: defaultCatalogue(), branches, gradeCounts, findings },
    notification: buildNotification({ year: 2026, ruleset, catalogue: defaultCatalogue(), branches, gradeCounts, findings }, '2026-12-31'),
    plan: {
      sheets: [
        {
          mode: 'new',
          kind: 'summary',
          name: '考核汇总',
          values: [['2026年度党支部工作目标管理考核汇总表'], ['党支部', '总分'], ...branches.map((b) => [b.name, b.total])],
          styles: [],
          merges: [],
          columnWidths: [],
          links: [],
          validations: [],
        },
      ],
    },
    findings,
    exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0,
  };
}
