import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import type { MediaInfo } from "../media/media-info";
import { probeMedia } from "../media/probe-media";
import { getStorage } from "../storage/get-storage";

export type StoredInput = { path: string; info: MediaInfo };

/**
 * A stored file checked again, right before the worker reads it, with the probe and limits uploads
 * passed: the row is never trusted over the bytes. Bytes that are no (or another kind of) media are
 * invalid_input, media beyond the limits media_limits, a file whose bytes retention removed expired.
 * `work` gets a local path to the bytes (a temporary copy when storage is a bucket) until it settles.
 */
export async function withStoredFile<T>(file: File, signal: AbortSignal, work: (input: StoredInput) => Promise<T>): Promise<T> {
  if (file.expiredAt) throw new AppError("expired", undefined, `input ${file.name} has expired`);
  return getStorage().withLocalFile(
    file.storageKey,
    async (path) => {
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
      return work({ path, info });
    },
    { signal },
  );
}

/** withStoredFile for several files at once: `work` gets them in order, all checked and local. */
export async function withStoredFiles<T>(files: File[], signal: AbortSignal, work: (inputs: StoredInput[]) => Promise<T>): Promise<T> {
  const visit = async (index: number, ready: StoredInput[]): Promise<T> => {
    const file = files[index];
    if (!file) return work(ready);
    return withStoredFile(file, signal, (input) => visit(index + 1, [...ready, input]));
  };
  return visit(0, []);
}
