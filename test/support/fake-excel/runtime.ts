/**
 * The Excel stand-in's engine: the workbook model, `Excel.run`, `context.sync()` with its accounting
 * (syncs, request/response bytes, cells), Excel's payload limits, cell-edit mode, requirement sets and
 * injected failures.
 */
import { FakeRequestContext, OpInfo, QueuedOp } from './api';
import {
  cellOf,
  FakeCell,
  FakeName,
  FakeOfficeError,
  FakeSheet,
  FakeValue,
  newSheet,
  parseA1,
  quoteSheetName,
  Rect,
  rectA1,
  rewriteSheetRefs,
} from './model';

export interface SyncStats {
  /** 1-based, over the runtime's life (or since resetStats) */
  index: number;
  /** which Excel.run it belongs to (1-based) */
  run: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
  cellsWritten: number;
  cellsRead: number;
  calcSuspended: boolean;
  screenSuspended: boolean;
  /** error code when the sync failed */
  failed?: string;
}

export interface FailureInjection {
  code: string;
  message?: string;
  /** 1-based sync index (see SyncStats.index); default: the next sync that has a matching operation */
  sync?: number;
  /** fail just before the first operation this matches (earlier operations of the sync stay applied); default: before the first */
  when?: (op: OpInfo) => boolean;
}

/** Where Excel runs. The differences modelled are listed on FakeExcelRuntime. */
export type FakePlatform = 'windows' | 'mac' | 'ipad' | 'web';

export interface FakeExcelOptions {
  /** ExcelApi version this Excel implements, "1.7" … "1.17"; default "1.17" */
  apiVersion?: string;
  /** default 'web' (the strictest: the only one with a payload limit) */
  platform?: FakePlatform;
  /**
   * request and response payload limit per sync in bytes; default 5 MB on the web and none elsewhere
   * ("Excel on the web limits requests and responses to 5 MB": learn.microsoft.com, Excel JavaScript API
   * performance, payload size limit; office-js-docs-pr #5821)
   */
  payloadLimitBytes?: number;
  /**
   * This build throws GeneralException from WorksheetFreezePanes.freezeRows (some Excel 2019 builds,
   * office-js #2196)
   */
  freezeRowsFails?: boolean;
  /** This Excel ignores fit-to-page zoom settings silently (office-js #1860) */
  ignoresFitToPage?: boolean;
  /**
   * Cells one range read may return (Excel: 5,000,000 on every platform); past it `values` comes back
   * null. Lower only to keep a test fast.
   */
  maxReadCells?: number;
}

export interface SheetSeed {
  /** values from `origin` (default A1), row-major; a string "=…" is a formula whose cached value is null */
  values?: (FakeValue | undefined)[][];
  origin?: string;
  /** formulas with their cached results: { A3: ['=SUM(A1:A2)', 3] } */
  formulas?: Record<string, [string, FakeValue]>;
  merges?: string[];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  /** sheet-scoped defined names → A1 range on this sheet */
  names?: Record<string, string>;
  /** cells' formats: { A1: { fill: '#FFFF00' } } */
  formats?: Record<string, Partial<FakeCell>>;
}

export interface RunRecord {
  delayForCellEdit: boolean;
  syncs: number;
}

const MB = 1024 * 1024;

const PLATFORM_TYPE: Record<FakePlatform, string> = { windows: 'PC', mac: 'Mac', ipad: 'iOS', web: 'OfficeOnline' };

export type FakeAsyncCallback = (r: { status: string; value?: unknown; error?: { code: number; message: string } }) => void;

/** The part of `Office` the stand-in models. */
export interface FakeOffice {
  PlatformType: Record<string, string>;
  FileType: Record<string, string>;
  AsyncResultStatus: { Succeeded: string; Failed: string };
  context: {
    platform: string;
    diagnostics: { platform: string; host: string; version: string };
    requirements: { isSetSupported: (name: string, version?: string) => boolean };
    document: {
      getFileAsync: (type: string, options: { sliceSize?: number } | FakeAsyncCallback, callback?: FakeAsyncCallback) => void;
    };
  };
}

