import { randomUUID } from "node:crypto";
import { copyFile, link, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getStorage } from "../storage/get-storage";
import { stagingPath } from "../storage/temp-folders";
import { removeResumableUpload, resumableUploadDir } from "./resumable-upload";
import { probeUpload, saveUploadedFiles, uploadName, type StoredUpload } from "./save-uploaded-files";

/** The client's mistake (refused content, a quota that no longer holds): retrying cannot help. */
const isRefusal = (error: unknown) => error instanceof AppError && error.status >= 400 && error.status < 500;

/**
 * Takes an upload that arrived complete in a local file: judges it by content where it lies, then
 * stores it under a new key, leaving the file where it was (removed once the upload is recorded, so a
 * failure before then can be retried). A hard link hands the bytes to storage without copying them
 * (the local driver renames it into place); across devices they are copied.
 */
async function storeLocalUpload(options: { path: string; name: string }): Promise<StoredUpload> {
  const { size } = await stat(options.path);
  const media = await probeUpload({ path: options.path, size });
  const storageKey = `uploads/${randomUUID()}`;
  const staged = await stagingPath(storageKey);
  try {
    await link(options.path, staged).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EXDEV") throw error;
      await copyFile(options.path, staged);
    });
    await getStorage().putFile(storageKey, staged);
  } finally {
    await rm(staged, { force: true });
  }
  return { storageKey, name: options.name, size, media };
}

/**
 * Turns a resumable upload whose last byte arrived into the visitor's file, with the upload's id, after
 * the same content checks as a multipart upload. Refused content deletes the bytes; any other failure
 * (storage or database out of reach) keeps them, so the client's retry of its last PATCH completes
 * the upload. The caller serialises completions of one upload; a repeated one finds the file made.
 */
export async function completeResumableUpload(options: { uploadId: string; visitorId: string; filename?: string }): Promise<void> {
  const { uploadId, visitorId } = options;
  if (await getDb().file.findFirst({ where: { id: uploadId, visitorId }, select: { id: true } })) return;
  let stored: StoredUpload | undefined;
  try {
    stored = await storeLocalUpload({ path: join(resumableUploadDir(), uploadId), name: uploadName(options.filename) });
    await saveUploadedFiles({ visitorId, uploads: [{ ...stored, fileId: uploadId }], reservationId: uploadId });
  } catch (error) {
    if (stored) await getStorage().delete(stored.storageKey);
    if (isRefusal(error)) await removeResumableUpload(uploadId);
    throw error;
  }
  await removeResumableUpload(uploadId);
}
