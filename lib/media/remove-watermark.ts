import { confinedInput } from "./confined-input";
import { evenSize } from "./even-size";
import type { VideoInfo } from "./media-info";
import { runFfmpeg } from "./run-ffmpeg";
import { AAC_AUDIO, H264_VIDEO } from "./output-encoding";

export type Region = { x: number; y: number; width: number; height: number };

export type RemoveWatermarkOptions = {
  inputPath: string;
  outputPath: string;
  info: VideoInfo;
  region: Region;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

/**
 * The region moved inside the frame so delogo accepts it: delogo interpolates from the pixels
 * around the region, so it needs a 1 px border on every side.
 */
export function clampRegion(region: Region, frame: { width: number; height: number }): Region {
  const x = Math.min(Math.max(1, Math.round(region.x)), frame.width - 2);
  const y = Math.min(Math.max(1, Math.round(region.y)), frame.height - 2);
  const width = Math.max(1, Math.min(Math.round(region.width), frame.width - 1 - x));
  const height = Math.max(1, Math.min(Math.round(region.height), frame.height - 1 - y));
  return { x, y, width, height };
}

/** The delogo filter graph (with a 1 px crop when the frame is odd-sized, which H.264 4:2:0 needs). */
export function watermarkFilter(region: Region, frame: { width: number; height: number }): string {
  const { x, y, width, height } = clampRegion(region, frame);
  const delogo = `delogo=x=${x}:y=${y}:w=${width}:h=${height}`;
  const needsCrop = frame.width % 2 !== 0 || frame.height % 2 !== 0;
  return needsCrop ? `${delogo},crop=${evenSize(frame.width)}:${evenSize(frame.height)}:0:0` : delogo;
}

/**
 * The ffmpeg arguments of a watermark removal (also what the benchmark runs through the bare CLI).
 * Frames pass through with their own timestamps: a file whose timestamps leave long gaps (or whose
 * header overstates its length) is never filled up with duplicated frames.
 */
export function watermarkArgs(options: Omit<RemoveWatermarkOptions, "signal" | "onProgress">): string[] {
  const { info } = options;
  const audio = !info.audio ? ["-an"] : info.audio.codec === "aac" ? ["-c:a", "copy"] : AAC_AUDIO;
  return [
    ...confinedInput(options.inputPath, info.format),
    "-map", "0:v:0", "-map", "0:a:0?",
    "-vf", watermarkFilter(options.region, info.video),
    ...H264_VIDEO, "-fps_mode", "passthrough",
    ...audio,
    "-movflags", "+faststart",
    "-y", options.outputPath,
  ];
}

/** Covers the region with delogo on every frame; H.264/AAC MP4 with the audio copied when it already is AAC. */
export async function removeWatermark(options: RemoveWatermarkOptions): Promise<void> {
  await runFfmpeg({
    args: watermarkArgs(options),
    expectedSeconds: options.info.durationSec,
    signal: options.signal,
    onProgress: options.onProgress,
  });
}
