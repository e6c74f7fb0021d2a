import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MediaInfo } from "./inspect-media";
import { planMerge, type MergePlan } from "./plan-merge";
import { runFfmpeg } from "./run-ffmpeg";

export type MergeVideosOptions = {
  inputs: { path: string; info: MediaInfo }[];
  outputPath: string;
  /** A private folder for the concat list. */
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

const ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "160k"];

function normalisingGraph(inputs: MergeVideosOptions["inputs"], plan: Extract<MergePlan, { mode: "encode" }>): string {
  const { width, height, fps } = plan;
  const parts = inputs.map(({ info }, index) => {
    const seconds = info.durationSec.toFixed(3);
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

/** Joins the videos in order: stream copy when they are compatible, one normalising encode otherwise. */
export async function mergeVideos(options: MergeVideosOptions): Promise<MergePlan> {
  const { inputs, outputPath, signal, onProgress } = options;
  const plan = planMerge(inputs.map((input) => input.info));
  const expectedSeconds = inputs.reduce((sum, input) => sum + input.info.durationSec, 0);
  if (plan.mode === "copy") {
    const listPath = join(options.workDir, "concat.txt");
    const list = inputs.map((input) => `file '${input.path.replaceAll("'", "'\\''")}'`).join("\n");
    await writeFile(listPath, `${list}\n`);
    const args = ["-f", "concat", "-safe", "0", "-i", listPath, "-map", "0", "-c", "copy", "-movflags", "+faststart", "-y", outputPath];
    await runFfmpeg({ args, expectedSeconds, signal, onProgress });
    return plan;
  }
  const args = [
    ...inputs.flatMap((input, index) => (index === 0 ? [] : ["-i", input.path])),
    "-filter_complex", normalisingGraph(inputs, plan),
    "-map", "[v]", "-map", "[a]", ...ENCODE, "-movflags", "+faststart", "-y", outputPath,
  ];
  await runFfmpeg({ args: ["-i", inputs[0]?.path ?? "", ...args], expectedSeconds, signal, onProgress });
  return plan;
}
