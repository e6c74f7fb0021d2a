import { crc32 } from "node:zlib";

/** A PNG chunk with its length and CRC, so that a lying header still passes the checksum. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An IHDR for 8-bit colour type `colorType` (2 = RGB) at the given size. */
export function pngHeader(width: number, height: number, colorType = 2): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.writeUInt8(8, 8);
  data.writeUInt8(colorType, 9);
  return pngChunk("IHDR", data);
}

/** Replaces the PNG's IHDR dimensions (fixing the CRC) while keeping its pixel data. */
export function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const ihdr = png.subarray(16, 29);
  const data = Buffer.from(ihdr);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  return Buffer.concat([png.subarray(0, 8), pngChunk("IHDR", data), png.subarray(33)]);
}

/** Every offset at which `needle` occurs in `haystack`. */
export function offsetsOf(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** A copy of `bytes` with `patch` applied at every offset where `marker` occurs (patch starts `skip` bytes after its start; negative reaches back). */
export function patchAfter(bytes: Buffer, marker: Buffer, skip: number, patch: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (const at of offsetsOf(bytes, marker)) {
    if (at + skip >= 0 && at + skip + patch.length <= copy.length) patch.copy(copy, at + skip);
  }
  return copy;
}

export const u16be = (value: number) => Buffer.from([(value >>> 8) & 0xff, value & 0xff]);
export const u16le = (value: number) => Buffer.from([value & 0xff, (value >>> 8) & 0xff]);
export function u32be(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}
export function f64be(value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeDoubleBE(value);
  return out;
}
