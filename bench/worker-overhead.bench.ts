/**
 * Watermark removal through the product (lib/media, ffmpeg in its own process group, progress parsing) against the
 * bare ffmpeg CLI running the identical arguments on the same 10 s 720p clip. Goal: ≤ 1.05×.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { benchEnvironment } from "./support/bench-environment";
import { median, round, timeMs } from "./support/measure";

/** Alternating runs; the minimum is the figure least disturbed by other load on a shared machine. */
const RUNS = 9;

export default async function benchWatermarkOverhead() {
  const { dataDir } = await benchEnvironment();
  const { makeVideo } = await import("../tests/support/media-fixtures");
  const { ffmpegPaths } = await import("../lib/media/ffmpeg-paths");
  const { probeMedia } = await import("../lib/media/probe-media");
  const { removeWatermark, watermarkArgs } = await import("../lib/media/remove-watermark");
  const inputPath = await makeVideo({ seconds: 10, width: 1280, height: 720, fps: 30, audio: true });
  const info = await probeMedia(inputPath);
  if (info.kind !== "video") throw new Error("the generated clip should probe as a video");
  const region = { x: 1000, y: 40, width: 240, height: 90 };
  const outputPath = join(dataDir, "bench-watermark.mp4");
  const cli = () => promisify(execFile)(ffmpegPaths().ffmpeg, ["-hide_banner", "-loglevel", "info", ...watermarkArgs({ inputPath, outputPath, info, regions: [region], method: "delogo" })]);
  let progressUpdates = 0;
  const product = () =>
    removeWatermark({ inputPath, outputPath, info, regions: [region], method: "delogo", workDir: dataDir, signal: new AbortController().signal, onProgress: () => (progressUpdates += 1) });
  await cli(); // warm the page cache and ffmpeg's first start
  const cliMs: number[] = [];
  const productMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    cliMs.push(await timeMs(cli));
    productMs.push(await timeMs(product));
  }
  return {
    input: "10 s, 1280×720, 30 fps, AAC; delogo 240×90, libx264 veryfast",
    runs: RUNS,
    cliMinMs: round(Math.min(...cliMs)),
    productMinMs: round(Math.min(...productMs)),
    ratioOfMinimums: round(Math.min(...productMs) / Math.min(...cliMs), 3),
    cliMedianMs: round(median(cliMs)),
    productMedianMs: round(median(productMs)),
    ratioOfMedians: round(median(productMs) / median(cliMs), 3),
    progressUpdatesPerRun: Math.round(progressUpdates / RUNS),
    goal: "ratio ≤ 1.05",
  };
}
