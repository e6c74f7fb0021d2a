import { AppError } from "../../../errors";
import type { File } from "../../../generated/prisma/client";
import { getStorage } from "../../../storage/get-storage";

/** Where ffmpeg reads an input file from; an input whose bytes retention removed cannot be processed. */
export function inputPath(file: File): string {
  if (file.expiredAt) throw new AppError("expired", undefined, `input ${file.name} has expired`);
  return getStorage().localPath(file.storageKey);
}
