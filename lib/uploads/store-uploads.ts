import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { releaseStorage, reserveStorage } from "../files/visitor-storage";
import type { FileView } from "../files/file-view";
import { getFileViews } from "../files/file-view-sql";
import { isDiskFull } from "../storage/free-space";
import { assertFreeSpace, getStorage } from "../storage/get-storage";
import { stagingPath } from "../storage/temp-folders";
import { receiveUploadParts } from "./receive-upload-parts";
import { probeUpload, saveUploadedFiles, uploadName, type StoredUpload } from "./save-uploaded-files";

/** Quota is reserved ahead of the bytes in steps this large, to keep database round trips few. */
const STEP_BYTES = 8 * 1024 * 1024;

type UploadReservation = {
  id: string;
  /** Accounts for `bytes` about to be written; throws storage_quota_exceeded or storage_full when they may not be. */
  take(bytes: number): Promise<void>;
  release(): Promise<void>;
};

/**
 * Space for one upload request, reserved against the visitor's quota and checked against the disk's
 * floor as the bytes arrive. Near the quota a whole step may not fit while the bytes still do; then
 * only what is needed is reserved, so the quota is usable to the last byte.
 */
function startUploadReservation(visitorId: string): UploadReservation {
  const id = randomUUID();
  let taken = 0;
  let held = 0;
  const reserve = (bytes: number) => reserveStorage({ visitorId, reservationId: id, bytes });
  return {
    id,
    async take(bytes) {
      taken += bytes;
      if (taken <= held) return;
      const needed = taken - held;
      const step = Math.max(needed, STEP_BYTES);
      await assertFreeSpace(step);
      const reserved = (await reserve(step)) ? step : needed < step && (await reserve(needed)) ? needed : 0;
      if (reserved === 0) throw new AppError("storage_quota_exceeded");
      held += reserved;
    },
    release: () => releaseStorage({ reservationId: id }),
  };
}

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
 * visitor's files, returned as the API shows them. A refused part never reaches storage; on any
 * failure nothing is kept.
 */
export async function storeUploads(options: { visitorId: string; contentType: string | null; body: Readable | null }): Promise<FileView[]> {
  const { visitorId, contentType, body } = options;
  if (!body || !contentType?.toLowerCase().startsWith("multipart/form-data")) throw new AppError("bad_request");
  await assertFreeSpace();
  const limits = getConfig().limits;
  const storage = getStorage();
  const keys: string[] = [];
  const uploads: StoredUpload[] = [];
  const reservation = startUploadReservation(visitorId);
  let saved: { id: string }[];
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
    saved = await saveUploadedFiles({ visitorId, uploads, reservationId: reservation.id });
  } catch (error) {
    await Promise.all([...keys.map((key) => storage.delete(key)), reservation.release()]);
    throw error;
  }
  return getFileViews({ visitorId, fileIds: saved.map((file) => file.id) });
}
