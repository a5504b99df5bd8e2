/**
 * The writer by package surgery (SPEC §6): the output is the input package with every part copied byte
 * for byte (compressed bytes and CRC as they were), the product's sheets added at the end of the tab
 * list (or its own marked sheets replaced in place, their parts and relationships removed), the office's
 * summary filled cell by cell, and only the package index, the workbook part (sheet list, defined
 * names), its relationships, the styles (appended) and the document properties extended.
 * Without an input package (template, sample, legacy input) a hand-built base package is used.
 */
import { kindOfMarker, markerName, OUTPUT_KINDS } from '../../workbook/host';
import type { FillPlan, SheetPlan, WorkbookPlan } from '../../workbook/plan';
import type { OutputKind } from '../../workbook/snapshot';
import { BASE_PARTS } from './base';
import { patchCells } from './fill';
import { quoteSheet, sheetOfRange } from './markers';
import { renderSheet } from './sheet-xml';
import { StyleBook } from './styles';
import { fit, NS, rootNamespace, Scope, type Own } from './ns';
import { attrLocal, attrs, closeTag, decodePart, elementSpan, findTags, openTag, utf8, xmlAttr, xmlText } from './xml';
import { deflateEntry, writeZip, type ZipEntryOut } from './zip-write';

/** One part of the input package as the zip reader gives it. */
export interface SourcePart {
  name: string;
  /** 0 stored, 8 deflated (anything else is re-deflated) */
  method: number;
  crc32: number;
  /** uncompressed size */
  size: number;
  /** the payload exactly as stored in the input zip */
  raw(): Uint8Array;
  /** the uncompressed part */
  bytes(): Uint8Array;
  dosTime?: number;
  dosDate?: number;
}

