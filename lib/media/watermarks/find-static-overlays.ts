import { boundingBox, cropFilled, dilate, joinLines, label, type Bitmap, type Box } from "./bitmap";
import { gatherEvidence, type GradientSums } from "./overlay-evidence";
import { markConfidence } from "./mark-confidence";
import { overlaySpans } from "./overlay-spans";
import { framePairs, overlayStays } from "./overlay-stays";
import type { GrayFrames } from "./sample-gray-frames";
import { withoutSceneBlocks } from "./without-scene-blocks";

/** A static overlay in analysis pixels, with the overlay's own pixels (holes filled) inside its box. */
export type StaticOverlay = {
  box: Box;
  confidence: number;
  fromSecond: number | null;
  toSecond: number | null;
  mask: Bitmap;
};

/**
 * A mark's edge in the mean frame must be this strong (luma steps), and this share of its per-frame
 * edge strength must point the same way every frame (1 = fully static). A single time window holds
 * fewer frames, so chance coherence there is higher: it must clear a stricter bar.
 */
const THRESHOLDS = { whole: { edge: 8, coherence: 0.6 }, window: { edge: 10, coherence: 0.8 } };
/** The share of frames with an edge at the pixel: a sharp edge seen in two frames out of thirty is the picture's. */
const MIN_PERSISTENCE = 0.6;
const chanceCoherence = (frames: number) => 3.5 / Math.sqrt(frames);
const MAX_AREA_SHARE = 0.2;
/** A mark has two dimensions: a line a few pixels thin is an edge in the picture (a frame line, a window's border). */
const MIN_SIDE = 4;
/** Smaller specks are left out before the words of a line are joined. */
const MIN_PART_PIXELS = 4;
const MAX_OVERLAYS = 8;
/** Less sure candidates are not returned (API.md: regions below 0.5 are not reported). */
const MIN_CONFIDENCE = 0.5;
/**
 * The confident level (API.md: a mark nine times in ten), which two kinds of region must reach. One shown
 * for only part of the video may be the scene's lasting edges that held for a while (a slow pan's lit
 * buildings reach 0.5–0.8 on real footage), where a mark shown for a while is a crisp overlay over
 * changing content. One cut out of an oversized region is made of the blocks that looked most like a
 * mark, so its evidence is picked, not sampled (scene parts of a night street cut this way reach
 * 0.5–0.8; the handle over it 0.99); being a mark over a still or slow scene that leaves few pairs to
 * judge it by, it must also show through the whole video (a cut-out building's edge held 0–4 s).
 */
const CONFIDENT = 0.8;
/** Time spans kept per region (a mark that comes and goes more often gets one span over all its showings). */
const MAX_SPANS = 3;

type Candidates = { map: Bitmap; coherence: Float32Array };

function coherenceOf(sums: GradientSums, index: number): number {
  const magnitude = sums.magnitude[index] as number;
  if (magnitude <= 0) return 0;
  return Math.hypot(sums.gx[index] as number, sums.gy[index] as number) / magnitude;
}

/** Pixels whose edge is strong in the mean frame and points the same way in each frame. */
function candidates(sums: GradientSums, width: number, height: number, bar: { edge: number; coherence: number }): Candidates {
  const bits = new Uint8Array(width * height);
  const coherence = new Float32Array(width * height);
  const threshold = Math.max(bar.coherence, chanceCoherence(sums.frames));
  for (let index = 0; index < bits.length; index += 1) {
    const c = coherenceOf(sums, index);
    coherence[index] = c;
    const strength = Math.hypot(sums.gx[index] as number, sums.gy[index] as number) / Math.max(1, sums.frames);
    const persistent = (sums.present[index] as number) >= MIN_PERSISTENCE * sums.frames;
    if (strength >= bar.edge && c >= threshold && persistent) bits[index] = 1;
  }
  return { map: { width, height, bits }, coherence };
}

function sum(a: GradientSums, b: GradientSums): GradientSums {
  const add = <T extends Float32Array | Uint16Array>(x: T, y: T): T => x.map((value, index) => value + (y[index] as number)) as T;
  return { frames: a.frames + b.frames, gx: add(a.gx, b.gx), gy: add(a.gy, b.gy), magnitude: add(a.magnitude, b.magnitude), present: add(a.present, b.present) };
}

/** The windows in which the overlay shows: its pixels at least half as coherent there as where it shows most. */
function shownWindows(strengths: number[]): boolean[] {
  const peak = Math.max(...strengths);
  return strengths.map((value) => value >= Math.max(0.5 * peak, 0.3));
}

