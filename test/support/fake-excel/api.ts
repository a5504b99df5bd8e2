/**
 * Proxy objects that mimic the part of Excel's JavaScript API the host uses, over the model in model.ts.
 *
 * Strict on purpose (office-addin-mock returns an error *string* for unloaded properties, which hides bugs):
 * - a scalar property is readable only after `load()` and `context.sync()`; otherwise reading throws
 *   PropertyNotLoaded; a collection's `items` likewise;
 * - every write and method call is queued and only changes the workbook inside `context.sync()`;
 * - a batch is not a transaction: when an operation fails, the ones before it in that sync stay applied;
 * - members this stand-in does not model throw "not modelled" instead of silently succeeding;
 * - members newer than the configured ExcelApi version fail the sync with ApiNotFound.
 */
import {
  cellOf,
  contains,
  FakePageLayout,
  FakeConditionalFormat as CfModel,
  FakeBorder as FakeBorderModel,
  FakeFont,
  FakeErrorAlert,
  FakeOfficeError,
  FakeSheet,
  FakeValue,
  intersects,
  isErrorValue,
  jsonBytes,
  MAX_COLS,
  MAX_ROWS,
  parseA1,
  parseInput,
  quoteSheetName,
  Rect,
  rectA1,
  rectCells,
  usedRect,
} from './model';
import type { FakeExcelRuntime } from './runtime';

/** What an injected failure can match on. */
export interface OpInfo {
  /** "Range", "Worksheet", "WorksheetCollection", … */
  object: string;
  /** "values", "delete", "add", "load", … */
  member: string;
  /** the sheet the operation touches, by its name when the operation runs */
  sheet?: string;
}

export interface QueuedOp {
  info: () => OpInfo;
  requestBytes: number;
  cellsWritten: number;
  /** changes the model; returns the response bytes and cells read */
  apply: () => { responseBytes: number; cellsRead: number } | void;
}

/** Fixed cost of one statement in a request (object path, action, ids), in bytes. */
export const STATEMENT_BYTES = 120;

const INTROSPECTION = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', '$$typeof', 'inspect', 'prototype']);

/** Wrap an API object so that touching a member it does not have throws instead of returning undefined. */
function strict<T extends object>(obj: T, typeName: string): T {
  return new Proxy(obj, {
    get(target, p, receiver) {
      if (typeof p === 'symbol' || p in target) return Reflect.get(target, p, receiver);
      if (INTROSPECTION.has(p) || p.startsWith('@@') || p.startsWith('$$') || p.startsWith('_')) return undefined;
      throw new Error(`fake-excel: ${typeName}.${p} is not modelled`);
    },
    set(target, p, value, receiver) {
      if (typeof p === 'symbol' || p in target) return Reflect.set(target, p, value, receiver);
      throw new Error(`fake-excel: setting ${typeName}.${String(p)} is not modelled`);
    },
  });
}

export function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' of ${type} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);
}

