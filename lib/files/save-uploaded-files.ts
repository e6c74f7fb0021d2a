import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { lockVisitor } from "../identity/lock-visitor";
import type { MediaFields } from "../media/media-info";
import { sendJob } from "../queue/send-job";
import { fitsStorageQuota } from "./fits-storage-quota";
import { releaseStorage } from "./release-storage";

/** `fileId` names the file when the upload already has an id of its own (a resumable upload's). */
export type StoredUpload = { storageKey: string; name: string; size: number; media: MediaFields; fileId?: string };

/**
 * Records stored uploads as the visitor's files in place of their reservation (so the bytes never
 * count twice or not at all), re-checking the quota under the visitor's lock in case the reservation
 * lapsed, and asks the workers for their thumbnails (and a video's watermark analysis) in the same transaction.
 */
export async function saveUploadedFiles(options: { visitorId: string; uploads: StoredUpload[]; reservationId?: string }): Promise<File[]> {
  const { visitorId, uploads, reservationId } = options;
  const { retentionHours } = getConfig().limits;
  const expiresAt = new Date(Date.now() + retentionHours * 3600_000);
  return getDb().$transaction(
    async (tx) => {
      await lockVisitor(tx, visitorId);
      const incoming = uploads.reduce((total, upload) => total + upload.size, 0);
      if (!(await fitsStorageQuota(tx, { visitorId, bytes: incoming, reservationId }))) throw new AppError("storage_quota_exceeded");
      if (reservationId) await releaseStorage({ reservationId, tx });
      const files: File[] = [];
      for (const { storageKey, name, size, media, fileId } of uploads) {
        const file = await tx.file.create({
          // Images have no watermarks to find; videos are analysed by a job of their own.
          data: { id: fileId, visitorId, origin: "upload", name, size, storageKey, expiresAt, ...media, ...(media.kind === "image" ? { watermarks: [] } : {}) },
        });
        await sendJob("fileThumbnail", { fileId: file.id }, { tx });
        if (media.kind === "video") await sendJob("fileWatermarks", { fileId: file.id }, { tx });
        files.push(file);
      }
      return files;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
