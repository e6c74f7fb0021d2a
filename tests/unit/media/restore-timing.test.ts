import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";
import { probeMedia } from "@/lib/media/probe-media";
import { removeWatermark } from "@/lib/media/remove-watermark";
import { grayFrame, meanLumaDifference } from "../../support/frame-luma";
import { makeWatermarkedClip, markTruth, textMark, type ClipSpec } from "../../support/watermark-clips";

const run = promisify(execFile);
const size = { width: 640, height: 360 };

/** The clip as a phone writes it: a long pause after the first frame, then 25 frames a second. */
async function pausedAfterFirstFrame(path: string): Promise<string> {
  const output = join(await mkdtemp(join(tmpdir(), "clipclean-vfr-")), "paused.mp4");
  await run(ffmpegPaths().ffmpeg, [
    "-v", "error", "-y", "-i", path, "-vf", "setpts='(N+6*gt(N,0))/(25*TB)'", "-fps_mode", "passthrough",
    "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-enc_time_base:v", "1/90000", output,
  ]);
  return output;
}

async function frameTimes(path: string): Promise<string[]> {
  const args = ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=best_effort_timestamp_time", "-of", "default=nw=1:nk=1", path];
  return (await run(ffmpegPaths().ffprobe, args)).stdout.split("\n").filter((line) => /^\d/.test(line));
}

test("restore keeps a variable frame rate's timestamps, and each frame's box lands on its own frame", async () => {
  const handle = textMark({ text: "@clipclean", x: 400, y: 300, size: 34, opacity: 0.55 });
  const spec: ClipSpec = { background: "scrolled-testsrc", marks: [handle], seconds: 3 };
  const [clip, clean, truth] = await Promise.all([
    makeWatermarkedClip(spec).then(pausedAfterFirstFrame),
    makeWatermarkedClip({ ...spec, marks: [] }).then(pausedAfterFirstFrame),
    markTruth(handle, size),
  ]);
  const info = await probeMedia(clip);
  if (info.kind !== "video") throw new Error("the clip should probe as a video");
  const workDir = await mkdtemp(join(tmpdir(), "clipclean-restore-"));
  const outputPath = join(workDir, "restored.mp4");
  const region = { x: truth.x - 3, y: truth.y - 3, width: truth.width + 6, height: truth.height + 6 };
  const methods = await removeWatermark({ inputPath: clip, outputPath, info, regions: [region], method: "restore", workDir, signal: new AbortController().signal });
  expect(methods).toEqual(["restore"]);
  const [times, sourceTimes] = await Promise.all([frameTimes(outputPath), frameTimes(clip)]);
  expect(times.slice(0, 3)).toEqual(["0.000000", "0.280000", "0.320000"]);
  expect(times).toEqual(sourceTimes);
  for (const second of [0.28, 1.6, 2.4]) {
    const reference = await grayFrame(clean, second, size);
    const markError = meanLumaDifference(reference, await grayFrame(clip, second, size), truth, "inside");
    expect(meanLumaDifference(reference, await grayFrame(outputPath, second, size), truth, "inside"), `at ${second} s`).toBeLessThan(markError * 0.6);
  }
});
