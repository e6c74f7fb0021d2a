import { cropPlanes, type CropLayout, type CropPlane } from "./crop-layout";
import { fillBox, planBoxFill, type BoxFill, type FillScheme } from "./fill-box";
import { addRingTexture } from "./ring-texture";

/**
 * The mark in one plane, estimated from many frames (multi-image matting, as in Dekel et al., CVPR
 * 2017): a frame shows I = αW + (1−α)B, so over frames in which the background B varies, the spread of I
 * inside the box is (1−α) times the spread of B, which the ring around the box predicts. Box-sized
 * arrays: α (NaN where the background never moved, so the frames say nothing), the mark's colour W,
 * the background's expected value and spread.
 */
export type PlaneMatte = {
  fill: BoxFill;
  alpha: Float32Array;
  color: Float32Array;
  backgroundMean: Float32Array;
  backgroundSpread: Float32Array;
  /**
   * Per box pixel, how much the picture varies across a few pixels of the ring its fill comes from
   * (mean square, 8-bit levels², weighted as the fill weighs the ring): how far that fill strays.
   */
  fillTexture: Float32Array;
};

/** The matte per plane (Y, U, V) and how much the background under the box moves (luma spread, median). */
export type Matte = { planes: PlaneMatte[]; motion: number };

/** Below this opacity a pixel is taken as unmarked (the estimate's own noise is about this large). */
export const MIN_ALPHA = 0.15;
/** A background spreading less than this (8-bit levels) over the frames reveals nothing about the mark. */
const MIN_SPREAD = 3;
/** Compression noise of a decoded pixel (8-bit levels, one standard deviation), which adds to every spread. */
export const NOISE = 2.5;
/** The distance (luma pixels) over which the ring's texture is measured: about how far a fill reaches. */
const TEXTURE_LAG = 4;

/** Per-pixel sums over the frames: values, their squares, and (ring pixels beside the box) squared differences across them. */
export type CropStats = { frames: number; sum: Float64Array; squares: Float64Array; ringTexture: Float64Array };

export const emptyCropStats = (frameBytes: number): CropStats => ({
  frames: 0,
  sum: new Float64Array(frameBytes),
  squares: new Float64Array(frameBytes),
  ringTexture: new Float64Array(frameBytes),
});

const lagOf = (planeIndex: number) => (planeIndex === 0 ? TEXTURE_LAG : TEXTURE_LAG / 2);

export function addCropFrame(stats: CropStats, planes: CropPlane[], frame: Uint8Array): void {
  for (let index = 0; index < frame.length; index += 1) {
    const value = frame[index]!;
    stats.sum[index] = stats.sum[index]! + value;
    stats.squares[index] = stats.squares[index]! + value * value;
  }
  planes.forEach((plane, index) => addRingTexture(plane, frame, lagOf(index), stats.ringTexture));
  stats.frames += 1;
}

/** 1 − α from the spreads, with the compression noise (which does not pass through the blend) taken out of both. */
function transparency(observedSpread: number, backgroundSpread: number): number {
  const observed = Math.max(0, observedSpread ** 2 - NOISE ** 2);
  const background = Math.max(1, backgroundSpread ** 2 - NOISE ** 2);
  return Math.sqrt(observed / background);
}

/**
 * Unmarked pixels (α below MIN_ALPHA) whose average over the frames still stands out from the
 * background's by more than the averaged picture varies around the box: a mark the spreads missed
 * (the picture under it hardly moves), which the fill takes (NaN) rather than keeping it.
 */
function markTolerance(plane: CropPlane, mean: Float32Array, planeIndex: number): number {
  const differences = new Float64Array(mean.length);
  const count = addRingTexture(plane, mean, lagOf(planeIndex), differences);
  return 3 * Math.sqrt(differences.reduce((total, value) => total + value, 0) / Math.max(1, count)) + 2 * NOISE;
}

/**
 * A fill reads only bare box pixels with no other pixel within this many luma pixels: a mark's soft
 * edge and a handle's faint outline lie there, fainter than the opacity the frames can tell (reading
 * the pixels right beside the mark: the 1906 film's handle 28.6 → 25.1 dB, the night city's 23.7 → 17.3).
 */
const CLEAR_PIXELS = 2;

/**
 * The plane's matte with its fill reading the box pixels the matte leaves bare and clear of the mark
 * (see CLEAR_PIXELS) as well as the ring: those lie far closer to the marked pixels (between a handle's
 * letters, around an icon, and the picture a loose box takes in beside the mark). `planeIndex` 0 is the luma.
 */
