import type { FileHandle } from "node:fs/promises";
import type { ImageFormat } from "./sniff-media";

/** How far from the end an image's end marker is looked for (some writers append a little after it). */
const TAIL_BYTES = 64 * 1024;

const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** ISO base media (AVIF): the top-level boxes must fill the file exactly. */
async function boxesFillFile(file: FileHandle, size: number): Promise<boolean> {
  let position = 0;
  for (let boxes = 0; boxes < 10_000; boxes += 1) {
    if (position === size) return true;
    const header = await readAt(file, position, 16);
    if (header.length < 8) return false;
    const declared = header.readUInt32BE(0);
    if (declared === 0) return true; // the last box runs to the end of the file
    const boxSize = declared === 1 && header.length === 16 ? Number(header.readBigUInt64BE(8)) : declared;
    if (boxSize < 8) return false;
    position += boxSize;
    if (position > size) return false;
  }
  return false;
}

/**
 * Whether an image's bytes reach the end its format declares (PNG's IEND chunk, JPEG's EOI marker,
 * GIF's trailer, the RIFF and box sizes of WebP and AVIF): a cheap check that refuses truncated
 * uploads without decoding a single pixel.
 */
export async function imageIsComplete(file: FileHandle, format: ImageFormat, size: number): Promise<boolean> {
  const tailStart = Math.max(0, size - TAIL_BYTES);
  switch (format) {
    case "png":
      return (await readAt(file, tailStart, size - tailStart)).includes(PNG_IEND);
    case "jpeg":
      return (await readAt(file, tailStart, size - tailStart)).includes(JPEG_EOI);
    case "gif":
      return (await readAt(file, size - 1, 1))[0] === 0x3b;
    case "webp":
      return 8 + (await readAt(file, 4, 4)).readUInt32LE(0) <= size;
    case "avif":
      return boxesFillFile(file, size);
  }
}
