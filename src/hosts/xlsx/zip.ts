/**
 * A zip reader over bytes in memory, for Node and the browser alike (no node: imports). It reads the
 * central directory (zip64 included) and inflates an entry only when asked, in bounded steps, so a zip
 * bomb is stopped after a few megabytes of output instead of after exhausting memory.
 *
 * Limits (SPEC §4): the sizes the entries declare may not add up to more than `unpackedLimit` (1 GiB), the
 * bytes actually inflated over the archive's life may not either, and no entry may inflate to more than
 * it declared. Every failure is a PackageError with a code; errors.ts turns it into one bilingual line.
 */
import { Inflate, strFromU8 } from 'fflate';

/** SPEC §4: a package whose parts would unpack beyond this is refused. */
export const UNPACKED_LIMIT = 1024 * 1024 * 1024;

export type PackageErrorCode =
  /** no zip structure (no end of central directory) */
  | 'not-zip'
  /** a zip whose directory or entries are broken */
  | 'corrupt'
  /** an entry encrypted with a zip password */
  | 'encrypted-entry'
  /** a compression method other than stored (0) or deflate (8) */
  | 'unsupported-method'
  /** declared or actual unpacked sizes over the limit */
  | 'unpacked-limit'
  /** an entry inflating to more than it declared (a zip bomb, or damage) */
  | 'size-mismatch'
  /** sheets holding more cells than the reader accepts (raised by the reader, not here) */
  | 'cell-limit';

/** Why a package cannot be read. `detail` names the entry or the figure; never a library's message. */
export class PackageError extends Error {
  constructor(
    public readonly code: PackageErrorCode,
    public readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PackageError';
  }
}

export interface ZipEntry {
  /** the entry's name as stored (OPC part names have no leading slash in the zip) */
  readonly name: string;
  /** 0 stored, 8 deflated */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** declared uncompressed size */
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly dosTime: number;
  readonly dosDate: number;
  /** the payload exactly as stored (compressed), for copying byte for byte */
  raw(): Uint8Array;
  /** the uncompressed content, within the limits */
  bytes(): Uint8Array;
  /** the content as text (UTF-8, or UTF-16 with a byte order mark) */
  text(): string;
  /** the uncompressed content, within the limits: whole when a native inflater made it at once, else in pieces of a few hundred kilobytes */
  chunks(): Generator<Uint8Array, void, undefined>;
  /** the content as text in pieces (UTF-8 decoded across piece boundaries) */
  textChunks(): Generator<string, void, undefined>;
}

export interface ZipOptions {
  /** defaults to UNPACKED_LIMIT */
  unpackedLimit?: number;
}

/**
 * Compressed bytes handed to the inflater per step. Deflate expands at most ~1032×, so a step is sized
 * from what the entry may still output: a bomb that lies about its size is caught within a few
 * megabytes, an honest large part is inflated in steps of up to 256 KB.
 */
const MIN_STEP = 4 * 1024;
const MAX_STEP = 256 * 1024;

/**
 * A faster whole-entry inflater a host may install (Node: zlib; the browser: parts inflated ahead by
 * prepareInflater), used for entries up to NATIVE_MAX bytes. It must stop and throw as soon as the output
 * would exceed `size` (a RangeError), or return undefined for an entry it has not got: fflate inflates that one.
 */
export type RawInflater = (raw: Uint8Array, size: number) => Uint8Array | undefined;
export const NATIVE_MAX = 64 * 1024 * 1024;
let native: RawInflater | undefined;

