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
 * A block of an oversized region is kept as a mark's when its edges stayed in this share of at least
 * this many informative pairs (at 0.8, lit windows of a night city beside an icon stayed often enough
 * to join it in a box ten times its size; pieces cut out of the scene itself fail the rule that a cut-out
 * piece shows throughout).
 */
const MARK_BLOCK_SHARE = 0.9;
const MARK_BLOCK_PAIRS = 8;

/** The candidate pixels in each BLOCK×BLOCK block of the picture, with the block's box. */
function blocksOf(width: number, height: number, pixels: number[]): { box: { x0: number; y0: number; x1: number; y1: number }; pixels: number[] }[] {
  const blocks = new Map<number, number[]>();
  const columns = Math.ceil(width / BLOCK);
  for (const index of pixels) {
    const key = Math.floor(Math.floor(index / width) / BLOCK) * columns + Math.floor((index % width) / BLOCK);
    const block = blocks.get(key);
    if (block) block.push(index);
    else blocks.set(key, [index]);
  }
  return [...blocks].map(([key, members]) => {
    const x0 = (key % columns) * BLOCK;
    const y0 = Math.floor(key / columns) * BLOCK;
    return { box: { x0, y0, x1: Math.min(width, x0 + BLOCK) - 1, y1: Math.min(height, y0 + BLOCK) - 1 }, pixels: members };
  });
}

/**
 * The candidate pixels without the blocks that are shown to be scene: edges that moved with the camera
 * or changed with the picture around them. Blocks with too little evidence stay candidates, so a
 * mark is never cut apart and a still part of the picture is judged with its region as a whole.
 * `markLike` holds the pixels of the blocks whose edges clearly stayed while the picture around them
 * changed: what an oversized region (a mark merged with a still scene) is cut down to.
 */
export function withoutSceneBlocks(sample: GrayFrames, pairs: FramePair[], bits: Uint8Array, active: ActiveArea, whole: GradientSums): { kept: Uint8Array; markLike: Uint8Array } {
  const kept = new Uint8Array(bits);
  const markLike = new Uint8Array(bits.length);
  const set = [...bits.keys()].filter((index) => bits[index]);
  for (const { box, pixels } of blocksOf(sample.width, sample.height, set)) {
    const { informative, stayed } = overlayStays(sample, pairs, pixels, box, active, whole, BLOCK_SLIDE);
    if (informative >= BLOCK_MIN_PAIRS && stayed < BLOCK_MIN_SHARE * informative) pixels.forEach((index) => (kept[index] = 0));
    if (informative >= MARK_BLOCK_PAIRS && stayed >= MARK_BLOCK_SHARE * informative) pixels.forEach((index) => (markLike[index] = 1));
  }
  return { kept, markLike };
}
