import type { Box } from "./bitmap";
import { cameraShift, type Shift } from "./camera-shift";
import type { ActiveArea } from "./overlay-evidence";
import type { GradientSums } from "./overlay-evidence";
import { shownFrames, sobel } from "./overlay-spans";
import type { GrayFrames } from "./sample-gray-frames";

/** Two sampled frames, how far the camera moved between them, and the mean luma change of each CELL×CELL cell. */
export type FramePair = { first: number; second: number; shift: Shift; change: Float32Array };

/**
 * How often a candidate's edges stayed put while the picture around it changed, out of the pairs where
 * it changed, and the share of the sampled timeline those pairs span (a few changes, such as a window
 * opening on a still screen, give many pairs but little independent evidence).
 */
export type StayEvidence = { informative: number; stayed: number; spread: number };

/** Frame distances paired: neighbours, and further apart for slow shots. */
const LAGS = [1, 3, 8];
const MAX_PAIRS = 120;
const CELL = 4;
/** Cells of the band around a candidate whose change makes a pair informative. */
const RING_CELLS = 2;
/** Mean luma change (steps) on every side of the band for the picture around the candidate to count as changed. */
const SIDE_CHANGE = 6;
/** Mean luma change (steps) inside the candidate's box for the picture under it to count as changed. */
const UNDERNEATH_CHANGE = 3;
/**
 * The candidate's edges "stayed" when this share of their gradient energy matches between the two
 * frames (a faint mark over busy texture matches only partly: the texture under it changes)…
 */
const STAYED = 0.2;
/** …and match this much better where they were than where the camera's motion would have carried them. */
const STAYED_MARGIN = 0.15;
/** A camera shift this large (analysis pixels) moves scene edges off their place: edges that stay are no scene. */
const MIN_CAMERA_SHIFT = 2;

function cellChange(a: Uint8Array, b: Uint8Array, width: number, height: number): Float32Array {
  const columns = Math.ceil(width / CELL);
  const sums = new Float32Array(columns * Math.ceil(height / CELL));
  const counts = new Uint16Array(sums.length);
  for (let y = 0; y < height; y += 1) {
    const row = Math.floor(y / CELL) * columns;
    for (let x = 0; x < width; x += 1) {
      const cell = row + Math.floor(x / CELL);
      sums[cell]! += Math.abs((a[y * width + x] as number) - (b[y * width + x] as number));
      counts[cell]! += 1;
    }
  }
  return sums.map((total, cell) => total / Math.max(1, counts[cell] as number));
}

/** Frame pairs spread across the video, each with the camera shift and the change between its frames. */
export function framePairs(sample: GrayFrames): FramePair[] {
  const { width, height, frames } = sample;
  const pairs: { first: number; second: number }[] = [];
  for (const lag of LAGS) for (let first = 0; first + lag < frames.length; first += 1) pairs.push({ first, second: first + lag });
  const stride = Math.max(1, pairs.length / MAX_PAIRS);
  const chosen = Array.from({ length: Math.min(pairs.length, MAX_PAIRS) }, (_, index) => pairs[Math.floor(index * stride)]!);
  return chosen.map(({ first, second }) => ({
    first, second,
    shift: cameraShift(frames[first]!, frames[second]!, width, height),
    change: cellChange(frames[first]!, frames[second]!, width, height),
  }));
}

type CellBox = { x0: number; y0: number; x1: number; y1: number };

function meanChange(change: Float32Array, columns: number, cells: CellBox): number {
  let total = 0;
  let count = 0;
  for (let y = cells.y0; y <= cells.y1; y += 1) for (let x = cells.x0; x <= cells.x1; x += 1) {
    total += change[y * columns + x] as number;
    count += 1;
  }
  return count === 0 ? 0 : total / count;
}

/**
 * Whether the picture changed on every side of `box` (inside the active picture) and under it (seen
 * through a semi-transparent mark or between its strokes). A still part of the picture beside moving
 * content (a screencast's icon beside a dragged window) keeps its inside as well as its edges.
 */
function pictureChanged(pair: FramePair, columns: number, box: Box, active: ActiveArea): boolean {
  const inner = { x0: Math.floor(box.x0 / CELL), y0: Math.floor(box.y0 / CELL), x1: Math.floor(box.x1 / CELL), y1: Math.floor(box.y1 / CELL) };
  const limit = { x0: Math.ceil(active.x0 / CELL), y0: Math.ceil(active.y0 / CELL), x1: Math.floor((active.x1 + 1) / CELL) - 1, y1: Math.floor((active.y1 + 1) / CELL) - 1 };
  const outer = {
    x0: Math.max(limit.x0, inner.x0 - RING_CELLS), y0: Math.max(limit.y0, inner.y0 - RING_CELLS),
    x1: Math.min(limit.x1, inner.x1 + RING_CELLS), y1: Math.min(limit.y1, inner.y1 + RING_CELLS),
  };
  const sides = [
    { ...outer, y1: inner.y0 - 1 }, { ...outer, y0: inner.y1 + 1 },
    { x0: outer.x0, x1: inner.x0 - 1, y0: inner.y0, y1: inner.y1 }, { x0: inner.x1 + 1, x1: outer.x1, y0: inner.y0, y1: inner.y1 },
  ].filter((side) => side.x1 >= side.x0 && side.y1 >= side.y0);
  if (sides.length < 2) return false;
  if (meanChange(pair.change, columns, inner) < UNDERNEATH_CHANGE) return false;
  return sides.every((side) => meanChange(pair.change, columns, side) >= SIDE_CHANGE);
}