/** Install (or remove) the native inflater; fflate is used without one (the browser). */
export function useInflater(inflater: RawInflater | undefined): void {
  native = inflater;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;

/** The normalised key of a part name: no leading slash, forward slashes, lower case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export class ZipArchive implements Iterable<ZipEntry> {
  readonly entries: readonly ZipEntry[];
  /** sum of the declared uncompressed sizes */
  readonly declaredTotal: number;
  readonly unpackedLimit: number;
  private inflated = 0;
  private readonly exact = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, ZipEntry>();

  constructor(
    private readonly data: Uint8Array,
    options: ZipOptions = {},
  ) {
    this.unpackedLimit = options.unpackedLimit ?? UNPACKED_LIMIT;
    const entries = readDirectory(data, this);
    let total = 0;
    for (const e of entries) {
      total += e.size;
      // The first of duplicate names is the one kept, as other readers do.
      if (!this.exact.has(e.name)) this.exact.set(e.name, e);
      const key = partKey(e.name);
      if (!this.folded.has(key)) this.folded.set(key, e);
    }
    this.entries = entries;
    this.declaredTotal = total;
    if (total > this.unpackedLimit) throw new PackageError('unpacked-limit', `declared ${total} bytes`);
  }

  [Symbol.iterator](): Iterator<ZipEntry> {
    return this.entries[Symbol.iterator]();
  }

  /** The entry of exactly this name (a leading slash is ignored). */
  get(name: string): ZipEntry | undefined {
    return this.exact.get(name.replace(/^\/+/, ''));
  }

  /** The entry of this part name, ignoring case, slashes' direction and a leading slash (OPC names are case-insensitive). */
  find(name: string): ZipEntry | undefined {
    return this.get(name) ?? this.folded.get(partKey(name));
  }

  /** Bytes inflated so far, over every entry read. */
  get inflatedTotal(): number {
    return this.inflated;
  }

  /** @internal counts inflated bytes against the limit */
  account(n: number): void {
    this.inflated += n;
    if (this.inflated > this.unpackedLimit) throw new PackageError('unpacked-limit', `inflated over ${this.unpackedLimit} bytes`);
  }

  /** @internal */
  get bytesOf(): Uint8Array {
    return this.data;
  }
}

/** Open a zip held in memory; throws PackageError. */
export function openZip(data: Uint8Array, options?: ZipOptions): ZipArchive {
  return new ZipArchive(data, options);
}

function readDirectory(data: Uint8Array, archive: ZipArchive): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = data.length;
  if (len < 22) throw new PackageError('not-zip');
  let eocd = -1;
  for (let i = len - 22, stop = Math.max(0, len - 22 - 0xffff); i >= stop; i--) {
    if (data[i] === 0x50 && view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PackageError('not-zip');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  // zip64: the locator sits just before the end record and points at the zip64 end record.
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_LOC64) {
    const at = u64(view, eocd - 12);
    if (at + 56 > len || view.getUint32(at, true) !== SIG_EOCD64) throw new PackageError('corrupt', 'zip64 end record');
    count = u64(view, at + 32);
    cdSize = u64(view, at + 40);
    cdOffset = u64(view, at + 48);
  }
  if (cdOffset + cdSize > len) throw new PackageError('corrupt', 'central directory outside the file');
  // Each directory record takes at least 46 bytes: a count beyond that is a lie, not a reason to loop.
  if (count * 46 > cdSize + 46) throw new PackageError('corrupt', 'entry count');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || view.getUint32(p, true) !== SIG_CEN) throw new PackageError('corrupt', 'central directory record');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const dosTime = view.getUint16(p + 12, true);
    const dosDate = view.getUint16(p + 14, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > len) throw new PackageError('corrupt', 'central directory record');
    // Bit 11: UTF-8 name; otherwise code page 437, which for OOXML part names (ASCII) reads as Latin-1.
    const name = strFromU8(data.subarray(p + 46, p + 46 + nameLen), !(flags & 0x800));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // zip64 extended information: present fields in the order size, compressed size, offset.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const sz = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff && q + 8 <= e + 4 + sz) {
            size = u64(view, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + sz) {
            compressedSize = u64(view, q);
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + sz) localHeaderOffset = u64(view, q);
          break;
        }
        e += 4 + sz;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
    entries.push(new Entry(archive, name, flags, method, crc32, compressedSize, size, localHeaderOffset, dosTime, dosDate));
  }
  return entries;
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

class Entry implements ZipEntry {
  private start = -1;

  constructor(
    private readonly archive: ZipArchive,
    readonly name: string,
    private readonly flags: number,
    readonly method: number,
    readonly crc32: number,
    readonly compressedSize: number,
    readonly size: number,
    readonly localHeaderOffset: number,
    readonly dosTime: number,
    readonly dosDate: number,
  ) {}

