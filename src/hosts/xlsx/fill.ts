/**
 * The office's own sheet, filled (SPEC §4.6; the settings sheet edit too): only the listed cells of
 * that one sheet part are replaced or inserted, everything else of the part stays as it was. A cell
 * keeps its style; a cell holding a formula is left alone (the plan already warns about it).
 */
import type { PlanValue } from '../../workbook/plan';
import { address, parseAddress } from '../../workbook/snapshot';
import { inlineText } from './sheet-xml';
import { fit, Scope, type Own } from './ns';
import { attrs, closeTag, elementSpan, findTags, openTag } from './xml';

interface Span {
  start: number;
  /** end of the start tag */
  open: number;
  end: number;
  selfClosing: boolean;
  /** 0-based row or column */
  n: number;
  explicit: boolean;
}

/** Row or cell elements inside [from, to): each with its number, implicit numbers counted as Excel does. */
function children(xml: string, local: string, from: number, to: number, ref: (a: Map<string, string>) => number | undefined): Span[] {
  const out: Span[] = [];
  const open = new RegExp(`${openTag(local)}[^>]*>`, 'g');
  const close = new RegExp(closeTag(local), 'g');
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  let next = 0;
  while ((m = open.exec(xml)) && m.index < to) {
    const selfClosing = m[0].endsWith('/>');
    let end = m.index + m[0].length;
    if (!selfClosing) {
      close.lastIndex = end;
      const c = close.exec(xml);
      end = c ? c.index + c[0].length : to;
    }
    const given = ref(attrs(m[0]));
    const n = given ?? next;
    out.push({ start: m.index, open: m.index + m[0].length, end, selfClosing, n, explicit: given !== undefined });
    next = n + 1;
    open.lastIndex = end;
  }
  return out;
}

const rowRef = (a: Map<string, string>) => {
  const r = Number(a.get('r'));
  return Number.isInteger(r) && r >= 1 ? r - 1 : undefined;
};
const cellRef = (a: Map<string, string>) => {
  const r = a.get('r');
  if (!r) return undefined;
  try {
    return parseAddress(r).c;
  } catch {
    return undefined;
  }
};