const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / Math.max(1, values.length);

/**
 * Static overlays (logos, channel bugs, handles): pixels whose edge is there in every frame, pointing
 * the same way. Edges of the whole video and of each time window are candidates; blocks of them that
 * moved with the camera or changed with the picture are dropped, the rest joined into regions. A
 * region is kept when its edges stayed put in the frame pairs where the camera moved or the picture
 * around and under it changed (see overlayStays); static scene content, a still video, bars and flat
 * areas give no such evidence and are not reported. Each region gets the windows it shows in as its
 * time span.
 */
export function findStaticOverlays(sample: GrayFrames, durationSec: number): StaticOverlay[] {
  const { width, height } = sample;
  if (sample.frames.length < 4) return [];
  const evidence = gatherEvidence(sample, durationSec);
  const pairs = framePairs(sample);
  const whole = evidence.windows.slice(1).reduce<GradientSums>(sum, evidence.windows[0]!);
  const perWindow = evidence.windows.length > 1 ? evidence.windows.map((window) => candidates(window, width, height, THRESHOLDS.window)) : [];
  const all = [candidates(whole, width, height, THRESHOLDS.whole), ...perWindow];
  const { active } = evidence;
  const { kept: union, markLike } = withoutSceneBlocks(sample, pairs, new Uint8Array(width * height).map((_, index) => (all.some((c) => c.map.bits[index]) ? 1 : 0)), active, whole);
  const activeArea = (active.x1 - active.x0 + 1) * (active.y1 - active.y0 + 1);
  const minPixels = Math.max(12, Math.round(activeArea * 0.0004));
  const overlays: StaticOverlay[] = [];
  const regionsOf = (bits: Uint8Array) =>
    joinLines(label(dilate({ width, height, bits }, 2)).map((component) => component.filter((index) => bits[index])).filter((pixels) => pixels.length >= MIN_PART_PIXELS), width);
  // Too large, or a line across the whole picture (an edge of the picture: a bar, a split screen).
  const oversized = (box: Box) =>
    (box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1) > activeArea * MAX_AREA_SHARE
    || box.x1 - box.x0 + 1 > 0.9 * (active.x1 - active.x0 + 1) || box.y1 - box.y0 + 1 > 0.9 * (active.y1 - active.y0 + 1);
  // A mark over a still or slow scene merges with the scene's lasting edges: such a region is cut down
  // to its blocks with clear evidence of a mark, and what is cut out of it must be a confident mark.
  const regions = regionsOf(union).flatMap((pixels) => {
    if (!oversized(boundingBox(pixels, width))) return [{ pixels, split: false }];
    const kept = new Uint8Array(width * height);
    pixels.forEach((index) => (kept[index] = markLike[index] as number));
    return regionsOf(kept).map((part) => ({ pixels: part, split: true }));
  });
  for (const { pixels, split } of regions) {
    if (pixels.length < minPixels) continue;
    const box = boundingBox(pixels, width);
    if (oversized(box)) continue;
    if (Math.min(box.x1 - box.x0, box.y1 - box.y0) + 1 < MIN_SIDE) continue;
    const confidence = markConfidence(overlayStays(sample, pairs, pixels, box, active, whole), box, active);
    if (confidence < (split ? CONFIDENT : MIN_CONFIDENCE)) continue;
    const strengths = evidence.windows.map((window) => mean(pixels.map((index) => coherenceOf(window, index))));
    const shown = evidence.windows.filter((_, index) => shownWindows(strengths)[index]);
    const only = new Uint8Array(width * height);
    pixels.forEach((index) => (only[index] = 1));
    // The mask spans the region's box with its one-pixel margin, as the region in source pixels does.
    const margin = { x0: Math.max(0, box.x0 - 1), y0: Math.max(0, box.y0 - 1), x1: Math.min(width - 1, box.x1 + 1), y1: Math.min(height - 1, box.y1 + 1) };
    const mask = cropFilled(dilate({ width, height, bits: only }, 1), margin);
    const spans = overlaySpans(sample, pixels, shown.slice(1).reduce<GradientSums>(sum, shown[0]!), durationSec, MAX_SPANS);
    const partTime = spans.some((span) => span.fromSecond !== null);
    if (partTime && (split || confidence < CONFIDENT)) continue;
    for (const span of spans.length === 0 ? [{ fromSecond: null, toSecond: null }] : spans) {
      overlays.push({ box, confidence, ...span, mask });
    }
  }
  return overlays.sort((a, b) => b.confidence - a.confidence).slice(0, MAX_OVERLAYS);
}

