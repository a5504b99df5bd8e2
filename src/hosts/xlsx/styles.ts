/**
 * The styles part, extended: the product's cell styles are appended as new fonts, fills, borders, number
 * formats and cell formats after the workbook's own. Existing records keep their index and their bytes,
 * so every cell of the office's sheets looks exactly as before.
 */
import type { CellStyle } from '../../workbook/plan';
import { fit, NS, rootNamespace, Scope, type Own } from './ns';
import { closeTag, elementSpan, findTags, attrs, openTag, xmlAttr } from './xml';

/** Number formats Excel knows by id (ECMA-376 18.8.30), the ones a plan may ask for. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** CT_Stylesheet's children in schema order: a missing section is inserted where it belongs. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const LINE_COLOR = 'FF808080';

/** "#RRGGBB" → "FFRRGGBB". */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? 'FF' + h : /^[0-9A-F]{8}$/.test(h) ? h : 'FF000000';
}

interface Section {
  /** records already in the part */
  count: number;
  added: string[];
  keys: Map<string, number>;
}

export class StyleBook {
  /** the prefixes our records are written in: the default for the styles namespace, plus the base font's own */
  private readonly own: Own;
  private readonly sections = new Map<string, Section>();
  private readonly numFmts = new Map<string, number>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private nextNumFmt: number;
  private readonly baseFont: string;
  private readonly hasStyleXf: boolean;
  private readonly xfs = new Map<string, number>();

