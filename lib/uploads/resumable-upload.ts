import { rm } from "node:fs/promises";
import { join } from "node:path";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import { releaseStorage, reserveStorage } from "../files/visitor-storage";
import { assertFreeSpace } from "../storage/get-storage";

// A resumable upload is recorded by its reservation (storage_reservations, under the upload's id):
// whose it is, how many bytes it holds against the quota, and when it expires.

/**
 * Where unfinished resumable uploads are written (`<id>` and its tus record `<id>.json`): a folder of
 * their own beside the storage, whose orphan sweep would otherwise take them for abandoned bytes.
 */
export function resumableUploadDir(): string {
  return join(getConfig().dataDir, "tus");
}

/** How long an unfinished upload is kept after its last byte. */
const expirySeconds = () => getConfig().limits.uploadExpiryHours * 3600;

/**
 * Admits a new resumable upload of `size` bytes before any of them is stored: refused past the
 * per-file limit (413 file_too_large), past the visitor's quota (413 storage_quota_exceeded) or when
 * the disk is short (507 storage_full). Its whole length is reserved against the quota under the
 * upload's id for as long as it may be resumed.
 */
export async function startResumableUpload(options: { uploadId: string; visitorId: string; size: number | undefined }): Promise<void> {
  const { uploadId, visitorId, size } = options;
  if (size === undefined) throw new AppError("bad_request");
  if (size > getConfig().limits.maxUploadBytes) throw new AppError("file_too_large");
  await assertFreeSpace(size);
  const reserved = await reserveStorage({ visitorId, reservationId: uploadId, bytes: size, ttlSeconds: expirySeconds() });
  if (!reserved) throw new AppError("storage_quota_exceeded");
}

/**
 * The visitor's unfinished resumable upload `uploadId` and when it expires. Another visitor's, an
 * expired or a finished one answers 404 not_found, as an unknown one does.
 */
export async function findResumableUpload(options: { uploadId: string; visitorId: string }): Promise<{ expiresAt: Date }> {
  const [upload] = await getDb().$queryRaw<{ expiresAt: Date }[]>`
    SELECT expires_at AS "expiresAt" FROM storage_reservations
    WHERE id = ${options.uploadId} AND visitor_id = ${options.visitorId} AND expires_at > now() AT TIME ZONE 'UTC'`;
  if (!upload) throw new AppError("not_found");
  return upload;
}

/**
 * Pushes the expiry of the visitor's unfinished upload to UPLOAD_EXPIRY_HOURS from now, after bytes
 * arrived. Returns the new expiry, or null when the upload is no longer unfinished (it completed).
 */
export async function extendResumableUpload(options: { uploadId: string; visitorId: string }): Promise<Date | null> {
  const [upload] = await getDb().$queryRaw<{ expiresAt: Date }[]>`
    UPDATE storage_reservations
    SET expires_at = now() AT TIME ZONE 'UTC' + make_interval(secs => ${expirySeconds()}::double precision)
    WHERE id = ${options.uploadId} AND visitor_id = ${options.visitorId} AND expires_at > now() AT TIME ZONE 'UTC'
    RETURNING expires_at AS "expiresAt"`;
  return upload?.expiresAt ?? null;
}

/** Deletes an unfinished upload's bytes and tus record, and frees the quota it held. Safe to run twice. */
export async function removeResumableUpload(uploadId: string): Promise<void> {
  const path = join(resumableUploadDir(), uploadId);
  await Promise.all([rm(path, { force: true }), rm(`${path}.json`, { force: true })]);
  await releaseStorage({ reservationId: uploadId });
}