const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${DOC_REL}/worksheet`;
const STYLES_TYPE = `${DOC_REL}/styles`;
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** A plan the package cannot take (a user's sheet in the way): the host throws it before writing anything. */
export class PlanConflict extends Error {}

interface Part {
  name: string;
  src?: SourcePart;
  /** new content (uncompressed) when the part is new or edited */
  data?: Uint8Array;
}

/** The package's parts by lower-case name (OPC part names are case-insensitive), in zip order. */
class Package {
  readonly parts: Part[] = [];
  private readonly byKey = new Map<string, Part>();
  private readonly texts = new Map<string, string>();

  static key(name: string): string {
    return name.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase();
  }
  add(part: Part): void {
    const key = Package.key(part.name);
    if (this.byKey.has(key)) return; // a duplicate entry: the first one is the one readers use
    this.byKey.set(key, part);
    this.parts.push(part);
  }
  has(name: string): boolean {
    return this.byKey.has(Package.key(name));
  }
  text(name: string): string | undefined {
    const key = Package.key(name);
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const part = this.byKey.get(key);
    if (!part) return undefined;
    const t = decodePart(part.data ?? part.src!.bytes());
    this.texts.set(key, t);
    return t;
  }
  /** Replace (or create) a part's text; the XML declaration then says UTF-8, as the bytes are. */
  setText(name: string, text: string): void {
    const t = text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, '$1UTF-8');
    this.setBytes(name, utf8(t));
    this.texts.set(Package.key(name), t);
  }
  /** Replace (or create) a part with bytes made here (UTF-8 XML that says so); its text is read back only if asked. */
  setBytes(name: string, data: Uint8Array): void {
    const key = Package.key(name);
    this.texts.delete(key);
    const part = this.byKey.get(key);
    if (part) part.data = data;
    else this.add({ name, data });
  }
  remove(name: string): void {
    const key = Package.key(name);
    const part = this.byKey.get(key);
    if (!part) return;
    this.byKey.delete(key);
    this.texts.delete(key);
    this.parts.splice(this.parts.indexOf(part), 1);
  }
  /** The stored name of a part ("xl/Workbook.xml" for "xl/workbook.xml"). */
  nameOf(name: string): string | undefined {
    return this.byKey.get(Package.key(name))?.name;
  }
}

/** Resolve a relationship target against the folder of its source part ("xl/"). */
function resolve(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  index: number;
  end: number;
}

function relationships(xml: string): Rel[] {
  return findTags(xml, 'Relationship').map(({ tag, index, end }) => {
    const a = attrs(tag);
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', index, end };
  });
}

interface SheetEntry {
  name: string;
  rid: string;
  sheetId: number;
  tag: string;
  index: number;
  end: number;
}

function sheetEntries(wb: string): SheetEntry[] {
  const span = elementSpan(wb, 'sheets');
  if (!span) return [];
  return findTags(wb, 'sheet', span.innerStart, span.innerEnd).map(({ tag, index, end }) => {
    const a = attrs(tag);
    // A <sheet> may be written <sheet …></sheet>: the element ends after its close tag.
    const close = tag.endsWith('/>') ? undefined : new RegExp(closeTag('sheet'), 'g');
    let stop = end;
    if (close) {
      close.lastIndex = end;
      const c = close.exec(wb);
      if (c) stop = c.index + c[0].length;
    }
    return { name: a.get('name') ?? '', rid: attrLocal(a, 'id') ?? '', sheetId: Number(a.get('sheetId')) || 0, tag, index, end: stop };
  });
}

interface DefinedName {
  name: string;
  localSheetId?: number;
  value: string;
  index: number;
  end: number;
}

function definedNames(wb: string): DefinedName[] {
  const re = new RegExp(`${openTag('definedName')}[^>]*?(?:/>|>([\\s\\S]*?)${closeTag('definedName')})`, 'g');
  const out: DefinedName[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(wb))) {
    const a = attrs(m[0].slice(0, m[0].indexOf('>') + 1));
    const local = a.get('localSheetId');
    out.push({
      name: a.get('name') ?? '',
      localSheetId: local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined,
      value: (m[1] ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
      index: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Sheet name → the output kind its marker says (the sheet the marker's reference names). */
export function markedSheetsOf(wbXml: string): Map<string, OutputKind> {
  const names = new Set(sheetEntries(wbXml).map((s) => s.name));
  const marks = new Map<string, OutputKind>();
  for (const dn of definedNames(wbXml)) {
    const kind = kindOfMarker(dn.name);
    const sheet = kind ? sheetOfRange(dn.value.trim().replace(/^=/, '')) : undefined;
    if (kind && sheet !== undefined && names.has(sheet) && !marks.has(sheet)) marks.set(sheet, kind);
  }
  return marks;
}

/** Remove the spans (sorted, non-overlapping) from `xml`. */
function cut(xml: string, spans: { index: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.index - b.index)) {
    out += xml.slice(at, s.index);
    at = s.end;
  }
  return out + xml.slice(at);
}

/**
 * Insert our fragment (written with the prefixes of `own`) just before the close tag of the first `local`
 * element, fitted to the namespaces in scope there (ns.ts); `create` says what to do when there is none.
 */
function appendTo(xml: string, local: string, fragment: string, own: Own, create: () => string): string {
  const span = elementSpan(xml, local);
  if (!span) return create();
  if (span.innerStart === span.end) {
    // An empty element <x/>: open it up.
    const tag = xml.slice(span.start, span.innerStart);
    const name = /^<([\w.:-]+)/.exec(tag)![1];
    const block = fit(fragment, Scope.at(xml, span.start).enter(tag), own);
    return xml.slice(0, span.start) + tag.replace(/\s*\/>$/, '>') + block + `</${name}>` + xml.slice(span.end);
  }
  return xml.slice(0, span.innerEnd) + fit(fragment, Scope.at(xml, span.innerEnd), own) + xml.slice(span.innerEnd);
}

/** Workbook children that come after <definedNames> (CT_Workbook order). */
const AFTER_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** Insert our fragment before the first of `locals` present (or before the root's close), fitted there. */
function insertBeforeFirst(xml: string, locals: string[], fragment: string, own: Own, rootLocal: string): string {
  let at = -1;
  for (const l of locals) {
    const m = new RegExp(openTag(l)).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = new RegExp(closeTag(rootLocal)).exec(xml)?.index ?? xml.length;
  return xml.slice(0, at) + fit(fragment, Scope.at(xml, at), own) + xml.slice(at);
}

/** The workbook part's name, found through the package relationships (any part name). */
function workbookPart(pkg: Package): string {
  const officeRel = relationships(pkg.text('_rels/.rels') ?? '').find((r) => /\/officeDocument$/.test(r.type));
  return (officeRel && pkg.nameOf(resolve('', officeRel.target))) ?? pkg.nameOf('xl/workbook.xml') ?? 'xl/workbook.xml';
}

/** The sheet names in tab order and the sheets the product marked, of an input package. */
export function inspectPackage(source: readonly SourcePart[]): { names: string[]; marked: Set<string> } {
  const pkg = new Package();
  for (const s of source) pkg.add({ name: s.name, src: s });
  const wb = pkg.text(workbookPart(pkg)) ?? '';
  return { names: sheetEntries(wb).map((e) => e.name), marked: new Set(markedSheetsOf(wb).keys()) };
}

/**
 * The output package: `source` (the input's parts, or null for the base package) with `plans` applied
 * in order. Throws PlanConflict when a plan would replace or overwrite a sheet the user made.
 */
export function writePackage(source: readonly SourcePart[] | null, plans: readonly WorkbookPlan[]): Uint8Array {
  const pkg = new Package();
  if (source) {
    for (const s of source) if (!s.name.endsWith('/')) pkg.add({ name: s.name, src: s });
  } else {
    for (const [name, text] of BASE_PARTS) pkg.add({ name, data: utf8(text) });
  }

  const root = pkg.text('_rels/.rels') ?? '';
  const wbPart = workbookPart(pkg);
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const wbRelsPart = pkg.nameOf(relsOf(wbPart)) ?? relsOf(wbPart);
  let wb = pkg.text(wbPart);
  if (wb === undefined) throw new PlanConflict('the package has no workbook part');
  let rels = pkg.text(wbRelsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let types = pkg.text('[Content_Types].xml') ?? '';
  // Our fragments are written in these prefixes; fit (ns.ts) renames or declares them where they land.
  const mainNs = rootNamespace(wb) ?? NS.main;
  const strict = mainNs === NS.strictMain;
  const wbOwn: Own = { '': mainNs, r: relIdNamespace(wb, strict) };
  const relsOwn: Own = { '': rootNamespace(rels) ?? NS.pkgRel };
  const typesOwn: Own = { '': rootNamespace(types) ?? NS.types };

  // Styles: the workbook's own part, or a new one when it has none.
  let stylesPart = relationships(rels)
    .filter((r) => /\/styles$/.test(r.type))
    .map((r) => pkg.nameOf(resolve(wbDir, r.target)))
    .find((n) => n !== undefined);
  const stylesXml = stylesPart ? pkg.text(stylesPart)! : (BASE_PARTS.find(([n]) => n === 'xl/styles.xml')![1] as string);
  const book = new StyleBook(stylesXml);

  const newSheetParts: string[] = [];
  const removedParts: string[] = [];
  const removedSheetIds = new Set<number>();
  const appTitles: { old?: string; name: string }[] = [];
  const activeIndex = activeTabOf(wb);
  const activeName = plans.map((p) => p.activate).filter((a) => a !== undefined).pop();
  const building = source === null;

  let nextRel = 1 + Math.max(0, ...relationships(rels).map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)));
  const relIds = new Set(relationships(rels).map((r) => r.id));
  const freshRelId = () => {
    while (relIds.has(`rId${nextRel}`)) nextRel++;
    const id = `rId${nextRel++}`;
    relIds.add(id);
    return id;
  };
  let sheetNo = 1;
  const freshSheetPart = () => {
    while (pkg.has(`${wbDir}worksheets/sheet${sheetNo}.xml`) || newSheetParts.includes(`${wbDir}worksheets/sheet${sheetNo}.xml`)) sheetNo++;
    return `${wbDir}worksheets/sheet${sheetNo++}.xml`;
  };

  for (const plan of plans) {
    // All checks first: a conflicting plan leaves the package as it was.
    const sheets = sheetEntries(wb);
    const marks = markedSheetsOf(wb);
    for (const s of plan.sheets) {
      if (s.mode === 'fill') {
        if (!sheets.some((e) => e.name === s.name)) throw new PlanConflict(`sheet "${s.name}" to fill does not exist`);
        continue;
      }
      const replaced = s.replaces !== undefined ? sheets.find((e) => e.name === s.replaces) : undefined;
      if (replaced && !marks.has(replaced.name)) throw new PlanConflict(`refusing to replace sheet "${replaced.name}": it has no BranchAssessment marker`);
      if (sheets.some((e) => e.name.toLowerCase() === s.name.toLowerCase() && e !== replaced)) {
        throw new PlanConflict(`sheet "${s.name}" already exists and is not replaced by the plan`);
      }
    }
    for (const s of plan.sheets) {
      if (s.mode === 'fill') fill(s);
      else addSheet(s);
    }
  }

  function fill(plan: FillPlan): void {
    const entry = sheetEntries(wb!).find((e) => e.name === plan.name)!;
    const rel = relationships(rels).find((r) => r.id === entry.rid);
    const part = rel && pkg.nameOf(resolve(wbDir, rel.target));
    if (!part) throw new PlanConflict(`sheet "${plan.name}" to fill has no worksheet part`);
    const xml = pkg.text(part)!;
    const next = patchCells(xml, plan.cells);
    if (next !== xml) pkg.setText(part, next);
  }

  function addSheet(plan: SheetPlan): void {
    let sheets = sheetEntries(wb!);
    const replaced = plan.replaces !== undefined ? sheets.find((e) => e.name === plan.replaces) : undefined;
    let position = sheets.length;
    const maxId = Math.max(0, ...sheets.map((e) => e.sheetId));
    if (replaced) {
      position = sheets.indexOf(replaced);
      removeSheetParts(replaced);
      removedSheetIds.add(replaced.sheetId);
      // Names scoped to the old sheet (its marker, print titles and area) go with it.
      wb = cut(wb!, definedNames(wb!).filter((d) => d.localSheetId === position));
      sheets = sheetEntries(wb);
    }
    const selected = building ? plan.name === activeName : position === activeIndex;
    const { bytes, names } = renderSheet(plan, book, selected, strict);
    const part = freshSheetPart();
    newSheetParts.push(part);
    pkg.setBytes(part, bytes);
    const rid = freshRelId();
    rels = appendTo(rels, 'Relationships', `<Relationship Id="${rid}" Type="${worksheetType(rels)}" Target="${xmlAttr(part.slice(wbDir.length))}"/>`, relsOwn, () => rels);
    const tag = `<sheet name="${xmlAttr(plan.name)}" sheetId="${maxId + 1}" r:id="${rid}"/>`;
    if (replaced) {
      const at = sheets[position];
      wb = wb!.slice(0, at.index) + fit(tag, Scope.at(wb!, at.index), wbOwn) + wb!.slice(at.end);
    } else {
      wb = appendTo(wb!, 'sheets', tag, wbOwn, () => insertBeforeFirst(wb!, ['functionGroups', 'externalReferences', 'definedNames', ...AFTER_NAMES], `<sheets>${tag}</sheets>`, wbOwn, 'workbook'));
    }
    const scoped: { name: string; value: string }[] = [];
    if ((OUTPUT_KINDS as readonly string[]).includes(plan.kind)) scoped.push({ name: markerName(plan.kind as OutputKind), value: `${quoteSheet(plan.name)}!$A$1` });
    scoped.push(...names);
    if (scoped.length) {
      const block = scoped.map((n) => `<definedName name="${xmlAttr(n.name)}" localSheetId="${position}">${xmlText(n.value).replace(/'/g, '&apos;')}</definedName>`).join('');
      wb = appendTo(wb, 'definedNames', block, wbOwn, () => insertBeforeFirst(wb!, AFTER_NAMES, `<definedNames>${block}</definedNames>`, wbOwn, 'workbook'));
    }
    appTitles.push({ old: replaced?.name, name: plan.name });
  }

  function removeSheetParts(entry: SheetEntry): void {
    const rel = relationships(rels).find((r) => r.id === entry.rid);
    if (rel) {
      rels = cut(rels, [rel]);
      const part = pkg.nameOf(resolve(wbDir, rel.target));
      if (part) {
        removedParts.push(part);
        pkg.remove(part);
        const own = pkg.nameOf(relsOf(part));
        if (own) {
          removedParts.push(own);
          pkg.remove(own);
        }
      }
    }
  }

  if (building && activeName !== undefined) {
    const index = sheetEntries(wb).findIndex((e) => e.name === activeName);
    if (index >= 0) wb = setActiveTab(wb, index);
  }
  if (!stylesPart && !book.unchanged) {
    stylesPart = `${wbDir}styles.xml`;
    rels = appendTo(rels, 'Relationships', `<Relationship Id="${freshRelId()}" Type="${strict ? `${NS.strictRel}/styles` : STYLES_TYPE}" Target="styles.xml"/>`, relsOwn, () => rels);
    newSheetParts.push(stylesPart);
  }
  if (stylesPart && !book.unchanged) pkg.setText(stylesPart, book.toXml());
  if (removedSheetIds.size > 0) {
    // An emptied chain is invalid: it goes, with its relationship and override.
    const chain = pruneCalcChain(pkg, relationships(rels), wbDir, removedSheetIds);
    if (chain) {
      const part = pkg.nameOf(resolve(wbDir, chain.target))!;
      removedParts.push(part);
      pkg.remove(part);
      rels = cut(rels, [chain]);
    }
  }
  pkg.setText(wbPart, wb);
  pkg.setText(wbRelsPart, rels);

  // The package index: overrides for the new parts, none for the removed ones.
  const gone = new Set(removedParts.map((p) => '/' + Package.key(p)));
  types = cut(
    types,
    findTags(types, 'Override').filter(({ tag }) => gone.has((attrs(tag).get('PartName') ?? '').toLowerCase())),
  );
  const overrides = newSheetParts
    .map((p) => `<Override PartName="/${xmlAttr(p)}" ContentType="${p === stylesPart ? STYLES_CT : WORKSHEET_CT}"/>`)
    .join('');
  types = appendTo(types, 'Types', overrides, typesOwn, () => types);
  pkg.setText('[Content_Types].xml', types);

  updateAppProps(pkg, root, appTitles);

  const entries: ZipEntryOut[] = pkg.parts.map((p) => {
    const s = p.src;
    if (p.data === undefined && s && (s.method === 0 || s.method === 8)) {
      return { name: p.name, method: s.method, crc32: s.crc32, size: s.size, data: s.raw(), dosTime: s.dosTime, dosDate: s.dosDate };
    }
    const out = deflateEntry(p.name, p.data ?? s!.bytes());
    return s ? { ...out, dosTime: s.dosTime, dosDate: s.dosDate } : out;
  });
  return writeZip(entries);
}

