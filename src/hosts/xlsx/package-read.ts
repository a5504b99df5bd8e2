/**
 * The streaming package reader: an .xlsx/.xlsm read part by part into a WorkbookSnapshot. The sheets
 * are found through the package's relationships (any part name, any namespace prefix, absolute or
 * relative targets), listed in tab order; chart, dialog and macro sheets are listed empty (recognition
 * reports them as ignored), never dropped. Cells are scanned from the inflating part (sheet-scan.ts)
 * under the limits of SPEC §4: 1 GiB unpacked (zip.ts), 20,000,000 cells.
 */
import { kindOfMarker } from '../../workbook/host';
import type { ObjectFormula, OutputKind, SheetSnapshot, SourceFormat, WorkbookSnapshot } from '../../workbook/snapshot';
import { CELL_LIMIT, InternalError } from './errors';
import { sheetOfRange } from './sheet-ref';
import { scanSharedStrings, scanSheet, type ScanContext } from './sheet-scan';
import { attributes, elementText, parseRels, relsPartOf, tags, type Relationship } from './xml-read';
import { openZip, PackageError, type ZipArchive, type ZipEntry } from './zip';

export interface ReadOptions {
  cellLimit?: number;
  unpackedLimit?: number;
}

/** Thrown when the zip holds no workbook part (a .docx, a zipped folder). */
export class NotAWorkbook extends Error {}

/**
 * Read a package; throws PackageError (limits, damage) or NotAWorkbook for the input's problems, and
 * InternalError, naming the part being read, for anything else: a structure this reader did not foresee.
 */
export function readPackage(data: Uint8Array, options: ReadOptions = {}): { snapshot: WorkbookSnapshot; archive: ZipArchive } {
  const archive = openZip(data, { unpackedLimit: options.unpackedLimit });
  const reader = new PackageReader(archive, options.cellLimit ?? CELL_LIMIT);
  try {
    return { snapshot: reader.read(), archive };
  } catch (e) {
    if (e instanceof PackageError || e instanceof NotAWorkbook) throw e;
    throw new InternalError(reader.part, e);
  }
}

interface SheetEntry {
  name: string;
  visible: boolean;
  rel?: Relationship;
}

interface DefinedName {
  name: string;
  localSheetId?: number;
  formula: string;
}

/** Sheet relationship kinds listed but not read: their content is not a grid of ratings. */
const WORKSHEET = 'worksheet';

class PackageReader {
  private readonly ctx: ScanContext;
  /** the part being read, for an internal error's message */
  part: string | undefined;

  constructor(
    private readonly zip: ZipArchive,
    cellLimit: number,
  ) {
    this.ctx = { sharedStrings: [], dateStyles: [], date1904: false, cells: { count: 0, limit: cellLimit }, intern: new Map() };
  }

  private text(part: string): string | undefined {
    const entry = this.zip.find(part);
    if (entry) this.part = entry.name;
    return entry?.text();
  }

  private rels(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    return xml === undefined ? [] : parseRels(xml, part);
  }

