import type { GrayFrames } from "./sample-gray-frames";

/** The picture area inside letterbox or pillarbox bars (inclusive bounds). */
export type ActiveArea = { x0: number; y0: number; x1: number; y1: number };

/**
 * Per-pixel statistics over a run of frames: summed Sobel gradients, summed gradient magnitudes, and
 * the number of frames with an edge there at all.
 */
export type GradientSums = { frames: number; gx: Float32Array; gy: Float32Array; magnitude: Float32Array; present: Uint16Array };

/** A gradient this strong (luma steps) counts as an edge in that frame. */
const PRESENT_EDGE = 5;

export type Evidence = {
  active: ActiveArea;
  /** Consecutive runs of frames (time windows), for when a mark is shown. */
  windows: (GradientSums & { fromSecond: number; toSecond: number })[];
};

/** A row or column this still and this flat belongs to a bar, not the picture. */
const BAR_MOTION = 2.5;
const BAR_SPREAD = 6;
const BAR_MARGIN = 3;

function temporalMotion({ width, height, frames }: GrayFrames): { mean: Float32Array; motion: Float32Array } {
  const sum = new Float64Array(width * height);
  const squares = new Float64Array(width * height);
  for (const frame of frames) {
    for (let index = 0; index < frame.length; index += 1) {
      const value = frame[index] as number;
      sum[index]! += value;
      squares[index]! += value * value;
    }
  }
  const count = Math.max(1, frames.length);
  const mean = new Float32Array(sum.length);
  const motion = new Float32Array(sum.length);
  for (let index = 0; index < sum.length; index += 1) {
    mean[index] = (sum[index] as number) / count;
    motion[index] = Math.sqrt(Math.max(0, (squares[index] as number) / count - (mean[index] as number) ** 2));
  }
  return { mean, motion };
}

function isBar(mean: Float32Array, motion: Float32Array, indices: number[]): boolean {
  let moving = 0;
  let total = 0;
  let squares = 0;
  for (const index of indices) {
    moving += motion[index] as number;
    total += mean[index] as number;
    squares += (mean[index] as number) ** 2;
  }
  const n = indices.length;
  const spread = Math.sqrt(Math.max(0, squares / n - (total / n) ** 2));
  return moving / n < BAR_MOTION && spread < BAR_SPREAD;
}

function activeArea(width: number, height: number, mean: Float32Array, motion: Float32Array): ActiveArea {
  const row = (y: number) => Array.from({ length: width }, (_, x) => y * width + x);
  const column = (x: number) => Array.from({ length: height }, (_, y) => y * width + x);
  const area = { x0: 0, y0: 0, x1: width - 1, y1: height - 1 };
  while (area.y0 < area.y1 && isBar(mean, motion, row(area.y0))) area.y0 += 1;
  while (area.y1 > area.y0 && isBar(mean, motion, row(area.y1))) area.y1 -= 1;
  while (area.x0 < area.x1 && isBar(mean, motion, column(area.x0))) area.x0 += 1;
  while (area.x1 > area.x0 && isBar(mean, motion, column(area.x1))) area.x1 -= 1;
  // The picture's first rows next to a bar carry the encoder's ringing: leave them out too.
  const margin = (moved: boolean) => (moved ? BAR_MARGIN : 0);
  return {
    x0: area.x0 + margin(area.x0 > 0), y0: area.y0 + margin(area.y0 > 0),
    x1: area.x1 - margin(area.x1 < width - 1), y1: area.y1 - margin(area.y1 < height - 1),
  };
}

/** Adds one frame's Sobel gradients (scaled to luma steps) inside `area`, one pixel in from its edge. */
function addGradients(sums: GradientSums, frame: Uint8Array, width: number, area: ActiveArea): void {
  for (let y = area.y0 + 1; y < area.y1; y += 1) {
    for (let x = area.x0 + 1; x < area.x1; x += 1) {
      const i = y * width + x;
      const a = frame[i - width - 1] as number, b = frame[i - width] as number, c = frame[i - width + 1] as number;
      const d = frame[i - 1] as number, f = frame[i + 1] as number;
      const g = frame[i + width - 1] as number, h = frame[i + width] as number, k = frame[i + width + 1] as number;
      const gx = (c + 2 * f + k - a - 2 * d - g) / 4;
      const gy = (g + 2 * h + k - a - 2 * b - c) / 4;
      sums.gx[i]! += gx;
      sums.gy[i]! += gy;
      const magnitude = Math.sqrt(gx * gx + gy * gy);
      sums.magnitude[i]! += magnitude;
      if (magnitude >= PRESENT_EDGE) sums.present[i]! += 1;
    }
  }
  sums.frames += 1;
}

/** How many time windows a run of `frames` samples is cut into: enough frames in each to tell a mark from chance. */
export function windowCount(frames: number): number {
  return Math.max(1, Math.min(6, Math.floor(frames / 24)));
}

/** Everything the region finder needs, in one pass over the frames. */
export function gatherEvidence(sample: GrayFrames, durationSec: number): Evidence {
  const { width, height, frames, seconds } = sample;
  const { mean, motion } = temporalMotion(sample);
  const active = activeArea(width, height, mean, motion);
  const count = windowCount(frames.length);
  const windows = Array.from({ length: count }, (_, w) => {
    const first = Math.floor((w * frames.length) / count);
    const last = Math.floor(((w + 1) * frames.length) / count) - 1;
    const size = width * height;
    const sums = { frames: 0, gx: new Float32Array(size), gy: new Float32Array(size), magnitude: new Float32Array(size), present: new Uint16Array(size) };
    for (let t = first; t <= last; t += 1) addGradients(sums, frames[t] as Uint8Array, width, active);
    const fromSecond = w === 0 ? 0 : (seconds[first] as number);
    const toSecond = w === count - 1 ? durationSec : (seconds[last + 1] as number);
    return { ...sums, fromSecond, toSecond };
  });
  return { active, windows };
}
