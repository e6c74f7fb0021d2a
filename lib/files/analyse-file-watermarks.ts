import { rm } from "node:fs/promises";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma, type File } from "../generated/prisma/client";
import { detectWatermarks } from "../media/watermarks/detect-watermarks";
import { makeWorkDir } from "../storage/temp-folders";
import { fileWatermarks, type StoredWatermark } from "./file-watermarks";
import { withStoredFile } from "./with-stored-files";

/** Refusals that mean this file simply has nothing to find (rather than a retry). */
const NOTHING_TO_ANALYSE = new Set(["invalid_input", "media_limits", "expired"]);

/**
 * The file's detected watermarks, analysing the video first when that has not happened yet (the
 * upload's analysis job, or a task that asks for "auto" before that job ran). Idempotent: a second
 * run finds the stored result. A video that cannot be decoded has none; images have none.
 */
export async function analyseFileWatermarks(options: { file: File; attempt: number; signal: AbortSignal }): Promise<StoredWatermark[]> {
  const { file } = options;
  const stored = fileWatermarks(file);
  if (stored) return stored;
  let found: StoredWatermark[] = [];
  if (file.kind === "video") {
    const workDir = await makeWorkDir(`watermarks-${file.id}-${options.attempt}`);
    const limit = AbortSignal.timeout(getConfig().limits.watermarkAnalysisTimeoutSeconds * 1000);
    try {
      found = await withStoredFile(file, options.signal, async ({ path, info }) => {
        if (info.kind !== "video") throw new AppError("invalid_input", undefined, `${file.name} has no video stream`);
        return detectWatermarks({ inputPath: path, info, workDir, signal: AbortSignal.any([options.signal, limit]) });
      });
    } catch (error) {
      const timedOut = limit.aborted && !options.signal.aborted;
      if (!timedOut && !(error instanceof AppError && NOTHING_TO_ANALYSE.has(error.code))) throw error;
      console.warn(`watermark analysis of file ${file.id} found nothing: ${timedOut ? "time limit reached" : String(error)}`);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  await getDb().file.updateMany({ where: { id: file.id, watermarks: { equals: Prisma.DbNull } }, data: { watermarks: found } });
  return found;
}

/** The analysis job's work: the file's watermarks found and stored; returns how many (null when the file is gone). */
export async function analyseUploadedFile(options: { fileId: string; attempt: number; signal: AbortSignal }): Promise<number | null> {
  const file = await getDb().file.findUnique({ where: { id: options.fileId } });
  if (!file || file.expiredAt) return null;
  return (await analyseFileWatermarks({ file, attempt: options.attempt, signal: options.signal })).length;
}