  raw(): Uint8Array {
    const data = this.archive.bytesOf;
    if (this.start < 0) {
      const at = this.localHeaderOffset;
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (at + 30 > data.length || view.getUint32(at, true) !== SIG_LOC) throw new PackageError('corrupt', `local header of ${this.name}`);
      this.start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    }
    if (this.start + this.compressedSize > data.length) throw new PackageError('corrupt', `${this.name} truncated`);
    return data.subarray(this.start, this.start + this.compressedSize);
  }

  private check(): void {
    if (this.flags & 1) throw new PackageError('encrypted-entry', this.name);
    if (this.method !== 0 && this.method !== 8) throw new PackageError('unsupported-method', `${this.name}: method ${this.method}`);
  }

  *chunks(): Generator<Uint8Array, void, undefined> {
    this.check();
    const raw = this.raw();
    if (this.method === 0) {
      if (raw.length !== this.size) throw new PackageError('size-mismatch', this.name);
      this.archive.account(raw.length);
      if (raw.length > 0) yield raw;
      return;
    }
    const whole = native && this.size <= NATIVE_MAX ? this.inflateWhole(native, raw) : undefined;
    if (whole) {
      // One chunk: textPieces cuts it without copying (it copies only where chunks meet).
      if (whole.length > 0) yield whole;
      return;
    }
    const out: Uint8Array[] = [];
    let total = 0;
    let failed: unknown;
    const inflater = new Inflate((chunk) => {
      if (chunk.length === 0) return;
      total += chunk.length;
      out.push(chunk);
    });
    let done = raw.length === 0;
    for (let at = 0; !done; ) {
      const step = Math.min(MAX_STEP, Math.max(MIN_STEP, Math.ceil((this.size - total) / 1032)));
      const last = at + step >= raw.length;
      try {
        inflater.push(raw.subarray(at, at + step), last);
      } catch (e) {
        failed = e;
      }
      // Check the limits before handing anything on: a bomb stops after one step's output.
      if (total > this.size) throw new PackageError('size-mismatch', this.name);
      if (failed !== undefined) throw new PackageError('corrupt', `${this.name} does not inflate`);
      for (const c of out) {
        this.archive.account(c.length);
        yield c;
      }
      out.length = 0;
      at += step;
      done = last;
    }
    if (total !== this.size) throw new PackageError('size-mismatch', this.name);
  }

  private inflateWhole(inflate: RawInflater, raw: Uint8Array): Uint8Array | undefined {
    let whole: Uint8Array | undefined;
    try {
      whole = inflate(raw, this.size);
      if (whole === undefined) return undefined;
    } catch (e) {
      // zlib reports output over the cap as a RangeError; anything else is a broken stream.
      if (e instanceof RangeError) throw new PackageError('size-mismatch', this.name);
      throw new PackageError('corrupt', `${this.name} does not inflate`);
    }
    if (whole.length !== this.size) throw new PackageError('size-mismatch', this.name);
    this.archive.account(whole.length);
    return whole;
  }

  bytes(): Uint8Array {
    if (native && this.method === 8 && this.size <= NATIVE_MAX) {
      this.check();
      const whole = this.inflateWhole(native, this.raw());
      if (whole) return whole;
    }
    if (this.method === 0) {
      this.check();
      const raw = this.raw();
      if (raw.length !== this.size) throw new PackageError('size-mismatch', this.name);
      this.archive.account(raw.length);
      return raw;
    }
    const buf = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks()) {
      buf.set(c, at);
      at += c.length;
    }
    return buf;
  }

  text(): string {
    return decodeText(this.bytes());
  }

  *textChunks(): Generator<string, void, undefined> {
    yield* textPieces(this.chunks());
  }
}

/**
 * UTF-8 (or UTF-16 with its byte order mark) bytes, in chunks of any size, as text pieces that each end
 * where cutPoint says: whole rows for sheet XML, whole characters always.
 */
