import { fromPrisma } from "pg-boss";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";
import { lockVisitor } from "../identity/lock-visitor";
import type { MediaFields } from "../media/media-info";
import { getBoss } from "../queue/get-boss";
import { jobs } from "../queue/jobs";
import { countStoredBytes } from "./count-stored-bytes";

export type StoredUpload = { storageKey: string; name: string; size: number; media: MediaFields };

/**
 * Records stored uploads as the visitor's files, re-checking the storage quota under the visitor's lock,
 * and asks the workers for their thumbnails in the same transaction.
 */
export async function saveUploadedFiles({ visitorId, uploads }: { visitorId: string; uploads: StoredUpload[] }): Promise<File[]> {
  const { maxStoredBytesPerVisitor, retentionHours } = getConfig().limits;
  const boss = await getBoss();
  const expiresAt = new Date(Date.now() + retentionHours * 3600_000);
  return getDb().$transaction(
    async (tx) => {
      await lockVisitor(tx, visitorId);
      const incoming = uploads.reduce((total, upload) => total + upload.size, 0);
      if ((await countStoredBytes(tx, visitorId)) + incoming > maxStoredBytesPerVisitor) throw new AppError("storage_quota_exceeded");
      const files: File[] = [];
      for (const { storageKey, name, size, media } of uploads) {
        const file = await tx.file.create({
          data: { visitorId, origin: "upload", name, size, storageKey, expiresAt, ...media },
        });
        await boss.send(jobs.fileThumbnail.name, { fileId: file.id }, { db: fromPrisma(tx) });
        files.push(file);
      }
      return files;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
