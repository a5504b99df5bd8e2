/**
 * Namespaces at an insertion point. The writer edits parts as text; what it inserts must use the
 * prefixes the part has bound *there* (declared on the root, on an ancestor, per element as openpyxl
 * 3.0 does on each <sheet>, as the default namespace, as x: or ns0:, Strict or Transitional), or declare
 * its own. Every insertion goes through `fit`: our fragment is written with our own prefixes and
 * rewritten for the scope it lands in. Excel's parser refuses an unbound prefix (and "repairs" the file
 * by dropping sheets), where openpyxl and LibreOffice forgive it.
 */
import { attrs } from './xml';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strictRel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The namespace bindings in scope at one point of a part: prefix ("" for the default) → URI. */
export class Scope {
  private constructor(private readonly map: ReadonlyMap<string, string>) {}

  static readonly EMPTY = new Scope(new Map([['xml', XML_NS]]));

  /**
   * The bindings in scope at `pos` (a position in content, e.g. just before a close tag): every element
   * open there contributes its declarations. One pass over the tags before `pos`; callers ask for points
   * near the start of small parts (workbook, relationships, styles, a sheet's head), never deep in a
   * large sheet's cell data.
   */
  static at(xml: string, pos: number): Scope {
    const stack: Scope[] = [Scope.EMPTY];
    const re = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![^>]*>|\?[\s\S]*?\?>|(\/)?[^\s/>]+((?:[^>"']|"[^"]*"|'[^']*')*)>)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) && m.index < pos) {
      if (m[0][1] === '!' || m[0][1] === '?') continue;
      if (m[1]) {
        if (stack.length > 1) stack.pop();
        continue;
      }
      if (m[0].endsWith('/>')) continue; // an empty element's declarations end with it
      stack.push(stack[stack.length - 1].enter(m[0]));
    }
    return stack[stack.length - 1];
  }

  /** The scope inside the element whose start tag is `tag` (its own declarations added). */
  enter(tag: string): Scope {
    if (!tag.includes('xmlns')) return this;
    let next: Map<string, string> | undefined;
    for (const [k, v] of attrs(tag)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      next ??= new Map(this.map);
      const prefix = k === 'xmlns' ? '' : k.slice(6);
      if (prefix === '' && v === '') next.delete('');
      else next.set(prefix, v);
    }
    return next ? new Scope(next) : this;
  }

  /** The URI bound to `prefix` ("" the default), if any. */
  uri(prefix: string): string | undefined {
    return this.map.get(prefix);
  }

  /** The namespace of the element or attribute named `qname` here (an unprefixed attribute has none). */
  uriOfName(qname: string, attribute = false): string | undefined {
    const colon = qname.indexOf(':');
    if (colon < 0) return attribute ? undefined : this.map.get('');
    return this.map.get(qname.slice(0, colon));
  }

  /** A prefix bound to `uri` here, "" meaning the default namespace (only for elements). */
  prefixFor(uri: string, forAttribute: boolean): string | undefined {
    if (!forAttribute && this.map.get('') === uri) return '';
    for (const [p, u] of this.map) if (p !== '' && u === uri) return p;
    return undefined;
  }

  /** Every binding, as an `Own` for `fit` (text taken from this point keeps its prefixes). */
  bindings(): Record<string, string> {
    return Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(this.map));
  }

  has(prefix: string): boolean {
    return this.map.has(prefix);
  }
}

/**
 * Our `fragment` (elements and attributes written with the prefixes of `own`: prefix, "" the default →
 * URI), made right for `scope`: each name takes the prefix bound to its namespace there, and a namespace
 * not bound there is declared on each top-level element of the fragment ("" as a URI: no namespace). The fragment is the writer's
 * own text (escaped values, no comments, no declarations of its own).
 */
export function fit(fragment: string, scope: Scope, own: Own): string {
  const elementPrefix = new Map<string, string>();
  const attrPrefix = new Map<string, string>();
  const declare = new Map<string, string>(); // prefix → uri, to declare on top-level elements
  let declareNone = false;
  const fresh = (preferred: string, uri: string): string => {
    for (const [p, u] of declare) if (u === uri) return p;
    let p = preferred || 'ns';
    for (let i = 0; scope.has(p) || declare.has(p); i++) p = `${preferred || 'ns'}${i}`;
    declare.set(p, uri);
    return p;
  };
  const resolve = (q: string, attribute: boolean): string => {
    const colon = q.indexOf(':');
    const ownPrefix = colon < 0 ? '' : q.slice(0, colon);
    const local = colon < 0 ? q : q.slice(colon + 1);
    if (ownPrefix === 'xml' || ownPrefix === 'xmlns' || (attribute && colon < 0)) return q;
    const uri = Object.hasOwn(own, ownPrefix) ? own[ownPrefix] : undefined;
    if (uri === undefined) throw new Error(`fit: prefix "${ownPrefix}" of ${q} has no namespace`);
    if (uri === '') {
      // No namespace (a part written without one): unprefixed, the default undone if one is bound here.
      if (scope.uri('')) declareNone = true;
      return local;
    }
    const memo = attribute ? attrPrefix : elementPrefix;
    let p = memo.get(uri);
    if (p === undefined) {
      p = scope.prefixFor(uri, attribute) ?? fresh(ownPrefix, uri);
      memo.set(uri, p);
    }
    return p ? `${p}:${local}` : local;
  };
  let depth = 0;
  const tags: { at: number; end: number; text: string; top: boolean }[] = [];
  const re = /<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) {
    const [whole, close, name, attrText, empty] = m;
    if (close) {
      depth--;
      tags.push({ at: m.index, end: m.index + whole.length, text: `</${resolve(name, false)}>`, top: false });
      continue;
    }
    const top = depth === 0;
    if (!empty) depth++;
    const attrOut = attrText.replace(/([\w.:-]+)(\s*=\s*)/g, (_, a: string, eq: string) => resolve(a, true) + eq);
    tags.push({ at: m.index, end: m.index + whole.length, text: `<${resolve(name, false)}${attrOut}`, top });
    tags[tags.length - 1].text += empty ? '/>' : '>';
  }
  const decls = (declareNone ? ' xmlns=""' : '') + [...declare].map(([p, u]) => ` xmlns:${p}="${u}"`).join('');
  let out = '';
  let at = 0;
  for (const t of tags) {
    out += fragment.slice(at, t.at);
    out += t.top && decls ? t.text.replace(/^(<[\w.:-]+)/, `$1${decls}`) : t.text;
    at = t.end;
  }
  return out + fragment.slice(at);
}

/** Our prefixes ("" the default) → namespace URI, for `fit`. */
export type Own = Readonly<Record<string, string>>;

/** The namespace of a part's root element (its own declarations counted), if it is bound. */
export function rootNamespace(xml: string): string | undefined {
  const re = /<(?:!--[\s\S]*?-->|![^>]*>|\?[\s\S]*?\?>|([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*)>)/g;
  let m: RegExpExecArray | null;
  // The declaration, comments and a DOCTYPE before the root are skipped.
  while ((m = re.exec(xml))) if (m[1]) return Scope.EMPTY.enter(m[0]).uriOfName(m[1]);
  return undefined;
}
