import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { mediaFields } from "../media/media-info";
import { probeMedia } from "../media/probe-media";
import { getStorage } from "../storage/get-storage";
import { countStoredBytes } from "./count-stored-bytes";
import { receiveUploadParts } from "./receive-upload-parts";
import { saveUploadedFiles, type StoredUpload } from "./save-uploaded-files";
import { uploadName } from "./upload-name";

/** Counts bytes as they pass and stops the upload past the per-file or per-visitor limit. */
async function* metered(source: Readable, limits: { perFile: number; remainingQuota: number }, counted: (bytes: number) => void) {
  let bytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      counted(chunk.length);
      if (bytes > limits.perFile) throw new AppError("file_too_large");
      if (bytes > limits.remainingQuota) throw new AppError("storage_quota_exceeded");
      yield chunk;
    }
  } catch (error) {
    // The client cut the body short: the request is malformed, not our failure.
    throw error instanceof AppError ? error : new AppError("bad_request");
  }
}

/**
 * Streams every `file` part of a multipart body into storage, checks by content that each is a video
 * or image we can read, and records them as the visitor's files. On any failure nothing is kept.
 */
export async function storeUploads(options: { visitorId: string; contentType: string | null; body: Readable | null }): Promise<File[]> {
  const { visitorId, contentType, body } = options;
  if (!body || !contentType?.toLowerCase().startsWith("multipart/form-data")) throw new AppError("bad_request");
  const limits = getConfig().limits;
  const storage = getStorage();
  const keys: string[] = [];
  const uploads: StoredUpload[] = [];
  let receivedBytes = await countStoredBytes(getDb(), visitorId);
  try {
    await receiveUploadParts({
      contentType,
      body,
      onFile: async ({ stream, info }) => {
        if (keys.length >= limits.maxFilesPerUpload) throw new AppError("too_many_files");
        const storageKey = `uploads/${randomUUID()}`;
        keys.push(storageKey);
        const remainingQuota = limits.maxStoredBytesPerVisitor - receivedBytes;
        const source = metered(stream, { perFile: limits.maxUploadBytes, remainingQuota }, (bytes) => (receivedBytes += bytes));
        const { size } = await storage.put(storageKey, source);
        if (size === 0) throw new AppError("unsupported_media");
        const media = mediaFields(await probeMedia(storage.localPath(storageKey)));
        uploads.push({ storageKey, name: uploadName(info.filename), size, media });
      },
    });
    if (uploads.length === 0) throw new AppError("no_file");
    return await saveUploadedFiles({ visitorId, uploads });
  } catch (error) {
    await Promise.all(keys.map((key) => storage.delete(key)));
    throw error;
  }
}
