import { randomUUID } from "node:crypto";
import { copyFile, link, rm, stat } from "node:fs/promises";
import { getStorage } from "../storage/get-storage";
import { stagingPath } from "../storage/temp-folders";
import { probeUpload } from "./probe-upload";
import type { StoredUpload } from "./save-uploaded-files";

/**
 * Takes an upload that arrived complete in a local file: judges it by content where it lies, then
 * stores it under a new key, leaving the file where it was (the caller removes it once the upload is
 * recorded, so a failure before then can be retried). A hard link hands the bytes to storage without
 * copying them (the local driver renames it into place); across devices they are copied. The caller
 * records the upload (saveUploadedFiles) or deletes the key.
 */
export async function storeLocalUpload(options: { path: string; name: string }): Promise<StoredUpload> {
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
