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
    const count = inputs.length;
    await log("info", plan.mode === "copy"
      ? { code: "merging_by_copy", params: { count } }
      : { code: "merging_by_encode", params: { count, width: plan.width, height: plan.height, fps: plan.fps } });
    const silent = inputs.filter((input) => !input.info.audio).length;
    if (plan.mode === "encode" && silent > 0) await log("warn", { code: "silence_added", params: { count: silent } });
    progress.update(0, { code: "merging", params: { count } });
    await mergeVideos({ inputs, plan, outputPath, workDir, signal, onProgress: (percent) => progress.update(percent) });
  });
  return describeVideoOutput(outputPath, "merged.mp4", signal);
}

/** Merge: its rules (merge-rules.ts) and its processor. */
export const mergeTask: TaskTypeDefinition = { ...mergeRules, process: processMerge };
