/**
 * The input zip's entries as the writer needs them (central directory: name, method, CRC, sizes, and
 * where the stored bytes are), read without inflating anything but the parts the writer edits.
 * Sizes and CRC come from the central directory, so an entry written with a data descriptor is copied
 * with a clean local header.
 */
import { inflateSync, strFromU8 } from 'fflate';
import type { SourcePart } from './package-write';

export function sourceParts(zip: Uint8Array): SourcePart[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const parts: SourcePart[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('broken central directory');
    const method = view.getUint16(p + 10, true);
    const dosTime = view.getUint16(p + 12, true);
    const dosDate = view.getUint16(p + 14, true);
    const crc32 = view.getUint32(p + 16, true);
    const csize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = strFromU8(zip.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = () => zip.subarray(start, start + csize);
    parts.push({
      name,
      method,
      crc32,
      size,
      dosTime,
      dosDate,
      raw,
      bytes: () => (method === 0 ? raw() : inflateSync(raw(), { out: new Uint8Array(size) })),
    });
  }
  return parts;
}
