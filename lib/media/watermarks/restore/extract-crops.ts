import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { confinedInput } from "../../confined-input";
import type { VideoInfo } from "../../media-info";
import { runFfmpeg } from "../../run-ffmpeg";
import type { CropLayout } from "./crop-layout";

/** Each frame's time (seconds, in the video's own time base: exact), in order. */
export type ExtractedCrops = { paths: string[]; seconds: number[] };

type ExtractOptions = {
  inputPath: string;
  info: VideoInfo;
  layouts: CropLayout[];
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

/** The frames' times from a framecrc listing (`#tb 0: 1/90000`, then `stream, dts, pts, …`). */
function frameSeconds(listing: string): number[] {
  const [num, den] = (/^#tb 0: (\d+)\/(\d+)/m.exec(listing) ?? ["", "1", "25"]).slice(1).map(Number) as [number, number];
  return listing
    .split("\n")
    .filter((line) => /^\d+,/.test(line))
    .map((line) => (Number(line.split(",")[2]) * num) / den);
}

/**
 * One decode of the video writing every frame's crop of each layout as raw yuv420p (frames keep
 * their order; none is dropped or duplicated) and each frame's time, listed in the decoder's own time
 * base (an encoder's would round a variable frame rate's times to its nominal rate).
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
      "-map", "[tick]", "-fps_mode", "passthrough", "-enc_time_base:v", "-1", "-f", "framecrc", "-y", listing,
    ],
    expectedSeconds: info.durationSec,
    signal,
    onProgress,
  });
  const seconds = frameSeconds(await readFile(listing, "utf8"));
  await rm(listing, { force: true });
  return { paths, seconds };
}