export function* textPieces(chunks: Iterable<Uint8Array>): Generator<string, void, undefined> {
  let first = true;
  let utf16: Uint8Array[] | undefined;
  // Each piece is decoded on its own (no streaming state): it ends after a '>', which UTF-8 never
  // uses inside a multi-byte character. ignoreBOM: a U+FEFF starting a later piece is text, kept.
  const decoder = pieceDecoder();
  let carry: Uint8Array | undefined;
  for (let c of chunks) {
    if (first) {
      // The byte order mark is judged on the first three bytes, however the chunks fall.
      if (carry) {
        c = concat([carry, c]);
        carry = undefined;
      }
      if (c.length < 3) {
        carry = c;
        continue;
      }
      first = false;
      if ((c[0] === 0xff && c[1] === 0xfe) || (c[0] === 0xfe && c[1] === 0xff)) utf16 = [];
      else if (c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) c = c.subarray(3);
    }
    if (utf16) {
      utf16.push(c);
      continue;
    }
    let at = 0;
    if (carry) {
      // The tail of the previous chunk, completed from this one's head (a copy of a few kilobytes).
      const head = c.subarray(0, TEXT_PIECE);
      const piece = concat([carry, head]);
      let cut = cutPoint(piece, carry.length);
      if (cut === 0) {
        // Only the middle of a character so far (a chunk of a byte or two): wait for the next chunk.
        if (head.length === c.length) {
          carry = piece;
          continue;
        }
        cut = piece.length;
      }
      yield decoder.decode(piece.subarray(0, cut));
      at = cut - carry.length;
      carry = undefined;
    }
    // Within a chunk, each piece starts where the last one was cut: no bytes copied.
    while (c.length - at > TEXT_PIECE) {
      const piece = c.subarray(at, at + TEXT_PIECE);
      const cut = cutPoint(piece, 0) || piece.length;
      yield decoder.decode(piece.subarray(0, cut));
      at += cut;
    }
    if (at < c.length) carry = carry ? concat([carry, c.subarray(at)]) : c.subarray(at);
  }
  if (utf16) {
    // UTF-16 parts are rare and small (hand-made files): decoded whole.
    yield decodeText(concat(utf16));
    return;
  }
  // (Still `first`: a part of under three bytes, judged whole.)
  if (carry) yield first ? decodeText(carry) : decoder.decode(carry);
}

/** UTF-8 → text for one piece: TextDecoder (native), or fflate's own decoder where there is none (jsdom). */
function pieceDecoder(): { decode(b: Uint8Array): string } {
  if (typeof TextDecoder === 'undefined') return { decode: (b) => strFromU8(b) };
  return new TextDecoder('utf-8', { ignoreBOM: true });
}

/**
 * Text is handed on in pieces of at most this many bytes (plus a carried tail): a piece's string then
 * stays under V8's large-object size (128 KB), where it lives in the reused young generation instead of
 * a fresh mapping of its own. Measured on a 15 MB sheet: 2.6 ms to decode in 64 KB pieces, 55-90 ms in
 * 128 KB to 1 MB pieces (the difference is page faults; BENCHMARKS.md, "Reading and writing without fresh memory").
 */
const TEXT_PIECE = 32 * 1024;

/**
 * Where to end a text piece, at `min` or later: after its last row (`</row>`, `</x:row>`), so the scanner
 * gets whole rows and carries nothing over; else after its last '>'; else at its last UTF-8 character
 * boundary (a long text without markup). 0 when there is no such place.
 */
function cutPoint(b: Uint8Array, min: number): number {
  const n = b.length;
  let lastGt = -1;
  for (let i = n - 1; i >= min; i--) {
    if (b[i] !== 0x3e /* > */) continue;
    if (lastGt < 0) lastGt = i;
    if (i >= 4 && b[i - 1] === 0x77 && b[i - 2] === 0x6f && b[i - 3] === 0x72 && closesRow(b, i - 4)) return i + 1;
    if (n - i > ROW_SEARCH) break;
  }
  if (lastGt >= 0) return lastGt + 1;
  // A lead byte (not 10xxxxxx) starts a character: cut before the last one, unless it is complete.
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const x = b[i];
    if ((x & 0xc0) !== 0x80) {
      const len = x < 0x80 ? 1 : x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
      if (i + len <= n) return n > min ? n : 0;
      return i >= min && i > 0 ? i : 0;
    }
  }
  // Four continuation bytes in a row: not UTF-8 (decoded as replacement characters).
  return n > min ? n : 0;
}