  read(): WorkbookSnapshot {
    const wbPart = this.workbookPart();
    const wbXml = wbPart ? this.text(wbPart) : undefined;
    if (!wbPart || wbXml === undefined) throw new NotAWorkbook();
    const rels = this.rels(wbPart);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    const names: DefinedName[] = [];
    for (const t of tags(wbXml, new Set(['workbookPr', 'sheet', 'definedName']))) {
      const a = attributes(t.attrText);
      if (t.local === 'workbookPr') {
        const d = a.get('date1904');
        this.ctx.date1904 = d === '1' || d === 'true';
      } else if (t.local === 'sheet') {
        const state = a.get('state');
        sheets.push({ name: a.get('name') ?? '', visible: state === undefined || state === 'visible', rel: byId.get(a.get('id') ?? '') });
      } else {
        const local = a.get('localSheetId');
        names.push({
          name: a.get('name') ?? '',
          localSheetId: local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined,
          formula: decodeFormula(elementText(wbXml, t).inner),
        });
      }
    }
    if (sheets.length === 0) throw new NotAWorkbook();

    const sst = rels.find((r) => r.kind === 'sharedstrings' && !r.external)?.target ?? 'xl/sharedStrings.xml';
    const sstEntry = this.zip.find(sst);
    if (sstEntry) {
      this.part = sstEntry.name;
      this.ctx.sharedStrings = scanSharedStrings(sstEntry.textChunks(), this.ctx);
    }
    const styles = rels.find((r) => r.kind === 'styles' && !r.external)?.target ?? 'xl/styles.xml';
    const stylesXml = this.text(styles);
    if (stylesXml !== undefined) this.ctx.dateStyles = dateStyles(stylesXml);

    const objectFormulas: ObjectFormula[] = [];
    const marks = new Map<string, OutputKind>();
    for (const dn of names) {
      const kind = kindOfMarker(dn.name);
      if (kind) {
        const sheet = sheetOfRange(dn.formula);
        if (sheet !== undefined && !marks.has(sheet)) marks.set(sheet, kind);
        continue;
      }
      // Built-in names scoped to a sheet (filter range, print area) belong to that sheet alone.
      if (dn.name.startsWith('_xlnm.') && dn.localSheetId !== undefined) continue;
      const of: ObjectFormula = { kind: 'name', label: dn.name, formula: dn.formula };
      if (dn.localSheetId !== undefined && sheets[dn.localSheetId]) of.sheet = sheets[dn.localSheetId].name;
      objectFormulas.push(of);
    }

    const out: SheetSnapshot[] = [];
    let chartNo = 0;
    for (const entry of sheets) {
      const sheet: SheetSnapshot = { name: entry.name, values: [], merges: [], visible: entry.visible };
      const rel = entry.rel;
      const part = rel && !rel.external ? this.zip.find(rel.target) : undefined;
      if (rel && part && rel.kind === WORKSHEET) {
        this.part = part.name;
        const scanned = scanSheet(part.textChunks(), this.ctx, entry.name);
        sheet.values = scanned.values;
        if (scanned.formulas) sheet.formulas = scanned.formulas;
        if (scanned.uncalculated) sheet.uncalculated = scanned.uncalculated;
        sheet.merges = scanned.merges;
        if (scanned.hiddenRows.length > 0) sheet.hiddenRows = scanned.hiddenRows;
        if (scanned.validations.length > 0) sheet.validations = scanned.validations;
        for (const v of scanned.validationSources) objectFormulas.push({ kind: 'validation', label: v.sqref, sheet: entry.name, formula: v.formula });
        for (const v of scanned.conditionalSources) objectFormulas.push({ kind: 'conditional-format', label: v.sqref, sheet: entry.name, formula: v.formula });
      }
      const kind = marks.get(entry.name);
      if (kind) sheet.createdBy = kind;
      out.push(sheet);
      if (rel && part) {
        try {
          chartNo = this.objectsOf(rel.target, entry.name, objectFormulas, chartNo);
        } catch (e) {
          // Charts and pivots only feed a warning: a damaged one must not stop the ratings being read.
          if (e instanceof PackageError && (e.code === 'unpacked-limit' || e.code === 'size-mismatch')) throw e;
        }
      }
    }
    const snapshot: WorkbookSnapshot = { sheets: out, format: this.format(wbPart) };
    if (objectFormulas.length > 0) snapshot.objectFormulas = objectFormulas;
    return snapshot;
  }

  private workbookPart(): string | undefined {
    const root = this.rels('');
    const doc = root.find((r) => r.kind === 'officedocument' && !r.external && this.zip.find(r.target));
    if (doc) return this.zip.find(doc.target)!.name;
    return this.zip.find('xl/workbook.xml')?.name;
  }

