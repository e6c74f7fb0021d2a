import { getConfig } from "../config";
import { AppError } from "../errors";
import { reserveStorage } from "../files/reserve-storage";
import { assertFreeSpace } from "../storage/get-storage";
import { uploadExpirySeconds } from "./upload-expiry-seconds";

/**
 * Admits a new resumable upload of `size` bytes before any of them is stored: refused past the
 * per-file limit (413 file_too_large), past the visitor's quota (413 storage_quota_exceeded) or when
 * the disk is short (507 storage_full). Its whole length is reserved against the quota under the
 * upload's id for as long as it may be resumed; that reservation also records whose upload it is
 * and when it expires.
 */
export async function startResumableUpload(options: { uploadId: string; visitorId: string; size: number | undefined }): Promise<void> {
  const { uploadId, visitorId, size } = options;
  if (size === undefined) throw new AppError("bad_request");
  if (size > getConfig().limits.maxUploadBytes) throw new AppError("file_too_large");
  await assertFreeSpace(size);
  const reserved = await reserveStorage({ visitorId, reservationId: uploadId, bytes: size, ttlSeconds: uploadExpirySeconds() });
  if (!reserved) throw new AppError("storage_quota_exceeded");
}
