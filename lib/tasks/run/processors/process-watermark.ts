import { join } from "node:path";
import { AppError } from "../../../errors";
import { clampRegion, removeWatermark } from "../../../media/remove-watermark";
import { baseName } from "./base-name";
import { describeVideoOutput } from "./describe-video-output";
import { firstInput } from "./first-input";
import { probeStoredFile } from "../../../files/probe-stored-file";
import { taskParams } from "../../task-params";
import type { ProcessContext, ProducedFile } from "./task-processing";

/** Watermark removal: delogo over the visitor's region, clamped to the frame. */
export async function processWatermark({ task, workDir, signal, progress, log }: ProcessContext): Promise<ProducedFile> {
  const parsed = taskParams.watermark.safeParse(task.params);
  if (!parsed.success) throw new AppError("invalid_params", "params.region");
  const file = firstInput(task);
  const { path, info } = await probeStoredFile(file, signal);
  if (info.kind !== "video") throw new AppError("invalid_input", undefined, `${file.name} has no video stream`);
  const region = clampRegion(parsed.data.region, info.video);
  const asked = parsed.data.region;
  if (region.x !== asked.x || region.y !== asked.y || region.width !== asked.width || region.height !== asked.height) {
    await log("warn", `Region adjusted to fit the ${info.video.width}×${info.video.height} frame`);
  }
  await log("info", `Removing watermark at ${region.x},${region.y} size ${region.width}×${region.height}`);
  progress.update(0, "Removing watermark");
  const outputPath = join(workDir, "output.mp4");
  await removeWatermark({ inputPath: path, outputPath, info, region, signal, onProgress: (percent) => progress.update(percent) });
  return describeVideoOutput(outputPath, `${baseName(file.name)}-clean.mp4`, signal);
}
