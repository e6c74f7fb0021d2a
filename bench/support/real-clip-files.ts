import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { H264_VIDEO, evenSize } from "../../lib/media/output-encoding";
import type { RealClip } from "./real-footage";
import { marksGraph, realMarkTruth } from "./real-marks";

const run = promisify(execFile);
type Rect = { x: number; y: number; width: number; height: number };

/**
 * One real clip made ready: trimmed to its seconds, cropped to an even size (never scaled), once clean
 * and once with its marks (both encoded alike, nearly lossless unless the clip names its own quality), the true box of each mark, and both
 * passed once more through the product's own encoding: the clean reference removal is measured against,
 * and the "no removal" output.
 */
export type PreparedClip = {
  frame: { width: number; height: number };
  clean: string;
  marked: string;
  reference: string;
  unremoved: string;
  truths: Rect[];
};

async function encode(ffmpeg: string, input: string[], graph: string, output: string, quality: string[]): Promise<void> {
  await run(ffmpeg, ["-v", "error", "-y", ...input, "-filter_complex", graph, "-map", "[out]", "-an", ...quality, "-fps_mode", "passthrough", output], {
    maxBuffer: 16 * 1024 * 1024,
  });
}

export async function prepareRealClip(ffmpeg: string, clip: RealClip, source: { width: number; height: number }, dir: string): Promise<PreparedClip> {
  const frame = { width: evenSize(source.width), height: evenSize(source.height) };
  const input = [...(clip.start ? ["-ss", String(clip.start)] : []), "-t", String(clip.seconds), "-i", clip.path];
  const master = ["-c:v", "libx264", "-preset", "veryfast", "-crf", String(clip.crf ?? 12), "-pix_fmt", "yuv420p"];
  const base = `[0:v:0]crop=${frame.width}:${frame.height}:0:0,format=yuv420p[base]`;
  const paths = { clean: join(dir, "clean.mp4"), marked: join(dir, "marked.mp4"), reference: join(dir, "reference.mp4"), unremoved: join(dir, "unremoved.mp4") };
  await encode(ffmpeg, input, `${base};${marksGraph([], frame)}`, paths.clean, master);
  await encode(ffmpeg, input, `${base};${marksGraph(clip.marks, frame)}`, paths.marked, master);
  await encode(ffmpeg, ["-i", paths.clean], "[0:v]null[out]", paths.reference, H264_VIDEO);
  await encode(ffmpeg, ["-i", paths.marked], "[0:v]null[out]", paths.unremoved, H264_VIDEO);
  const truths = await Promise.all(clip.marks.map((mark) => realMarkTruth(ffmpeg, mark, frame)));
  return { frame, ...paths, truths };
}
