import { join } from "node:path";
import { AppError } from "../errors";
import { confinedInput } from "./confined-input";
import type { MediaInfo } from "./media-info";
import { openImage } from "./open-image";
import { runFfmpeg } from "./run-ffmpeg";

export type MakeThumbnailOptions = {
  inputPath: string;
  outputPath: string;
  /** The input as the probe described it (which decides the decoder). */
  info: MediaInfo;
  width: number;
  /** Videos only: where to take the frame; clamped to the duration. */
  atSecond: number;
  /** A private folder for the extracted frame. */
  workDir: string;
  signal: AbortSignal;
};

/** Seconds of a video it is safe to seek to: before the last frame, never negative. */
function clampSecond(atSecond: number, durationSec: number): number {
  return Math.max(0, Math.min(atSecond, durationSec - 0.25));
}

/** A WebP `width` pixels wide (aspect kept): an image through sharp, a video's frame via ffmpeg then sharp. */
export async function makeThumbnail(options: MakeThumbnailOptions): Promise<{ width: number; height: number; size: number }> {
  const { info } = options;
  let source = options.inputPath;
  if (info.kind === "video") {
    source = join(options.workDir, "frame.png");
    const at = clampSecond(options.atSecond, info.durationSec);
    const args = ["-ss", at.toFixed(3), ...confinedInput(options.inputPath, info.format), "-frames:v", "1", "-an", "-f", "image2", "-c:v", "png", "-y", source];
    await runFfmpeg({ args, expectedSeconds: 0, signal: options.signal });
  }
  try {
    const image = await openImage(source).rotate().resize({ width: options.width }).webp({ quality: 82 }).toFile(options.outputPath);
    return { width: image.width, height: image.height, size: image.size };
  } catch (error) {
    throw new AppError("invalid_input", undefined, `could not read the image: ${String(error).slice(0, 300)}`);
  }
}
