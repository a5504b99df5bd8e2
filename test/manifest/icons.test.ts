/** The committed icons (scripts/make-icons.mjs) are square RGBA PNGs of the sizes their names say. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const ASSETS = join(__dirname, '..', '..', 'assets');

function readPng(file: string): { width: number; height: number; colourType: number; pixels: Buffer } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colourType = -1;
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9];
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  return { width, height, colourType, pixels: inflateSync(Buffer.concat(idat)) };
}

test.each([16, 32, 64, 80, 128])('icon-%i.png is %i px square, red with a white mark, transparent corners', (size) => {
  const png = readPng(join(ASSETS, `icon-${size}.png`));
  expect([png.width, png.height, png.colourType]).toEqual([size, size, 6]);
  const pixel = (x: number, y: number) => {
    const i = y * (size * 4 + 1) + 1 + x * 4; // rows start with a filter byte (always 0 here)
    return [...png.pixels.subarray(i, i + 4)];
  };
  expect(pixel(0, 0)[3]).toBe(0); // rounded corner
  expect(pixel(Math.floor(size * 0.1), Math.floor(size / 2))).toEqual([200, 16, 46, 255]); // red field
  // Inside the tallest bar (x from 11/16 to 13/16 of the width, down to 13/16 of the height).
  expect(pixel(Math.floor((size * 12) / 16), Math.floor((size * 10) / 16))).toEqual([255, 255, 255, 255]);
});
