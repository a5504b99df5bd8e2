/**
 * The real office.js in front of the Excel stand-in: the host talks to Microsoft's own client library
 * (`@microsoft/office-js`, excel-web-16.00.debug.js, loaded into the test's jsdom window), which builds
 * and serializes every request exactly as it would for Excel on the web. Its request executor is
 * replaced: each request is measured as office.js would send it, refused over the limit as Excel on the
 * web refuses it, else interpreted statement by statement on the stand-in, whose results go back to
 * office.js in the wire format it parses. So the bytes are office.js's, the semantics the stand-in's.
 *
 * Needs the jsdom test environment (`@jest-environment jsdom` at the top of the test file).
 *
 * Limit: "Excel on the web has a payload size limit for requests and responses of 5MB.
 * RichAPI.Error will be triggered if this limit is exceeded." (learn.microsoft.com, Resource limits and
 * performance optimization for Office Add-ins, Excel add-ins section).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeOfficeError, type FakeExcelRuntime } from '../fake-excel';

const MB = 1024 * 1024;

/** What one request cost, measured on the wire. */
export interface WireSync {
  /** 1-based over the harness's life (or since reset) */
  index: number;
  /** UTF-8 bytes of the JSON body office.js sends */
  requestBytes: number;
  /** UTF-8 bytes of the results answered */
  responseBytes: number;
  /** statements (actions) in the request, office.js's own bookkeeping included */
  actions: number;
  /** error code when the request failed */
  failed?: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the wire and the stand-in's objects are untyped here */
type Obj = any;

interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
}
interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
interface WireBody {
  Actions: WireAction[];
  ObjectPaths: Record<string, WirePath>;
}

let loaded: { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension } | undefined;

/** Evaluate office.js once in this jsdom window. */
export function loadOfficeJs(): { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension } {
  if (loaded) return loaded;
  if (typeof window === 'undefined') throw new Error('office-js harness: run the test with @jest-environment jsdom');
  const file = join(__dirname, '../../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js');
  // Indirect eval: the library's top-level `var`s become globals of the window, as with a <script> tag.
  (0, eval)(readFileSync(file, 'utf8'));
  const g = globalThis as Obj;
  loaded = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  return loaded;
}

/** The size office.js's request has on the wire (UTF-8 JSON). */
export function wireBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class OfficeJsHarness {
  readonly syncs: WireSync[] = [];
  /** every request body office.js built, kept only when `keepBodies` */
  readonly bodies: string[] = [];
  keepBodies = false;
  /** request and response limit in bytes (5 MB on the web, none elsewhere) */
  limitBytes: number;

  constructor(readonly fake: FakeExcelRuntime, options: { limitBytes?: number } = {}) {
    loadOfficeJs();
    this.limitBytes = options.limitBytes ?? (fake.platform === 'web' ? 5 * MB : Infinity);
    // The wire decides the size limit; the stand-in's own estimate must not refuse first.
    fake.payloadLimitBytes = Infinity;
  }

  reset(): void {
    this.syncs.length = 0;
    this.bodies.length = 0;
    this.fake.resetStats();
  }

  /** The `Excel` namespace to hand to the host: office.js's own, with every run going to the stand-in. */
  get excel(): typeof Excel {
    const real = loadOfficeJs().Excel;
    const fakeExcel = this.fake.excel;
    const run = (a: unknown, b?: unknown) => {
      const options = typeof a === 'function' ? {} : (a as Record<string, unknown>);
      const batch = (typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<unknown>;
      // The stand-in's run stays open for the whole office.js run: its context holds the objects the
      // requests' paths resolve to, and its record says whether the run waits for cell editing.
      return fakeExcel.run(options as Excel.RunOptions, (fctx: Obj) =>
        real.run(options as Excel.RunOptions, (ctx: Excel.RequestContext) => {
          (ctx as Obj)._requestExecutor = new Executor(this, fctx);
          return batch(ctx);
        }),
      );
    };
    return { ...real, run, createWorkbook: (b?: string) => fakeExcel.createWorkbook(b) } as typeof Excel;
  }

  largestRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }
}

/** One office.js context's executor: the request on the wire → the stand-in → the answer on the wire. */
class Executor {
  private readonly paths = new Map<number, WirePath>();
  private readonly objects = new Map<number, Obj>();

  constructor(
    private readonly h: OfficeJsHarness,
    private readonly fctx: Obj,
  ) {}

