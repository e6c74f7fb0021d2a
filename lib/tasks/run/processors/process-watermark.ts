import { join } from "node:path";
import { AppError } from "../../../errors";
import { analyseFileWatermarks } from "../../../files/analyse-file-watermarks";
import { removeWatermark, type RemovalRegion } from "../../../media/remove-watermark";
import { baseName } from "./base-name";
import { describeVideoOutput } from "./describe-video-output";
import { firstInput } from "./first-input";
import { withStoredFile } from "../../../files/with-stored-files";
import { settleTaskParams, taskParams } from "../../task-params";
import type { ProcessContext, ProducedFile } from "./task-processing";

const sameBox = (a: RemovalRegion, b: RemovalRegion) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * Watermark removal: every region (the detected ones for "auto", waiting for nothing: the analysis runs
 * here when the upload's has not yet) removed with the chosen method. A region drawn exactly on a
 * detection keeps the detected overlay's pixels for the `mask` method; any other is masked as a box.
 */
export async function processWatermark({ task, workDir, signal, progress, log }: ProcessContext): Promise<ProducedFile> {
  const parsed = taskParams.watermark.safeParse(task.params);
  if (!parsed.success) throw new AppError("invalid_params", "params.regions");
  const file = firstInput(task);
  const outputPath = join(workDir, "output.mp4");
  await withStoredFile(file, signal, async ({ path, info }) => {
    if (info.kind !== "video") throw new AppError("invalid_input", undefined, `${file.name} has no video stream`);
    const frame = { kind: "video" as const, width: info.video.width, height: info.video.height, durationSec: info.durationSec };
    // The API checked the params against the row; the bytes decide here.
    const settled = settleTaskParams({ type: "watermark", params: parsed.data }, { ...frame, watermarks: null });
    if ("invalidField" in settled) throw new AppError("invalid_params", settled.invalidField);
    const { method } = parsed.data;
    let regions: RemovalRegion[];
    if (parsed.data.regions === "auto" || method === "mask") {
      progress.update(0, "Finding watermarks");
      const detected = await analyseFileWatermarks({ file, attempt: task.attempts, signal });
      if (parsed.data.regions === "auto" && detected.length === 0) throw new AppError("no_watermark_found");
      regions = parsed.data.regions === "auto" ? detected : parsed.data.regions.map((region) => ({ ...region, mask: detected.find((found) => sameBox(found, region))?.mask }));
    } else {
      regions = parsed.data.regions;
    }
    for (const region of regions) {
      const span = region.fromSecond != null || region.toSecond != null ? ` from ${region.fromSecond ?? 0} s to ${region.toSecond ?? "the end"}${region.toSecond == null ? "" : " s"}` : "";
      await log("info", `Removing watermark at ${region.x},${region.y} size ${region.width}×${region.height}${span} (${method})`);
    }
    progress.update(0, "Removing watermark");
    await removeWatermark({ inputPath: path, outputPath, info, regions, method, workDir, signal, onProgress: (percent) => progress.update(percent) });
  });
  return describeVideoOutput(outputPath, `${baseName(file.name)}-clean.mp4`, signal);
}
