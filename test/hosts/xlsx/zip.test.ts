/** The zip reader: entries by name, their stored bytes, their content, and the typed errors. */
import fc from 'fast-check';
import { inflateSync, strToU8, zipSync } from 'fflate';
import { openZip, PackageError, prepareInflater, textPieces, useInflater } from '../../../src/hosts/xlsx/zip';
import { runs } from '../../support/runs';

const text = '党支部,优秀\n'.repeat(1000);
const zip = () => zipSync({ 'xl/Workbook.xml': strToU8(text), 'docProps/app.xml': [strToU8('<a/>'), { level: 0 }] });

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PackageError) return e.code;
    throw e;
  }
  return 'none';
}

/** Offset of the first central directory record. */
function central(z: Uint8Array): number {
  const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
  let i = z.length - 22;
  while (v.getUint32(i, true) !== 0x06054b50) i--;
  return v.getUint32(i + 16, true);
}

describe('openZip', () => {
  it('finds entries by exact name and ignoring case and a leading slash', () => {
    const a = openZip(zip());
    expect(a.entries.map((e) => e.name)).toEqual(['xl/Workbook.xml', 'docProps/app.xml']);
    expect(a.get('xl/workbook.xml')).toBeUndefined();
    expect(a.find('/XL/workbook.XML')?.name).toBe('xl/Workbook.xml');
    expect(a.declaredTotal).toBe(strToU8(text).length + 4);
  });

  it('gives the stored bytes for copying, and the content', () => {
    const a = openZip(zip());
    const wb = a.find('xl/workbook.xml')!;
    expect(wb.method).toBe(8);
    expect(wb.raw().length).toBe(wb.compressedSize);
    expect(new TextDecoder().decode(inflateSync(wb.raw()))).toBe(text);
    expect(wb.text()).toBe(text);
    expect([...wb.textChunks()].join('')).toBe(text);
    const app = a.find('docProps/app.xml')!;
    expect(app.method).toBe(0);
    expect(app.text()).toBe('<a/>');
  });

  it('names what is wrong: not a zip, a zip password, an unknown method, a limit', () => {
    expect(code(() => openZip(strToU8('PK not really a zip at all, no directory')))).toBe('not-zip');
    const enc = zip();
    const at = central(enc);
    enc[at + 8] |= 1; // general purpose flag: encrypted
    expect(code(() => openZip(enc).entries[0].bytes())).toBe('encrypted-entry');
    const bz = zip();
    new DataView(bz.buffer).setUint16(central(bz) + 10, 12, true); // bzip2
    expect(code(() => openZip(bz).entries[0].text())).toBe('unsupported-method');
    expect(code(() => openZip(zip(), { unpackedLimit: 100 }))).toBe('unpacked-limit');
  });
});

describe('textChunks: text in pieces the scanner can take whole', () => {
  const one = (name: string, s: string | Uint8Array) => openZip(zipSync({ [name]: typeof s === 'string' ? strToU8(s) : s })).entries[0];

  it('ends every piece after a whole row, so no element is carried from one piece into the next', () => {
    const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${r}党支部 优秀</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
    const xml = `<worksheet><sheetData>${Array.from({ length: 3000 }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`;
    const pieces = [...one('xl/worksheets/sheet1.xml', xml).textChunks()];
    expect(pieces.join('')).toBe(xml);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('</row>')).toBe(true);
    // Each piece's string stays small (under V8's large-object size of 128 KB, two bytes a character).
    for (const p of pieces) expect(p.length * 2).toBeLessThan(128 * 1024);
  });

  it('cuts prefixed rows (x:row) and, without rows, after any tag', () => {
    const xml = `<x:sheetData>${'<x:row><x:c><x:v>1</x:v></x:c></x:row>'.repeat(5000)}</x:sheetData>`;
    const pieces = [...one('xl/worksheets/sheet1.xml', xml).textChunks()];
    expect(pieces.join('')).toBe(xml);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('</x:row>')).toBe(true);
    const sst = `<sst>${'<si><t>党员大会</t></si>'.repeat(5000)}</sst>`;
    const parts = [...one('xl/sharedStrings.xml', sst).textChunks()];
    expect(parts.join('')).toBe(sst);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('>')).toBe(true);
  });

  it('keeps multi-byte characters whole in a long text without any tag', () => {
    const long = '支部建设𠀀'.repeat(20000); // 3- and 4-byte characters across every piece boundary
    const pieces = [...one('docProps/custom.txt', long).textChunks()];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(long);
    expect(pieces.join('')).not.toContain('\uFFFD');
  });

  it('drops the byte order mark at the start only: a U+FEFF after a cut is text', () => {
    const head = '<a>' + 'x'.repeat(32 * 1024 - 3 - 6 - 10) + '</row>';
    const xml = head + '\uFEFF' + 'y'.repeat(100) + '</a>';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(xml)]);
    const pieces = [...one('xl/worksheets/sheet1.xml', bytes).textChunks()];
    expect(pieces.join('')).toBe(xml);
    expect(pieces[1].startsWith('\uFEFF')).toBe(true);
  });

  it('reads bytes that are not UTF-8 as replacement characters, as before', () => {
    const bytes = new Uint8Array([...strToU8('<a>'), 0xff, 0xfe, 0x80, ...strToU8('</a>')]);
    expect([...one('xl/worksheets/sheet1.xml', bytes).textChunks()].join('')).toBe('<a>\uFFFD\uFFFD\uFFFD</a>');
  });
});