/** The relationship type the package uses for worksheets (transitional or strict). */
function worksheetType(rels: string): string {
  return relationships(rels).find((r) => /\/worksheet$/.test(r.type))?.type ?? WORKSHEET_TYPE;
}

/**
 * The namespace of the relationship id on <sheet>: the one an existing sheet's id is in (resolved in
 * that tag's own scope: openpyxl 3.0 declares it on each <sheet>), else the flavour's own.
 */
function relIdNamespace(wb: string, strict: boolean): string {
  for (const s of sheetEntries(wb)) {
    const q = [...attrs(s.tag).keys()].find((k) => k.endsWith(':id'));
    const uri = q ? Scope.at(wb, s.index).enter(s.tag).uriOfName(q, true) : undefined;
    if (uri) return uri;
  }
  return strict ? NS.strictRel : NS.rel;
}

function activeTabOf(wb: string): number {
  const view = findTags(wb, 'workbookView')[0];
  const v = view ? Number(attrs(view.tag).get('activeTab') ?? 0) : 0;
  return Number.isInteger(v) ? v : 0;
}

function setActiveTab(wb: string, index: number): string {
  const view = findTags(wb, 'workbookView')[0];
  if (!view) return wb;
  const tag = /\sactiveTab\s*=/.test(view.tag) ? view.tag.replace(/(\sactiveTab\s*=\s*)["'][^"']*["']/, `$1"${index}"`) : view.tag.replace(/\s*(\/?>)$/, ` activeTab="${index}"$1`);
  return wb.slice(0, view.index) + tag + wb.slice(view.end);
}

