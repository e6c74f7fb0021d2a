import { join } from "node:path";
import { getDb } from "../db";
import { AppError } from "../errors";
import { saveUploadedFiles, type StoredUpload } from "../files/save-uploaded-files";
import { storeLocalUpload } from "../files/store-local-upload";
import { uploadName } from "../files/upload-name";
import { getStorage } from "../storage/get-storage";
import { removeResumableUpload } from "./remove-resumable-upload";
import { resumableUploadDir } from "./resumable-upload-dir";

/** The client's mistake (refused content, a quota that no longer holds): retrying cannot help. */
const isRefusal = (error: unknown) => error instanceof AppError && error.status >= 400 && error.status < 500;

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
