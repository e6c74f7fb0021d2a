import type { VideoInfo } from "../media-info";
import { packBits } from "./bitmap";
import { findStaticOverlays } from "./find-static-overlays";
import { sampleGrayFrames } from "./sample-gray-frames";

/** A detected mark in source pixels, as File.watermarks lists it. */
export type DetectedWatermark = {
  x: number;
  y: number;
  width: number;
  height: number;
  confidence: number;
  fromSecond: number | null;
  toSecond: number | null;
  /** The overlay's own pixels over the box, at a coarser grid (packed bits); kept for the `mask` method. */
  mask: { width: number; height: number; bits: string };
};

/**
 * Finds static overlays in a video: frames sampled across it are decoded small and gray, the pixel
 * math runs here, and each region comes back in source pixels with a margin of one analysis pixel.
 */
export async function detectWatermarks(options: { inputPath: string; info: VideoInfo; workDir: string; signal: AbortSignal }): Promise<DetectedWatermark[]> {
  const sample = await sampleGrayFrames(options);
  const { width, height } = options.info.video;
  const scaleX = width / sample.width;
  const scaleY = height / sample.height;
  return findStaticOverlays(sample, options.info.durationSec).map(({ box, confidence, fromSecond, toSecond, mask }) => {
    const x = Math.floor(Math.max(0, box.x0 - 1) * scaleX);
    const y = Math.floor(Math.max(0, box.y0 - 1) * scaleY);
    const right = Math.min(width, Math.ceil(Math.min(sample.width, box.x1 + 2) * scaleX));
    const bottom = Math.min(height, Math.ceil(Math.min(sample.height, box.y1 + 2) * scaleY));
    const seconds = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
    return {
      x, y, width: right - x, height: bottom - y, confidence,
      fromSecond: seconds(fromSecond), toSecond: seconds(toSecond),
      mask: { width: mask.width, height: mask.height, bits: packBits(mask) },
    };
  });
}
