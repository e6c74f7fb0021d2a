import type { GradientSums } from "./overlay-evidence";
import type { GrayFrames } from "./sample-gray-frames";

/** A time span in seconds; null ends mean from the start / to the end. */
export type Span = { fromSecond: number | null; toSecond: number | null };

/**
 * A frame shows the overlay when its edges along the overlay's own direction reach this share of their
 * usual strength (a light mark over a light part of the picture shows weaker edges than usual).
 */
const SHOWN = 0.35;
/** Shorter runs of frames are noise. */
const MIN_RUN_FRAMES = 3;
/** Gaps up to this share of the frames (at least MIN_RUN_FRAMES) are closed: the background hid the mark for a moment. */
const MAX_GAP_SHARE = 0.1;

export function sobel(frame: Uint8Array, width: number, i: number): [number, number] {
  const at = (offset: number) => frame[i + offset] as number;
  const gx = (at(-width + 1) + 2 * at(1) + at(width + 1) - at(-width - 1) - 2 * at(-1) - at(width - 1)) / 4;
  const gy = (at(width - 1) + 2 * at(width) + at(width + 1) - at(-width - 1) - 2 * at(-width) - at(-width + 1)) / 4;
  return [gx, gy];
}

/** Which sampled frames show the overlay: its pixels' gradients projected on the overlay's mean gradient. */
export function shownFrames(sample: GrayFrames, pixels: number[], shown: GradientSums): boolean[] {
  const directions = pixels.map((index) => [(shown.gx[index] as number) / shown.frames, (shown.gy[index] as number) / shown.frames] as const);
  const expected = directions.reduce((total, [x, y]) => total + x * x + y * y, 0);
  return sample.frames.map((frame) => {
    let projected = 0;
    pixels.forEach((index, n) => {
      const [gx, gy] = sobel(frame, sample.width, index);
      const [dx, dy] = directions[n]!;
      projected += gx * dx + gy * dy;
    });
    return expected > 0 && projected / expected >= SHOWN;
  });
}

/** Runs of shown frames as [first, last] frame indices, ignoring blips and closing short gaps. */
function frameRuns(shown: boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  const maxGap = Math.max(MIN_RUN_FRAMES, Math.round(shown.length * MAX_GAP_SHARE));
  shown.forEach((isShown, index) => {
    if (!isShown) return;
    const last = runs[runs.length - 1];
    if (last && index - last[1] <= maxGap) last[1] = index;
    else runs.push([index, index]);
  });
  return runs.filter(([first, last]) => last - first + 1 >= MIN_RUN_FRAMES);
}

/**
 * When the overlay shows, to the sampled frame: each span runs from the last frame without it to the
 * first frame without it again (so removal covers the change between two samples). One span covering
 * every frame is null/null.
 */
export function overlaySpans(sample: GrayFrames, pixels: number[], shown: GradientSums, durationSec: number, maxSpans: number): Span[] {
  const found = frameRuns(shownFrames(sample, pixels, shown));
  // A mark that comes and goes more often than maxSpans is given one span from its first showing to its last.
  const runs: [number, number][] = found.length > maxSpans ? [[found[0]![0], found[found.length - 1]![1]]] : found;
  const lastFrame = sample.frames.length - 1;
  return runs.map(([first, last]) => {
    // Missing only from the first sampled frame still means from the start.
    const fromSecond = first <= 1 ? 0 : (sample.seconds[first - 1] as number);
    if (fromSecond === 0 && last === lastFrame) return { fromSecond: null, toSecond: null };
    return { fromSecond, toSecond: last === lastFrame ? durationSec : (sample.seconds[last + 1] as number) };
  });
}
