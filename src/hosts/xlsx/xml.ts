/**
 * The little XML the package writer needs: escaping, attributes of one tag, and the namespace prefix a
 * part uses. Parts are edited as text so that everything the writer does not touch stays as it was.
 */
import { strFromU8, strToU8 } from 'fflate';

/** Text content: & < > escaped (quotes are fine in text). */
export function xmlText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** An attribute value for double quotes; line breaks and tabs kept as character references. */
export function xmlAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ATTR[c]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entity and character references resolved. */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Attributes of one start tag ("<sheet name="a" r:id="rId1"/>"), by qualified name, values unescaped. */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  // Skip the element name itself.
  const start = tag.search(/\s/);
  if (start < 0) return out;
  re.lastIndex = start;
  while ((m = re.exec(tag))) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

/** The attribute whose local name is `local`, whatever its prefix (r:id, ns1:id…) when `anyPrefix`. */
export function attrLocal(a: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of a) if (k === local || k.endsWith(':' + local)) return v;
  return undefined;
}

/** The prefix ("x:", or "" for the default namespace) the part's root element is written with. */
export function rootPrefix(xml: string): string {
  const m = /<([\w.-]+:)?[\w.-]+[\s>/]/.exec(xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  return m?.[1] ?? '';
}

/** The prefix bound to namespace `uri` in the root element ("r:"), "" when it is the default, undefined when unbound. */
export function prefixOf(xml: string, uri: string): string | undefined {
  const root = /<[\w.:-]+(\s[^>]*)?>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ''));
  if (!root) return undefined;
  for (const [k, v] of attrs(root[0])) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6) + ':';
  }
  return undefined;
}

/** Regular-expression source matching element `local` with any prefix, e.g. `<(?:[\w.-]+:)?sheet\b`. */
export function openTag(local: string): string {
  return `<(?:[\\w.-]+:)?${local}(?=[\\s/>])`;
}

export function closeTag(local: string): string {
  return `</(?:[\\w.-]+:)?${local}\\s*>`;
}

/** Every start tag (or empty element) of `local` in `xml`, with its position. */
export function findTags(xml: string, local: string, from = 0, to = xml.length): { tag: string; index: number; end: number }[] {
  const re = new RegExp(`${openTag(local)}[^>]*>`, 'g');
  re.lastIndex = from;
  const out: { tag: string; index: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) out.push({ tag: m[0], index: m.index, end: m.index + m[0].length });
  return out;
}

/** The span of the first `local` element (start tag to end of its close tag, or the empty element). */
export function elementSpan(xml: string, local: string, from = 0): { start: number; innerStart: number; innerEnd: number; end: number } | undefined {
  const open = new RegExp(`${openTag(local)}[^>]*>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return undefined;
  const start = m.index;
  const innerStart = start + m[0].length;
  if (m[0].endsWith('/>')) return { start, innerStart, innerEnd: innerStart, end: innerStart };
  const close = new RegExp(closeTag(local), 'g');
  close.lastIndex = innerStart;
  const c = close.exec(xml);
  if (!c) return undefined;
  return { start, innerStart, innerEnd: c.index, end: c.index + c[0].length };
}

/** The element name with the prefix of `tag` (`<x:sheet …>` → "x:"). */
export function prefixOfTag(tag: string): string {
  const m = /^<\/?([\w.-]+:)?/.exec(tag);
  return m?.[1] ?? '';
}

// fflate's UTF-8 codec: the same in Node, browsers and jsdom (which has no TextEncoder).
export const utf8 = (s: string): Uint8Array => strToU8(s);
/**
 * A large part's text built from many small strings, kept as UTF-8 in pieces of a few dozen kilobytes and
 * joined once at the end: never one giant string (a sheet of 100,000 cells was a 10 MB two-byte string,
 * joined twice, then encoded), whose copies each landed in fresh memory (BENCHMARKS.md, "Reading and writing without fresh memory").
 */
export class Utf8Builder {
  private pending: string[] = [];
  private chars = 0;
  private readonly pieces: Uint8Array[] = [];
  private size = 0;
  push(s: string): void {
    this.pending.push(s);
    this.chars += s.length;
    if (this.chars >= Utf8Builder.PIECE_CHARS) this.flush();
  }
  /** `head`, then everything pushed, then `tail`, as one array. */
  finish(head: string, tail: string): Uint8Array {
    this.flush(true);
    const h = utf8(head);
    const t = utf8(tail);
    const out = new Uint8Array(h.length + this.size + t.length);
    out.set(h, 0);
    let at = h.length;
    for (const p of this.pieces) {
      out.set(p, at);
      at += p.length;
    }
    out.set(t, at);
    return out;
  }
  /** `last`: nothing more comes (a lone first half of a pair at the very end is encoded, as U+FFFD). */
  private flush(last = false): void {
    if (this.pending.length === 0) return;
    let text = this.pending.join('');
    // A surrogate pair split between two pushes stays whole: its first half waits for the next piece.
    const end = text.charCodeAt(text.length - 1);
    const held = !last && end >= 0xd800 && end <= 0xdbff ? text.slice(-1) : '';
    if (held) text = text.slice(0, -1);
    const b = utf8(text);
    this.pieces.push(b);
    this.size += b.length;
    this.pending = held ? [held] : [];
    this.chars = held.length;
  }
  /** Characters joined per piece: its string and bytes stay under V8's large-object size (128 KB). */
  static readonly PIECE_CHARS = 16 * 1024;
}

/** Part bytes as text (a UTF-8 BOM dropped; UTF-16 parts decoded too). */
export function decodePart(b: Uint8Array): string {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
  }
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return strFromU8(start ? b.subarray(start) : b);
}
