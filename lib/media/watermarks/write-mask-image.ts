import sharp from "sharp";
import { unpackBits } from "./bitmap";

export type MaskedRegion = {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The overlay's own pixels over the box (packed bits at a coarser grid); the whole box when absent. */
  mask?: { width: number; height: number; bits: string };
};

/**
 * The bitmap ffmpeg's removelogo takes: the video's size, white where the overlay's pixels are (the
 * detected pixels scaled up to the box, grown by `grow` pixels so the overlay's antialiased rim goes
 * too), black elsewhere.
 */
export async function writeMaskImage(options: { path: string; frame: { width: number; height: number }; region: MaskedRegion; grow?: number }): Promise<void> {
  const { frame, region, grow = 2 } = options;
  const pixels = Buffer.alloc(frame.width * frame.height);
  const mask = region.mask && unpackBits(region.mask.bits, region.mask.width, region.mask.height);
  const set = (x: number, y: number) => {
    for (let dy = -grow; dy <= grow; dy += 1) {
      for (let dx = -grow; dx <= grow; dx += 1) {
        const px = x + dx;
        const py = y + dy;
        if (px >= 0 && py >= 0 && px < frame.width && py < frame.height) pixels[py * frame.width + px] = 255;
      }
    }
  };
  for (let y = region.y; y < Math.min(frame.height, region.y + region.height); y += 1) {
    for (let x = region.x; x < Math.min(frame.width, region.x + region.width); x += 1) {
      if (!mask) {
        pixels[y * frame.width + x] = 255;
        continue;
      }
      const mx = Math.min(mask.width - 1, Math.floor(((x - region.x) * mask.width) / region.width));
      const my = Math.min(mask.height - 1, Math.floor(((y - region.y) * mask.height) / region.height));
      if (mask.bits[my * mask.width + mx]) set(x, y);
    }
  }
  await sharp(pixels, { raw: { width: frame.width, height: frame.height, channels: 1 } }).png().toFile(options.path);
}
