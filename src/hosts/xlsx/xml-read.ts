/**
 * Small, DOM-free helpers for reading package XML (workbook, relationships, styles, drawings): tags
 * found by scanning, names compared by local name so any namespace prefix (x:, ns0:, none) reads the
 * same. The worksheet and shared-string scanners (sheet-scan.ts) are built on the same ideas.
 */

/** One start (or empty) tag: its local name, the raw attribute text and where it ends. */
export interface Tag {
  local: string;
  /** the full qualified name as written ("x:sheet") */
  qname: string;
  /** index of '<' */
  start: number;
  /** index just after '>' */
  end: number;
  /** true for <a/> */
  selfClosing: boolean;
  /** the text between the name and '>' (attributes) */
  attrText: string;
}

function isNameEnd(ch: number): boolean {
  // space, tab, CR, LF, '/', '>'
  return ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 47 || ch === 62;
}

/** The local part of a qualified name. */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * Every start tag of the text, in order (comments, processing instructions, CDATA and end tags skipped).
 * With `only`, tags whose local name is not in it are skipped without building their attribute text.
 */
export function* tags(xml: string, only?: ReadonlySet<string>): Generator<Tag> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        i = e < 0 ? n : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        i = e < 0 ? n : e + 3;
      } else {
        const e = xml.indexOf('>', lt + 2);
        i = e < 0 ? n : e + 1;
      }
      continue;
    }
    if (next === 63 /* ? */ || next === 47 /* / */) {
      const e = xml.indexOf('>', lt + 2);
      i = e < 0 ? n : e + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
    const qname = xml.slice(lt + 1, j);
    const gt = tagEnd(xml, j);
    if (gt < 0) return;
    i = gt + 1;
    const local = localName(qname);
    if (only && !only.has(local)) continue;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    yield { local, qname, start: lt, end: gt + 1, selfClosing, attrText: xml.slice(j, selfClosing ? gt - 1 : gt) };
  }
}

/** Index of the '>' closing the tag whose attributes start at `from` (quotes respected), or -1. */
export function tagEnd(xml: string, from: number): number {
  let i = from;
  for (;;) {
    const gt = xml.indexOf('>', i);
    if (gt < 0) return -1;
    // A '>' inside a quoted attribute value is legal XML: skip past the quotes before it. Only the tag's own
    // characters are searched: indexOf("'") would scan the rest of a sheet that holds no apostrophe, once per tag.
    let q = -1;
    for (let k = i; k < gt; k++) {
      const ch = xml.charCodeAt(k);
      if (ch === 34 || ch === 39) {
        q = k;
        break;
      }
    }
    if (q < 0) return gt;
    const close = xml.indexOf(xml[q], q + 1);
    if (close < 0) return -1;
    i = close + 1;
  }
}

/** Attributes by local name (a prefixed attribute such as r:id is stored under "id" unless one without prefix exists). */
export function attributes(attrText: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(attrText))) {
    const q = m[1];
    const v = decodeEntities(m[2] ?? m[3]);
    const colon = q.indexOf(':');
    if (colon < 0) out.set(q, v);
    else {
      if (q.startsWith('xmlns')) continue;
      const l = q.slice(colon + 1);
      if (!out.has(l)) out.set(l, v);
      out.set(q, v);
    }
  }
  return out;
}

/** The text content of the element opened by `tag` up to its matching end tag (non-nested elements only). */
export function elementText(xml: string, tag: Tag): { inner: string; end: number } {
  if (tag.selfClosing) return { inner: '', end: tag.end };
  const close = `</${tag.qname}>`;
  const e = xml.indexOf(close, tag.end);
  if (e < 0) return { inner: xml.slice(tag.end), end: xml.length };
  return { inner: xml.slice(tag.end, e), end: e + close.length };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and character references decoded (unknown entities are kept as written). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (all, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** ECMA-376 ST_Xstring: `_xHHHH_` stands for that UTF-16 unit ("_x005F_" is a literal underscore). */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of every descendant element with local name `local` (e.g. all <t> of a rich string), entities decoded. */
export function textsOf(xml: string, local: string): string[] {
  const out: string[] = [];
  for (const t of tags(xml, new Set([local]))) out.push(decodeEntities(elementText(xml, t).inner));
  return out;
}

/** A relationship target resolved against the part that holds the relationships ("xl/workbook.xml"). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // a stray '%': the name as written
  }
  if (t.startsWith('/')) return normalise(t.slice(1));
  const slash = sourcePart.lastIndexOf('/');
  const dir = slash < 0 ? '' : sourcePart.slice(0, slash + 1);
  return normalise(dir + t);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  /** the type's last path segment, lower case ("worksheet", "chartsheet", "xlmacrosheet"…) */
  kind: string;
  type: string;
  /** resolved part name, or the target as written when external */
  target: string;
  external: boolean;
}

/** Relationships of a .rels part's text. */
export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  for (const t of tags(xml, new Set(['Relationship']))) {
    const a = attributes(t.attrText);
    const type = a.get('Type') ?? '';
    const target = a.get('Target') ?? '';
    const external = (a.get('TargetMode') ?? '').toLowerCase() === 'external';
    out.push({
      id: a.get('Id') ?? '',
      type,
      kind: type.slice(type.lastIndexOf('/') + 1).toLowerCase(),
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    });
  }
  return out;
}