/** A cell in our own prefixes (the default namespace is the sheet's): `fit` places it. */
function valueXml(ref: string, s: string | undefined, v: PlanValue): string {
  const sAttr = s !== undefined ? ` s="${s}"` : '';
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is>${inlineText(v)}</is></c>`;
}

/** An explicit r="…" on a start tag that has none. */
function withRef(tag: string, ref: string): string {
  return tag.replace(/^(<[\w.:-]+)/, `$1 r="${ref}"`);
}

/** The sheet part with `cells` written. Returns the part unchanged when there is nothing to do. */
export function patchCells(xml: string, cells: readonly { cell: string; value: PlanValue }[]): string {
  if (cells.length === 0) return xml;
  const data = elementSpan(xml, 'sheetData');
  if (!data) return xml;
  // What we insert is fitted to the namespaces in scope inside <sheetData> (and inside each row we extend).
  const dataTag = xml.slice(data.start, data.innerStart);
  const dataName = /^<([\w.:-]+)/.exec(dataTag)![1];
  const inData = Scope.at(xml, data.start).enter(dataTag);
  const own: Own = { '': inData.uriOfName(dataName) ?? '' };
  const byRow = new Map<number, Map<number, PlanValue>>();
  for (const { cell, value } of cells) {
    const { r, c } = parseAddress(cell);
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = new Map()));
    row.set(c, value);
  }
  const colStyles = columnStyles(xml);
  const rows = children(xml, 'row', data.innerStart, data.innerEnd, rowRef);
  const pieces: string[] = [];
  let at = data.innerStart;
  const emitNewRows = (upTo: number) => {
    for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
      if (r >= upTo) break;
      const cellsOf = byRow.get(r)!;
      byRow.delete(r);
      const inner = [...cellsOf.keys()].sort((a, b) => a - b).map((c) => valueXml(address(r, c), colStyles(c), cellsOf.get(c)!));
      pieces.push(fit(`<row r="${r + 1}">${inner.join('')}</row>`, inData, own));
    }
  };
  for (const row of rows) {
    emitNewRows(row.n);
    pieces.push(xml.slice(at, row.start));
    const rowTag = xml.slice(row.start, row.open);
    const want = byRow.get(row.n);
    // Rows are numbered explicitly once anything moves, so implicit numbering cannot shift.
    const tag = row.explicit ? rowTag : withRef(rowTag, String(row.n + 1));
    if (!want) {
      pieces.push(tag, xml.slice(row.open, row.end));
      at = row.end;
      continue;
    }
    byRow.delete(row.n);
    const ra = attrs(rowTag);
    const rowStyle = ra.get('customFormat') === '1' || ra.get('customFormat') === 'true' ? ra.get('s') : undefined;
    const open = row.selfClosing ? tag.replace(/\s*\/>$/, '>') : tag;
    const inRow = inData.enter(rowTag);
    const innerEnd = row.selfClosing ? row.open : xml.lastIndexOf('</', row.end - 1);
    const cellSpans = children(xml, 'c', row.open, innerEnd, cellRef);
    const inner: string[] = [];
    let cAt = row.open;
    const emitNewCells = (upTo: number) => {
      for (const c of [...want.keys()].sort((a, b) => a - b)) {
        if (c >= upTo) break;
        inner.push(fit(valueXml(address(row.n, c), rowStyle ?? colStyles(c), want.get(c)!), inRow, own));
        want.delete(c);
      }
    };
    for (const c of cellSpans) {
      emitNewCells(c.n);
      inner.push(xml.slice(cAt, c.start));
      const cTag = xml.slice(c.start, c.open);
      const ref = address(row.n, c.n);
      const body = c.selfClosing ? '' : xml.slice(c.open, c.end);
      if (want.has(c.n) && !new RegExp(openTag('f')).test(body)) {
        inner.push(fit(valueXml(ref, attrs(cTag).get('s'), want.get(c.n)!), inRow, own));
      } else {
        inner.push(c.explicit ? cTag : withRef(cTag, ref), body);
      }
      want.delete(c.n);
      cAt = c.end;
    }
    emitNewCells(Infinity);
    inner.push(xml.slice(cAt, innerEnd));
    pieces.push(open, inner.join(''), row.selfClosing ? `</${/^<([\w.:-]+)/.exec(rowTag)![1]}>` : xml.slice(innerEnd, row.end));
    at = row.end;
  }
  pieces.push(xml.slice(at, data.innerEnd));
  emitNewRows(Infinity);
  let out: string;
  if (data.innerStart === data.innerEnd && /\/>$/.test(xml.slice(data.start, data.innerStart))) {
    // <sheetData/>: opened up to hold the new rows.
    out = xml.slice(0, data.start) + dataTag.replace(/\s*\/>$/, '>') + pieces.join('') + `</${dataName}>` + xml.slice(data.end);
  } else {
    out = xml.slice(0, data.innerStart) + pieces.join('') + xml.slice(data.innerEnd);
  }
  return growDimension(out, cells.map((c) => parseAddress(c.cell)));
}

/** Style index of a column from <cols>, for a cell that did not exist yet. */
function columnStyles(xml: string): (c: number) => string | undefined {
  const cols = elementSpan(xml, 'cols');
  if (!cols) return () => undefined;
  const list = findTags(xml, 'col', cols.innerStart, cols.innerEnd).map(({ tag }) => attrs(tag));
  return (c) => {
    for (const a of list) if (Number(a.get('min')) <= c + 1 && c + 1 <= Number(a.get('max'))) return a.get('style');
    return undefined;
  };
}

/** <dimension ref> widened to cover the written cells (some readers trust it). */
function growDimension(xml: string, written: { r: number; c: number }[]): string {
  const dim = findTags(xml, 'dimension')[0];
  if (!dim) return xml;
  const ref = attrs(dim.tag).get('ref');
  if (!ref) return xml;
  let r0: number, c0: number, r1: number, c1: number;
  try {
    const [a, b = a] = ref.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b);
    [r0, c0, r1, c1] = [p.r, p.c, q.r, q.c];
  } catch {
    return xml;
  }
  const grown = [r0, c0, r1, c1];
  for (const { r, c } of written) {
    grown[0] = Math.min(grown[0], r);
    grown[1] = Math.min(grown[1], c);
    grown[2] = Math.max(grown[2], r);
    grown[3] = Math.max(grown[3], c);
  }
  if (grown.every((v, i) => v === [r0, c0, r1, c1][i])) return xml;
  const next = `${address(grown[0], grown[1])}:${address(grown[2], grown[3])}`;
  return xml.slice(0, dim.index) + dim.tag.replace(/(\sref\s*=\s*)["'][^"']*["']/, `$1"${next}"`) + xml.slice(dim.end);
}