describe('textPieces: any chunking of the bytes gives the same text', () => {
  /** `bytes` cut at the given positions (sorted, deduplicated). */
  const chunked = (bytes: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const out: Uint8Array[] = [];
    let from = 0;
    for (const c of [...at, bytes.length]) {
      out.push(bytes.subarray(from, c));
      from = c;
    }
    return out;
  };
  const atoms = ['<row r="1">', '</row>', '</x:row>', '<c><v>1</v></c>', '党', '支部', '𠀀', '😀', 'a', ' ', '>', '<', '\uFEFF', 'x'.repeat(5000), '优'.repeat(4000)];
  const texts = fc.array(fc.constantFrom(...atoms), { maxLength: 60 }).map((a) => a.join(''));

  it('joins back to the text, with no character split and no piece over the size limit', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (text, cuts, bom) => {
        const bytes = strToU8(text);
        const input = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
        const pieces = [...textPieces(chunked(input, cuts))];
        // Without a mark of its own, a text starting with U+FEFF starts with the mark's bytes: dropped.
        expect(pieces.join('')).toBe(bom ? text : text.replace(/^\uFEFF/, ''));
        for (const p of pieces) expect(strToU8(p).length).toBeLessThanOrEqual(64 * 1024);
      }),
      { numRuns: runs(200) },
    );
  });

  it('cuts after the last real row end, not after tags that merely end in "row>"', () => {
    const unit = (n: number) => `<row r="${n}"><c><v>${n}</v></c></row><arrow>a</arrow><o>b</o><ow>c</ow><x:row s="1">`;
    const xml = Array.from({ length: 4000 }, (_, i) => unit(i + 1)).join('');
    const pieces = [...textPieces([strToU8(xml)])];
    expect(pieces.join('')).toBe(xml);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('</row>')).toBe(true);
  });

  it('settles for the last tag when the last row ended more than 16 KB back', () => {
    const xml = `<sheetData><row r="1"><c><v>1</v></c></row></sheetData><mergeCells>${'<mergeCell ref="A1:B2"/>'.repeat(4000)}</mergeCells>`;
    const pieces = [...textPieces([strToU8(xml)])];
    expect(pieces.join('')).toBe(xml);
    expect(pieces[0].endsWith('<mergeCell ref="A1:B2"/>')).toBe(true);
    expect(pieces[0].length).toBeGreaterThan(16 * 1024);
  });

  it('keeps a first character that only looks like part of a byte order mark', () => {
    // ﻀ is EF BB 80, 忿 is E5 BF BF, U+FFFF is EF BF BF: none is the mark EF BB BF.
    for (const first of ['\uFEC0', '忿', '\uFFFF']) {
      const text = `${first}<a>x</a>`;
      expect([...textPieces([strToU8(text)])].join('')).toBe(text);
    }
  });

  it('reads UTF-16 parts by their byte order mark, little- and big-endian', () => {
    const text = '<sst><si><t>党支部 A</t></si></sst>';
    const units = Array.from(text, (ch) => ch.charCodeAt(0));
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    expect([...textPieces([le.subarray(0, 5), le.subarray(5)])].join('')).toBe(text);
    expect([...textPieces([be])].join('')).toBe(text);
  });

  it('keeps characters whose first byte is exactly a range boundary (E0, F0) whole across cuts', () => {
    const long = 'กขค𐀀'.repeat(30000); // Thai: E0 B8 81…; U+10000: F0 90 80 80
    const pieces = [...textPieces([strToU8(long)])];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(long);
  });

  it('takes chunks of a byte or two, the byte order mark included', () => {
    const text = '<row>党支部𠀀</row>\uFEFF';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    const ones = Array.from(bytes, (b) => new Uint8Array([b]));
    expect([...textPieces(ones)].join('')).toBe(text);
    expect([...textPieces([bytes.subarray(0, 2), bytes.subarray(2)])].join('')).toBe(text);
    expect([...textPieces([new Uint8Array([0x61, 0x62])])].join('')).toBe('ab');
    expect([...textPieces([])].join('')).toBe('');
  });
});

describe('prepareInflater (the browser: parts inflated ahead by DecompressionStream)', () => {
  afterEach(() => useInflater(undefined));

  it('gives the same content, whole and in pieces, for the XML parts and the others', async () => {
    const z = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(text), 'xl/media/a.bin': strToU8(text + 'bin'), 'docProps/app.xml': [strToU8('<a/>'), { level: 0 }] });
    const inflater = await prepareInflater(z);
    expect(inflater).toBeDefined();
    useInflater(inflater);
    const a = openZip(z);
    expect([...a.find('xl/worksheets/sheet1.xml')!.textChunks()].join('')).toBe(text);
    expect(a.find('xl/media/a.bin')!.text()).toBe(text + 'bin');
    expect(a.find('docProps/app.xml')!.text()).toBe('<a/>');
    // Read again after the prepared bytes were handed out: fflate inflates it, the same content.
    expect(a.find('xl/worksheets/sheet1.xml')!.text()).toBe(text);
  });

  it('stops a part that inflates beyond its declared size, and names a broken stream', async () => {
    const lying = zipSync({ 'xl/sharedStrings.xml': strToU8(text) });
    new DataView(lying.buffer).setUint32(central(lying) + 24, 100, true); // declared: 100 bytes
    useInflater(await prepareInflater(lying));
    expect(code(() => openZip(lying).entries[0].bytes())).toBe('size-mismatch');

    const broken = zipSync({ 'xl/workbook.xml': strToU8(text) });
    openZip(broken).entries[0].raw()[0] = 0xff; // a reserved block type
    useInflater(await prepareInflater(broken));
    expect(code(() => openZip(broken).entries[0].text())).toBe('corrupt');
  });

  it('prepares nothing for bytes that are not a zip: the reader reports them itself', async () => {
    expect(await prepareInflater(strToU8('not a zip'))).toBeUndefined();
  });
});
