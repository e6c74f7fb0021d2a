import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { confinedInput } from "../confined-input";
import type { VideoInfo } from "../media-info";
import { runFfmpeg } from "../run-ffmpeg";

/** Frames decoded small and gray for analysis, with the second each is shown at. */
export type GrayFrames = { width: number; height: number; frames: Uint8Array[]; seconds: number[] };

/** Width the analysis works at: enough for a channel bug, small enough to decode a long 1080p clip fast. */
const ANALYSIS_WIDTH = 384;
/** With fewer keyframes than this, every frame is decoded and some are kept instead. */
const MIN_KEYFRAME_SAMPLES = 28;
const TARGET_SAMPLES = 96;
/** Sampled frames closer than this are too alike to add evidence. */
const MIN_SAMPLE_SECONDS = 0.05;

export function analysisSize(frame: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, ANALYSIS_WIDTH / frame.width);
  const even = (value: number) => Math.max(2, 2 * Math.round((value * scale) / 2));
  return { width: even(frame.width), height: even(frame.height) };
}

type DecodeOptions = { inputPath: string; info: VideoInfo; workDir: string; signal: AbortSignal };

/** The seconds of each frame, from a framemd5 listing (`#tb 0: 1/25` then `stream, dts, pts, …` lines). */
function frameSeconds(listing: string): number[] {
  const [num, den] = (/^#tb 0: (\d+)\/(\d+)/m.exec(listing) ?? ["", "1", "1"]).slice(1).map(Number);
  return listing
    .split("\n")
    .filter((line) => /^\d+,/.test(line))
    .map((line) => (Number(line.split(",")[2]) * (num ?? 1)) / (den || 1));
}

async function decode(options: DecodeOptions, mode: "keyframes" | "sampled"): Promise<GrayFrames> {
  const { inputPath, info, workDir, signal } = options;
  const { width, height } = analysisSize(info.video);
  const pixels = join(workDir, `frames-${mode}.gray`);
  const listing = join(workDir, `frames-${mode}.txt`);
  const interval = Math.max(MIN_SAMPLE_SECONDS, info.durationSec / TARGET_SAMPLES).toFixed(4);
  // Frames at least `interval` apart (never duplicated to fill gaps, as the fps filter would).
  const sample = `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${interval})',`;
  const input = confinedInput(inputPath, info.format);
  // Deblocking is skipped: it costs a third of the decode and changes nothing at this scale.
  const decoding = ["-skip_loop_filter", "all", "-flags2", "fast", ...(mode === "keyframes" ? ["-skip_frame", "nokey"] : [])];
  const perOutput = ["-fps_mode", "passthrough", "-an"];
  await runFfmpeg({
    args: [
      ...decoding, ...input,
      "-filter_complex", `[0:v:0]${sample}scale=${width}:${height}:flags=area,format=gray,split[frames][times]`,
      "-map", "[frames]", ...perOutput, "-f", "rawvideo", "-y", pixels,
      "-map", "[times]", ...perOutput, "-f", "framemd5", "-y", listing,
    ],
    expectedSeconds: 0,
    signal,
  });
  const [bytes, seconds] = await Promise.all([readFile(pixels), readFile(listing, "utf8").then(frameSeconds)]);
  await Promise.all([rm(pixels, { force: true }), rm(listing, { force: true })]);
  const frameBytes = width * height;
  const count = Math.min(seconds.length, Math.floor(bytes.length / frameBytes));
  const frames = Array.from({ length: count }, (_, index) => new Uint8Array(bytes.buffer, bytes.byteOffset + index * frameBytes, frameBytes));
  return { width, height, frames, seconds: seconds.slice(0, count) };
}

/**
 * Gray frames spread across the whole video: its keyframes alone when there are enough of them (not
 * decoding the rest is what keeps a long 1080p clip within seconds), otherwise a few frames per second
 * of a full decode.
 */
export async function sampleGrayFrames(options: DecodeOptions): Promise<GrayFrames> {
  const keyframes = await decode(options, "keyframes");
  if (keyframes.frames.length >= MIN_KEYFRAME_SAMPLES) return keyframes;
  return decode(options, "sampled");
}
