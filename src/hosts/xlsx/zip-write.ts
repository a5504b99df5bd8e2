/**
 * A zip writer for .xlsx packages, in Node and the browser alike (bytes in, bytes out). Entries copied
 * from the input keep their compressed bytes and CRC untouched (no re-deflate); new or edited parts are
 * deflated here. Every entry gets a clean local header with its sizes and CRC (no data descriptor).
 * No zip64: a package is refused beyond 4 GiB or 65,535 entries, far past the reader's own limits.
 */
import { deflateSync, strToU8 } from 'fflate';

/** One entry as written: `data` is the stored (method 0) or deflated (method 8) payload. */
export interface ZipEntryOut {
  name: string;
  method: 0 | 8;
  crc32: number;
  /** uncompressed size */
  size: number;
  data: Uint8Array;
  /** MS-DOS time and date of the entry; a fixed date when absent, so equal input gives equal output */
  dosTime?: number;
  dosDate?: number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** A faster raw deflate and CRC a host may install (Node: zlib); fflate and the table below otherwise (the browser). */
export interface NativeZip {
  deflateRaw(bytes: Uint8Array, level: number): Uint8Array;
  crc32?(bytes: Uint8Array): number;
}
let native: NativeZip | undefined;

export function useDeflater(n: NativeZip | undefined): void {
  native = n;
}

export function crc32(bytes: Uint8Array): number {
  if (native?.crc32) return native.crc32(bytes) >>> 0;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * A new entry from its uncompressed bytes. Level 6 for the small parts; level 1 over 64 KB (a big
 * details sheet): several times faster, and sheet XML still shrinks about eightfold.
 */
export function deflateEntry(name: string, bytes: Uint8Array): ZipEntryOut {
  const level = bytes.length > 64 * 1024 ? 1 : 6;
  const data = bytes.length === 0 ? new Uint8Array(0) : native ? native.deflateRaw(bytes, level) : deflateSync(bytes, { level });
  return { name, method: bytes.length === 0 ? 0 : 8, crc32: crc32(bytes), size: bytes.length, data };
}

/** 1980-01-01 00:00, the zip epoch. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX32 = 0xffffffff;

/** The zip file holding `entries` in order. Throws on duplicate names or sizes that would need zip64. */
export function writeZip(entries: readonly ZipEntryOut[]): Uint8Array {
  if (entries.length > 0xffff) throw new Error('too many zip entries for a package without zip64');
  const seen = new Set<string>();
  const names = entries.map((e) => {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate zip entry ${e.name}`);
    seen.add(key);
    return strToU8(e.name);
  });
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((e, i) => {
    localSize += 30 + names[i].length + e.data.length;
    centralSize += 46 + names[i].length;
  });
  if (localSize + centralSize + 22 > MAX32 || entries.some((e) => e.size > MAX32)) throw new Error('package too large for a zip without zip64');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    p = header(view, out, p, 0x04034b50, e, names[i], undefined);
    out.set(e.data, p);
    p += e.data.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    p = header(view, out, p, 0x02014b50, e, names[i], offsets[i]);
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}

/** A local header (offset undefined) or a central directory record; returns the position after it. */
function header(view: DataView, out: Uint8Array, p: number, signature: number, e: ZipEntryOut, name: Uint8Array, offset: number | undefined): number {
  const central = offset !== undefined;
  // Bit 11: the name is UTF-8 (sheet parts may be named in any script).
  const flags = name.some((b) => b >= 0x80) ? 0x0800 : 0;
  view.setUint32(p, signature, true);
  p += 4;
  if (central) {
    view.setUint16(p, 20, true); // made by: MS-DOS, version 2.0
    p += 2;
  }
  view.setUint16(p, 20, true); // needed to extract: 2.0 (deflate)
  view.setUint16(p + 2, flags, true);
  view.setUint16(p + 4, e.method, true);
  view.setUint16(p + 6, e.dosTime ?? 0, true);
  view.setUint16(p + 8, e.dosDate ?? DOS_DATE, true);
  view.setUint32(p + 10, e.crc32 >>> 0, true);
  view.setUint32(p + 14, e.data.length, true);
  view.setUint32(p + 18, e.size, true);
  view.setUint16(p + 22, name.length, true);
  view.setUint16(p + 24, 0, true); // no extra field
  p += 26;
  if (central) {
    // comment length, disk number, internal and external attributes: zero
    view.setUint32(p + 10, offset, true);
    p += 14;
  }
  out.set(name, p);
  return p + name.length;
}
