import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import type { MediaInfo } from "../media/media-info";
import { probeMedia } from "../media/probe-media";
import { getStorage } from "../storage/get-storage";

/**
 * A stored file checked again, right before the worker reads it, with the probe and limits uploads
 * passed: the row is never trusted over the bytes. Bytes that are no (or another kind of) media are
 * invalid_input, media beyond the limits media_limits, a file whose bytes retention removed expired.
 */
export async function probeStoredFile(file: File, signal: AbortSignal): Promise<{ path: string; info: MediaInfo }> {
  if (file.expiredAt) throw new AppError("expired", undefined, `input ${file.name} has expired`);
  const path = getStorage().localPath(file.storageKey);
  let info: MediaInfo;
  try {
    info = await probeMedia(path, { signal });
  } catch (error) {
    if (error instanceof AppError && error.code === "unsupported_media") {
      throw new AppError("invalid_input", undefined, `${file.name} is not a video or image we accept (${error.message})`);
    }
    throw error;
  }
  if (info.kind !== file.kind) throw new AppError("invalid_input", undefined, `${file.name} is not the ${file.kind} it was recorded as`);
  return { path, info };
}
