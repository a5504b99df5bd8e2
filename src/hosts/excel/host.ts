/**
 * The Office.js host: the product's WorkbookHost inside Excel, plus the task pane's Excel-only actions
 * (go to a cell, highlight problem cells, add drop-downs, open an exported workbook).
 *
 * `Excel` is passed in (never taken from the global) so tests run it against the stand-in in
 * test/support/fake-excel; `isSetSupported` likewise.
 */
import type { CellRef, Text } from '../../core/types';
import type { WorkbookHost } from '../../workbook/host';
import type { WorkbookPlan } from '../../workbook/plan';
import { dropDownAlert } from '../../workbook/plans/sheet';
import { address, parseRange, type WorkbookSnapshot } from '../../workbook/snapshot';
import { cosmeticIssue, type CosmeticIssue, ExcelHostError, officeCode, protectionError, toHostError, toUserMessage, unsupportedError } from './errors';
import { partWayError, writeProgress, type WriteProgress } from './progress';
import {
  Bounds,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_PAYLOAD_BYTES,
  detectFeatures,
  Features,
  IsSetSupported,
  MIN_EXCEL_API,
  officeIsSetSupported,
} from './options';
import { PLATFORM_TEXT, type ExcelPlatform } from './platform';
import { readWorkbook } from './read';
import { runExcel, watchCellEdit, type CellEditWait } from './run';
import { areaLists, planWrite, type Cosmetic, type WriteJob } from './write';

export interface ExcelHostOptions {
  /** cells per request before reads and writes are split into row blocks (default 5,000,000) */
  maxCellsPerRequest?: number;
  /** request bytes before writes are split into row blocks (default 4.5 MB; Excel on the web refuses 5 MB) */
  maxPayloadBytes?: number;
  /** `Office.context.requirements.isSetSupported`, injectable for tests */
  isSetSupported?: IsSetSupported;
  /** where Excel runs (see platform.ts); decides what exportWorkbook tells the user */
  platform?: ExcelPlatform;
  /**
   * Told `true` when a batch has not started after `afterMs` (default 3 s): Excel on Windows and Mac holds
   * batches while the user edits a cell, without limit (office-js #806); `false` once it runs. Every batch
   * the host makes is watched (reads, writes, go to a cell, highlights, drop-downs, new workbooks), since
   * `Excel` is wrapped once in the constructor. The pane shows the terms' cellEditWait meanwhile. Timers
   * injectable for tests.
   */
  cellEditWait?: CellEditWait;
}

/**
 * The always-true rule of the product's highlight conditional formats. N("…") is 0, so the rule holds for
 * every cell; the text makes the rule recognisably ours, so removing highlights deletes only these and
 * never the user's own formats or conditional formats.
 */
export const HIGHLIGHT_FORMULA = '=N("BranchAssessment")=0';
const HIGHLIGHT_FILL = '#FFC7CE';
const HIGHLIGHT_FONT = '#9C0006';

export interface DropDownRange {
  sheet: string;
  range: string;
  list: string[];
}

export class ExcelHost implements WorkbookHost {
  private readonly bounds: Bounds;
  private readonly isSetSupported: IsSetSupported;
  private readonly platform: ExcelPlatform;
  /** `Excel` as given, wrapped once so that every batch reports a wait for a cell being edited */
  private readonly excel: typeof Excel;
  /** protection as last read (readSnapshot), used by the next applyPlan */
  private protectedSheets = new Set<string>();
  /** workbook structure protection as last read */
  private structureProtected = false;
  /** the last read needed blocks: the next starts with them instead of a sync that fails */
  private largeWorkbook = false;
  /** Excel's calculation was manual at the last read: recalculate after writing what user formulas read */
  private manualCalculation = false;
  /** what the last applyPlan could not apply (cosmetics) */
  private issues: CosmeticIssue[] = [];
  private tempSeq = 0;
  /** requests Excel refused for their size and the host split in two (tests read it) */
  splits = 0;
  /**
   * The last applyPlan's estimate of each write request it sent, in bytes, in order (statements only:
   * the request overhead, REQUEST_OVERHEAD_BYTES, is kept free on top). Tests hold it against what
   * office.js actually sends, so the constants in write.ts cannot drift.
   */
  requestEstimates: number[] = [];