/** Whether the "row>" whose preceding byte is at `k` closes a row: `</row>`, or `</x:row>` with any prefix. */
function closesRow(b: Uint8Array, k: number): boolean {
  if (b[k] === 0x2f /* / */) return k >= 1 && b[k - 1] === 0x3c;
  if (b[k] !== 0x3a /* : */) return false;
  for (let j = k - 1; j >= 1 && k - j <= 32; j--) {
    if (b[j] === 0x3c /* < */) return false;
    if (b[j] === 0x2f) return b[j - 1] === 0x3c && j < k - 1;
  }
  return false;
}

/** How far back from a piece's end a row's end is looked for before settling for any '>'. */
const ROW_SEARCH = 16 * 1024;

/** At most this many declared bytes are inflated ahead; the rest of a (huge) package is left to fflate. */
const PREPARE_BUDGET = 256 * 1024 * 1024;

/**
 * Browser: inflates a package's XML parts ahead with the browser's own DecompressionStream ('deflate-raw',
 * native code: about ten times faster than fflate on sheet XML, and it yields to the page between pieces),
 * then gives an inflater handing those bytes to the synchronous reader, to install with useInflater. Each
 * part stops at its declared size, as fflate does here; a part not prepared (too big, not XML, another
 * archive) is inflated by fflate. Undefined when the browser has no such stream or the zip is unreadable
 * (the reader then reports that itself).
 */
export async function prepareInflater(data: Uint8Array): Promise<RawInflater | undefined> {
  if (typeof DecompressionStream === 'undefined' || typeof Blob === 'undefined') return undefined;
  try {
    new DecompressionStream('deflate-raw');
  } catch {
    return undefined; // an older browser: 'deflate-raw' came after 'deflate'
  }
  let archive: ZipArchive;
  try {
    archive = openZip(data);
  } catch {
    return undefined;
  }
  const ready = new Map<number, Uint8Array | Error>();
  let budget = PREPARE_BUDGET;
  const jobs: Promise<void>[] = [];
  for (const e of archive.entries) {
    if (e.method !== 8 || e.size > NATIVE_MAX || e.size > budget || !/\.(xml|rels)$/i.test(e.name)) continue;
    let raw: Uint8Array;
    try {
      raw = e.raw();
    } catch {
      continue; // truncated: the reader says so when it reads it
    }
    budget -= e.size;
    jobs.push(inflateNative(raw, e.size).then((r) => void ready.set(raw.byteOffset, r)));
  }
  await Promise.all(jobs);
  const buffer = data.buffer;
  return (raw, size) => {
    const r = raw.buffer === buffer ? ready.get(raw.byteOffset) : undefined;
    if (r === undefined) return undefined;
    // Handed out once: the reader keeps what it needs, the page does not hold every part twice.
    ready.delete(raw.byteOffset);
    if (r instanceof Error) throw r;
    return r.length <= size ? r : undefined;
  };
}

/** One raw deflate stream inflated natively, stopped as soon as it passes `size` (a RangeError then). */
async function inflateNative(raw: Uint8Array, size: number): Promise<Uint8Array | Error> {
  const out = new Uint8Array(size);
  let at = 0;
  const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) {
        void reader.cancel().catch(() => undefined);
        return new RangeError('over the declared size');
      }
      out.set(value, at);
      at += value.length;
    }
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  // Shorter than declared: inflateWhole reports the mismatch.
  return at === size ? out : out.subarray(0, at);
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
}

/** Bytes of an XML part → text: UTF-8 (a BOM dropped) or UTF-16 with its byte order mark. */
export function decodeText(b: Uint8Array): string {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const le = b[0] === 0xff;
    let s = '';
    const parts: string[] = [];
    for (let i = 2; i + 1 < b.length; i += 2) {
      s += String.fromCharCode(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
      if (s.length >= 8192) {
        parts.push(s);
        s = '';
      }
    }
    parts.push(s);
    return parts.join('');
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    return strFromU8(b);
  } catch {
    throw new PackageError('corrupt', 'a part is not UTF-8 text');
  }
}
