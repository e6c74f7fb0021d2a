import { rm } from "node:fs/promises";
import { join } from "node:path";
import { releaseStorage } from "../files/release-storage";
import { resumableUploadDir } from "./resumable-upload-dir";

/** Deletes an unfinished upload's bytes and tus record, and frees the quota it held. Safe to run twice. */
export async function removeResumableUpload(uploadId: string): Promise<void> {
  const path = join(resumableUploadDir(), uploadId);
  await Promise.all([rm(path, { force: true }), rm(`${path}.json`, { force: true })]);
  await releaseStorage({ reservationId: uploadId });
}
