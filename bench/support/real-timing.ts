import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { cpuSecondsWithChildren } from "./cpu-time";
import { round, timeMs } from "./measure";
import type { RemovalVariant } from "./real-removal";
import { iconMark, marksGraph, realMarkTruth } from "./real-marks";

/**
 * A 1-minute 1080p clip (the phone video, looped, with Chromium's icon in a corner) removed with bare
 * delogo and with each method over the icon's true box: wall milliseconds and CPU seconds (this process
 * and its ffmpeg runs), each with its ratio to bare delogo. On a busy machine the CPU ratio is the one to trust.
 */
export async function timeRealRemoval(options: { ffmpeg: string; root: string; methods: RemovalVariant[]; workDir: string }) {
  const { ffmpeg, root, methods, workDir } = options;
  const { probeMedia } = await import("../../lib/media/probe-media");
  const frame = { width: 1920, height: 1080 };
  const mark = iconMark({ size: 128, place: "top-right", opacity: 0.7 });
  const input = join(workDir, "long-1080p.mp4");
  const source = join(root, "forensics-samples/original-files/movie1/VID_20191220_170832.mp4");
  await promisify(execFile)(ffmpeg, [
    "-v", "error", "-y", "-stream_loop", "-1", "-i", source, "-t", "60",
    "-filter_complex", `[0:v:0]format=yuv420p[base];${marksGraph([mark], frame)}`, "-map", "[out]", "-an",
    "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p", input,
  ]);
  const info = await probeMedia(input);
  if (info.kind !== "video") throw new Error("the 1080p clip should probe as a video");
  const boxes = [await realMarkTruth(ffmpeg, mark, frame)];
  const times: Record<string, { ms: number; cpu: number }> = {};
  for (const [index, method] of methods.entries()) {
    if (!method.run) continue;
    const run = method.run;
    const cpuBefore = cpuSecondsWithChildren();
    const ms = await timeMs(() => run({ ffmpeg, inputPath: input, outputPath: join(workDir, `long-${index}.mp4`), info, boxes, workDir }));
    times[method.name] = { ms, cpu: cpuSecondsWithChildren() - cpuBefore };
  }
  const baseline = times["ffmpeg delogo"] ?? { ms: 1, cpu: 1 };
  return Object.fromEntries(
    Object.entries(times).map(([name, { ms, cpu }]) => [name, { ms: round(ms), ratio: round(ms / baseline.ms, 2), cpuSeconds: round(cpu), cpuRatio: round(cpu / baseline.cpu, 2) }]),
  );
}