  private format(wbPart: string): SourceFormat {
    const ct = this.text('[Content_Types].xml') ?? '';
    for (const t of tags(ct, new Set(['Override']))) {
      const a = attributes(t.attrText);
      if ((a.get('PartName') ?? '').replace(/^\/+/, '').toLowerCase() === wbPart.toLowerCase()) {
        return /macroEnabled/i.test(a.get('ContentType') ?? '') ? 'xlsm' : 'xlsx';
      }
    }
    return 'xlsx';
  }

  /** Charts (through the sheet's drawing) and pivot tables of one sheet, as formulas outside cells. */
  private objectsOf(sheetPart: string, sheet: string, out: ObjectFormula[], chartNo: number): number {
    for (const rel of this.rels(sheetPart)) {
      if (rel.external) continue;
      if (rel.kind === 'drawing') {
        const drawingXml = this.text(rel.target);
        if (drawingXml === undefined) continue;
        const labels = chartLabels(drawingXml);
        for (const cr of this.rels(rel.target)) {
          if (cr.kind !== 'chart' || cr.external) continue;
          const chartXml = this.text(cr.target);
          if (chartXml === undefined) continue;
          chartNo++;
          const label = labels.get(cr.id) ?? `图表 ${chartNo} / Chart ${chartNo}`;
          const seen = new Set<string>();
          for (const t of tags(chartXml, new Set(['f']))) {
            const f = decodeFormula(elementText(chartXml, t).inner);
            if (f === '' || seen.has(f)) continue;
            seen.add(f);
            out.push({ kind: 'chart', label, sheet, formula: f });
          }
        }
      } else if (rel.kind === 'pivottable') {
        const ptXml = this.text(rel.target);
        if (ptXml === undefined) continue;
        let label = '数据透视表 / PivotTable';
        for (const t of tags(ptXml, new Set(['pivotTableDefinition']))) label = attributes(t.attrText).get('name') ?? label;
        for (const cr of this.rels(rel.target)) {
          if (cr.kind !== 'pivotcachedefinition' || cr.external) continue;
          const cacheXml = this.text(cr.target);
          if (cacheXml === undefined) continue;
          for (const t of tags(cacheXml, new Set(['worksheetSource']))) {
            const a = attributes(t.attrText);
            const name = a.get('name');
            const ref = a.get('ref');
            const src = a.get('sheet');
            const formula = name ?? (ref && src ? `'${src.replace(/'/g, "''")}'!${ref}` : undefined);
            if (formula) out.push({ kind: 'pivot', label, sheet, formula });
          }
        }
      }
    }
    return chartNo;
  }
}

/** Formula text as stored (entities decoded, no leading "="). */
function decodeFormula(inner: string): string {
  return inner
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '')
    .trim()
    .replace(/^=/, '');
}

/** A drawing's chart frames: relationship id → the frame's name ("图表 1"). */
function chartLabels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const t of tags(xml, new Set(['cNvPr', 'chart']))) {
    const a = attributes(t.attrText);
    if (t.local === 'cNvPr') last = a.get('name');
    else {
      const id = a.get('id');
      if (id && last) out.set(id, last);
    }
  }
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date or time when, outside brackets, quotes and escapes, it has y m d h s (ExcelJS's rule, kept). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhMsb]/.test(bare);
}

/** cellXfs index → whether its number format shows a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const t of tags(xml, new Set(['numFmt']))) {
    const a = attributes(t.attrText);
    const id = Number(a.get('numFmtId'));
    if (Number.isInteger(id)) custom.set(id, a.get('formatCode') ?? '');
  }
  const out: boolean[] = [];
  const start = [...tags(xml, new Set(['cellXfs']))][0];
  if (!start) return out;
  const { inner } = elementText(xml, start);
  for (const t of tags(inner, new Set(['xf']))) {
    const id = Number(attributes(t.attrText).get('numFmtId') ?? '0');
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
  }
  return out;
}

export type { ZipEntry };