export class FakeExcelRuntime {
  readonly model: {
    sheets: FakeSheet[];
    /** workbook-scoped names */
    names: FakeName[];
    activeSheetId: string | undefined;
    selection: { sheetId: string; address: string } | undefined;
  } = { sheets: [], names: [], activeSheetId: undefined, selection: undefined };

  apiVersion: string;
  readonly platform: FakePlatform;
  payloadLimitBytes: number;
  freezeRowsFails: boolean;
  ignoresFitToPage: boolean;
  maxReadCells: number;
  /** Workbook structure protection (Review → Protect Workbook): no sheet may be added, deleted, renamed or moved */
  structureProtected = false;
  /** for each Excel.createWorkbook call: whether its window opened behind the current one (Mac, office-js #6943) */
  readonly createdWorkbookBehind: boolean[] = [];
  /**
   * The user is typing in a cell. Without delayForCellEdit every batch fails; with it, Windows and Mac
   * wait until the edit ends (endCellEdit), without limit (office-js #806), and the web still refuses
   * (office-js #1393, #3019).
   */
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];
  /** batches waiting for the edit to end */
  get waitingForCellEdit(): number {
    return this.cellEditWaiters.length;
  }
  /** The user presses Enter: waiting batches go on. */
  endCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }
  /**
   * Application.calculationMode: an application-wide setting, so another open workbook can impose Manual
   * (learn.microsoft.com, "Change formula recalculation, iteration, or precision in Excel": the mode of the
   * first workbook opened applies to all). In Manual, formula results stay as last calculated.
   */
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** every Application.calculate that ran, with the sync it ran in and whether calculation was suspended there */
  readonly calculations: { type: string; sync: number; suspended: boolean }[] = [];
  /** what a recalculation changes (tests set the fresh results of their formulas here) */
  onCalculate: (() => void) | undefined = undefined;
  /** every Excel.createWorkbook call's base64 argument */
  readonly createdWorkbooks: string[] = [];
  syncs: SyncStats[] = [];
  runs: RunRecord[] = [];
  private injections: FailureInjection[] = [];
  private current: SyncStats | undefined;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.17';
    this.platform = options.platform ?? 'web';
    this.payloadLimitBytes = options.payloadLimitBytes ?? (this.platform === 'web' ? 5 * MB : Infinity);
    this.freezeRowsFails = options.freezeRowsFails ?? false;
    this.ignoresFitToPage = options.ignoresFitToPage ?? false;
    this.maxReadCells = options.maxReadCells ?? 5_000_000;
  }

  // -------------------------------------------------------------------------------------------
  // The faces the host sees

  /** Stand-in for the global `Excel` namespace (only what is modelled). */
  get excel(): typeof Excel {
    const api = {
      run: (a: unknown, b?: unknown) => this.run(a, b),
      createWorkbook: (base64?: string) => this.createWorkbook(base64),
    };
    return strictNamespace(api, 'Excel') as unknown as typeof Excel;
  }

  /** `Office.context.requirements.isSetSupported` */
  isSetSupported = (name: string, version?: string): boolean => this.supports(name, version ?? '1.1');

  supports(name: string, version: string): boolean {
    // Every platform claims PdfFile, Excel on the web included, although its PDFs come out empty (below).
    if (name === 'PdfFile' || name === 'File') return true;
    if (name !== 'ExcelApi') return false;
    return compareVersion(this.apiVersion, version) >= 0;
  }

  /**
   * Whether `<a download>` / blob links in the task pane save a file. Excel for Mac's task pane ignores
   * them silently, no error, no dialog (office-js #2700 closed by design, #3385, #4681). The DOM side is
   * not modelled; the pane's code asks the host's capabilities, which the tests compare with this.
   */
  get downloadsWork(): boolean {
    // iPad: the same WKWebView task pane as Mac (learn.microsoft.com, browsers used by Office Add-ins)
    return this.platform !== 'mac' && this.platform !== 'ipad';
  }

  /** PDF bytes getFileAsync(Pdf) gives on Windows and Mac (a stand-in, not a real PDF). */
  pdfBytes(): number[] {
    // ASCII only (sheet count, not names), so no TextEncoder is needed in jsdom.
    const text = `%PDF-1.7 fake workbook of ${this.model.sheets.length} sheets`;
    return Array.from(text, (ch) => ch.charCodeAt(0));
  }

  /**
   * Stand-in for the global `Office`: requirements, the platform (Office.context.platform and
   * Office.context.diagnostics.platform, learn.microsoft.com Office.PlatformType), and
   * `document.getFileAsync` for PDF. On Excel on the web getFileAsync(Pdf) reports success with size 0
   * and no slices (office-js #5950, #5473).
   */
  get office(): FakeOffice {
    const platform = PLATFORM_TYPE[this.platform];
    return {
      PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
      FileType: { Pdf: 'pdf', Compressed: 'compressed', Text: 'text' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        platform,
        diagnostics: { platform, host: 'Excel', version: '16.0' },
        requirements: { isSetSupported: this.isSetSupported },
        document: {
          getFileAsync: (type, options, callback) => {
            const cb = typeof options === 'function' ? options : callback;
            const sliceSize = typeof options === 'object' && options?.sliceSize ? options.sliceSize : 4 * MB;
            if (!cb) throw new Error('fake-excel: getFileAsync without a callback is not modelled');
            if (type !== 'pdf') throw new Error(`fake-excel: getFileAsync(${type}) is not modelled`);
            this.fileRequests.push(type);
            const bytes = this.platform === 'web' ? [] : this.pdfBytes();
            const slices: number[][] = [];
            for (let i = 0; i < bytes.length; i += sliceSize) slices.push(bytes.slice(i, i + sliceSize));
            let closed = false;
            setTimeout(() =>
              cb({
                status: 'succeeded',
                value: {
                  size: bytes.length,
                  sliceCount: slices.length,
                  getSliceAsync: (i: number, scb: FakeAsyncCallback) =>
                    setTimeout(() =>
                      closed || i < 0 || i >= slices.length
                        ? scb({ status: 'failed', error: { code: 5001, message: 'An internal error has occurred.' } })
                        : scb({ status: 'succeeded', value: { data: slices[i], index: i, size: slices[i].length } }),
                    ),
                  closeAsync: (ccb?: FakeAsyncCallback) => {
                    closed = true;
                    this.filesClosed += 1;
                    if (ccb) setTimeout(() => ccb({ status: 'succeeded' }));
                  },
                },
              }),
            );
          },
        },
      },
    };
  }

  /** every getFileAsync call's type, and how many files were closed */
  readonly fileRequests: string[] = [];
  filesClosed = 0;

  private async run(a: unknown, b?: unknown): Promise<unknown> {
    let options: Record<string, unknown> = {};
    let batch: unknown = a;
    if (typeof a !== 'function') {
      options = (a ?? {}) as Record<string, unknown>;
      batch = b;
      for (const k of Object.keys(options)) {
        if (k !== 'delayForCellEdit') throw new Error(`fake-excel: Excel.run option ${k} is not modelled`);
      }
    }
    if (typeof batch !== 'function') throw new Error('fake-excel: Excel.run(object, batch) forms are not modelled');
    const record: RunRecord = { delayForCellEdit: options.delayForCellEdit === true, syncs: 0 };
    this.runs.push(record);
    const ctx = new FakeRequestContext(this, record.delayForCellEdit);
    try {
      const p = (batch as (c: FakeRequestContext) => unknown)(ctx);
      if (!p || typeof (p as Promise<unknown>).then !== 'function') {
        throw new FakeOfficeError('RunMustReturnPromise', 'The batch function passed to Excel.run must return a promise.');
      }
      const result = await p;
      // Excel.run sends whatever is still queued when the batch resolves (one more round trip).
      if (ctx._queue.length > 0) await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
      ctx._queue = [];
    }
  }

  private async createWorkbook(base64?: string): Promise<void> {
    await Promise.resolve();
    if (!this.supports('ExcelApi', '1.8')) throw new FakeOfficeError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8.');
    if (base64 !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new FakeOfficeError('InvalidArgument', 'Not base64.');
    // office.js runs it as a batch with delayForCellEdit (excel-web-16.00.debug.js, createWorkbook): held
    // on Windows and Mac while a cell is edited, refused on the web, like any such batch.
    await this.cellEditGate(true);
    this.createdWorkbooks.push(base64 ?? '');
    // On Mac the new window opens behind the current one and gets no focus (office-js #6943).
    this.createdWorkbookBehind.push(this.platform === 'mac');
  }

  // -------------------------------------------------------------------------------------------
  // Sync

  /** Make the next matching sync fail with an OfficeExtension.Error-like object. */
  failSync(injection: FailureInjection): void {
    this.injections.push(injection);
  }

  /** @internal used by FakeRequestContext.sync */
  async _sync(ctx: FakeRequestContext): Promise<void> {
    await Promise.resolve(); // a round trip is asynchronous
    if (ctx._closed) throw new FakeOfficeError('InvalidRequestContext', 'The request context is no longer valid.');
    const ops = ctx._queue.splice(0);
    const run = this.runs.length;
    this.runs[run - 1].syncs += 1;
    const stats: SyncStats = {
      index: this.syncs.length + 1,
      run,
      ops: ops.length,
      requestBytes: ops.reduce((n, o) => n + o.requestBytes, 0),
      responseBytes: 0,
      cellsWritten: ops.reduce((n, o) => n + o.cellsWritten, 0),
      cellsRead: 0,
      calcSuspended: false,
      screenSuspended: false,
    };
    this.syncs.push(stats);
    const fail = (e: FakeOfficeError): never => {
      stats.failed = e.code;
      throw e;
    };
    try {
      await this.cellEditGate(ctx._delayForCellEdit);
    } catch (e) {
      fail(e as FakeOfficeError);
    }
    if (stats.requestBytes > this.payloadLimitBytes) {
      fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
    }
    this.current = stats;
    try {
      for (const op of ops) {
        const inj = this.matchInjection(stats.index, op);
        if (inj) fail(new FakeOfficeError(inj.code, inj.message ?? `Injected failure (${inj.code}).`, `${op.info().object}.${op.info().member}`));
        try {
          const r = op.apply();
          if (r) {
            stats.responseBytes += r.responseBytes;
            stats.cellsRead += r.cellsRead;
          }
        } catch (e) {
          if (e instanceof FakeOfficeError) fail(e);
          throw e;
        }
      }
      // an injection aimed at this sync whose `when` matched nothing fails at the end
      const late = this.injections.find((i) => i.sync === stats.index);
      if (late) {
        this.injections.splice(this.injections.indexOf(late), 1);
        fail(new FakeOfficeError(late.code, late.message ?? `Injected failure (${late.code}).`));
      }
      if (stats.responseBytes > this.payloadLimitBytes) {
        fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'));
      }
    } finally {
      this.current = undefined;
      this.recalculateReferences();
    }
  }

  /**
   * Automatic calculation, for the one kind of formula the stand-in evaluates: a reference to one cell of
   * another sheet (=考核汇总!K5, ='My sheet'!$B$2). Excel recalculates a formula when a cell it depends on
   * changes, unless calculation is Manual (learn.microsoft.com, "Change formula recalculation, iteration,
   * or precision in Excel"). Every other formula keeps its cached result (see onCalculate).
   */
  private recalculateReferences(): void {
    if (this.calculationMode === 'Manual') return;
    this.eachFormulaCell((cell) => {
      const m = /^=(?:'((?:[^']|'')+)'|([^!'"=()$,\s]+))!\$?([A-Z]{1,3})\$?(\d+)$/u.exec(cell.formula as string);
      if (!m) return;
      const sheet = this.findSheet(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
      if (!sheet) return;
      const r = parseA1(`${m[3]}${m[4]}`);
      cell.value = cellOf(sheet, r.r0, r.c0)?.value ?? 0;
    });
  }

  /**
   * Windows and Mac hold a batch run with delayForCellEdit until the user leaves the cell, without limit
   * (office-js #806); the web refuses it all the same (#1393, #3019), and so does every platform without it.
   */
  private async cellEditGate(delayForCellEdit: boolean): Promise<void> {
    if (this.cellEditMode && delayForCellEdit && this.platform !== 'web') {
      await new Promise<void>((resolve) => this.cellEditWaiters.push(resolve));
    }
    if (this.cellEditMode) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
  }

  private matchInjection(index: number, op: QueuedOp): FailureInjection | undefined {
    const i = this.injections.findIndex((inj) => (inj.sync === undefined || inj.sync === index) && (!inj.when || inj.when(op.info())));
    if (i < 0) return undefined;
    return this.injections.splice(i, 1)[0];
  }

  /** @internal Application.calculate */
  _calculate(type: string): void {
    this.calculations.push({ type, sync: this.current?.index ?? 0, suspended: this.current?.calcSuspended ?? false });
    this.onCalculate?.();
  }

  /** @internal */
  _markSync(flag: 'calcSuspended' | 'screenSuspended'): void {
    if (this.current) this.current[flag] = true;
  }

  // -------------------------------------------------------------------------------------------
  // Stats

  get syncCount(): number {
    return this.syncs.length;
  }
  /** the largest request or response of any sync, in bytes */
  get largestPayloadBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes, s.responseBytes), 0);
  }
  resetStats(): void {
    this.syncs = [];
    this.runs = [];
  }

  // -------------------------------------------------------------------------------------------
  // Model operations (used by the API objects inside sync, and by tests to build workbooks)

  findSheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.model.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** A sheet by name; throws when missing (for tests). */
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake-excel: no sheet ${name}`);
    return s;
  }

  addSheet(name?: string): FakeSheet {
    this.checkStructure('add a sheet');
    let n = name;
    if (n === undefined) {
      let i = this.model.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.findSheet(n)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${n}' already exists.`);
    const s = newSheet(n);
    this.model.sheets.push(s);
    if (this.model.activeSheetId === undefined) this.model.activeSheetId = s.id;
    return s;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    this.checkStructure('rename a sheet');
    checkSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
    // Excel rewrites every formula that refers to the sheet to its new name (names follow by sheet id).
    const old = sheet.name;
    this.eachFormulaCell((cell) => {
      cell.formula = rewriteSheetRefs(cell.formula as string, old, quoteSheetName(name));
    });
    sheet.name = name;
  }

  /** Workbook structure protection refuses sheet additions, deletions, renames and moves. */
  checkStructure(what: string): void {
    if (this.structureProtected) {
      throw new FakeOfficeError('AccessDenied', `The workbook's structure is protected: cannot ${what}.`);
    }
  }

  private eachFormulaCell(f: (cell: FakeCell) => void): void {
    for (const s of this.model.sheets) s.cells.forEach((cell) => cell.formula !== undefined && f(cell));
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    this.checkStructure('move a sheet');
    const sheets = this.model.sheets;
    if (!Number.isInteger(position) || position < 0 || position >= sheets.length) {
      throw new FakeOfficeError('InvalidArgument', `Position ${position} is out of range.`);
    }
    sheets.splice(sheets.indexOf(sheet), 1);
    sheets.splice(position, 0, sheet);
  }

  /**
   * Deleting a sheet turns every formula and defined name that refers to it into #REF!, and a sheet added
   * later under the same name does not repair them (Excel: "Delete a worksheet": references to it become
   * #REF!; office-js issue 10's audit). The deleted sheet's own sheet-scoped names go with it.
   */
  deleteSheet(sheet: FakeSheet): void {
    this.checkStructure('delete a sheet');
    const visible = this.model.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    const i = this.model.sheets.indexOf(sheet);
    this.model.sheets.splice(i, 1);
    this.eachFormulaCell((cell) => {
      const f = rewriteSheetRefs(cell.formula as string, sheet.name, '#REF');
      if (f === cell.formula) return;
      cell.formula = f;
      cell.value = { error: '#REF!' };
    });
    // Names elsewhere that pointed at the sheet stay, broken: their formula reads "=#REF!$A$1".
    for (const n of [...this.model.names, ...this.model.sheets.flatMap((s) => s.names)]) {
      if (n.sheetId === sheet.id) n.broken = true;
    }
    if (this.model.activeSheetId === sheet.id) {
      const next = this.model.sheets.slice(i).concat(this.model.sheets.slice(0, i).reverse()).find((s) => s.visibility === 'Visible');
      this.model.activeSheetId = next?.id;
    }
    if (this.model.selection?.sheetId === sheet.id) this.model.selection = undefined;
  }

  /** "=考核汇总!$A$1", as NamedItem.formula reads */
  nameFormula(n: FakeName): string {
    const s = n.broken ? undefined : this.model.sheets.find((x) => x.id === n.sheetId);
    const a = rectA1(n.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    if (!s) return `=#REF!${a}`;
    return `=${quoteSheetName(s.name)}!${a}`;
  }

  /** Build a sheet for a test: values (from an origin), formulas, merges, names, formats, protection. */
  seed(name: string, seed: SheetSeed = {}): FakeSheet {
    const s = this.addSheet(name);
    const o = parseA1(seed.origin ?? 'A1');
    (seed.values ?? []).forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = cellOf(s, o.r0 + i, o.c0 + j, true);
        if (typeof v === 'string' && v.startsWith('=') && v.length > 1) cell.formula = v;
        else cell.value = v;
      }),
    );
    for (const [a, [f, v]] of Object.entries(seed.formulas ?? {})) {
      const r = parseA1(a);
      const cell = cellOf(s, r.r0, r.c0, true);
      cell.formula = f;
      cell.value = v;
    }
    s.merges = (seed.merges ?? []).map(parseA1);
    for (const [n, a] of Object.entries(seed.names ?? {})) s.names.push({ name: n, sheetId: s.id, rect: parseA1(a) });
    for (const [a, f] of Object.entries(seed.formats ?? {})) {
      const r = parseA1(a);
      for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) Object.assign(cellOf(s, i, j, true), f);
    }
    if (seed.visibility) s.visibility = seed.visibility;
    if (seed.protected) s.protected = true;
    return s;
  }

  /** Add a workbook-scoped name pointing at a sheet's range. */
  addWorkbookName(name: string, sheet: string, range = 'A1'): void {
    this.model.names.push({ name, sheetId: this.sheet(sheet).id, rect: parseA1(range) });
  }

  // -------------------------------------------------------------------------------------------
  // Inspection helpers for tests

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const r = parseA1(a1);
    return cellOf(this.sheet(sheet), r.r0, r.c0);
  }

  value(sheet: string, a1: string): FakeValue {
    return this.cell(sheet, a1)?.value ?? null;
  }

  /** values of a rectangle, null for empty */
  grid(sheet: string, range: string): FakeValue[][] {
    const r: Rect = parseA1(range);
    const s = this.sheet(sheet);
    const out: FakeValue[][] = [];
    for (let i = r.r0; i <= r.r1; i++) {
      const row: FakeValue[] = [];
      for (let j = r.c0; j <= r.c1; j++) row.push(cellOf(s, i, j)?.value ?? null);
      out.push(row);
    }
    return out;
  }

  merges(sheet: string): string[] {
    return this.sheet(sheet).merges.map(rectA1);
  }

  /** sheet-scoped names of a sheet */
  names(sheet: string): string[] {
    return this.sheet(sheet).names.map((n) => n.name);
  }

  activeSheet(): string | undefined {
    return this.model.sheets.find((s) => s.id === this.model.activeSheetId)?.name;
  }
}

function checkSheetName(n: unknown): asserts n is string {
  if (typeof n !== 'string' || n.length === 0 || n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n)) {
    throw new FakeOfficeError('InvalidArgument', `'${String(n)}' is not a valid sheet name.`);
  }
}

function compareVersion(a: string, b: string): number {
  const [a1, a2 = 0] = a.split('.').map(Number);
  const [b1, b2 = 0] = b.split('.').map(Number);
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

function strictNamespace<T extends object>(o: T, name: string): T {
  return new Proxy(o, {
    get(t, p, r) {
      if (typeof p === 'symbol' || p in t) return Reflect.get(t, p, r);
      if (p === 'then' || p === 'toJSON' || p === 'asymmetricMatch' || p === '$$typeof' || p === 'nodeType') return undefined;
      throw new Error(`fake-excel: ${name}.${p} is not modelled`);
    },
  });
}
