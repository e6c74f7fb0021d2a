import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { getConfig } from "../config";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { mediaFields } from "../media/media-info";
import { probeMedia } from "../media/probe-media";
import { assertFreeSpace } from "../storage/assert-free-space";
import { getStorage } from "../storage/get-storage";
import { receiveUploadParts } from "./receive-upload-parts";
import { saveUploadedFiles, type StoredUpload } from "./save-uploaded-files";
import { startUploadReservation, type UploadReservation } from "./start-upload-reservation";
import { uploadName } from "./upload-name";

/** The client's bytes; a body cut short is the request's fault (bad_request), not ours. */
async function* clientBytes(source: Readable): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw error instanceof AppError ? error : new AppError("bad_request");
  }
}

/** Stops the file past the per-file limit and reserves quota and disk space before each chunk is written. */
async function* metered(source: Readable, perFile: number, reservation: UploadReservation) {
  let bytes = 0;
  for await (const chunk of clientBytes(source)) {
    bytes += chunk.length;
    if (bytes > perFile) throw new AppError("file_too_large");
    await reservation.take(chunk.length);
    yield chunk;
  }
}

/**
 * Streams every `file` part of a multipart body into storage, checks by content that each is a video
 * or image we can read, and records them as the visitor's files. On any failure nothing is kept.
 */
export async function storeUploads(options: { visitorId: string; contentType: string | null; body: Readable | null }): Promise<File[]> {
  const { visitorId, contentType, body } = options;
  if (!body || !contentType?.toLowerCase().startsWith("multipart/form-data")) throw new AppError("bad_request");
  await assertFreeSpace();
  const limits = getConfig().limits;
  const storage = getStorage();
  const keys: string[] = [];
  const uploads: StoredUpload[] = [];
  const reservation = startUploadReservation(visitorId);
  try {
    await receiveUploadParts({
      contentType,
      body,
      onFile: async ({ stream, info }) => {
        if (keys.length >= limits.maxFilesPerUpload) throw new AppError("too_many_files");
        const storageKey = `uploads/${randomUUID()}`;
        keys.push(storageKey);
        const { size } = await storage.put(storageKey, metered(stream, limits.maxUploadBytes, reservation));
        if (size === 0) throw new AppError("unsupported_media");
        const media = mediaFields(await probeMedia(storage.localPath(storageKey)));
        uploads.push({ storageKey, name: uploadName(info.filename), size, media });
      },
    });
    if (uploads.length === 0) throw new AppError("no_file");
    return await saveUploadedFiles({ visitorId, uploads, reservationId: reservation.id });
  } catch (error) {
    await Promise.all([...keys.map((key) => storage.delete(key)), reservation.release()]);
    throw error;
  }
}