/**
 * calcChain entries of removed sheets dropped (Excel repairs a chain naming a sheet that is gone).
 * Returns the chain's part name when the chain is left empty and must go altogether.
 */
function pruneCalcChain(pkg: Package, rels: Rel[], wbDir: string, removed: Set<number>): Rel | undefined {
  const rel = rels.find((r) => /\/calcChain$/.test(r.type));
  const part = rel ? pkg.nameOf(resolve(wbDir, rel.target)) : undefined;
  if (!rel || !part) return undefined;
  const xml = pkg.text(part)!;
  let current = 0;
  let changed = false;
  const next = xml.replace(new RegExp(`${openTag('c')}[^>]*>`, 'g'), (tag) => {
    const i = attrs(tag).get('i');
    const inherited = i === undefined;
    if (!inherited) current = Number(i);
    if (removed.has(current)) {
      changed = true;
      return '';
    }
    // The sheet index carries over to later entries: written out, so dropping entries cannot shift it.
    return inherited ? tag.replace(/^(<[\w.:-]+)/, `$1 i="${current}"`) : tag;
  });
  if (!changed) return undefined;
  if (new RegExp(openTag('c')).test(next)) {
    pkg.setText(part, next);
    return undefined;
  }
  return rel;
}

/** docProps/app.xml: the new sheet names in TitlesOfParts, the worksheet count in HeadingPairs. */
function updateAppProps(pkg: Package, rootRels: string, titles: { old?: string; name: string }[]): void {
  if (titles.length === 0) return;
  const rel = relationships(rootRels).find((r) => /\/extended-properties$/.test(r.type));
  const part = rel ? pkg.nameOf(resolve('', rel.target)) : pkg.nameOf('docProps/app.xml');
  if (!part) return;
  const xml = pkg.text(part)!;
  const next = withTitles(xml, titles);
  if (next !== undefined && next !== xml) pkg.setText(part, next);
}