function invalidArg(msg: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${msg}`);
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
function checkColor(v: unknown): string {
  if (typeof v !== 'string' || !COLOR.test(v)) throw invalidArg(`colour ${String(v)}`);
  return v.toUpperCase();
}
function checkEnum(v: unknown, allowed: string[]): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw invalidArg(`${String(v)} is not one of ${allowed.join(', ')}`);
  return v;
}
function checkBool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw invalidArg(`${String(v)} is not a boolean`);
  return v;
}
function checkNumber(v: unknown, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw invalidArg(`${String(v)} is out of range`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// The request context

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  _queue: QueuedOp[] = [];
  _closed = false;
  constructor(
    readonly _rt: FakeExcelRuntime,
    readonly _delayForCellEdit: boolean,
  ) {
    this.workbook = mk(new FakeWorkbook(this), 'Workbook');
  }
  sync(): Promise<void> {
    return this._rt._sync(this);
  }
  _push(op: QueuedOp): void {
    if (this._closed) {
      throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
    }
    this._queue.push(op);
  }
}

function mk<T extends object>(o: T, typeName: string): T {
  return strict(o, typeName);
}

type LoadSpec = string | string[];

/** Base of every API object: loading, loaded-property reads, queued writes, null objects. */
abstract class FakeClientObject {
  _loaded = new Map<string, unknown>();
  /** for *OrNullObject: undefined until the sync that resolves it */
  _isNull: boolean | undefined = undefined;
  _nullable = false;
  constructor(
    readonly _ctx: FakeRequestContext,
    readonly _type: string,
  ) {}

  get context(): FakeRequestContext {
    return this._ctx;
  }

  /** loadable scalar properties, read from the model at sync time */
  _props(): Record<string, () => unknown> {
    return {};
  }
  /** navigation properties that `load` may go through ("format/font/bold") */
  _navs(): Record<string, () => FakeClientObject> {
    return {};
  }
  /** collections: the current items */
  _listItems(): FakeClientObject[] | undefined {
    return undefined;
  }
  _sheetName(): string | undefined {
    return undefined;
  }
  _rt(): FakeExcelRuntime {
    return this._ctx._rt;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw notLoaded(this._type, 'isNullObject');
    return this._isNull;
  }

  _get<T>(prop: string): T {
    if (this._nullable && this._isNull) {
      throw new FakeOfficeError('InvalidObjectPath', `${this._type} is a null object; check isNullObject first.`);
    }
    if (!this._loaded.has(prop)) throw notLoaded(this._type, prop);
    return this._loaded.get(prop) as T;
  }

  /** Queue an operation that changes the workbook. */
  _op(member: string, payload: unknown, apply: () => void, cellsWritten = 0): void {
    this._ctx._push({
      info: () => ({ object: this._type, member, sheet: this._safeSheetName() }),
      requestBytes: STATEMENT_BYTES + (payload === undefined ? 0 : jsonBytes(payload)),
      cellsWritten,
      apply: () => {
        if (this._nullable && this._isNull) throw itemNotFound(`${this._type} (null object)`);
        apply();
      },
    });
  }

  /** Queue a check that the running Excel has `version` of ExcelApi (fails the sync with ApiNotFound). */
  _require(version: string, member: string): void {
    const rt = this._rt();
    if (rt.supports('ExcelApi', version)) return;
    this._ctx._push({
      info: () => ({ object: this._type, member }),
      requestBytes: STATEMENT_BYTES,
      cellsWritten: 0,
      apply: () => {
        throw new FakeOfficeError('ApiNotFound', `${this._type}.${member} needs ExcelApi ${version}; this Excel has ${rt.apiVersion}.`);
      },
    });
  }

  _safeSheetName(): string | undefined {
    try {
      return this._sheetName();
    } catch {
      return undefined;
    }
  }

  load(spec?: LoadSpec): this {
    if (spec === undefined || (Array.isArray(spec) && spec.length === 0) || spec === '') {
      throw new Error(`fake-excel: ${this._type}.load() without property names is not modelled (name what you read)`);
    }
    if (typeof spec !== 'string' && !Array.isArray(spec)) {
      throw new Error(`fake-excel: ${this._type}.load(options object) is not modelled`);
    }
    const names = (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    const paths = names.map((n) => n.split('/').map((s) => s.trim()));
    for (const p of paths) this._checkPath(p);
    this._ctx._push({
      info: () => ({ object: this._type, member: 'load', sheet: this._safeSheetName() }),
      requestBytes: STATEMENT_BYTES + jsonBytes(names),
      cellsWritten: 0,
      apply: () => {
        let responseBytes = 0;
        let cellsRead = 0;
        for (const p of paths) {
          const r = this._applyLoad(p);
          responseBytes += r.bytes;
          cellsRead += r.cells;
        }
        return { responseBytes, cellsRead };
      },
    });
    return this;
  }

  _checkPath(path: string[]): void {
    const [head, ...rest] = path;
    if (head === 'items' && this._listItems !== FakeClientObject.prototype._listItems) {
      if (rest.length === 0) return;
      this._itemPrototype()._checkPath(rest);
      return;
    }
    if (rest.length === 0) {
      if (!(head in this._props())) throw new Error(`fake-excel: loading ${this._type}.${head} is not modelled`);
      return;
    }
    const nav = this._navs()[head];
    if (!nav) throw new Error(`fake-excel: loading ${this._type}.${head}/… is not modelled`);
    nav()._checkPath(rest);
  }

  /** collections: an item-shaped object to validate load paths against */
  _itemPrototype(): FakeClientObject {
    throw new Error(`fake-excel: ${this._type} has no items`);
  }

  _applyLoad(path: string[]): { bytes: number; cells: number } {
    if (this._nullable && this._isNull) return { bytes: 0, cells: 0 };
    const [head, ...rest] = path;
    if (head === 'items') {
      // One set of item objects per collection (several paths of one load, "items/a, items/b", share them).
      const prev = (this._loaded.get('items') as FakeClientObject[] | undefined) ?? [];
      const items = (this._listItems() ?? []).map((it) => prev.find((p) => p._key() !== '' && p._key() === it._key()) ?? it);
      this._loaded.set('items', items);
      let bytes = 2;
      let cells = 0;
      for (const it of items) {
        if (rest.length === 0) continue;
        const r = it._applyLoad(rest);
        bytes += r.bytes;
        cells += r.cells;
      }
      return { bytes, cells };
    }
    if (rest.length === 0) {
      const v = this._props()[head]();
      this._loaded.set(head, v);
      return { bytes: jsonBytes(v), cells: this._cellsOf(head) };
    }
    return this._navs()[head]()._applyLoad(rest);
  }

  /** identity of an item within its collection (to keep one object per item across loads) */
  _key(): string {
    return '';
  }

  _cellsOf(_prop: string): number {
    return 0;
  }

  _child<T extends FakeClientObject>(name: string, make: () => T): T {
    const cache = (this._children ??= new Map<string, FakeClientObject>());
    let c = cache.get(name);
    if (!c) {
      c = make();
      cache.set(name, c);
    }
    return c as T;
  }
  _children: Map<string, FakeClientObject> | undefined = undefined;
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets

export class FakeWorkbook extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook');
  }
  get worksheets(): FakeWorksheetCollection {
    return this._child('worksheets', () => mk(new FakeWorksheetCollection(this._ctx), 'WorksheetCollection'));
  }
  get names(): FakeNamedItemCollection {
    return this._child('names', () => mk(new FakeNamedItemCollection(this._ctx, null), 'NamedItemCollection'));
  }
  get application(): FakeApplication {
    return this._child('application', () => mk(new FakeApplication(this._ctx), 'Application'));
  }
  get protection(): FakeWorkbookProtection {
    this._require('1.7', 'protection');
    return this._child('protection', () => mk(new FakeWorkbookProtection(this._ctx), 'WorkbookProtection'));
  }
  override _navs() {
    return { worksheets: () => this.worksheets, names: () => this.names, application: () => this.application, protection: () => this.protection };
  }
}

/** Workbook.protection (ExcelApi 1.7): `protected` is the structure protection (Review → Protect Workbook). */
export class FakeWorkbookProtection extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorkbookProtection');
  }
  override _props() {
    return { protected: () => this._rt().structureProtected };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

export class FakeApplication extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Application');
  }
  override _props() {
    return { calculationMode: () => this._rt().calculationMode };
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  /**
   * Application.calculate (ExcelApi 1.1): "Recalculate all currently opened workbooks in Excel"
   * (learn.microsoft.com, Excel.Application). The stand-in records it and runs the test's onCalculate.
   */
  calculate(type: string): void {
    if (!['Recalculate', 'Full', 'FullRebuild'].includes(type)) throw invalidArg(`calculation type ${type}`);
    this._op('calculate', type, () => this._rt()._calculate(type));
  }
  suspendApiCalculationUntilNextSync(): void {
    this._require('1.6', 'suspendApiCalculationUntilNextSync');
    this._op('suspendApiCalculationUntilNextSync', undefined, () => this._rt()._markSync('calcSuspended'));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._require('1.9', 'suspendScreenUpdatingUntilNextSync');
    this._op('suspendScreenUpdatingUntilNextSync', undefined, () => this._rt()._markSync('screenSuspended'));
  }
}

export class FakeWorksheetCollection extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorksheetCollection');
  }
  get items(): FakeWorksheet[] {
    return this._get<FakeWorksheet[]>('items');
  }
  override _listItems(): FakeWorksheet[] {
    const prev = (this._loaded.get('items') as FakeWorksheet[] | undefined) ?? [];
    return this._rt().model.sheets.map((s) => prev.find((w) => w._id === s.id) ?? FakeWorksheet.byId(this._ctx, s.id));
  }
  override _itemPrototype(): FakeClientObject {
    return FakeWorksheet.byId(this._ctx, '');
  }
  getItem(key: string): FakeWorksheet {
    const ws = FakeWorksheet.byName(this._ctx, key, false);
    return ws;
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return FakeWorksheet.byName(this._ctx, key, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    const ws = mk(new FakeWorksheet(this._ctx, { active: true }, false), 'Worksheet');
    return ws;
  }
  add(name?: string): FakeWorksheet {
    const ws = mk(new FakeWorksheet(this._ctx, { pending: true }, false), 'Worksheet');
    this._op('add', name ?? null, () => {
      ws._id = this._rt().addSheet(name).id;
    });
    return ws;
  }
}

interface SheetRef {
  name?: string;
  id?: string;
  active?: boolean;
  pending?: boolean;
}

export class FakeWorksheet extends FakeClientObject {
  _id: string | undefined = undefined;
  constructor(
    ctx: FakeRequestContext,
    readonly _ref: SheetRef,
    nullable: boolean,
  ) {
    super(ctx, 'Worksheet');
    this._nullable = nullable;
    if (_ref.id !== undefined) this._id = _ref.id;
  }
  static byId(ctx: FakeRequestContext, id: string): FakeWorksheet {
    return mk(new FakeWorksheet(ctx, { id }, false), 'Worksheet');
  }
  static byName(ctx: FakeRequestContext, name: string, nullable: boolean): FakeWorksheet {
    const ws = mk(new FakeWorksheet(ctx, { name }, nullable), 'Worksheet');
    if (nullable) {
      ctx._push({
        info: () => ({ object: 'WorksheetCollection', member: 'getItemOrNullObject', sheet: name }),
        requestBytes: STATEMENT_BYTES + jsonBytes(name),
        cellsWritten: 0,
        apply: () => {
          ws._isNull = ws._resolve() === null;
        },
      });
    }
    return ws;
  }

  /** The model sheet, found by name the first time it is used (as Excel resolves object paths), then by id. */
  _resolve(): FakeSheet | null {
    const model = this._rt().model;
    if (this._id !== undefined) {
      const s = model.sheets.find((x) => x.id === this._id);
      if (!s) throw itemNotFound(`worksheet (deleted)`);
      return s;
    }
    let s: FakeSheet | undefined;
    if (this._ref.name !== undefined) s = this._rt().findSheet(this._ref.name);
    else if (this._ref.active) s = model.sheets.find((x) => x.id === model.activeSheetId);
    if (!s) {
      if (this._nullable) return null;
      throw itemNotFound(`worksheet '${this._ref.name ?? '?'}'`);
    }
    this._id = s.id;
    return s;
  }
  _sheet(): FakeSheet {
    const s = this._resolve();
    if (!s) throw itemNotFound(`worksheet '${this._ref.name ?? '?'}'`);
    return s;
  }
  override _sheetName(): string | undefined {
    return this._sheet().name;
  }
  override _key(): string {
    return this._id ?? '';
  }

  override _props() {
    return {
      name: () => this._sheet().name,
      id: () => this._sheet().id,
      position: () => this._rt().model.sheets.indexOf(this._sheet()),
      visibility: () => this._sheet().visibility,
      tabColor: () => this._sheet().tabColor ?? '',
    };
  }
  override _navs() {
    return { protection: () => this.protection, names: () => this.names, pageLayout: () => this.pageLayout };
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._op('name', v, () => this._rt().renameSheet(this._sheet(), v));
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._op('position', v, () => this._rt().moveSheet(this._sheet(), v));
  }
  get visibility(): string {
    return this._get('visibility');
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._require('1.7', 'tabColor');
    this._op('tabColor', v, () => {
      this._sheet().tabColor = checkColor(v);
    });
  }
  get protection(): FakeWorksheetProtection {
    return this._child('protection', () => mk(new FakeWorksheetProtection(this._ctx, this), 'WorksheetProtection'));
  }
  get names(): FakeNamedItemCollection {
    return this._child('names', () => mk(new FakeNamedItemCollection(this._ctx, this), 'NamedItemCollection'));
  }
  get freezePanes(): FakeFreezePanes {
    this._require('1.7', 'freezePanes');
    return this._child('freezePanes', () => mk(new FakeFreezePanes(this._ctx, this), 'WorksheetFreezePanes'));
  }
  get pageLayout(): FakePageLayoutApi {
    this._require('1.9', 'pageLayout');
    return this._child('pageLayout', () => mk(new FakePageLayoutApi(this._ctx, this), 'PageLayout'));
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) return FakeRange.fixed(this._ctx, this, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });
    if (address.includes('!')) throw new Error('fake-excel: Worksheet.getRange with a sheet-qualified address is not modelled');
    return FakeRange.at(this._ctx, this, address);
  }
  /** Worksheet.getRanges("A1, C3:C9") (ExcelApi 1.9): areas separated by commas or semicolons */
  getRanges(address: string): FakeRangeAreas {
    this._require('1.9', 'getRanges');
    if (typeof address !== 'string' || address.trim() === '') throw invalidArg('getRanges needs an address');
    const areas = mk(new FakeRangeAreas(this._ctx, this), 'RangeAreas');
    areas._rects = address.split(/[,;]/).map((a) => parseA1(a.trim()));
    // Excel refuses long area lists with InvalidArgument, without saying which limit: seen from 8,207
    // characters (513 areas) on, while some lists of more than 500 areas pass (office-js #5198). The
    // stand-in refuses past 8,192 characters or 500 areas.
    if (address.length > 8192 || areas._rects.length > 500) {
      this._ctx._push({
        info: () => ({ object: 'Worksheet', member: 'getRanges', sheet: this._safeSheetName() }),
        requestBytes: STATEMENT_BYTES + address.length,
        cellsWritten: 0,
        apply: () => {
          throw invalidArg('The argument is invalid or missing or has an incorrect format.');
        },
      });
    }
    return areas;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return FakeRange.used(this._ctx, this, valuesOnly === true);
  }
  delete(): void {
    this._op('delete', undefined, () => this._rt().deleteSheet(this._sheet()));
  }
  activate(): void {
    this._op('activate', undefined, () => {
      const s = this._sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this._rt().model.activeSheetId = s.id;
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'WorksheetProtection');
  }
  override _props() {
    return { protected: () => this._ws._sheet().protected };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

export class FakeNamedItemCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet | null,
  ) {
    super(ctx, 'NamedItemCollection');
  }
  override _sheetName() {
    return this._ws?._sheetName();
  }
  _store() {
    return this._ws ? this._ws._sheet().names : this._rt().model.names;
  }
  override _listItems(): FakeNamedItem[] {
    return this._store().map((n) => mk(new FakeNamedItem(this._ctx, this, n.name), 'NamedItem'));
  }
  override _itemPrototype(): FakeClientObject {
    return new FakeNamedItem(this._ctx, this, '');
  }
  get items(): FakeNamedItem[] {
    return this._get('items');
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    if (typeof reference === 'string') throw new Error('fake-excel: NamedItemCollection.add with a formula string is not modelled');
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw invalidArg(`name ${name}`);
    this._op('add', { name, comment }, () => {
      const store = this._store();
      if (store.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `The name '${name}' already exists.`);
      }
      const target = reference._ws._sheet();
      store.push({ name, sheetId: target.id, rect: reference._rect(), comment });
    });
    return mk(new FakeNamedItem(this._ctx, this, name), 'NamedItem');
  }
  getItem(name: string): FakeNamedItem {
    return mk(new FakeNamedItem(this._ctx, this, name), 'NamedItem');
  }
}

export class FakeNamedItem extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _coll: FakeNamedItemCollection,
    readonly _name: string,
  ) {
    super(ctx, 'NamedItem');
  }
  override _key(): string {
    return this._name;
  }
  _item() {
    const n = this._coll._store().find((x) => x.name === this._name);
    if (!n) throw itemNotFound(`name ${this._name}`);
    return n;
  }
  override _props() {
    return {
      name: () => this._item().name,
      formula: () => this._rt().nameFormula(this._item()),
      scope: () => (this._coll._ws ? 'Worksheet' : 'Workbook'),
    };
  }
  get name(): string {
    return this._get('name');
  }
  get formula(): string {
    return this._get('formula');
  }
  get scope(): string {
    return this._get('scope');
  }
  delete(): void {
    this._op('delete', this._name, () => {
      const n = this._item();
      const store = this._coll._store();
      store.splice(store.indexOf(n), 1);
    });
  }
}

export class FakeFreezePanes extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'WorksheetFreezePanes');
  }
  override _sheetName() {
    return this._ws._sheetName();
  }
  freezeRows(count = 1): void {
    this._op('freezeRows', count, () => {
      // Some Excel 2019 builds fail here with GeneralException (office-js #2196).
      if (this._rt().freezeRowsFails) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      this._ws._sheet().freeze = { rows: checkNumber(count, 0, MAX_ROWS), columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._op('freezeColumns', count, () => {
      this._ws._sheet().freeze = { rows: 0, columns: checkNumber(count, 0, MAX_COLS) };
    });
  }
  freezeAt(frozenRange: string): void {
    if (typeof frozenRange !== 'string') throw new Error('fake-excel: freezeAt(Range) is not modelled; pass an address');
    this._op('freezeAt', frozenRange, () => {
      const r = parseA1(frozenRange);
      const sheet = this._ws._sheet();
      sheet.freeze = { rows: r.r1 + 1, columns: r.c1 + 1 };
      // freezeAt on an inactive sheet makes it the active one (office-js #3148).
      this._rt().model.activeSheetId = sheet.id;
    });
  }
  unfreeze(): void {
    this._op('unfreeze', undefined, () => {
      this._ws._sheet().freeze = null;
    });
  }
}

const PAPER = ['A4', 'A3', 'A5', 'Letter', 'Legal'];

export class FakePageLayoutApi extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'PageLayout');
  }
  override _sheetName() {
    return this._ws._sheetName();
  }
  _pl() {
    const s = this._ws._sheet();
    if (s.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
    return s.pageLayout;
  }
  override _props() {
    return {
      zoom: () => ({ ...(this._ws._sheet().pageLayout.zoom ?? {}) }),
      orientation: () => this._ws._sheet().pageLayout.orientation ?? 'Portrait',
      paperSize: () => this._ws._sheet().pageLayout.paperSize ?? 'Letter',
    };
  }
  get zoom(): FakePageLayout['zoom'] {
    return this._get('zoom');
  }
  set paperSize(v: string) {
    this._op('paperSize', v, () => {
      this._pl().paperSize = checkEnum(v, PAPER);
    });
  }
  set orientation(v: string) {
    this._op('orientation', v, () => {
      this._pl().orientation = checkEnum(v, ['Portrait', 'Landscape']);
    });
  }
  set centerHorizontally(v: boolean) {
    this._op('centerHorizontally', v, () => {
      this._pl().centerHorizontally = checkBool(v);
    });
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this._op('zoom', v, () => {
      const z = { ...v };
      for (const [k, n] of Object.entries(z)) {
        if (!['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k)) throw invalidArg(`zoom.${k}`);
        checkNumber(n, 0, k === 'scale' ? 400 : 32767);
      }
      if (z.scale !== undefined && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)) {
        throw invalidArg('zoom: scale together with fit-to-pages');
      }
      const pl = this._pl();
      // Some builds take fit-to-page without an error and do not apply it (office-js #1860).
      if (this._rt().ignoresFitToPage && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)) return;
      pl.zoom = z;
    });
  }
  setPrintTitleRows(rows: string): void {
    if (typeof rows !== 'string') throw new Error('fake-excel: setPrintTitleRows(Range) is not modelled');
    this._op('setPrintTitleRows', rows, () => {
      const r = parseA1(rows);
      if (r.c0 !== 0 || r.c1 !== MAX_COLS - 1) throw invalidArg(`print title rows must be whole rows: ${rows}`);
      this._pl().printTitleRows = rectA1(r);
    });
  }
  setPrintArea(area: string): void {
    if (typeof area !== 'string') throw new Error('fake-excel: setPrintArea(Range) is not modelled');
    this._op('setPrintArea', area, () => {
      this._pl().printArea = rectA1(parseA1(area));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

type RangeKind =
  | { kind: 'address'; address: string }
  | { kind: 'fixed'; rect: Rect }
  | { kind: 'used'; valuesOnly: boolean }
  | { kind: 'derived'; rect: () => Rect };

export class FakeRange extends FakeClientObject {
  /** set when the range is resolved (used ranges, areas) */
  _fixed: Rect | undefined = undefined;
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet,
    readonly _kind: RangeKind,
  ) {
    super(ctx, 'Range');
    if (_kind.kind === 'fixed') this._fixed = _kind.rect;
  }
  static at(ctx: FakeRequestContext, ws: FakeWorksheet, address: string): FakeRange {
    parseA1(address); // a malformed address fails at once, as Office.js validates arguments
    return mk(new FakeRange(ctx, ws, { kind: 'address', address }), 'Range');
  }
  static fixed(ctx: FakeRequestContext, ws: FakeWorksheet, rect: Rect): FakeRange {
    return mk(new FakeRange(ctx, ws, { kind: 'fixed', rect }), 'Range');
  }
  static used(ctx: FakeRequestContext, ws: FakeWorksheet, valuesOnly: boolean): FakeRange {
    const r = mk(new FakeRange(ctx, ws, { kind: 'used', valuesOnly }), 'Range');
    r._nullable = true;
    ctx._push({
      info: () => ({ object: 'Worksheet', member: 'getUsedRangeOrNullObject', sheet: ws._safeSheetName() }),
      requestBytes: STATEMENT_BYTES,
      cellsWritten: 0,
      apply: () => {
        const rect = usedRect(ws._sheet(), valuesOnly);
        r._isNull = rect === null;
        if (rect) r._fixed = rect;
      },
    });
    return r;
  }

  override _key(): string {
    return this._fixed ? rectA1(this._fixed) : '';
  }

  /**
   * A row of this range. office.js itself writes a large `values` grid as chunks of 1,500 cells, each
   * addressed as `range.getRow(i).getBoundingRect(range.getRow(j))` (setRangePropertiesInBulk in
   * excel-web-16.00.debug.js), so the real serializer's requests need these two.
   */
  getRow(row: number): FakeRange {
    return mk(
      new FakeRange(this._ctx, this._ws, {
        kind: 'derived',
        rect: () => {
          const r = this._rect();
          if (!Number.isInteger(row) || row < 0 || r.r0 + row > r.r1) throw invalidArg(`row ${row} is outside the range`);
          return { r0: r.r0 + row, r1: r.r0 + row, c0: r.c0, c1: r.c1 };
        },
      }),
      'Range',
    );
  }
  /** The smallest range holding this one and `other` (Range.getBoundingRect). */
  getBoundingRect(other: FakeRange | string): FakeRange {
    return mk(
      new FakeRange(this._ctx, this._ws, {
        kind: 'derived',
        rect: () => {
          const a = this._rect();
          const b = typeof other === 'string' ? parseA1(other) : other._rect();
          return { r0: Math.min(a.r0, b.r0), r1: Math.max(a.r1, b.r1), c0: Math.min(a.c0, b.c0), c1: Math.max(a.c1, b.c1) };
        },
      }),
      'Range',
    );
  }
  _rect(): Rect {
    if (this._fixed) return this._fixed;
    if (this._kind.kind === 'address') return parseA1(this._kind.address);
    if (this._kind.kind === 'derived') return this._kind.rect();
    throw itemNotFound('range (null object)');
  }
  override _sheetName() {
    return this._ws._sheetName();
  }
  /** the sheet, refusing changes when it is protected */
  _writable(): FakeSheet {
    const s = this._ws._sheet();
    if (s.protected) {
      throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ('${s.name}').`);
    }
    return s;
  }

  override _props() {
    return {
      address: () => `${quoteSheetName(this._ws._sheet().name)}!${rectA1(this._rect())}`,
      rowCount: () => this._rect().r1 - this._rect().r0 + 1,
      columnCount: () => this._rect().c1 - this._rect().c0 + 1,
      rowIndex: () => this._rect().r0,
      columnIndex: () => this._rect().c0,
      values: () => this._grid((c) => readValue(c?.value ?? null)),
      // A non-formula cell reads as its value; text typed with a leading apostrophe ('=x) reads as "=x",
      // the apostrophe dropped, so it looks like a formula (office-js #6687). Only formula ≠ value tells.
      formulas: () => this._grid((c) => (c?.formula !== undefined ? c.formula : readValue(c?.value ?? null))),
      numberFormat: () => this._grid((c) => c?.numberFormat ?? 'General'),
      valueTypes: () => this._grid((c) => valueType(c?.value ?? null)),
    };
  }
  override _navs() {
    return { format: () => this.format, dataValidation: () => this.dataValidation };
  }
  override _cellsOf(prop: string): number {
    return ['values', 'formulas', 'numberFormat', 'valueTypes'].includes(prop) ? rectCells(this._rect()) : 0;
  }
  _grid<T>(read: (cell: ReturnType<typeof cellOf>) => T): T[][] {
    const r = this._rect();
    // Past five million cells Excel does not always throw: `values` (and the other grids) come back null
    // (office-js #6781, #4783; the note added to "Excel JavaScript API performance", office-js-docs-pr #5821).
    if (rectCells(r) > this._rt().maxReadCells) return null as unknown as T[][];
    const s = this._ws._sheet();
    const out: T[][] = [];
    for (let i = r.r0; i <= r.r1; i++) {
      const row: T[] = [];
      for (let j = r.c0; j <= r.c1; j++) row.push(read(cellOf(s, i, j)));
      out.push(row);
    }
    return out;
  }

  get address(): string {
    return this._get('address');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  set values(v: unknown[][]) {
    this._op('values', v, () => this._writeGrid(v, 'values'), countCells(v));
  }
  set numberFormat(v: unknown[][]) {
    this._op('numberFormat', v, () => this._writeGrid(v, 'numberFormat'), countCells(v));
  }
  _writeGrid(v: unknown[][], what: 'values' | 'numberFormat'): void {
    const r = this._rect();
    const rows = r.r1 - r.r0 + 1;
    const cols = r.c1 - r.c0 + 1;
    // Range.numberFormat: "if the argument is a single value, it will be applied to all cells in the range";
    // Excel takes a 1×1 grid so (office-js-docs-reference#578, office-js-docs-pr#5400).
    if (what === 'numberFormat' && Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && (rows > 1 || cols > 1)) {
      v = Array.from({ length: rows }, () => new Array<unknown>(cols).fill(v[0][0]));
    }
    if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw invalidArg(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    }
    const s = this._writable();
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const x = v[i][j];
        if (x === null || x === undefined) continue; // null leaves the cell unchanged
        const cell = cellOf(s, r.r0 + i, r.c0 + j, true);
        if (what === 'numberFormat') {
          if (typeof x !== 'string') throw invalidArg(`number format ${String(x)}`);
          cell.numberFormat = x;
          continue;
        }
        if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') throw invalidArg(`value ${JSON.stringify(x)}`);
        const parsed = parseInput(x);
        cell.value = parsed.value;
        if (parsed.formula !== undefined) cell.formula = parsed.formula;
        else delete cell.formula;
        if (parsed.quotePrefix) cell.quotePrefix = true;
        else delete cell.quotePrefix;
      }
    }
  }

  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this._require('1.7', 'hyperlink');
    this._op('hyperlink', v, () => {
      const s = this._writable();
      for (const k of Object.keys(v)) {
        if (!['documentReference', 'address', 'textToDisplay', 'screenTip'].includes(k)) throw invalidArg(`hyperlink.${k}`);
      }
      this._each(s, (cell) => {
        cell.hyperlink = { ...v };
        if (v.textToDisplay !== undefined) cell.value = v.textToDisplay;
      });
    });
  }

  _each(s: FakeSheet, f: (cell: ReturnType<typeof cellOf> & object, r: number, c: number) => void): void {
    const r = this._rect();
    if (rectCells(r) > 1_000_000) throw new Error('fake-excel: formatting whole rows/columns cell by cell is not modelled');
    for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) f(cellOf(s, i, j, true), i, j);
  }

  merge(across?: boolean): void {
    if (across) throw new Error('fake-excel: merge(across=true) is not modelled');
    this._op('merge', undefined, () => {
      const s = this._writable();
      const r = this._rect();
      for (const m of s.merges) {
        if (intersects(m, r) && !contains(r, m)) {
          throw new FakeOfficeError('InvalidOperation', `Cannot merge ${rectA1(r)}: it overlaps the merged area ${rectA1(m)}.`);
        }
      }
      s.merges = s.merges.filter((m) => !contains(r, m));
      if (rectCells(r) > 1) s.merges.push({ ...r });
      // Excel keeps only the top-left value of a merged area.
      for (let i = r.r0; i <= r.r1; i++) {
        for (let j = r.c0; j <= r.c1; j++) {
          if (i === r.r0 && j === r.c0) continue;
          const cell = cellOf(s, i, j);
          if (cell) {
            cell.value = null;
            delete cell.formula;
          }
        }
      }
    });
  }

  /**
   * Range.clear(applyTo): 'All' (contents, formats, hyperlinks, validation, merges, conditional formats in
   * the range) or 'Contents'. Other kinds are not modelled.
   */
  clear(applyTo: string = 'All'): void {
    if (applyTo !== 'All' && applyTo !== 'Contents') throw new Error(`fake-excel: Range.clear(${applyTo}) is not modelled`);
    this._op('clear', applyTo, () => {
      const s = this._writable();
      const r = this._rect();
      for (const [i, j, cell] of s.cells.entries()) {
        if (i < r.r0 || i > r.r1 || j < r.c0 || j > r.c1) continue;
        if (applyTo === 'All') s.cells.delete(i, j);
        else {
          cell.value = null;
          delete cell.formula;
          delete cell.quotePrefix;
        }
      }
      if (applyTo === 'All') {
        s.merges = s.merges.filter((m) => !intersects(m, r));
        s.conditionalFormats = s.conditionalFormats.filter((cf) => !cf.ranges.some((x) => intersects(x, r)));
      }
    });
  }

  /**
   * Range.copyFrom(source, 'All') (ExcelApi 1.9): like Paste All, the source's cells (values, formulas,
   * formats, hyperlinks, validation), merged areas and conditional formats land at this range's top-left
   * cell. Column widths, row heights, freeze panes, print setup and tab colour are not copied (they belong
   * to the sheet, not to cells). The source may be on another sheet. Formulas are only modelled when they
   * land at the same address (no relative shifting).
   */
  copyFrom(source: FakeRange, copyType: string = 'All', skipBlanks = false, transpose = false): void {
    this._require('1.9', 'copyFrom');
    if (typeof source === 'string') throw new Error('fake-excel: copyFrom(address string) is not modelled; pass a Range');
    if (copyType !== 'All' || skipBlanks || transpose) throw new Error('fake-excel: only copyFrom(range, "All") is modelled');
    this._op('copyFrom', copyType, () => {
      const from = source._ws._sheet();
      const src = source._rect();
      const to = this._writable();
      const at = this._rect();
      const dr = at.r0 - src.r0;
      const dc = at.c0 - src.c0;
      const shift = (x: Rect): Rect => ({ r0: x.r0 + dr, c0: x.c0 + dc, r1: x.r1 + dr, c1: x.c1 + dc });
      const dest = shift(src);
      for (const [i, j] of to.cells.entries()) {
        if (i >= dest.r0 && i <= dest.r1 && j >= dest.c0 && j <= dest.c1) to.cells.delete(i, j);
      }
      for (const [i, j, cell] of from.cells.entries()) {
        if (i < src.r0 || i > src.r1 || j < src.c0 || j > src.c1) continue;
        if (cell.formula !== undefined && (dr !== 0 || dc !== 0)) throw new Error('fake-excel: copying formulas to another address is not modelled');
        // fonts, borders, links and rules are replaced on write, never changed: a shallow copy is a copy
        to.cells.set(i + dr, j + dc, { ...cell, ...(cell.borders ? { borders: { ...cell.borders } } : {}) });
      }
      to.merges = to.merges.filter((m) => !intersects(m, dest)).concat(from.merges.filter((m) => contains(src, m)).map(shift));
      for (const cf of from.conditionalFormats) {
        if (cf.ranges.every((x) => contains(src, x))) {
          cfSeq += 1;
          to.conditionalFormats.push({ ...structuredClone(cf), id: `{cf-${cfSeq}}`, ranges: cf.ranges.map(shift) });
        }
      }
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this._require('1.13', 'getMergedAreasOrNullObject');
    const areas = mk(new FakeRangeAreas(this._ctx, this._ws), 'RangeAreas');
    areas._nullable = true;
    this._ctx._push({
      info: () => ({ object: 'Range', member: 'getMergedAreasOrNullObject', sheet: this._safeSheetName() }),
      requestBytes: STATEMENT_BYTES,
      cellsWritten: 0,
      apply: () => {
        if (this._nullable && this._isNull) throw itemNotFound('range (null object)');
        const r = this._rect();
        const found = this._ws._sheet().merges.filter((m) => intersects(m, r));
        if (found.length > 512) throw new FakeOfficeError('GeneralException', 'More than 512 merged areas in the range.');
        areas._isNull = found.length === 0;
        areas._rects = found.map((m) => ({ ...m }));
      },
    });
    return areas;
  }

  select(): void {
    this._op('select', undefined, () => {
      const s = this._ws._sheet();
      const model = this._rt().model;
      model.activeSheetId = s.id;
      model.selection = { sheetId: s.id, address: rectA1(this._rect()) };
    });
  }

  get format(): FakeRangeFormat {
    return this._child('format', () => mk(new FakeRangeFormat(this._ctx, this), 'RangeFormat'));
  }
  get dataValidation(): FakeDataValidation {
    this._require('1.8', 'dataValidation');
    return this._child('dataValidation', () => mk(new FakeDataValidation(this._ctx, this), 'DataValidation'));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this._require('1.6', 'conditionalFormats');
    return this._child('conditionalFormats', () => mk(new FakeConditionalFormatCollection(this._ctx, this), 'ConditionalFormatCollection'));
  }
  _cfRects(): Rect[] {
    return [this._rect()];
  }
}

function countCells(v: unknown): number {
  return Array.isArray(v) ? v.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 0), 0) : 0;
}