/**
 * The share of the pixels' gradient energy that matches between frame a and frame b moved by `shift`:
 * the summed dot products of their Sobel gradients (unrelated edges cancel out) over their mean energy.
 */
function matchedEnergy(a: Uint8Array, b: Uint8Array, width: number, height: number, pixels: number[], shift: Shift): number {
  let matched = 0;
  let energy = 0;
  for (const index of pixels) {
    const x = (index % width) + shift.dx;
    const y = Math.floor(index / width) + shift.dy;
    if (x < 1 || y < 1 || x >= width - 1 || y >= height - 1) continue;
    const [ax, ay] = sobel(a, width, index);
    const [bx, by] = sobel(b, width, y * width + x);
    matched += ax * bx + ay * by;
    energy += (ax * ax + ay * ay + bx * bx + by * by) / 2;
  }
  return energy === 0 ? 0 : matched / energy;
}

/** Directions a scene may slide in between two frames without the camera's shift showing (a slow pan or zoom, a sway). */
const SLIDES = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]] as const;
/** A mark's edges match clearly best where they were: edges that match as well a little way off slid along themselves. */
const PEAK_MARGIN = 0.15;

/** The best match of the pixels' edges `distance` pixels off their place (scene edges sliding along themselves match there too). */
function slid(a: Uint8Array, b: Uint8Array, width: number, height: number, pixels: number[], distance: number): number {
  return Math.max(...SLIDES.map(([dx, dy]) => matchedEnergy(a, b, width, height, pixels, { dx: dx * distance, dy: dy * distance })));
}

/** The band around a candidate whose edges show whether the scene there slid: this wide (analysis pixels)… */
const RING = 6;
/** …its pixels with a mean edge this strong (luma steps), every RING_STEP-th of them… */
const RING_EDGE = 6;
const RING_STEP = 2;
/** …and the scene slid when they match this much better one pixel off than where they were. */
const RING_SLIDE = 0.15;

/** Whether the ring's edges match clearly better one pixel off than in place: the scene around slid. */
function sceneSlid(a: Uint8Array, b: Uint8Array, width: number, height: number, ring: number[]): boolean {
  return ring.length > 0 && slid(a, b, width, height, ring, 1) > matchedEnergy(a, b, width, height, ring, { dx: 0, dy: 0 }) + RING_SLIDE;
}

/** Pixels with a lasting edge in the band around `box` (inside the active picture). */
function sceneRing(sample: GrayFrames, box: Box, active: ActiveArea, whole: GradientSums): number[] {
  const { width } = sample;
  const ring: number[] = [];
  for (let y = Math.max(active.y0 + 1, box.y0 - RING); y <= Math.min(active.y1 - 1, box.y1 + RING); y += RING_STEP) {
    for (let x = Math.max(active.x0 + 1, box.x0 - RING); x <= Math.min(active.x1 - 1, box.x1 + RING); x += RING_STEP) {
      if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) continue;
      const index = y * width + x;
      if ((whole.magnitude[index] as number) >= RING_EDGE * whole.frames) ring.push(index);
    }
  }
  return ring;
}

/**
 * The evidence for one candidate from frame pairs in which the camera moved or the picture around and
 * under it changed (a cut, moving content): a mark's edges stay where they are, and match better there
 * than where the camera's motion would have carried the scene; and where the lasting edges around it
 * slid a pixel while the camera's shift shows nothing (a slow pan or zoom), better than `slide` pixels
 * off in any direction (scene edges slide along themselves and match about as well there). Pairs where the picture held still say
 * nothing either way, nor do pairs in neither frame of which the candidate's edges show (a mark shown
 * for part of the video is judged while it shows). `whole` holds the gradients summed over every frame.
 */
export function overlayStays(sample: GrayFrames, pairs: FramePair[], pixels: number[], box: Box, active: ActiveArea, whole: GradientSums, slide = 1): StayEvidence {
  const { width, height, frames } = sample;
  const shown = shownFrames(sample, pixels, whole);
  const columns = Math.ceil(width / CELL);
  const ring = sceneRing(sample, box, active, whole);
  let informative = 0;
  let stayed = 0;
  const spanned = new Uint8Array(Math.max(1, frames.length - 1));
  for (const pair of pairs) {
    const { shift } = pair;
    const cameraMoved = Math.max(Math.abs(shift.dx), Math.abs(shift.dy)) >= MIN_CAMERA_SHIFT;
    if (!shown[pair.first] && !shown[pair.second]) continue;
    if (!cameraMoved && !pictureChanged(pair, columns, box, active)) continue;
    informative += 1;
    spanned.fill(1, pair.first, pair.second);
    const a = frames[pair.first]!;
    const b = frames[pair.second]!;
    const still = matchedEnergy(a, b, width, height, pixels, { dx: 0, dy: 0 });
    const moved = cameraMoved ? matchedEnergy(a, b, width, height, pixels, shift) : 0;
    if (still < STAYED || still <= moved + STAYED_MARGIN) continue;
    if (!cameraMoved && sceneSlid(a, b, width, height, ring) && still <= slid(a, b, width, height, pixels, slide) + PEAK_MARGIN) continue;
    stayed += 1;
  }
  return { informative, stayed, spread: spanned.reduce((total, value) => total + value, 0) / spanned.length };
}