function withTitles(xml: string, titles: { old?: string; name: string }[]): string | undefined {
  const hp = elementSpan(xml, 'HeadingPairs');
  const tp = elementSpan(xml, 'TitlesOfParts');
  if (!hp || !tp) return undefined;
  const hv = elementSpan(xml, 'vector', hp.innerStart);
  const tv = elementSpan(xml, 'vector', tp.innerStart);
  if (!hv || !tv || tp.start < hp.end) return undefined;
  const variants = findTags(xml, 'variant', hv.innerStart, hv.innerEnd).map((v) => elementSpan(xml, 'variant', v.index)!);
  const lpstrs = [...xml.slice(tv.innerStart, tv.innerEnd).matchAll(new RegExp(`${openTag('lpstr')}[^>]*>([\\s\\S]*?)${closeTag('lpstr')}`, 'g'))];
  const names = lpstrs.map((m) => m[1]);
  // Pairs (group label, count): the worksheets group is the one holding the workbook's first title.
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = xml.slice(variants[i].innerStart, variants[i].innerEnd);
    const countSpan = variants[i + 1];
    const countXml = xml.slice(countSpan.innerStart, countSpan.innerEnd);
    const count = Number(/>(\d+)</.exec(countXml)?.[1]);
    if (!Number.isInteger(count)) return undefined;
    if (/Worksheets|工作表|Arbeitsbl|Feuilles|Hojas|Fogli|ワークシート|워크시트|Planilhas|Листы/i.test(label)) {
      const group = names.slice(offset, offset + count);
      const added: string[] = [];
      for (const t of titles) {
        const at = t.old !== undefined ? group.indexOf(xmlText(t.old)) : -1;
        if (at >= 0) group[at] = xmlText(t.name);
        else added.push(xmlText(t.name));
      }
      if (added.length === 0 && group.every((g, k) => g === names[offset + k])) return xml;
      // The titles are rewritten inside the vector, in its namespace (vt:), declared there or not.
      const openVector = xml.slice(tv.start, tv.innerStart);
      const inVector = Scope.at(xml, tv.start).enter(openVector);
      const vectorName = /^<([\w.:-]+)/.exec(openVector)![1];
      const vt = inVector.uriOfName(vectorName) ?? VT_NS;
      const all = [...names.slice(0, offset), ...group, ...added, ...names.slice(offset + count)];
      const newCount = countXml.replace(/>(\d+)</, `>${count + added.length}<`);
      const vectorTag = openVector.replace(/(\ssize\s*=\s*)["'][^"']*["']/, `$1"${all.length}"`).replace(/\s*\/>$/, '>');
      const body = fit(all.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join(''), inVector, { vt });
      const vectorClose = tv.innerStart === tv.end ? `</${vectorName}>` : xml.slice(tv.innerEnd, tv.end);
      // Later span first, so the earlier one's positions hold.
      let out = xml.slice(0, tv.start) + vectorTag + body + vectorClose + xml.slice(tv.end);
      out = out.slice(0, countSpan.innerStart) + newCount + out.slice(countSpan.innerEnd);
      return out;
    }
    offset += count;
  }
  return undefined;
}