  constructor(excel: typeof Excel, options: ExcelHostOptions = {}) {
    this.excel = watchCellEdit(excel, options.cellEditWait);
    this.bounds = {
      maxCellsPerRequest: options.maxCellsPerRequest ?? DEFAULT_MAX_CELLS,
      maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    };
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported();
    this.platform = options.platform ?? 'other';
  }

  private features(): Features {
    if (!this.isSetSupported('ExcelApi', MIN_EXCEL_API)) throw unsupportedError(`ExcelApi ${MIN_EXCEL_API}`);
    return detectFeatures(this.isSetSupported);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    try {
      const r = await readWorkbook(this.excel, this.features(), this.bounds, this.largeWorkbook);
      this.largeWorkbook = r.blocks === true;
      this.protectedSheets = r.protectedSheets;
      this.structureProtected = r.structureProtected;
      this.manualCalculation = r.manualCalculation === true;
      return r.snapshot;
    } catch (e) {
      throw toHostError(e);
    }
  }

  async applyPlan(plan: WorkbookPlan): Promise<void> {
    const features = this.features();
    this.issues = [];
    // Protection as last read: refuse before anything is written, naming what blocks the write.
    const creates = plan.sheets.some((s) => s.mode === 'new');
    if (creates && this.structureProtected) throw protectionError({ structure: true });
    for (const s of plan.sheets) {
      // a replaced sheet is written into (never deleted), so its protection blocks the write too
      const target = s.mode === 'fill' ? s.name : s.replaces;
      if (target !== undefined && this.protectedSheets.has(target)) throw protectionError({ sheet: target });
    }
    this.requestEstimates = [];
    const temps: string[] = [];
    const id = `${Date.now().toString(36)}${(this.tempSeq++).toString(36)}`;
    const stamp = `~BA${id}`;
    let job: WriteJob | undefined;
    let failure: unknown;
    /** milestones proven by requests that committed (their names are checked again after a failure) */
    const reached = new Set<number>();
    /** milestones in the request that failed: unknown when the check after the failure cannot run */
    let inFailed: number[] = [];
    try {
      await runExcel(this.excel, async (context) => {
        const planned = planWrite(context, plan, {
          features,
          bounds: this.bounds,
          tempName: (i) => `${stamp}-${i}`,
          milestoneName: (i) => `BranchAssessment_step_${id}_${i}`,
        });
        job = planned;
        temps.push(...planned.tempNames);
        const app = context.workbook.application;
        const queue = [...planned.requests];
        for (let request = queue.shift(); request !== undefined; request = queue.shift()) {
          planned.beginRequest();
          if (planned.suspendCalculation) app.suspendApiCalculationUntilNextSync();
          if (features.screenUpdating) app.suspendScreenUpdatingUntilNextSync();
          for (const s of request) s.run();
          // Manual calculation: user formulas over 考核汇总 (rewritten in place) or over the office's own
          // summary (filled) would keep their old results; recalculate as F9 does, last.
          if (queue.length === 0 && planned.recalculate && this.manualCalculation) app.calculate('Recalculate' as Excel.CalculationType);
          const marks = request.flatMap((s) => s.marks ?? []);
          this.requestEstimates.push(request.reduce((n, s) => n + s.bytes, 0));
          try {
            // One request per payload block: a normal workbook has one or two.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload block, only past the size bound
            await context.sync();
            for (const m of marks) reached.add(m);
          } catch (e) {
            // Excel on the web refuses a request over 5 MB whole, before running any of it: the same
            // statements go again in two halves (the estimate is an upper bound, so this is rare).
            if (officeCode(e) !== 'RequestPayloadSizeLimitExceeded' || request.length < 2) {
              inFailed = marks;
              throw e;
            }
            const half = Math.ceil(request.length / 2);
            queue.unshift(request.slice(0, half), request.slice(half));
            this.splits += 1;
          }
        }
        this.issues = planned.verify().map(cosmeticIssue);
      });
    } catch (e) {
      failure = e;
    }
    if (failure === undefined) return;
    // How far the write got: the milestone names present now (Excel stops at the first failed statement
    // and keeps what ran before it), then the temporary sheets and those names are removed.
    const milestones = job?.milestones ?? [];
    // Refused for a cell being edited (Excel on the web, office-js #1393): Excel refuses the request whole,
    // before running any of it, and a batch to look or tidy up would be refused the same; none is sent.
    const editing = officeCode(failure) === 'InvalidOperationInCellEditMode';
    const found = editing ? new Set<string>() : await this.settle(temps, milestones.map((m) => m.name));
    if (found) milestones.forEach((m, i) => found.has(m.name) && reached.add(i));
    // The cosmetics end the last request, after the "results" milestone: when it was reached, all results
    // are in place and only a cosmetic failed. Retry those one by one and report the ones Excel refuses.
    if (milestones.some((m, i) => m.milestone.kind === 'results' && reached.has(i))) {
      this.issues = await this.retryCosmetics(job?.cosmetics ?? [], plan.activate);
      return;
    }
    const progress = writeProgress(
      milestones.map((m) => m.milestone),
      reached,
      found ? [] : inFailed,
    );
    throw await this.explain(failure, progress);
  }

