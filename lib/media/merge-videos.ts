import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { confinedInput, DEMUXER_WHITELIST } from "./confined-input";
import type { VideoInfo } from "./media-info";
import { planMerge, type MergePlan } from "./plan-merge";
import { runFfmpeg } from "./run-ffmpeg";

export type MergeVideosOptions = {
  inputs: { path: string; info: VideoInfo }[];
  outputPath: string;
  /** A private folder for the concat list. */
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

const ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "160k"];

/**
 * Every input scaled and padded to the plan's frame and rate, then concatenated. No length comes from
 * the headers (which may overstate it): the concat filter pads each segment's audio with silence to the
 * segment's real video, a silent input contributes a moment of silence that padding stretches, and the
 * final `apad` with `-shortest` ends the sound with the last frame.
 */
function normalisingGraph(inputs: MergeVideosOptions["inputs"], plan: Extract<MergePlan, { mode: "encode" }>): string {
  const { width, height, fps } = plan;
  const parts = inputs.map(({ info }, index) => {
    const video =
      `[${index}:v:0]scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
      `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${fps},format=yuv420p,setpts=PTS-STARTPTS[v${index}]`;
    const audio = info.audio
      ? `[${index}:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=PTS-STARTPTS[a${index}]`
      : `anullsrc=r=48000:cl=stereo,atrim=duration=0.05[a${index}]`;
    return `${video};${audio}`;
  });
  const joined = inputs.map((_, index) => `[v${index}][a${index}]`).join("");
  return `${parts.join(";")};${joined}concat=n=${inputs.length}:v=1:a=1[v][joined];[joined]apad[a]`;
}

/** The concat demuxer's list of our own inputs; each input is held to the demuxer allowlist again. */
function concatList(inputs: MergeVideosOptions["inputs"]): string {
  const lines = inputs.map(({ path }) => `file 'file:${path.replaceAll("'", "'\\''")}'\noption format_whitelist ${DEMUXER_WHITELIST}`);
  return `ffconcat version 1.0\n${lines.join("\n")}\n`;
}

/** Joins the videos in order: stream copy when they are compatible, one normalising encode otherwise. */
export async function mergeVideos(options: MergeVideosOptions): Promise<MergePlan> {
  const { inputs, outputPath, signal, onProgress } = options;
  const plan = planMerge(inputs.map((input) => input.info));
  const expectedSeconds = inputs.reduce((sum, input) => sum + input.info.durationSec, 0);
  if (plan.mode === "copy") {
    const listPath = join(options.workDir, "concat.txt");
    await writeFile(listPath, concatList(inputs));
    // Our own list needs the concat demuxer; the files it names get only the allowlist (see concatList).
    const input = ["-protocol_whitelist", "file", "-format_whitelist", `concat,${DEMUXER_WHITELIST}`, "-f", "concat", "-safe", "0", "-i", `file:${listPath}`];
    const args = [...input, "-map", "0", "-c", "copy", "-movflags", "+faststart", "-y", outputPath];
    await runFfmpeg({ args, expectedSeconds, signal, onProgress });
    return plan;
  }
  const args = [
    ...inputs.flatMap(({ path, info }) => confinedInput(path, info.format)),
    "-filter_complex", normalisingGraph(inputs, plan),
    "-map", "[v]", "-map", "[a]", ...ENCODE, "-shortest", "-movflags", "+faststart", "-y", outputPath,
  ];
  await runFfmpeg({ args, expectedSeconds, signal, onProgress });
  return plan;
}
