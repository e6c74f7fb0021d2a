import { join } from "node:path";
import { confinedInput } from "./confined-input";
import { evenSize, AAC_AUDIO, H264_VIDEO } from "./output-encoding";
import type { VideoInfo } from "./media-info";
import { runFfmpeg } from "./run-ffmpeg";
import { removeByRestoring, restoreFits } from "./watermarks/restore/remove-by-restoring";
import { writeMaskImage, type MaskedRegion } from "./watermarks/write-mask-image";

export type Region = { x: number; y: number; width: number; height: number };
/** A region to remove, only between `fromSecond` and `toSecond` when given; `mask` is the detected overlay's own pixels. */
export type RemovalRegion = MaskedRegion & { fromSecond?: number | null; toSecond?: number | null };
export type RemovalMethod = "restore" | "delogo" | "blur" | "mask";
type Frame = { width: number; height: number };

export type RemoveWatermarkOptions = {
  inputPath: string;
  outputPath: string;
  info: VideoInfo;
  regions: RemovalRegion[];
  method: RemovalMethod;
  /** A private folder for the mask bitmaps of the `mask` method. */
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

/**
 * The region moved inside the frame so delogo accepts it: delogo interpolates from the pixels
 * around the region, so it needs a 1 px border on every side.
 */
export function clampRegion(region: Region, frame: Frame): Region {
  const x = Math.min(Math.max(1, Math.round(region.x)), frame.width - 2);
  const y = Math.min(Math.max(1, Math.round(region.y)), frame.height - 2);
  const width = Math.max(1, Math.min(Math.round(region.width), frame.width - 1 - x));
  const height = Math.max(1, Math.min(Math.round(region.height), frame.height - 1 - y));
  return { x, y, width, height };
}

/** ffmpeg's timeline option limiting a filter to the region's time span (nothing when it has none). */
function enableOption(region: RemovalRegion): string {
  if (region.fromSecond == null && region.toSecond == null) return "";
  return `:enable='between(t,${region.fromSecond ?? 0},${region.toSecond ?? 1e9})'`;
}

/** A path as a filter option value (`:`, `,`, `'` and `\` escaped). */
function filterPath(path: string): string {
  return path.replace(/[\\:',;[\]]/g, (character) => `\\${character}`);
}

function blurSteps(regions: RemovalRegion[], frame: Frame): string {
  return regions
    .map((region, index) => {
      const { x, y, width, height } = region;
      const radius = Math.max(1, Math.floor(Math.min(width, height) / 4));
      const input = index === 0 ? "" : `[v${index}]`;
      const output = index === regions.length - 1 ? "" : `[v${index + 1}]`;
      const blur = `boxblur=luma_radius=${radius}:luma_power=3:chroma_radius=${Math.floor(radius / 2)}:chroma_power=3`;
      const crop = `crop=${Math.min(width, frame.width - x)}:${Math.min(height, frame.height - y)}:${x}:${y}`;
      return `${input}split=2[base${index}][cut${index}];[cut${index}]${crop},${blur}[blurred${index}];[base${index}][blurred${index}]overlay=${x}:${y}${enableOption(region)}${output}`;
    })
    .join(";");
}

/**
 * The filter graph removing every region with the method (delogo interpolates from the border,
 * blur smears the box, mask repaints only the masked pixels with removelogo), then a 1 px crop when
 * the frame is odd-sized, which H.264 4:2:0 needs.
 */
export function watermarkFilter(regions: RemovalRegion[], frame: Frame, method: Exclude<RemovalMethod, "restore"> = "delogo", maskPaths: string[] = []): string {
  const steps =
    method === "blur"
      ? blurSteps(regions, frame)
      : regions
          .map((region, index) => {
            if (method === "mask") return `removelogo=filename=${filterPath(maskPaths[index] ?? "")}${enableOption(region)}`;
            const { x, y, width, height } = clampRegion(region, frame);
            return `delogo=x=${x}:y=${y}:w=${width}:h=${height}${enableOption(region)}`;
          })
          .join(",");
  const needsCrop = frame.width % 2 !== 0 || frame.height % 2 !== 0;
  return needsCrop ? `${steps},crop=${evenSize(frame.width)}:${evenSize(frame.height)}:0:0` : steps;
}

/**
 * The ffmpeg arguments of a watermark removal (also what the benchmark runs through the bare CLI).
 * Frames pass through with their own timestamps: a file whose timestamps leave long gaps (or whose
 * header overstates its length) is never filled up with duplicated frames.
 */
export function watermarkArgs(
  options: Omit<RemoveWatermarkOptions, "signal" | "onProgress" | "workDir" | "method"> & { method: Exclude<RemovalMethod, "restore"> },
  maskPaths: string[] = [],
): string[] {
  const { info } = options;
  const audio = !info.audio ? ["-an"] : info.audio.codec === "aac" ? ["-c:a", "copy"] : AAC_AUDIO;
  return [
    ...confinedInput(options.inputPath, info.format),
    "-map", "0:v:0", "-map", "0:a:0?",
    "-vf", watermarkFilter(options.regions, info.video, options.method, maskPaths),
    ...H264_VIDEO, "-fps_mode", "passthrough",
    ...audio,
    "-movflags", "+faststart",
    "-y", options.outputPath,
  ];
}

/**
 * Removes every region with the method; H.264/AAC MP4 with the audio copied when it already is AAC.
 * Returns the method used for each region, in order: restore leaves videos too long to keep every
 * frame's box in the work folder, and boxes too large for its fills, to delogo (see restoreFits).
 */
export async function removeWatermark(options: RemoveWatermarkOptions): Promise<RemovalMethod[]> {
  const method = options.method === "restore" && !restoreFits(options.info, options.regions) ? "delogo" : options.method;
  if (method === "restore") {
    await removeByRestoring(options);
    return options.regions.map(() => method);
  }
  const maskPaths: string[] = [];
  if (method === "mask") {
    for (const [index, region] of options.regions.entries()) {
      const path = join(options.workDir, `mask-${index}.png`);
      await writeMaskImage({ path, frame: options.info.video, region });
      maskPaths.push(path);
    }
  }
  await runFfmpeg({
    args: watermarkArgs({ ...options, method }, maskPaths),
    expectedSeconds: options.info.durationSec,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return options.regions.map(() => method);
}