  /**
   * What the last applyPlan could not apply although the results are in: freeze panes, print setup or tab
   * colour Excel refused or ignored (office-js #2196, #1860). The task pane shows them as warnings.
   */
  cosmeticIssues(): CosmeticIssue[] {
    return [...this.issues];
  }

  /**
   * After a failed apply: which milestone names exist (undefined when that cannot be read); then the
   * leftover temporary sheets and milestone names are deleted (two syncs at most; a failure here must not
   * hide the first one).
   */
  private async settle(temps: string[], proofs: string[]): Promise<Set<string> | undefined> {
    if (temps.length === 0 && proofs.length === 0) return new Set();
    let found: Set<string> | undefined;
    try {
      await runExcel(this.excel, async (context) => {
        const list = context.workbook.worksheets;
        list.load('items/name');
        const names = context.workbook.names;
        names.load('items/name');
        await context.sync();
        found = new Set(names.items.map((n) => n.name).filter((n) => proofs.includes(n)));
        const left = list.items.filter((w) => temps.includes(w.name));
        for (const w of left) w.delete();
        for (const n of names.items) if (found.has(n.name)) n.delete();
        if (left.length > 0 || found.size > 0) await context.sync();
      });
    } catch {
      // best effort: the sheets carry a recognisable "~BA" name the user can delete
    }
    return found;
  }

  /** Each cosmetic in its own sync (only after one failed), then the sheet to show; never throws. */
  private async retryCosmetics(cosmetics: Cosmetic[], activate: string | undefined): Promise<CosmeticIssue[]> {
    const failed: CosmeticIssue[] = [];
    try {
      await runExcel(this.excel, async (context) => {
        const sheets = context.workbook.worksheets;
        for (const c of cosmetics) {
          try {
            c.run(sheets);
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per cosmetic, only after one failed
            await context.sync();
          } catch {
            failed.push(cosmeticIssue(c));
          }
        }
        if (activate !== undefined) {
          sheets.getItem(activate).activate();
          await context.sync();
        }
      });
    } catch {
      // the results are in; a sheet that cannot be shown is not worth an error
    }
    return failed;
  }

