import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { confinedInput } from "../../confined-input";
import type { VideoInfo } from "../../media-info";
import { runFfmpeg } from "../../run-ffmpeg";
import type { CropLayout } from "./crop-layout";

/** The frames' pace: frames per second as ffmpeg's fraction, and the first frame's index at that pace. */
export type FrameTiming = { rate: string; startFrame: number; seconds: number[] };

export type ExtractedCrops = { paths: string[]; timing: FrameTiming };

type ExtractOptions = {
  inputPath: string;
  info: VideoInfo;
  layouts: CropLayout[];
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

/**
 * The frames' timing from a framecrc listing (`#tb 0: 1/25`, then `stream, dts, pts, …`): the exact
 * rate when every frame lasts as long (constant frame rate), else the average one.
 */
export function frameTiming(listing: string): FrameTiming {
  const [num, den] = (/^#tb 0: (\d+)\/(\d+)/m.exec(listing) ?? ["", "1", "25"]).slice(1).map(Number) as [number, number];
  const pts = listing
    .split("\n")
    .filter((line) => /^\d+,/.test(line))
    .map((line) => Number(line.split(",")[2]));
  const seconds = pts.map((value) => (value * num) / den);
  const steps = new Set(pts.slice(1).map((value, index) => value - pts[index]!));
  const [step] = [...steps];
  const constant = steps.size === 1 && step !== undefined && step > 0;
  const span = (seconds.at(-1) ?? 0) - (seconds[0] ?? 0);
  const rate = constant ? `${den}/${num * step}` : `${Math.max(1, Math.round(((pts.length - 1) / (span || 1)) * 1000))}/1000`;
  const [rateNum, rateDen] = rate.split("/").map(Number) as [number, number];
  return { rate, startFrame: Math.round(((seconds[0] ?? 0) * rateNum) / rateDen), seconds };
}

/**
 * One decode of the video writing every frame's crop of each layout as raw yuv420p (frames keep
 * their order; none is dropped or duplicated) and the frames' timing.
 */
export async function extractCrops({ inputPath, info, layouts, workDir, signal, onProgress }: ExtractOptions): Promise<ExtractedCrops> {
  const paths = layouts.map((_, index) => join(workDir, `crop-${index}.yuv`));
  const listing = join(workDir, "crop-timing.txt");
  const labels = layouts.map((_, index) => `[in${index}]`).join("");
  const crops = layouts.map(({ crop }, index) => `[in${index}]crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}[crop${index}]`);
  const outputs = layouts.flatMap((_, index) => ["-map", `[crop${index}]`, "-fps_mode", "passthrough", "-f", "rawvideo", "-y", paths[index]!]);
  await runFfmpeg({
    args: [
      ...confinedInput(inputPath, info.format),
      "-filter_complex", [`[0:v:0]format=yuv420p,split=${layouts.length + 1}[timing]${labels}`, "[timing]crop=2:2:0:0[tick]", ...crops].join(";"),
      ...outputs,
      "-map", "[tick]", "-fps_mode", "passthrough", "-f", "framecrc", "-y", listing,
    ],
    expectedSeconds: info.durationSec,
    signal,
    onProgress,
  });
  const timing = frameTiming(await readFile(listing, "utf8"));
  await rm(listing, { force: true });
  return { paths, timing };
}