  async executeAsync(_custom: unknown, _flags: number, message: { Body: WireBody }): Promise<Obj> {
    const body = message.Body;
    const stats: WireSync = { index: this.h.syncs.length + 1, requestBytes: wireBytes(body), responseBytes: 0, actions: body.Actions.length };
    this.h.syncs.push(stats);
    if (this.h.keepBodies) this.h.bodies.push(JSON.stringify(body));
    const refuse = (code: string, msg: string) => {
      stats.failed = code;
      return { ErrorCode: code, ErrorMessage: msg, HttpStatusCode: 413, Headers: {}, Body: null };
    };
    if (stats.requestBytes > this.h.limitBytes) {
      // Nothing of a refused request runs.
      return refuse('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".');
    }
    for (const [id, p] of Object.entries(body.ObjectPaths ?? {})) this.paths.set(Number(id), p);
    const answers: { id: number; value: () => unknown }[] = [];
    try {
      for (const a of body.Actions) this.act(a, answers);
      await this.fctx.sync();
    } catch (e) {
      if (process.env.HARNESS_DEBUG) console.log('harness', e);
      if (!(e instanceof FakeOfficeError)) throw e;
      stats.failed = e.code;
      return {
        ErrorCode: null,
        Headers: {},
        Body: { Error: { Code: e.code, Message: e.message, HttpStatusCode: 400, Location: (e as Obj).location ?? '', ActionIndex: -1 } },
      };
    }
    const Results = answers.map((a) => ({ ActionId: a.id, Value: a.value() }));
    const answer = { Results };
    stats.responseBytes = wireBytes(answer);
    if (stats.responseBytes > this.h.limitBytes) {
      stats.failed = 'ResponsePayloadSizeLimitExceeded';
      return { ErrorCode: 'ResponsePayloadSizeLimitExceeded', ErrorMessage: 'The response payload size has exceeded the limit.', HttpStatusCode: 413, Headers: {}, Body: null };
    }
    return { ErrorCode: null, Headers: {}, Body: answer };
  }

  private args(info: WirePath['ArgumentInfo']): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds;
    if (refs) refs.forEach((r, i) => (typeof r === 'number' && r > 0 ? (args[i] = this.resolve(r)) : undefined));
    return args;
  }

  private resolve(id: number): Obj {
    if (this.objects.has(id)) return this.objects.get(id);
    const p = this.paths.get(id);
    if (!p) throw new Error(`office-js harness: unknown object path ${id}`);
    let o: Obj;
    switch (p.ObjectPathType) {
      case 1:
        o = this.fctx.workbook;
        break;
      case 4:
        o = this.resolve(p.ParentObjectPathId as number)[camel(p.Name)];
        break;
      case 5:
        o = this.resolve(p.ParentObjectPathId as number).getItem(...this.args(p.ArgumentInfo));
        break;
      case 3: {
        const parent = this.resolve(p.ParentObjectPathId as number);
        const args = this.args(p.ArgumentInfo);
        // an item of a loaded collection, addressed by its index
        o = p.Name === '_GetItemAt' || p.Name === 'GetItemAt' ? parent.items[args[0] as number] : parent[camel(p.Name)](...args);
        break;
      }
      default:
        throw new Error(`office-js harness: object path type ${p.ObjectPathType} is not modelled`);
    }
    this.objects.set(id, o);
    return o;
  }

  private act(a: WireAction, answers: { id: number; value: () => unknown }[]): void {
    switch (a.ActionType) {
      case 1: // Instantiate
        this.resolve(a.ObjectPathId);
        return;
      case 3: {
        // Method
        // office.js's own bookkeeping (_KeepReference, _ValidateArraySize): nothing for the workbook
        if (a.Name.startsWith('_')) return;
        const o = this.resolve(a.ObjectPathId);
        if (typeof o[camel(a.Name)] !== 'function') throw new Error(`office-js harness: method ${a.Name} is not modelled`);
        const r = o[camel(a.Name)](...this.args(a.ArgumentInfo));
        if (r && typeof r === 'object' && 'value' in r) answers.push({ id: a.Id, value: () => r.value });
        return;
      }
      case 4: {
        // SetProperty
        const o = this.resolve(a.ObjectPathId);
        o[camel(a.Name)] = (a.ArgumentInfo?.Arguments ?? [])[0];
        return;
      }
      case 2: {
        // Query
        const o = this.resolve(a.ObjectPathId);
        const select = a.QueryInfo?.Select ?? [];
        if (select.length === 0) throw new Error('office-js harness: a load() without property names is not modelled');
        const paths = select.map((s) => s.split('/'));
        o.load(paths.map((p) => fakePath(o, p).join('/')));
        answers.push({ id: a.Id, value: () => shape(o, paths) });
        return;
      }
      default:
        // Trace and the like carry nothing the stand-in models.
        return;
    }
  }
}

function isCollection(o: Obj): boolean {
  // the stand-in's collections list their items; every other object answers undefined
  return Array.isArray(o._listItems());
}

/**
 * office.js leaves out "items" on the wire ("areas/items/address" is sent as "areas/address"); the
 * stand-in's load wants it wherever the path enters a collection.
 */
function fakePath(o: Obj, wire: string[]): string[] {
  if (isCollection(o)) return ['items', ...fakePath(o._itemPrototype(), wire)];
  if (wire.length <= 1) return wire;
  const [head, ...rest] = wire;
  return [head, ...fakePath(o[head], rest)];
}

/** A loaded object as the wire carries it: PascalCase keys, collections as `_Items`. */
function shape(o: Obj, paths: string[][]): unknown {
  if (o === null || o === undefined) return null;
  if (o._nullable && o._isNull) return null;
  if (isCollection(o)) return { _Items: (o.items as Obj[]).map((it) => shape(it, paths)) };
  const out: Record<string, unknown> = {};
  const groups = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) groups.set(head, [...(groups.get(head) ?? []), rest]);
  for (const [head, rests] of groups) {
    if (rests.every((r) => r.length === 0)) out[pascal(head)] = o[head];
    else out[pascal(head)] = shape(o[head], rests.filter((r) => r.length > 0));
  }
  return out;
}
