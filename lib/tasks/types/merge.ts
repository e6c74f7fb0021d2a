import { join } from "node:path";
import { AppError } from "../../errors";
import { withStoredFiles } from "../../files/with-stored-files";
import type { VideoInfo } from "../../media/media-info";
import { mergeVideos } from "../../media/merge-videos";
import { planMerge } from "../../media/plan-merge";
import { mergeRules } from "./merge-rules";
import { describeVideoOutput, type ProcessContext, type ProducedFile, type TaskTypeDefinition } from "./task-processor";

/** Merge: the inputs in order, stream-copied when compatible, else normalised and encoded once. */
async function processMerge({ task, workDir, signal, progress, log }: ProcessContext): Promise<ProducedFile> {
  const files = task.inputs.map((input) => input.file);
  const outputPath = join(workDir, "output.mp4");
  await withStoredFiles(files, signal, async (stored) => {
    const inputs: { path: string; info: VideoInfo }[] = stored.map(({ path, info }, index) => {
      if (info.kind !== "video") throw new AppError("invalid_input", undefined, `${files[index]!.name} has no video stream`);
      return { path, info };
    });
    const plan = planMerge(inputs.map((input) => input.info));
    const how = plan.mode === "copy" ? "joining without re-encoding" : `re-encoding to ${plan.width}×${plan.height} at ${plan.fps} fps`;
    await log("info", `Merging ${inputs.length} videos, ${how}`);
    const silent = inputs.filter((input) => !input.info.audio).length;
    if (plan.mode === "encode" && silent > 0) await log("warn", `${silent} input(s) have no sound; silence is added`);
    progress.update(0, `Merging ${inputs.length} videos`);
    await mergeVideos({ inputs, plan, outputPath, workDir, signal, onProgress: (percent) => progress.update(percent) });
  });
  return describeVideoOutput(outputPath, "merged.mp4", signal);
}

/** Merge: its rules (merge-rules.ts) and its processor. */
export const mergeTask: TaskTypeDefinition = { ...mergeRules, process: processMerge };
