/** The zip reader: entries by name, their stored bytes, their content, and the typed errors. */
import { inflateSync, strToU8, zipSync } from 'fflate';
import { openZip, PackageError } from '../../../src/hosts/xlsx/zip';

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
