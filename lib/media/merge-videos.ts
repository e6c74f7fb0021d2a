import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { confinedInput, DEMUXER_WHITELIST } from "./confined-input";
import { measureContentSeconds } from "./measure-content-seconds";
import type { VideoInfo } from "./media-info";
import type { MergePlan } from "./plan-merge";
import { runFfmpeg } from "./run-ffmpeg";
import { AAC_AUDIO, H264_VIDEO } from "./output-encoding";

export type MergeVideosOptions = {
  inputs: { path: string; info: VideoInfo }[];
  /** planMerge of the inputs' infos, made once by the caller (which also reports it). */
  plan: MergePlan;
  outputPath: string;
  /** A private folder for the concat list. */
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};


type MeasuredInput = MergeVideosOptions["inputs"][number] & { seconds: number };

/**
 * Every input scaled and padded to the plan's frame and rate, cut to its real length, its sound padded
 * (or silence made) to match. The lengths are measured, never the headers' (which may overstate them).
 */
function normalisingGraph(inputs: MeasuredInput[], plan: Extract<MergePlan, { mode: "encode" }>): string {
  const { width, height, fps } = plan;
  const parts = inputs.map(({ info, seconds: length }, index) => {
    const seconds = length.toFixed(3);
    const video =
      `[${index}:v:0]scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
      `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${fps},format=yuv420p,trim=duration=${seconds},setpts=PTS-STARTPTS[v${index}]`;
    const audio = info.audio
      ? `[${index}:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,atrim=duration=${seconds},asetpts=PTS-STARTPTS[a${index}]`
      : `anullsrc=r=48000:cl=stereo,atrim=duration=${seconds}[a${index}]`;
    return `${video};${audio}`;
  });
  const joined = inputs.map((_, index) => `[v${index}][a${index}]`).join("");
  return `${parts.join(";")};${joined}concat=n=${inputs.length}:v=1:a=1[v][a]`;
}

/** A header that claims this much more than the packets hold is not believed. */
const OVERSTATED_BY_SECONDS = 1;

/**
 * The concat demuxer's list of our own inputs; each input is held to the demuxer allowlist again. The
 * demuxer starts each file where the previous one's header says it ends: an overstated header gets
 * the measured length instead, so no gap opens in the joined timeline.
 */
function concatList(inputs: MeasuredInput[]): string {
  const lines = inputs.map(({ path, info, seconds }) => {
    const entry = `file 'file:${path.replaceAll("'", "'\\''")}'\noption format_whitelist ${DEMUXER_WHITELIST}`;
    return seconds < info.durationSec - OVERSTATED_BY_SECONDS ? `${entry}\nduration ${seconds.toFixed(3)}` : entry;
  });
  return `ffconcat version 1.0\n${lines.join("\n")}\n`;
}

/** Joins the videos in order: stream copy when they are compatible, one normalising encode otherwise. */
export async function mergeVideos(options: MergeVideosOptions): Promise<void> {
  const { inputs, plan, outputPath, signal, onProgress } = options;
  const measured: MeasuredInput[] = [];
  for (const input of inputs) measured.push({ ...input, seconds: await measureContentSeconds(input.path, input.info, signal) });
  const expectedSeconds = measured.reduce((sum, input) => sum + input.seconds, 0);
  if (plan.mode === "copy") {
    const listPath = join(options.workDir, "concat.txt");
    await writeFile(listPath, concatList(measured));
    // Our own list needs the concat demuxer; the files it names get only the allowlist (see concatList).
    const input = ["-protocol_whitelist", "file", "-format_whitelist", `concat,${DEMUXER_WHITELIST}`, "-f", "concat", "-safe", "0", "-i", `file:${listPath}`];
    const args = [...input, "-map", "0", "-c", "copy", "-movflags", "+faststart", "-y", outputPath];
    await runFfmpeg({ args, expectedSeconds, signal, onProgress });
    return;
  }
  const args = [
    ...inputs.flatMap(({ path, info }) => confinedInput(path, info.format)),
    "-filter_complex", normalisingGraph(measured, plan),
    "-map", "[v]", "-map", "[a]", ...H264_VIDEO, ...AAC_AUDIO, "-movflags", "+faststart", "-y", outputPath,
  ];
  await runFfmpeg({ args, expectedSeconds, signal, onProgress });
}
