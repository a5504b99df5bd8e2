/**
 * The least any reader of a workbook must do, for `npm run bench`'s floor row: start node, inflate every
 * part of the package and find every cell (`<c …>`) and whether it has a value, nothing else: no UTF-8
 * decoding, no strings, no values, no recognition, no checks, no scores, no output. Its CPU time plus
 * npm's own start is the fastest `npm run cli -- grade` could ever be on the machine, so the benchmark
 * can tell what ratio against the openpyxl script the machine allows at all.
 *
 * To be a true floor it inflates through zlib's binding into one reused 64 KB buffer, which node's public
 * API cannot do (inflateRawSync returns the whole part in new memory, and a stream allocates a buffer per
 * chunk; both cost about 0.1 s more CPU on the 18 MB of the benchmark's sheets). That binding is node's
 * internal, used here only; when a node version lacks it, the public whole-part inflate is used and the
 * output says so ("inflate": "whole").
 * Usage: node bench/floor.cjs in.xlsx  → {"parts": N, "cells": N, "values": N, "inflate": "window" | "whole"}
 */
'use strict';
const { readFileSync } = require('node:fs');
const zlib = require('node:zlib');

const WINDOW = 1 << 16;
const CELL = Buffer.from('<c ');
/** Longest tail kept between windows: a cell's opening tag and its first child's three bytes. */
const KEEP = 256;

const zip = readFileSync(process.argv[2]);
// End of central directory: entry count and where the directory starts (no zip64 in the benchmark's files).
const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
const count = zip.readUInt16LE(end + 10);
let at = zip.readUInt32LE(end + 16);
let cells = 0;
let values = 0;
let windowed = true;
const out = Buffer.allocUnsafe(WINDOW + 16 * KEEP);

/** Counts the cells starting before `limit` in out[0, length); returns where scanning stopped. */
function scan(buf, length, limit) {
  let p = buf.indexOf(CELL);
  for (; p !== -1 && p < limit; p = buf.indexOf(CELL, p + 3)) {
    const tagEnd = buf.indexOf(0x3e, p);
    if (tagEnd === -1 || tagEnd + 3 > length) return p; // the tag or its first child runs into the next window
    cells++;
    // <c …/> has no value; otherwise the first child is <v> (or <f>, <is>: counted the same in this workbook)
    if (buf[tagEnd - 1] !== 0x2f && buf[tagEnd + 1] === 0x3c) values++;
  }
  return p === -1 ? limit : p;
}

/** Inflates `stored` window by window into `out`, scanning each; false when zlib's binding is not there. */
function inflateInWindows(stored) {
  const inflater = zlib.createInflateRaw();
  const handle = inflater._handle;
  const state = inflater._writeState;
  if (typeof handle?.writeSync !== 'function' || !state) return false;
  let input = 0;
  let kept = 0;
  for (;;) {
    handle.writeSync(zlib.constants.Z_NO_FLUSH, stored, input, stored.length - input, out, kept, WINDOW);
    const [outLeft, inLeft] = state;
    const produced = WINDOW - outLeft;
    input = stored.length - inLeft;
    const length = kept + produced;
    const done = produced === 0 || (inLeft === 0 && outLeft > 0);
    const stop = scan(out.subarray(0, length), length, done ? length : length - KEEP);
    if (done) break;
    out.copy(out, 0, stop, length);
    kept = length - stop;
  }
  inflater.close();
  return true;
}

for (let i = 0; i < count; i++) {
  const method = zip.readUInt16LE(at + 10);
  const size = zip.readUInt32LE(at + 20);
  const local = zip.readUInt32LE(at + 42);
  at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const stored = zip.subarray(start, start + size);
  if (method === 8 && windowed && inflateInWindows(stored)) continue;
  if (method === 8) windowed = false;
  const whole = method === 8 ? zlib.inflateRawSync(stored) : stored;
  scan(whole, whole.length, whole.length);
}
process.stdout.write(`${JSON.stringify({ parts: count, cells, values, inflate: windowed ? 'window' : 'whole' })}\n`);
