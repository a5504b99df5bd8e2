/**
 * A SheetPlan written straight to worksheet XML: values (strings inline, so the shared strings part is
 * never touched), styles (through the StyleBook), merges, column widths, row heights, freeze panes,
 * in-workbook links, drop-down lists, print setup and tab colour. Print titles and area are defined
 * names: returned for the workbook part.
 */
import type { CellStyle, PlanValue, PrintSetup, SheetPlan } from '../../workbook/plan';
import { dropDownAlert, MAX_CELL_TEXT } from '../../workbook/plans/sheet';
import { address, columnName, parseAddress, parseRange } from '../../workbook/snapshot';
import { escapeIllegal, escapeXstring } from './escape';
import { quoteSheet } from './markers';
import { argb, type StyleBook } from './styles';
import { Utf8Builder, xmlAttr, xmlText } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** ISO/IEC 29500 Strict: a strict workbook gets strict sheets. */
const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const LINK_STYLE: CellStyle = { fontColor: '#0563C1', underline: true };

export interface SheetXml {
  /** the worksheet part, UTF-8 */
  bytes: Uint8Array;
  /** sheet-scoped names the workbook must carry: _xlnm.Print_Titles, _xlnm.Print_Area */
  names: { name: string; value: string }[];
}

/** A link cell: its text and the HYPERLINK formula that opens the target. */
interface LinkCell {
  text: string;
  f: string;
}

/** Layered styles: each combination of ranges applied in order gets one id. */
class Combos {
  readonly styles: CellStyle[] = [{}];
  private readonly next = new Map<number, number>();
  /** `styleIndex` -1 is the link style. */
  private lastKey = -1;
  private lastOut = 0;
  layer(id: number, styleIndex: number, style: CellStyle): number {
    // A numeric key: this runs once per styled cell and range, mostly with the key of the cell before.
    const key = id * 1_048_576 + styleIndex + 1;
    if (key === this.lastKey) return this.lastOut;
    let out = this.next.get(key);
    if (out === undefined) {
      out = this.styles.length;
      this.styles.push(mergeStyle(this.styles[id], style));
      this.next.set(key, out);
    }
    this.lastKey = key;
    this.lastOut = out;
    return out;
  }
}