  /**
   * The user's message for a failed apply: what was changed and what not (progress), with the cause; for
   * AccessDenied, which protection blocked it (one more sync).
   */
  private async explain(failure: unknown, progress: WriteProgress): Promise<ExcelHostError> {
    let error = toHostError(failure);
    if (officeCode(failure) === 'AccessDenied') {
      try {
        const found = await runExcel(this.excel, async (context) => {
          const wp = context.workbook.protection;
          wp.load('protected');
          const list = context.workbook.worksheets;
          list.load('items/name, items/protection/protected');
          await context.sync();
          const sheet = list.items.find((w) => w.protection.protected)?.name;
          return { structure: wp.protected, sheet };
        });
        if (found.structure || found.sheet !== undefined) error = protectionError(found, failure);
      } catch {
        // fall back to the general protection message
      }
    }
    return partWayError(error, progress);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.features();
    try {
      await runExcel(this.excel, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  /**
   * Colour problem cells (on) or remove that colouring (off). The colour is a conditional format with
   * HIGHLIGHT_FORMULA, so the user's fills and fonts are never touched, and only our rules are removed.
   * Turning on replaces all our earlier highlights with one rule per sheet covering every problem cell
   * there (ExcelApi 1.9; one rule per cell before). Off removes ours: on the sheets of `refs`, or on every
   * sheet when no refs are given. Sheets that are gone or protected are skipped.
   *
   * Our rules are found per sheet by their formula, never by `ConditionalFormat.id`: that id is only the
   * rule's priority within the collection it was read from (Excel.ConditionalFormat reference), so it
   * repeats across sheets and shifts when a rule above it is deleted. Within a sheet, ours are deleted from
   * the lowest priority up, so the positions of the rest do not move.
   */
  async setHighlights(refs: CellRef[], on: boolean): Promise<void> {
    const features = this.features();
    try {
      await runExcel(this.excel, async (context) => {
        const list = context.workbook.worksheets;
        list.load('items/name, items/protection/protected');
        await context.sync();

        const usable = new Map(list.items.filter((w) => !w.protection.protected).map((w) => [w.name, w]));
        const cells = new Map<string, string[]>();
        for (const ref of refs) {
          if (!usable.has(ref.sheet)) continue;
          let mine = cells.get(ref.sheet);
          if (!mine) cells.set(ref.sheet, (mine = []));
          // repeats are joined by highlightAreas, so no search here (it made 50,000 cells quadratic)
          mine.push(ref.cell);
        }
        const clearOn = on || refs.length === 0 ? [...usable.keys()] : [...cells.keys()];
        const collections = clearOn.map((name) => {
          const cfs = (usable.get(name) as Excel.Worksheet).getRange().conditionalFormats;
          cfs.load('items/type');
          return cfs;
        });
        await context.sync();

        const rules = collections.map((cfs) =>
          cfs.items.map((cf) => {
            if (cf.type !== 'Custom') return undefined;
            const rule = cf.custom.rule;
            rule.load('formula');
            return rule;
          }),
        );
        await context.sync();

        collections.forEach((cfs, k) => {
          for (let i = cfs.items.length - 1; i >= 0; i--) {
            if (rules[k][i]?.formula === HIGHLIGHT_FORMULA) cfs.items[i].delete();
          }
        });
        if (on) {
          for (const [name, list] of cells) {
            const ws = usable.get(name) as Excel.Worksheet;
            const targets = features.rangeAreas
              ? highlightAreas(list).map((a) => ws.getRanges(a).conditionalFormats)
              : [...new Set(list)].map((c) => ws.getRange(c).conditionalFormats);
            for (const t of targets) {
              const cf = t.add('Custom' as Excel.ConditionalFormatType);
              cf.custom.rule.formula = HIGHLIGHT_FORMULA;
              cf.custom.format.fill.color = HIGHLIGHT_FILL;
              cf.custom.format.font.color = HIGHLIGHT_FONT;
            }
          }
        }
        await context.sync();
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  /**
   * Grade drop-downs (data validation lists, ExcelApi 1.8). A range that already has any validation is left
   * alone (it is the user's rule, possibly deliberate), as is a range on a protected or missing sheet, or a
   * list Excel cannot take literally (an item with a comma, or over 255 characters in all). `added` counts
   * the ranges that got a drop-down.
   */
  async addDropDowns(ranges: DropDownRange[]): Promise<{ added: number; unsupported: boolean }> {
    const features = this.features();
    if (!features.validation) return { added: 0, unsupported: true };
    try {
      return await runExcel(this.excel, async (context) => {
        const list = context.workbook.worksheets;
        list.load('items/name, items/protection/protected');
        await context.sync();

        const usable = new Map(list.items.filter((w) => !w.protection.protected).map((w) => [w.name, w]));
        const candidates = ranges
          .filter((r) => usable.has(r.sheet) && literalList(r.list) !== undefined)
          .map((r) => {
            const dv = (usable.get(r.sheet) as Excel.Worksheet).getRange(r.range).dataValidation;
            dv.load('type');
            return { dv, source: literalList(r.list) as string, alert: dropDownAlert(r.list) };
          });
        await context.sync();

        const fresh = candidates.filter((c) => c.dv.type === 'None');
        for (const c of fresh) {
          c.dv.rule = { list: { inCellDropDown: true, source: c.source } };
          // a warning, not a stop: other spellings on the scale are read and checked by the product
          c.dv.errorAlert = { showAlert: true, style: 'Warning' as Excel.DataValidationAlertStyle.warning, ...c.alert };
        }
        if (fresh.length > 0) await context.sync();
        return { added: fresh.length, unsupported: false };
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  /**
   * Open an .xlsx (base64) as a new workbook window (ExcelApi 1.8). On Mac the window opens behind the
   * current one (office-js #6943), so `note` tells the user where it is.
   */
  async exportWorkbook(xlsxBase64: string): Promise<{ unsupported: boolean; note?: Text }> {
    const features = this.features();
    if (!features.createWorkbook) return { unsupported: true };
    try {
      await this.excel.createWorkbook(xlsxBase64);
      return this.platform === 'mac' ? { unsupported: false, note: PLATFORM_TEXT.newWorkbookBehind } : { unsupported: false };
    } catch (e) {
      throw toHostError(e);
    }
  }
}

/**
 * A sheet's problem cells as getRanges addresses: cells of one column in consecutive rows joined into
 * one area ("C3:C9"), areas joined by commas, at most MAX_AREAS areas and MAX_AREAS_CHARS characters a
 * list (getRanges fails near 8,192 characters or about 500 areas, office-js #5198). Linear in the cells
 * named plus a sort of the row runs: a range reference ("C3:Z20000") is kept as one row run per column,
 * never expanded cell by cell (the quadratic version took 33 s for 50,000 cells, 98 s for that range).
 */
export function highlightAreas(cells: string[]): string[] {
  const byCol = new Map<number, [number, number][]>();
  for (const a1 of cells) {
    const { r0, c0, r1, c1 } = parseRange(a1);
    for (let c = c0; c <= c1; c++) {
      let runs = byCol.get(c);
      if (!runs) byCol.set(c, (runs = []));
      runs.push([r0, r1]);
    }
  }
  const areas: string[] = [];
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const runs = (byCol.get(c) as [number, number][]).sort((a, b) => a[0] - b[0]);
    let [start, end] = runs[0];
    for (let i = 1; i <= runs.length; i++) {
      if (i < runs.length && runs[i][0] <= end + 1) {
        end = Math.max(end, runs[i][1]);
        continue;
      }
      areas.push(start === end ? address(start, c) : `${address(start, c)}:${address(end, c)}`);
      if (i < runs.length) [start, end] = runs[i];
    }
  }
  return areaLists(areas).map((list) => list.join(','));
}

/** "优秀,较好,一般,差", or undefined when Excel cannot take the list as literal text. */
function literalList(items: string[]): string | undefined {
  if (items.length === 0 || items.some((s) => s.includes(','))) return undefined;
  const source = items.join(',');
  return source.length <= 255 ? source : undefined;
}

export { ExcelHostError, toUserMessage };
