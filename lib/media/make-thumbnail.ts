import { join } from "node:path";
import sharp from "sharp";
import { AppError } from "../errors";
import { runFfmpeg } from "./run-ffmpeg";

export type MakeThumbnailOptions = {
  inputPath: string;
  outputPath: string;
  kind: "video" | "image";
  width: number;
  /** Videos only: where to take the frame; clamped to the duration. */
  atSecond?: number;
  durationSec?: number | null;
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
  let source = options.inputPath;
  if (options.kind === "video") {
    source = join(options.workDir, "frame.png");
    const at = clampSecond(options.atSecond ?? 1, options.durationSec ?? 0);
    const args = ["-ss", at.toFixed(3), "-i", options.inputPath, "-frames:v", "1", "-an", "-f", "image2", "-c:v", "png", "-y", source];
    await runFfmpeg({ args, expectedSeconds: 0, signal: options.signal });
  }
  try {
    const info = await sharp(source).rotate().resize({ width: options.width }).webp({ quality: 82 }).toFile(options.outputPath);
    return { width: info.width, height: info.height, size: info.size };
  } catch (error) {
    throw new AppError("invalid_input", undefined, `could not read the image: ${String(error).slice(0, 300)}`);
  }
}