export function fillingFromBare(matte: PlaneMatte, planeIndex: number): PlaneMatte {
  const { plane, scheme } = matte.fill;
  const { width, height } = plane.box;
  const clear = planeIndex === 0 ? CLEAR_PIXELS : CLEAR_PIXELS / 2;
  const readable = Array.from(matte.alpha, (value, index) => {
    if (value !== 0) return false;
    const x = index % width;
    const y = Math.floor(index / width);
    for (let ny = Math.max(0, y - clear); ny <= Math.min(height - 1, y + clear); ny += 1) {
      for (let nx = Math.max(0, x - clear); nx <= Math.min(width - 1, x + clear); nx += 1) if (matte.alpha[ny * width + nx] !== 0) return false;
    }
    return true;
  });
  return { ...matte, fill: planBoxFill(plane, scheme, readable) };
}

/**
 * One plane's matte: opacity and colour from the frames, with the background predicted by the fill from
 * the ring; the fill restore then uses reads the bare pixels too (see fillingFromBare).
 */
function planeMatte(plane: CropPlane, planeIndex: number, scheme: FillScheme, mean: Float32Array, spread: Float32Array, lumaAlpha: Float32Array | null, ringTexture: Float32Array): PlaneMatte {
  const fill = planBoxFill(plane, scheme, null);
  const size = plane.box.width * plane.box.height;
  const fillTexture = fillBox(fill, ringTexture, new Float32Array(size));
  const backgroundMean = fillBox(fill, mean, new Float32Array(size));
  const backgroundSpread = fillBox(fill, spread, new Float32Array(size));
  const alpha = new Float32Array(size);
  const color = new Float32Array(size);
  for (let y = 0; y < plane.box.height; y += 1) {
    for (let x = 0; x < plane.box.width; x += 1) {
      const index = y * plane.box.width + x;
      const at = plane.offset + (plane.box.y + y) * plane.width + plane.box.x + x;
      const lumaWidth = plane.box.width * 2;
      alpha[index] = lumaAlpha
        ? (lumaAlpha[2 * y * lumaWidth + 2 * x]! + lumaAlpha[2 * y * lumaWidth + 2 * x + 1]! + lumaAlpha[(2 * y + 1) * lumaWidth + 2 * x]! + lumaAlpha[(2 * y + 1) * lumaWidth + 2 * x + 1]!) / 4
        : backgroundSpread[index]! < MIN_SPREAD ? NaN : Math.min(1, Math.max(0, 1 - transparency(spread[at]!, backgroundSpread[index]!)));
      color[index] = mean[at]!;
    }
  }
  const tolerance = markTolerance(plane, mean, lumaAlpha ? 1 : 0);
  for (let index = 0; index < size; index += 1) {
    const opacity = alpha[index]! < MIN_ALPHA ? 0 : alpha[index]!;
    const missed = opacity === 0 && Math.abs(color[index]! - backgroundMean[index]!) > tolerance;
    alpha[index] = Number.isNaN(alpha[index]!) || missed ? NaN : opacity;
    if (opacity > 0) color[index] = Math.min(255, Math.max(0, (color[index]! - (1 - opacity) * backgroundMean[index]!) / opacity));
  }
  return fillingFromBare({ fill, alpha, color, backgroundMean, backgroundSpread, fillTexture }, planeIndex);
}

export function estimateMatte(layout: CropLayout, stats: CropStats, scheme: FillScheme): Matte {
  const count = Math.max(1, stats.frames);
  const mean = new Float32Array(stats.sum.length);
  const spread = new Float32Array(stats.sum.length);
  for (let index = 0; index < mean.length; index += 1) {
    mean[index] = stats.sum[index]! / count;
    spread[index] = Math.sqrt(Math.max(0, stats.squares[index]! / count - mean[index]! ** 2));
  }
  const [luma, ...chroma] = cropPlanes(layout) as [CropPlane, CropPlane, CropPlane];
  const ringTexture = Float32Array.from(stats.ringTexture, (total) => total / count);
  const lumaMatte = planeMatte(luma, 0, scheme, mean, spread, null, ringTexture);
  const planes = [lumaMatte, ...chroma.map((plane, index) => planeMatte(plane, index + 1, scheme, mean, spread, lumaMatte.alpha, ringTexture))];
  const sorted = Float32Array.from(lumaMatte.backgroundSpread).sort();
  return { planes, motion: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}
