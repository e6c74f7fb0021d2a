import type { ActiveArea, GradientSums } from "./overlay-evidence";
import { overlayStays, type FramePair } from "./overlay-stays";
import type { GrayFrames } from "./sample-gray-frames";

/** Candidate edges are judged in blocks of this size (analysis pixels) before they are joined into regions. */
const BLOCK = 12;
/** A block with this many informative pairs, in fewer than this share of which its edges stayed, is scene. */
const BLOCK_MIN_PAIRS = 4;
const BLOCK_MIN_SHARE = 0.5;
/**
 * How far off (analysis pixels) a block's edges are checked for having slid: a block holds only a short
 * piece of a mark (a stroke, a side of a box), which still matches itself one pixel off.
 */
const BLOCK_SLIDE = 2;

/**
 * The candidate pixels without the blocks that are shown to be scene: edges that moved with the camera
 * or changed with the picture around them. Blocks with too little evidence stay candidates, so a
 * mark is never cut apart and a still part of the picture is judged with its region as a whole.
 */
export function withoutSceneBlocks(sample: GrayFrames, pairs: FramePair[], bits: Uint8Array, active: ActiveArea, whole: GradientSums): Uint8Array {
  const { width, height } = sample;
  const kept = new Uint8Array(bits);
  for (let by = 0; by < height; by += BLOCK) {
    for (let bx = 0; bx < width; bx += BLOCK) {
      const pixels: number[] = [];
      for (let y = by; y < Math.min(height, by + BLOCK); y += 1) for (let x = bx; x < Math.min(width, bx + BLOCK); x += 1) if (bits[y * width + x]) pixels.push(y * width + x);
      if (pixels.length === 0) continue;
      const box = { x0: bx, y0: by, x1: Math.min(width, bx + BLOCK) - 1, y1: Math.min(height, by + BLOCK) - 1 };
      const { informative, stayed } = overlayStays(sample, pairs, pixels, box, active, whole, BLOCK_SLIDE);
      if (informative >= BLOCK_MIN_PAIRS && stayed < BLOCK_MIN_SHARE * informative) pixels.forEach((index) => (kept[index] = 0));
    }
  }
  return kept;
}
