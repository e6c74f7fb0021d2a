import { join } from "node:path";
import { AppError } from "../../errors";
import { analyseFileWatermarks } from "../../files/analyse-file-watermarks";
import { isConfidentWatermark } from "../../files/file-view";
import { withStoredFile } from "../../files/with-stored-files";
import type { File } from "../../generated/prisma/client";
import type { VideoInfo } from "../../media/media-info";
import { removeWatermark, type RemovalRegion } from "../../media/remove-watermark";
import type { TaskMessageParams } from "../task-message";
import { baseName, describeVideoOutput, firstInput, type ProcessContext, type ProducedFile, type TaskTypeDefinition } from "./task-processor";
import { settleWatermarkParams, watermarkParamsSchema, watermarkRules, type WatermarkParams } from "./watermark-rules";

const sameBox = (a: RemovalRegion, b: RemovalRegion) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * The regions to remove from `file` (whose bytes `info` describes) as `params` ask: each checked against
 * the real frame and duration (invalid_params otherwise; the row was checked when the task was made, the
 * bytes decide here), the confidently detected ones for "auto" (no_watermark_found when there are none), and for the
 * `mask` method a region drawn exactly on a detection keeps the overlay's own pixels (any other is masked
 * as a box). The analysis runs here when the upload's has not yet; `onAnalysing` is told before it does.
 */
export async function resolveRemovalRegions(options: {
  file: File;
  info: VideoInfo;
  params: WatermarkParams;
  attempt: number;
  signal: AbortSignal;
  onAnalysing?: () => void;
}): Promise<RemovalRegion[]> {
  const { file, info, params, signal } = options;
  const frame = { kind: "video" as const, width: info.video.width, height: info.video.height, durationSec: info.durationSec };
  const settled = settleWatermarkParams(params, { ...frame, watermarks: null });
  if ("invalidField" in settled) throw new AppError("invalid_params", settled.invalidField);
  if (params.regions !== "auto" && params.method !== "mask") return params.regions;
  options.onAnalysing?.();
  const detected = await analyseFileWatermarks({ file, attempt: options.attempt, signal });
  if (params.regions !== "auto") return params.regions.map((region) => ({ ...region, mask: detected.find((found) => sameBox(found, region))?.mask }));
  const confident = detected.filter(isConfidentWatermark);
  if (confident.length === 0) throw new AppError("no_watermark_found");
  return confident;
}

/** A region's place, size and time span as the values of its log line (coordinates as written, not as numbers to format). */
function regionParams(region: RemovalRegion): TaskMessageParams {
  const place = { x: String(region.x), y: String(region.y), width: String(region.width), height: String(region.height) };
  if (region.fromSecond == null && region.toSecond == null) return { ...place, span: "none" };
  const from = region.fromSecond ?? 0;
  return region.toSecond == null ? { ...place, span: "open", from } : { ...place, span: "range", from, to: region.toSecond };
}

/**
 * Watermark removal: every region removed with the chosen method, the audio kept. Without a method,
 * restore (delogo where the video is too long or a box too large for it, see restoreFits), and the
 * params the task stores say which method each region got.
 */
async function processWatermark({ task, workDir, signal, progress, log }: ProcessContext): Promise<ProducedFile> {
  const parsed = watermarkParamsSchema.safeParse(task.params);
  if (!parsed.success) throw new AppError("invalid_params", "params.regions");
  const params = parsed.data;
  const file = firstInput(task);
  const outputPath = join(workDir, "output.mp4");
  const method = params.method ?? "restore";
  const methods = await withStoredFile(file, signal, async ({ path, info }) => {
    if (info.kind !== "video") throw new AppError("invalid_input", undefined, `${file.name} has no video stream`);
    const onAnalysing = () => progress.update(0, { code: "finding_watermarks" });
    const regions = await resolveRemovalRegions({ file, info, params, attempt: task.attempts, signal, onAnalysing });
    const asked = params.method ?? "best";
    for (const region of regions) await log("info", { code: "removing_watermark_at", params: { ...regionParams(region), method: asked } });
    progress.update(0, { code: "removing_watermark" });
    const used = await removeWatermark({ inputPath: path, outputPath, info, regions, method, workDir, signal, onProgress: (percent) => progress.update(percent) });
    for (const [index, region] of regions.entries()) {
      if (used[index] !== params.method) await log("info", { code: "removed_watermark_with", params: { x: String(region.x), y: String(region.y), method: String(used[index]) } });
    }
    return used;
  });
  const output = await describeVideoOutput(outputPath, `${baseName(file.name)}-clean.mp4`, signal);
  if (params.method) return output;
  const uniform = methods.every((used) => used === methods[0]) ? { method: methods[0] } : {};
  return { ...output, params: { ...params, ...uniform, methods } };
}

/** Watermark removal: its rules (watermark-rules.ts) and its processor. */
export const watermarkTask: TaskTypeDefinition = { ...watermarkRules, process: processWatermark };