/** What `values` reads back: "" for an empty cell, the error text for an error. */
function readValue(v: FakeValue): string | number | boolean {
  if (v === null) return '';
  if (isErrorValue(v)) return v.error;
  return v;
}
function valueType(v: FakeValue): string {
  if (v === null) return 'Empty';
  if (isErrorValue(v)) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

export class FakeRangeAreas extends FakeClientObject {
  _rects: Rect[] = [];
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet,
  ) {
    super(ctx, 'RangeAreas');
  }
  override _props() {
    return {
      address: () => this._rects.map((r) => `${quoteSheetName(this._ws._sheet().name)}!${rectA1(r)}`).join(', '),
      areaCount: () => this._rects.length,
    };
  }
  override _navs() {
    return { areas: () => this.areas };
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this._child('areas', () => mk(new FakeRangeCollection(this._ctx, this), 'RangeCollection'));
  }
  _cfRects(): Rect[] {
    return this._rects;
  }
  override _sheetName() {
    return this._ws._sheetName();
  }
  _writable(): FakeSheet {
    const s = this._ws._sheet();
    if (s.protected) throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ('${s.name}').`);
    return s;
  }
  /**
   * RangeAreas.format (ExcelApi 1.9): "a RangeFormat object, encapsulating the font, fill, borders,
   * alignment, and other properties for all ranges in the RangeAreas object" (learn.microsoft.com,
   * Excel.RangeAreas). Sizes (column width, row height) over areas are not modelled.
   */
  get format(): FakeRangeFormat {
    this._require('1.9', 'RangeAreas.format');
    return this._child('format', () => {
      const areas = {
        _each: (s: FakeSheet, f: (cell: ReturnType<typeof cellOf> & object, r: number, c: number) => void) => {
          for (const r of this._rects) for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) f(cellOf(s, i, j, true), i, j);
        },
        _writable: () => this._writable(),
        _sheetName: () => this._sheetName(),
        _rect: () => {
          throw new Error('fake-excel: sizes and borders of RangeAreas.format are not modelled');
        },
      } as unknown as FakeRange;
      return mk(new FakeRangeFormat(this._ctx, areas), 'RangeFormat');
    });
  }
  /** RangeAreas.conditionalFormats (ExcelApi 1.9): one rule over all the areas */
  get conditionalFormats(): FakeConditionalFormatCollection {
    this._require('1.9', 'RangeAreas.conditionalFormats');
    return this._child('conditionalFormats', () => mk(new FakeConditionalFormatCollection(this._ctx, this), 'ConditionalFormatCollection'));
  }
}

export class FakeRangeCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _owner: FakeRangeAreas,
  ) {
    super(ctx, 'RangeCollection');
  }
  override _listItems(): FakeRange[] {
    return this._owner._rects.map((r) => FakeRange.fixed(this._ctx, this._owner._ws, r));
  }
  override _itemPrototype(): FakeClientObject {
    return new FakeRange(this._ctx, this._owner._ws, { kind: 'fixed', rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
  }
  get items(): FakeRange[] {
    return this._get('items');
  }
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class FakeRangeFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeFormat');
  }
  override _sheetName() {
    return this._range._sheetName();
  }
  override _navs() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeRangeFill {
    return this._child('fill', () => mk(new FakeRangeFill(this._ctx, this._range), 'RangeFill'));
  }
  get font(): FakeRangeFont {
    return this._child('font', () => mk(new FakeRangeFont(this._ctx, this._range), 'RangeFont'));
  }
  get borders(): FakeBorders {
    return this._child('borders', () => mk(new FakeBorders(this._ctx, this._range), 'RangeBorderCollection'));
  }
  _set(member: string, v: unknown, f: (cell: ReturnType<typeof cellOf> & object) => void): void {
    this._op(member, v, () => this._range._each(this._range._writable(), f));
  }
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, (c) => (c.hAlign = checkEnum(v, H_ALIGN)));
  }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, (c) => (c.vAlign = checkEnum(v, V_ALIGN)));
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, (c) => (c.wrap = checkBool(v)));
  }
  /** in points; sets the width of every column of the range */
  set columnWidth(v: number) {
    this._op('columnWidth', v, () => {
      const s = this._range._writable();
      const r = this._range._rect();
      checkNumber(v, 0, 1800);
      for (let c = r.c0; c <= r.c1; c++) s.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this._op('rowHeight', v, () => {
      const s = this._range._writable();
      const r = this._range._rect();
      checkNumber(v, 0, 409);
      for (let i = r.r0; i <= r.r1; i++) s.rowHeights.set(i, v);
    });
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeFill');
  }
  override _sheetName() {
    return this._range._sheetName();
  }
  set color(v: string) {
    this._op('color', v, () => this._range._each(this._range._writable(), (c) => (c.fill = checkColor(v))));
  }
  clear(): void {
    this._op('clear', undefined, () => this._range._each(this._range._writable(), (c) => delete c.fill));
  }
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeFont');
  }
  override _sheetName() {
    return this._range._sheetName();
  }
  _set(member: keyof FakeFont, v: unknown, check: (v: unknown) => unknown): void {
    this._op(member, v, () => {
      const checked = check(v);
      this._range._each(this._range._writable(), (c) => {
        c.font = nextFont(c.font, member, checked);
      });
    });
  }
  set bold(v: boolean) {
    this._set('bold', v, checkBool);
  }
  set italic(v: boolean) {
    this._set('italic', v, checkBool);
  }
  set size(v: number) {
    this._set('size', v, (x) => checkNumber(x, 1, 409));
  }
  set color(v: string) {
    this._set('color', v, checkColor);
  }
  set name(v: string) {
    this._set('name', v, (x) => (typeof x === 'string' && x ? x : checkEnum(x, [])));
  }
  set underline(v: string) {
    this._set('underline', v, (x) => checkEnum(x, ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant']));
  }
}

/**
 * Border and font records are immutable and shared: a cell's record is replaced, never changed, so a
 * format over millions of cells allocates a handful of objects instead of one per cell.
 */
const DEFAULT_BORDER = Object.freeze({ style: 'Continuous' });
const borderNext = new WeakMap<object, Map<string, FakeBorderModel>>();
function nextBorder(prev: FakeBorderModel | undefined, prop: string, v: string): FakeBorderModel {
  const from = prev ?? DEFAULT_BORDER;
  let m = borderNext.get(from);
  if (!m) borderNext.set(from, (m = new Map()));
  const k = `${prop}\u0000${v}`;
  let next = m.get(k);
  if (!next) m.set(k, (next = Object.freeze({ ...from, [prop]: v }) as FakeBorderModel));
  return next;
}
const NO_FONT = Object.freeze({});
const fontNext = new WeakMap<object, Map<string, FakeFont>>();
function nextFont(prev: FakeFont | undefined, member: string, v: unknown): FakeFont {
  const from = prev ?? NO_FONT;
  let m = fontNext.get(from);
  if (!m) fontNext.set(from, (m = new Map()));
  const k = `${member}\u0000${JSON.stringify(v)}`;
  let next = m.get(k);
  if (!next) m.set(k, (next = Object.freeze({ ...from, [member]: v }) as FakeFont));
  return next;
}

const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeBorders extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _range: FakeRange,
  ) {
    super(ctx, 'RangeBorderCollection');
  }
  getItem(index: string): FakeBorder {
    checkEnum(index, BORDER_INDEX);
    if (index.startsWith('Diagonal')) throw new Error('fake-excel: diagonal borders are not modelled');
    return mk(new FakeBorder(this._ctx, this._range, index), 'RangeBorder');
  }
}

export class FakeBorder extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _range: FakeRange,
    readonly _index: string,
  ) {
    super(ctx, 'RangeBorder');
  }
  override _sheetName() {
    return this._range._sheetName();
  }
  /** the cell edges this border index covers within `r` */
  _edges(r: Rect, i: number, j: number): string[] {
    switch (this._index) {
      case 'EdgeTop':
        return i === r.r0 ? ['top'] : [];
      case 'EdgeBottom':
        return i === r.r1 ? ['bottom'] : [];
      case 'EdgeLeft':
        return j === r.c0 ? ['left'] : [];
      case 'EdgeRight':
        return j === r.c1 ? ['right'] : [];
      case 'InsideHorizontal':
        return [...(i > r.r0 ? ['top'] : []), ...(i < r.r1 ? ['bottom'] : [])];
      default:
        return [...(j > r.c0 ? ['left'] : []), ...(j < r.c1 ? ['right'] : [])];
    }
  }
  _set(prop: 'style' | 'weight' | 'color', v: string): void {
    this._op(prop, v, () => {
      if (prop === 'style') checkEnum(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
      if (prop === 'weight') checkEnum(v, ['Hairline', 'Thin', 'Medium', 'Thick']);
      if (prop === 'color') checkColor(v);
      const r = this._range._rect();
      // no `this` inside the per-cell loop: it is a Proxy, and a trap per cell costs seconds at scale
      const edges = FakeBorder.prototype._edges.bind({ _index: this._index } as FakeBorder);
      // an outer edge touches one row or column only: visit just those cells
      const part: Rect =
        this._index === 'EdgeTop' ? { ...r, r1: r.r0 }
        : this._index === 'EdgeBottom' ? { ...r, r0: r.r1 }
        : this._index === 'EdgeLeft' ? { ...r, c1: r.c0 }
        : this._index === 'EdgeRight' ? { ...r, c0: r.c1 }
        : r;
      const s = this._range._writable();
      // the same few records go to every cell: remember each one's successor instead of looking it up per cell
      const successor = new Map<FakeBorderModel | undefined, FakeBorderModel>();
      const next = (prev: FakeBorderModel | undefined): FakeBorderModel => {
        let n = successor.get(prev);
        if (n === undefined) successor.set(prev, (n = nextBorder(prev, prop, v)));
        return n;
      };
      for (let i = part.r0; i <= part.r1; i++) {
        for (let j = part.c0; j <= part.c1; j++) {
          const c = cellOf(s, i, j, true);
          for (const e of edges(r, i, j)) {
            const borders = (c.borders ??= {});
            borders[e] = next(borders[e]);
          }
        }
      }
    });
  }
  set style(v: string) {
    this._set('style', v);
  }
  set weight(v: string) {
    this._set('weight', v);
  }
  set color(v: string) {
    this._set('color', v);
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation and conditional formats

export class FakeDataValidation extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _range: FakeRange,
  ) {
    super(ctx, 'DataValidation');
  }
  override _sheetName() {
    return this._range._sheetName();
  }
  override _props() {
    return {
      type: () => {
        const s = this._range._ws._sheet();
        const r = this._range._rect();
        const kinds = new Set<string>();
        for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) kinds.add(cellOf(s, i, j)?.validation ? 'List' : 'None');
        return kinds.size === 1 ? [...kinds][0] : 'Inconsistent';
      },
    };
  }
  get type(): string {
    return this._get('type');
  }
  set rule(v: { list?: { inCellDropDown?: boolean; source?: unknown } }) {
    const keys = Object.keys(v ?? {});
    if (keys.length !== 1 || keys[0] !== 'list') throw new Error(`fake-excel: data validation rules other than {list} are not modelled (${keys.join(',')})`);
    this._op('rule', v, () => {
      const list = v.list!;
      if (typeof list.source !== 'string') throw new Error('fake-excel: a list source other than a string is not modelled');
      if (list.source.length > 255) throw invalidArg('A list source may hold at most 255 characters.');
      const rule = { list: { inCellDropDown: list.inCellDropDown ?? true, source: list.source } };
      this._range._each(this._range._writable(), (c) => (c.validation = rule));
    });
  }
  /**
   * DataValidation.errorAlert (ExcelApi 1.8): Excel limits the title to 32 characters and the message to 255
   * ("The argument is invalid or missing or has an incorrect format" otherwise).
   */
  set errorAlert(v: FakeErrorAlert) {
    this._op('errorAlert', v, () => {
      if (!['Stop', 'Warning', 'Information'].includes(v.style)) throw invalidArg(`Unknown alert style ${String(v.style)}.`);
      if (v.title.length > 32 || v.message.length > 255) throw invalidArg('The alert title or message is too long.');
      const alert = { showAlert: v.showAlert, style: v.style, title: v.title, message: v.message };
      this._range._each(this._range._writable(), (c) => (c.validationAlert = alert));
    });
  }
  clear(): void {
    this._op('clear', undefined, () =>
      this._range._each(this._range._writable(), (c) => {
        delete c.validation;
        delete c.validationAlert;
      }),
    );
  }
}

let cfSeq = 0;

/** What a conditional-format collection belongs to: a range, or the areas of a RangeAreas. */
interface CfOwner {
  _ws: FakeWorksheet;
  _cfRects(): Rect[];
  _writable(): FakeSheet;
  _sheetName(): string | undefined;
}

/**
 * A range's conditional formats, in priority order (first = highest). `add` puts the new rule at the top
 * ("Adds a new conditional format to the collection at the first/top priority": ConditionalFormatCollection.add).
 */
export class FakeConditionalFormatCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _owner: CfOwner,
  ) {
    super(ctx, 'ConditionalFormatCollection');
  }
  override _sheetName() {
    return this._owner._sheetName();
  }
  /** the rules this collection holds now: those intersecting any of its areas, in priority order */
  _current(): CfModel[] {
    const rects = this._owner._cfRects();
    return this._owner._ws._sheet().conditionalFormats.filter((cf) => cf.ranges.some((x) => rects.some((r) => intersects(x, r))));
  }
  override _listItems(): FakeConditionalFormat[] {
    return this._current().map((_, i) => FakeConditionalFormat.at(this._ctx, this, i));
  }
  override _itemPrototype(): FakeClientObject {
    return new FakeConditionalFormat(this._ctx, this._owner._ws, () => {
      throw itemNotFound('conditional format');
    }, '');
  }
  get items(): FakeConditionalFormat[] {
    return this._get('items');
  }
  add(type: string): FakeConditionalFormat {
    if (type !== 'Custom') throw new Error(`fake-excel: conditional format type ${type} is not modelled`);
    cfSeq += 1;
    const uid = `{cf-${cfSeq}}`;
    this._op('add', type, () => {
      const s = this._owner._writable();
      s.conditionalFormats.unshift({ id: uid, type: 'Custom', ranges: this._owner._cfRects().map((r) => ({ ...r })), formula: '' });
    });
    const sheetRules = () => this._owner._ws._sheet().conditionalFormats;
    return mk(
      new FakeConditionalFormat(this._ctx, this._owner._ws, () => {
        const cf = sheetRules().find((x) => x.id === uid);
        if (!cf) throw itemNotFound('conditional format');
        return cf;
      }, uid),
      'ConditionalFormat',
    );
  }
}

/**
 * A conditional format. Its `id` is not an identity: it is the rule's priority within the collection it
 * was read from ("id: the priority of the conditional format within the current
 * ConditionalFormatCollection", Excel.ConditionalFormat reference). An item read from a collection is
 * found again by that position when a later operation runs, so after deleting a higher rule in the same
 * batch, "items[1]" is a different rule, and two collections both have an "id" 0.
 */
export class FakeConditionalFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _ws: FakeWorksheet,
    readonly _locate: () => CfModel,
    readonly _keyText: string,
    readonly _coll?: FakeConditionalFormatCollection,
  ) {
    super(ctx, 'ConditionalFormat');
  }
  static at(ctx: FakeRequestContext, coll: FakeConditionalFormatCollection, index: number): FakeConditionalFormat {
    const locate = () => {
      const cf = coll._current()[index];
      if (!cf) throw itemNotFound(`conditional format ${index}`);
      return cf;
    };
    return mk(new FakeConditionalFormat(ctx, coll._owner._ws, locate, String(index), coll), 'ConditionalFormat');
  }
  override _sheetName() {
    return this._ws._sheetName();
  }
  override _key(): string {
    return this._keyText;
  }
  _cf(): CfModel {
    return this._locate();
  }
  override _props() {
    const priority = () => {
      const cf = this._cf();
      const list = this._coll ? this._coll._current() : this._ws._sheet().conditionalFormats;
      return list.indexOf(cf);
    };
    return { type: () => this._cf().type, id: () => String(priority()), priority };
  }
  override _navs() {
    return { custom: () => this.custom };
  }
  get type(): string {
    return this._get('type');
  }
  get id(): string {
    return this._get('id');
  }
  get priority(): number {
    return this._get('priority');
  }
  get custom(): FakeCustomConditionalFormat {
    return this._child('custom', () => mk(new FakeCustomConditionalFormat(this._ctx, this), 'CustomConditionalFormat'));
  }
  delete(): void {
    this._op('delete', undefined, () => {
      const s = this._ws._sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', `The sheet '${s.name}' is protected.`);
      const cf = this._cf();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
}
export class FakeCustomConditionalFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _cfApi: FakeConditionalFormat,
  ) {
    super(ctx, 'CustomConditionalFormat');
  }
  override _navs() {
    return { rule: () => this.rule };
  }
  get rule(): FakeConditionalFormatRule {
    return this._child('rule', () => mk(new FakeConditionalFormatRule(this._ctx, this._cfApi), 'ConditionalFormatRule'));
  }
  get format(): FakeConditionalRangeFormat {
    return this._child('format', () => mk(new FakeConditionalRangeFormat(this._ctx, this._cfApi), 'ConditionalRangeFormat'));
  }
}

export class FakeConditionalFormatRule extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _cfApi: FakeConditionalFormat,
  ) {
    super(ctx, 'ConditionalFormatRule');
  }
  override _props() {
    return { formula: () => this._cfApi._cf().formula };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._op('formula', v, () => {
      if (typeof v !== 'string' || !v.startsWith('=')) throw invalidArg(`formula ${String(v)}`);
      this._cfApi._cf().formula = v;
    });
  }
}

export class FakeConditionalRangeFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _cfApi: FakeConditionalFormat,
  ) {
    super(ctx, 'ConditionalRangeFormat');
  }
  get fill(): { color: string } {
    return this._child('fill', () => mk(new FakeConditionalColor(this._ctx, this._cfApi, 'fill'), 'ConditionalRangeFill'));
  }
  get font(): { color: string } {
    return this._child('font', () => mk(new FakeConditionalColor(this._ctx, this._cfApi, 'fontColor'), 'ConditionalRangeFont'));
  }
}

export class FakeConditionalColor extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly _cfApi: FakeConditionalFormat,
    readonly _which: 'fill' | 'fontColor',
  ) {
    super(ctx, 'ConditionalColor');
  }
  set color(v: string) {
    this._op('color', v, () => {
      const cf = this._cfApi._cf();
      cf[this._which] = checkColor(v);
    });
  }
}
export { FakeOfficeError };
