import { getDb } from "../db";
import { analyseFileWatermarks } from "./analyse-file-watermarks";

/** The analysis job's work: the file's watermarks found and stored; returns how many (null when the file is gone). */
export async function analyseUploadedFile(options: { fileId: string; attempt: number; signal: AbortSignal }): Promise<number | null> {
  const file = await getDb().file.findUnique({ where: { id: options.fileId } });
  if (!file || file.expiredAt) return null;
  return (await analyseFileWatermarks({ file, attempt: options.attempt, signal: options.signal })).length;
}
