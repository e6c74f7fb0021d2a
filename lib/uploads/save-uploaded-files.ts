import { getDb } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { countUsedBytes, fitsQuota, releaseStorage, retentionExpiry } from "../files/visitor-storage";
import { lockVisitor } from "../identity/lock-visitor";
import { mediaFields, type MediaFields } from "../media/media-info";
import { probeMedia } from "../media/probe-media";
import { sendJob } from "../queue/send-job";

const MAX_NAME_LENGTH = 255;

/** The name to show for an uploaded file: the client's file name without any folder part or control characters. */
export function uploadName(filename: string | undefined): string {
  const base = (filename ?? "").normalize("NFC").split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return Array.from(clean || "file").slice(0, MAX_NAME_LENGTH).join("");
}

/**
 * Judges a complete upload by its content, whichever way it arrived: a video or image we can read
 * within the configured limits, or AppError unsupported_media (415) or media_limits (422).
 */
export async function probeUpload(options: { path: string; size: number }): Promise<MediaFields> {
  if (options.size === 0) throw new AppError("unsupported_media");
  return mediaFields(await probeMedia(options.path));
}

/** `fileId` names the file when the upload already has an id of its own (a resumable upload's). */
export type StoredUpload = { storageKey: string; name: string; size: number; media: MediaFields; fileId?: string };

/**
 * Records stored uploads as the visitor's files in place of their reservation (so the bytes never
 * count twice or not at all), re-checking the quota under the visitor's lock in case the reservation
 * lapsed, and asks the workers for their thumbnails (and a video's watermark analysis) in the same transaction.
 */
export async function saveUploadedFiles(options: { visitorId: string; uploads: StoredUpload[]; reservationId?: string }): Promise<File[]> {
  const { visitorId, uploads, reservationId } = options;
  const expiresAt = retentionExpiry();
  return getDb().$transaction(
    async (tx) => {
      await lockVisitor(tx, visitorId);
      const incoming = uploads.reduce((total, upload) => total + upload.size, 0);
      const used = await countUsedBytes(tx, { visitorIds: [visitorId], exceptReservationId: reservationId });
      if (!fitsQuota(used.get(visitorId) ?? 0, incoming)) throw new AppError("storage_quota_exceeded");
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