function mergeStyle(a: CellStyle, b: CellStyle): CellStyle {
  const out: CellStyle = { ...a };
  for (const [k, v] of Object.entries(b)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Text one cell can hold: cut as the plans cut it (an ellipsis), never splitting a surrogate pair. */
function capText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let end = MAX_CELL_TEXT - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/** The worksheet XML of `plan`. `selected`: the sheet is the workbook's active tab; `strict`: Strict OOXML namespaces. */
export function renderSheet(plan: SheetPlan, book: StyleBook, selected = false, strict = false): SheetXml {
  // Per row: the plan's own value row, the style combination of each cell (sparse) and the rare link
  // cells; no object per cell (the detail sheet has over 100,000 cells).
  const values = plan.values;
  const styleRows: (number[] | undefined)[] = [];
  const linkRows: (Map<number, LinkCell> | undefined)[] = [];
  const combos = new Combos();
  plan.styles.forEach((s, i) => {
    const { r0, c0, r1, c1 } = parseRange(s.range);
    for (let r = r0; r <= r1; r++) {
      const row = (styleRows[r] ??= []);
      for (let c = c0; c <= c1; c++) row[c] = combos.layer(row[c] ?? 0, i, s.style);
    }
  });
  for (const link of plan.links) {
    const { r, c } = parseAddress(link.cell);
    const v = values[r]?.[c];
    const text = v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? link.target : String(v);
    const ref = `#${quoteSheet(link.sheet)}!${link.target}`;
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    // A formula's string literal is capped at 255 characters; a longer text stays a plain value.
    if (text.length > 255 || ref.length > 255) continue;
    (linkRows[r] ??= new Map()).set(c, { text, f: `HYPERLINK(${q(ref)},${q(text)})` });
    const row = (styleRows[r] ??= []);
    row[c] = combos.layer(row[c] ?? 0, -1, LINK_STYLE);
  }
  const heights = new Map<number, number>();
  let lastRow = Math.max(values.length, styleRows.length, linkRows.length) - 1;
  for (const { row, height } of plan.rowHeights ?? []) {
    heights.set(row, height);
    if (row > lastRow) lastRow = row;
  }

  // ` s="…"` per style combination, and each repeated text's <is> element, made once.
  const sAttrOf: (string | undefined)[] = [];
  const sAttr = (id: number): string => {
    let a = sAttrOf[id];
    if (a === undefined) {
      const xf = book.xf(combos.styles[id]);
      a = sAttrOf[id] = xf ? ` s="${xf}"` : '';
    }
    return a;
  };
  const texts = new Map<string, string>();
  const inline = (v: string): string => {
    if (v.length > 200) return inlineText(v);
    let x = texts.get(v);
    if (x === undefined) {
      x = inlineText(v);
      texts.set(v, x);
    }
    return x;
  };

  let rowCount = 0;
  let maxR = 0;
  let maxC = 0;
  const out = new Utf8Builder();
  const letters: string[] = [];
  for (let r = 0; r <= lastRow; r++) {
    const h = heights.get(r);
    const vals = values[r];
    const sts = styleRows[r];
    const links = linkRows[r];
    const width = Math.max(vals?.length ?? 0, sts?.length ?? 0);
    // A row exists when one of its cells does: a value, a style or a link.
    let any = links !== undefined || (sts !== undefined && sts.length > 0);
    if (!any && vals) for (let c = 0; c < vals.length && !any; c++) any = present(vals[c]);
    if (!any && h === undefined) continue;
    const rowNumber = String(r + 1);
    out.push(`<row r="${rowNumber}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}${any ? '>' : '/>'}`);
    if (!any) continue;
    rowCount++;
    maxR = Math.max(maxR, r);
    for (let c = 0; c < width; c++) {
      const st = sts?.[c];
      const link = links?.get(c);
      const v = vals?.[c];
      const has = present(v);
      if (st === undefined && !has && link === undefined) continue;
      if (c > maxC) maxC = c;
      const ref = (letters[c] ??= columnName(c)) + rowNumber;
      const s = st ? sAttr(st) : '';
      if (link !== undefined) {
        out.push(`<c r="${ref}"${s} t="str"><f>${xmlText(escapeIllegal(link.f))}</f><v>${xmlText(escapeIllegal(link.text))}</v></c>`);
      } else if (!has) out.push(`<c r="${ref}"${s}/>`);
      else if (typeof v === 'number') out.push(`<c r="${ref}"${s}><v>${v}</v></c>`);
      else if (typeof v === 'boolean') out.push(`<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`);
      else out.push(`<c r="${ref}"${s} t="inlineStr"><is>${inline(v as string)}</is></c>`);
    }
    out.push('</row>');
  }

  const names: SheetXml['names'] = [];
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${strict ? STRICT_MAIN_NS : MAIN_NS}" xmlns:r="${strict ? STRICT_REL_NS : REL_NS}">`];
  const pr = [plan.tabColor ? `<tabColor rgb="${argb(plan.tabColor)}"/>` : '', plan.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ''].join('');
  if (pr) parts.push(`<sheetPr>${pr}</sheetPr>`);
  parts.push(`<dimension ref="${rowCount ? `A1:${address(maxR, maxC)}` : 'A1'}"/>`);
  parts.push(`<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(plan.freeze)}</sheetView></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = plan.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push('<sheetData>');
  const tail: string[] = ['</sheetData>'];
  if (plan.merges.length) tail.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  const dvs = plan.validations.map((v) => validationXml(v.range, v.list)).filter((x) => x !== '');
  if (dvs.length) tail.push(`<dataValidations count="${dvs.length}">${dvs.join('')}</dataValidations>`);
  if (plan.print) {
    tail.push(printXml(plan.print));
    const sheet = quoteSheet(plan.name);
    if (plan.print.titleRows) {
      const [a, b = a] = plan.print.titleRows.split(':');
      names.push({ name: '_xlnm.Print_Titles', value: `${sheet}!$${a}:$${b}` });
    }
    if (plan.print.area) {
      const { r0, c0, r1, c1 } = parseRange(plan.print.area);
      names.push({ name: '_xlnm.Print_Area', value: `${sheet}!$${columnName(c0)}$${r0 + 1}:$${columnName(c1)}$${r1 + 1}` });
    }
  } else {
    tail.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  }
  tail.push('</worksheet>');
  return { bytes: out.finish(parts.join(''), tail.join('')), names };
}

/** A value the sheet shows: not blank, not a number Excel cannot hold (NaN, ±Infinity). */
function present(v: PlanValue | undefined): v is string | number | boolean {
  return v !== null && v !== undefined && (typeof v !== 'number' || Number.isFinite(v));
}

/** `<t>` of an inline string: capped, escaped as Excel does, spaces kept. */
export function inlineText(s: string): string {
  const t = escapeXstring(capText(s));
  const keep = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
  return `<t${keep}>${xmlText(t)}</t>`;
}

function paneXml(freeze: SheetPlan['freeze']): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return '';
  const { rows, columns } = freeze;
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<pane${split} topLeftCell="${address(rows, columns)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

/**
 * A drop-down list on a range, one rule, in warning style (dropDownAlert: another entry may stay, the product
 * checks it). Excel caps an inline list at 255 characters: a longer one is left out.
 */
function validationXml(range: string, list: string[]): string {
  const items = list.map((x) => x.replace(/"/g, '""').replace(/,/g, '，'));
  const formula = `"${items.join(',')}"`;
  if (formula.length > 257) return '';
  const { r0, c0, r1, c1 } = parseRange(range);
  const sqref = r0 === r1 && c0 === c1 ? address(r0, c0) : `${address(r0, c0)}:${address(r1, c1)}`;
  const alert = dropDownAlert(list);
  return (
    `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="${xmlAttr(escapeIllegal(alert.title))}" error="${xmlAttr(escapeIllegal(alert.message))}" sqref="${sqref}">` +
    `<formula1>${xmlText(escapeIllegal(formula)).replace(/"/g, '&quot;')}</formula1></dataValidation>`
  );
}

function printXml(p: PrintSetup): string {
  return [
    p.centered ? '<printOptions horizontalCentered="1"/>' : '',
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`,
  ].join('');
}
