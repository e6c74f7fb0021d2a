import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getConfig } from "../config";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { assertFreeSpace, getStorage } from "../storage/get-storage";
import { isDiskFull } from "../storage/free-space";
import { stagingPath } from "../storage/temp-folders";
import { probeUpload } from "./probe-upload";
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

/** Writes the part to `path` as it arrives; returns the byte count. A full disk is storage_full. */
async function stage(path: string, source: AsyncIterable<Buffer>): Promise<number> {
  const sink = createWriteStream(path);
  await pipeline(source, sink).catch((error: unknown) => {
    throw isDiskFull(error) ? new AppError("storage_full") : error;
  });
  return sink.bytesWritten;
}

/**
 * Streams every `file` part of a multipart body to a temporary file on this host, checks there by
 * content that each is a video or image we can read, moves it into storage and records them as the
 * visitor's files. A refused part never reaches storage; on any failure nothing is kept.
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
        const staged = await stagingPath(storageKey);
        keys.push(storageKey);
        try {
          const size = await stage(staged, metered(stream, limits.maxUploadBytes, reservation));
          const media = await probeUpload({ path: staged, size });
          await storage.putFile(storageKey, staged);
          uploads.push({ storageKey, name: uploadName(info.filename), size, media });
        } finally {
          await rm(staged, { force: true });
        }
      },
    });
    if (uploads.length === 0) throw new AppError("no_file");
    return await saveUploadedFiles({ visitorId, uploads, reservationId: reservation.id });
  } catch (error) {
    await Promise.all([...keys.map((key) => storage.delete(key)), reservation.release()]);
    throw error;
  }
}
