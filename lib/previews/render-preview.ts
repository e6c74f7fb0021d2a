import { rm } from "node:fs/promises";
import { getDb } from "../db";
import { AppError } from "../errors";
import { withStoredFile } from "../files/with-stored-files";
import { previewWatermarkRemoval } from "../media/preview-watermark-removal";
import { getStorage } from "../storage/get-storage";
import { makeWorkDir } from "../storage/temp-folders";
import { resolveRemovalRegions } from "../tasks/types/watermark";
import { watermarkParamsSchema } from "../tasks/types/watermark-rules";

/** Failures another attempt cannot change: the preview fails at once with that code. */
const FINAL = new Set(["invalid_input", "invalid_params", "media_limits", "expired", "no_watermark_found"]);

/**
 * The worker's side of a preview: the frame before and after removal, done by exactly what the
 * watermark task would do ("auto" resolved the same way, the same filter graph), stored under
 * previews/<id>/ and the row marked ready as the last step. Safe to run twice: a preview that is no
 * longer pending is left alone. A failure another attempt cannot mend (or any failure on the
 * `lastAttempt`) marks it failed. Returns the status it left.
 */
export async function renderPreview(options: { previewId: string; attempt: number; lastAttempt: boolean; signal: AbortSignal }): Promise<string> {
  const { previewId, attempt, signal } = options;
  const db = getDb();
  const preview = await db.watermarkPreview.findUnique({ where: { id: previewId }, include: { file: true } });
  if (!preview || preview.status !== "pending") return preview?.status ?? "gone";
  const workDir = await makeWorkDir(`preview-${preview.id}-${attempt}`);
  const keys = { beforeKey: `previews/${preview.id}/before.webp`, afterKey: `previews/${preview.id}/after.webp` };
  try {
    const params = watermarkParamsSchema.parse(preview.params);
    const { file } = preview;
    const frames = await withStoredFile(file, signal, async ({ path, info }) => {
      if (info.kind !== "video") throw new AppError("invalid_input", undefined, `${file.name} has no video stream`);
      const regions = await resolveRemovalRegions({ file, info, params, attempt, signal });
      return previewWatermarkRemoval({ inputPath: path, info, regions, method: params.method ?? "restore", atSecond: preview.atSecond, workDir, signal });
    });
    const storage = getStorage();
    await storage.putFile(keys.beforeKey, frames.beforePath);
    await storage.putFile(keys.afterKey, frames.afterPath);
    const { count } = await db.watermarkPreview.updateMany({
      where: { id: preview.id, status: "pending" },
      data: { status: "ready", atSecond: frames.atSecond, ...keys },
    });
    if (count === 0) await Promise.all([storage.delete(keys.beforeKey), storage.delete(keys.afterKey)]);
    return "ready";
  } catch (error) {
    const code = error instanceof AppError ? error.code : "processing_failed";
    if (!FINAL.has(code) && !options.lastAttempt) throw error;
    console.warn(`watermark preview ${preview.id} failed: ${String(error)}`);
    await db.watermarkPreview.updateMany({ where: { id: preview.id, status: "pending" }, data: { status: "failed", errorCode: code } });
    return "failed";
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