  /** `xml` is the workbook's styles part as text. */
  constructor(private readonly xml: string) {
    for (const [section, child] of [
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
      ['cellXfs', 'xf'],
    ]) {
      const span = elementSpan(xml, section);
      const count = span ? findTags(xml, child, span.innerStart, span.innerEnd).length : 0;
      this.sections.set(section, { count, added: [], keys: new Map() });
    }
    let maxId = 163;
    const nf = elementSpan(xml, 'numFmts');
    if (nf) {
      for (const { tag } of findTags(xml, 'numFmt', nf.innerStart, nf.innerEnd)) {
        const a = attrs(tag);
        const id = Number(a.get('numFmtId'));
        const code = a.get('formatCode');
        if (!Number.isInteger(id)) continue;
        maxId = Math.max(maxId, id);
        if (code !== undefined && !this.numFmts.has(code)) this.numFmts.set(code, id);
      }
    }
    this.nextNumFmt = maxId + 1;
    const fonts = elementSpan(xml, 'fonts');
    const first = fonts ? elementSpan(xml, 'font', fonts.innerStart) : undefined;
    // A new font starts from the workbook's default font (its name, family, charset, scheme).
    this.baseFont =
      first && first.end <= (fonts?.innerEnd ?? 0)
        ? xml.slice(first.innerStart, first.innerEnd).replace(new RegExp(`${openTag('(?:b|i|u|sz|color|strike)')}[^>]*?(?:/>|>[\\s\\S]*?${closeTag('(?:b|i|u|sz|color|strike)')})`, 'g'), '')
        : `<name val="Calibri"/>`;
    // The base font is the workbook's own text: its prefixes are read in the scope it came from.
    const main = rootNamespace(xml) ?? NS.main;
    this.own = { ...(first ? Scope.at(xml, first.start).bindings() : {}), '': main };
    const csx = elementSpan(xml, 'cellStyleXfs');
    this.hasStyleXf = !!csx && findTags(xml, 'xf', csx.innerStart, csx.innerEnd).length > 0;
    // Excel reserves fills 0 and 1 (none, gray125): a part with fewer gets them first.
    const fills = this.sections.get('fills')!;
    for (const pattern of ['none', 'gray125'].slice(fills.count)) this.add('fills', `reserved-${pattern}`, `<fill><patternFill patternType="${pattern}"/></fill>`);
    const fontsSection = this.sections.get('fonts')!;
    if (fontsSection.count === 0) this.add('fonts', 'default', `<font><sz val="11"/>${this.baseFont}</font>`);
    const cellXfs = this.sections.get('cellXfs')!;
    if (cellXfs.count === 0) this.add('cellXfs', 'default', `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
  }

  private add(section: string, key: string, record: string): number {
    const s = this.sections.get(section)!;
    const known = s.keys.get(key);
    if (known !== undefined) return known;
    const index = s.count + s.added.length;
    s.added.push(record);
    s.keys.set(key, index);
    return index;
  }

  /** The cell format index (the `s` of a cell) for a style; 0 (the workbook's default) for none. */
  xf(style: CellStyle): number {
    const key = JSON.stringify(style, Object.keys(style).sort());
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    if (key === '{}') {
      this.xfs.set(key, 0);
      return 0;
    }
    let fontId = 0;
    if (style.bold || style.italic || style.underline || style.fontSize !== undefined || style.fontColor || style.fontName) {
      const parts = [
        style.bold ? `<b/>` : '',
        style.italic ? `<i/>` : '',
        style.underline ? `<u/>` : '',
        `<sz val="${style.fontSize ?? this.baseSize()}"/>`,
        style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : '',
      ].join('');
      const face = style.fontName ? this.face(style.fontName) : this.baseFont;
      fontId = this.add('fonts', parts + face, `<font>${parts}${face}</font>`);
    }
    let fillId = 0;
    if (style.fill) {
      const rgb = argb(style.fill);
      fillId = this.add('fills', rgb, `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    let borderId = 0;
    if (style.border) {
      const edge = (e: string) => `<${e} style="thin"><color rgb="${LINE_COLOR}"/></${e}>`;
      borderId = this.add('borders', 'thin', `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`);
    }
    const numFmtId = style.numberFormat ? this.numFmt(style.numberFormat) : 0;
    const align = [
      style.hAlign ? ` horizontal="${style.hAlign}"` : '',
      style.vAlign ? ` vertical="${style.vAlign === 'middle' ? 'center' : style.vAlign}"` : '',
      style.wrap ? ' wrapText="1"' : '',
    ].join('');
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      align ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.hasStyleXf ? ' xfId="0"' : ''}${applied}`;
    const record = align ? `${head}><alignment${align}/></xf>` : `${head}/>`;
    const index = this.add('cellXfs', record, record);
    this.xfs.set(key, index);
    return index;
  }

  /**
   * A named face: no theme scheme (a scheme would make Excel show the theme's font instead), and for a
   * Chinese name the GB2312 charset Excel itself writes with 宋体 or 仿宋, so it picks a Chinese face.
   */
  private face(name: string): string {
    const cjk = /[\u3400-\u9fff]/.test(name);
    return `<name val="${xmlAttr(name)}"/>` + (cjk ? `<family val="3"/><charset val="134"/>` : `<family val="2"/>`);
  }

  private baseSize(): string {
    const fonts = elementSpan(this.xml, 'fonts');
    const sz = fonts ? findTags(this.xml, 'sz', fonts.innerStart, fonts.innerEnd)[0] : undefined;
    return (sz && attrs(sz.tag).get('val')) || '11';
  }

  private numFmt(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmts.set(code, id);
    this.addedNumFmts.push({ id, code });
    return id;
  }

  /** True when nothing was appended: the part is kept byte for byte. */
  get unchanged(): boolean {
    return this.addedNumFmts.length === 0 && [...this.sections.values()].every((s) => s.added.length === 0);
  }

  /** The styles part with every appended record, counts updated. */
  toXml(): string {
    if (this.unchanged) return this.xml;
    let xml = this.xml;
    const own = this.own;
    const appended = new Map<string, { records: string[]; child: string }>([
      ['numFmts', { records: this.addedNumFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlAttr(f.code)}"/>`), child: 'numFmt' }],
      ['fonts', { records: this.sections.get('fonts')!.added, child: 'font' }],
      ['fills', { records: this.sections.get('fills')!.added, child: 'fill' }],
      ['borders', { records: this.sections.get('borders')!.added, child: 'border' }],
      ['cellXfs', { records: this.sections.get('cellXfs')!.added, child: 'xf' }],
    ]);
    for (const [section, { records, child }] of appended) {
      if (records.length === 0) continue;
      const span = elementSpan(xml, section);
      if (span) {
        const total = findTags(xml, child, span.innerStart, span.innerEnd).length + records.length;
        let open = xml.slice(span.start, span.innerStart);
        open = /\scount\s*=\s*["'][^"']*["']/.test(open) ? open.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${total}"`) : open.replace(/\s*(\/?>)$/, ` count="${total}"$1`);
        if (open.endsWith('/>')) {
          const name = /^<([\w.:-]+)/.exec(open)![1];
          const inner = fit(records.join(''), Scope.at(xml, span.start).enter(open), own);
          xml = xml.slice(0, span.start) + open.slice(0, -2) + '>' + inner + `</${name}>` + xml.slice(span.end);
        } else {
          const inner = fit(records.join(''), Scope.at(xml, span.innerEnd), own);
          xml = xml.slice(0, span.start) + open + xml.slice(span.innerStart, span.innerEnd) + inner + xml.slice(span.innerEnd);
        }
      } else {
        const block = `<${section} count="${records.length}">${records.join('')}</${section}>`;
        xml = insertSection(xml, section, block, own);
      }
    }
    return xml;
  }
}

/** Insert a missing section before the first later section present, or before the root's close, fitted there. */
function insertSection(xml: string, section: string, block: string, own: Own): string {
  for (const later of ORDER.slice(ORDER.indexOf(section) + 1)) {
    const m = new RegExp(openTag(later)).exec(xml);
    if (m) return xml.slice(0, m.index) + fit(block, Scope.at(xml, m.index), own) + xml.slice(m.index);
  }
  const close = new RegExp(closeTag('styleSheet')).exec(xml);
  if (close) return xml.slice(0, close.index) + fit(block, Scope.at(xml, close.index), own) + xml.slice(close.index);
  // An empty root element <styleSheet …/>.
  const root = new RegExp(`${openTag('styleSheet')}[^>]*?/>`).exec(xml);
  if (!root) return xml;
  const name = /^<([\w.:-]+)/.exec(root[0])![1];
  const inner = fit(block, Scope.at(xml, root.index).enter(root[0]), own);
  return xml.slice(0, root.index) + root[0].replace(/\s*\/>$/, '>') + inner + `</${name}>` + xml.slice(root.index + root[0].length);
}
