import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { AppError } from "../errors";
import { confinedInput } from "./confined-input";
import type { VideoInfo } from "./media-info";
import { watermarkFilter, type RemovalMethod, type RemovalRegion } from "./remove-watermark";
import { runFfmpeg } from "./run-ffmpeg";
import { restorePreviewBoxes } from "./watermarks/restore/preview-restore";
import { restoreFits } from "./watermarks/restore/remove-by-restoring";
import { writeMaskImage } from "./watermarks/write-mask-image";

export type PreviewWatermarkRemovalOptions = {
  inputPath: string;
  info: VideoInfo;
  /** The regions as removeWatermark takes them (already resolved: "auto" is the detected regions). */
  regions: RemovalRegion[];
  method: RemovalMethod;
  /** The moment of the video to show; clamped to before its last frame. */
  atSecond: number;
  /** A private folder: the frames are written here. */
  workDir: string;
  signal: AbortSignal;
};

export type PreviewFrames = { beforePath: string; afterPath: string; atSecond: number };

/** Seconds of a video it is safe to seek to: before the last frame, never negative. */
function previewSecond(atSecond: number, durationSec: number): number {
  return Math.max(0, Math.min(atSecond, durationSec - 0.25));
}

/** Whether a region's time span covers `second` (the same inclusive test as the task's `between(t, …)`). */
const activeAt = (region: RemovalRegion, second: number) => (region.fromSecond ?? 0) <= second && second <= (region.toSecond ?? Infinity);

/**
 * One frame of the video at `atSecond` before and after removal, as WebP files the video's size. The
 * after frame goes through the filter graph removeWatermark runs on the whole video (watermarkFilter),
 * with the regions whose time span covers that moment, and restore's boxes laid over it; both come
 * from one decode that seeks to the moment before reading, so a long video costs no more than a short one.
 */
export async function previewWatermarkRemoval(options: PreviewWatermarkRemovalOptions): Promise<PreviewFrames> {
  const { info, workDir, signal, method } = options;
  const atSecond = previewSecond(options.atSecond, info.durationSec);
  const regions = options.regions.filter((region) => activeAt(region, atSecond)).map((region) => ({ ...region, fromSecond: null, toSecond: null }));
  const maskPaths: string[] = [];
  if (method === "mask") {
    for (const [index, region] of regions.entries()) {
      maskPaths.push(join(workDir, `preview-mask-${index}.png`));
      await writeMaskImage({ path: maskPaths[index]!, frame: info.video, region });
    }
  }
  // Restore learns the mark from the video's frames: a sample of them stands in for all. A region whose
  // frame could not be read at that moment gets delogo, as a video too long or a box too large for restore does in the task.
  const restoring = method === "restore" && regions.length > 0 && restoreFits(info, options.regions);
  const restored = restoring ? await restorePreviewBoxes({ inputPath: options.inputPath, info, regions, atSecond, workDir, signal }) : [];
  const filtered = restoring ? regions.filter((_, index) => restored[index] === null) : regions;
  const removal = filtered.length === 0 ? "null" : watermarkFilter(filtered, info.video, method === "restore" ? "delogo" : method, maskPaths);
  const boxes = restored.filter((box) => box !== null);
  const boxInputs: string[] = [];
  for (const [index, { layout, box }] of boxes.entries()) {
    const path = join(workDir, `preview-box-${index}.yuv`);
    await writeFile(path, box);
    boxInputs.push("-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", `${layout.box.width}x${layout.box.height}`, "-i", `file:${path}`);
  }
  const overlays = boxes.map(({ layout }, index) => `[w${index}][${index + 1}:v]overlay=${layout.box.x}:${layout.box.y}:format=yuv420[w${index + 1}]`);
  const work = boxes.length === 0 ? `[work]${removal}[after]` : [`[work]format=yuv420p,${removal}[w0]`, ...overlays, `[w${boxes.length}]null[after]`].join(";");
  const pngs = { before: join(workDir, "before.png"), after: join(workDir, "after.png") };
  const args = [
    "-ss", atSecond.toFixed(3), ...confinedInput(options.inputPath, info.format), ...boxInputs,
    "-filter_complex", `[0:v:0]split=2[before][work];${work}`,
    "-map", "[before]", "-frames:v", "1", "-f", "image2", "-c:v", "png", "-y", pngs.before,
    "-map", "[after]", "-frames:v", "1", "-f", "image2", "-c:v", "png", "-y", pngs.after,
  ];
  await runFfmpeg({ args, expectedSeconds: 0, signal });
  const frames = { beforePath: join(workDir, "before.webp"), afterPath: join(workDir, "after.webp"), atSecond };
  try {
    await sharp(pngs.before).webp({ quality: 85 }).toFile(frames.beforePath);
    await sharp(pngs.after).webp({ quality: 85 }).toFile(frames.afterPath);
  } catch (error) {
    throw new AppError("invalid_input", undefined, `no frame at ${atSecond} s: ${String(error).slice(0, 300)}`);
  }
  return frames;
}
