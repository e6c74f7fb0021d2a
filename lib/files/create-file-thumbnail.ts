import { rm } from "node:fs/promises";
import { join } from "node:path";
import { getDb } from "../db";
import { AppError } from "../errors";
import { makeThumbnail } from "../media/make-thumbnail";
import { withStoredFile } from "./with-stored-files";
import { makeWorkDir } from "../storage/temp-folders";
import { getStorage } from "../storage/get-storage";
import { defaultThumbnailSecond, thumbnailWidth } from "../tasks/types/thumbnail-rules";

/** Refusals that mean this file simply gets no preview (rather than a retry). */
const NO_PREVIEW = new Set(["invalid_input", "media_limits", "expired"]);

/**
 * The WebP preview of an uploaded file, at the default thumbnail width (fills `thumbnailKey`). Idempotent;
 * a file that cannot be decoded, or whose bytes no longer pass the upload checks and limits, simply gets no thumbnail.
 * Returns whether one was made.
 */
export async function createFileThumbnail(options: { fileId: string; attempt: number; signal: AbortSignal }): Promise<boolean> {
  const db = getDb();
  const file = await db.file.findUnique({ where: { id: options.fileId } });
  if (!file || file.thumbnailKey || file.expiredAt) return false;
  const storage = getStorage();
  const workDir = await makeWorkDir(`thumb-${file.id}-${options.attempt}`);
  const key = `thumbnails/${file.id}.webp`;
  try {
    const outputPath = join(workDir, "thumbnail.webp");
    await withStoredFile(file, options.signal, ({ path: inputPath, info }) =>
      makeThumbnail({ inputPath, outputPath, info, width: thumbnailWidth.default, atSecond: defaultThumbnailSecond, workDir, signal: options.signal }),
    );
    await storage.putFile(key, outputPath);
    const { count } = await db.file.updateMany({ where: { id: file.id, expiredAt: null }, data: { thumbnailKey: key } });
    if (count === 0) await storage.delete(key);
    return count > 0;
  } catch (error) {
    if (error instanceof AppError && NO_PREVIEW.has(error.code)) return false;
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
