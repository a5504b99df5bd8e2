/** The zip reader: entries by name, their stored bytes, their content, and the typed errors. */
import { inflateSync, strToU8, zipSync } from 'fflate';
import { openZip, PackageError, prepareInflater, useInflater } from '../../../src/hosts/xlsx/zip';

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
