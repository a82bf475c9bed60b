import { inflateSync } from 'node:zlib';

/** A decoded 8-bit RGBA PNG: what the icon tests need to check size, colour and transparency. */
export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  rgba: Buffer;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes PNG's per-scanline filters (spec section 9) for 4-byte pixels. */
function unfilter(raw: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter} on row ${y}`);
      out[y * stride + x] = (byte + predictor) & 0xff;
    }
  }
  return out;
}

/** Reads the IHDR of any PNG, and the pixels of a non-interlaced 8-bit RGBA one. */
export function readPng(file: Buffer): DecodedPng {
  if (file.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG file');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const bitDepth = file[24];
  const colourType = file[25] ?? -1;
  const interlace = file[28];
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rgba =
    bitDepth === 8 && colourType === 6 && interlace === 0
      ? unfilter(inflateSync(Buffer.concat(idat)), width, height)
      : Buffer.alloc(0);
  return { width, height, colourType, rgba };
}
