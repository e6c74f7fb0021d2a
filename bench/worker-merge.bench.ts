/**
 * Merging four compatible 5 s 720p clips: the product's stream-copy path against a re-encode of the
 * same clips (ffmpeg concat filter, libx264 veryfast) and against plain `cp` of the inputs.
 */
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { benchEnvironment } from "./support/bench-environment";
import { median, round, timeMs } from "./support/measure";

const run = promisify(execFile);
const RUNS = 3;
const CLIPS = 4;

export default async function benchMerge() {
  const { dataDir } = await benchEnvironment();
  const { makeVideo } = await import("../tests/support/media-fixtures");
  const { ffmpegPaths } = await import("../lib/media/ffmpeg-paths");
  const { probeMedia } = await import("../lib/media/probe-media");
  const { mergeVideos } = await import("../lib/media/merge-videos");
  const { planMerge } = await import("../lib/media/plan-merge");
  const clip = await makeVideo({ seconds: 5, width: 1280, height: 720, fps: 30, audio: true });
  const info = await probeMedia(clip);
  if (info.kind !== "video") throw new Error("the generated clip should probe as a video");
  const inputs = Array.from({ length: CLIPS }, () => ({ path: clip, info }));
  const workDir = join(dataDir, "bench-merge");
  await mkdir(workDir, { recursive: true });
  const outputPath = join(workDir, "merged.mp4");
  const graph = `${inputs.map((_, index) => `[${index}:v][${index}:a]`).join("")}concat=n=${CLIPS}:v=1:a=1[v][a]`;
  const reencode = () =>
    run(ffmpegPaths().ffmpeg, [
      "-v", "error", ...inputs.flatMap((input) => ["-i", input.path]), "-filter_complex", graph, "-map", "[v]", "-map", "[a]",
      "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-c:a", "aac", "-movflags", "+faststart", "-y", join(workDir, "reencoded.mp4"),
    ]);
  const plan = planMerge(inputs.map((input) => input.info));
  const copy = () => mergeVideos({ inputs, plan, outputPath, workDir, signal: new AbortController().signal });
  const cp = () => Promise.all(inputs.map((input, index) => run("cp", [input.path, join(workDir, `copy-${index}.mp4`)])));
  await copy();
  const figures = { streamCopy: [] as number[], reencode: [] as number[], cp: [] as number[] };
  for (let attempt = 0; attempt < RUNS; attempt += 1) {
    figures.streamCopy.push(await timeMs(copy));
    figures.reencode.push(await timeMs(reencode));
    figures.cp.push(await timeMs(cp));
  }
  return {
    input: `${CLIPS} × 5 s, 1280×720, 30 fps, H.264/AAC`,
    productPath: plan.mode,
    streamCopyMedianMs: round(median(figures.streamCopy)),
    reencodeMedianMs: round(median(figures.reencode)),
    cpMedianMs: round(median(figures.cp)),
    reencodeOverCopy: round(median(figures.reencode) / median(figures.streamCopy), 1),
  };
}
