import { getDb } from "../db";
import { deleteStoredBytes, type StoredKeys } from "./sweep-expired-files";

const BATCH_SIZE = 500;

/**
 * Deletes the rows of files whose bytes are gone and whose `expiresAt` is before `cutoff`, once no
 * task lists them (as input or output). Returns how many rows were deleted.
 */
export async function deleteExpiredFileRows({ cutoff }: { cutoff: Date }): Promise<number> {
  const db = getDb();
  const before = cutoff.toISOString();
  let deleted = 0;
  for (;;) {
    const files = await db.$queryRaw<StoredKeys[]>`
      DELETE FROM files WHERE id IN (
        SELECT f.id FROM files f
        WHERE f.expires_at <= ${before}::timestamptz AT TIME ZONE 'UTC' AND f.expired_at IS NOT NULL
          AND f.task_id IS NULL AND NOT EXISTS (SELECT 1 FROM task_inputs i WHERE i.file_id = f.id)
        ORDER BY f.expires_at LIMIT ${BATCH_SIZE} FOR UPDATE OF f SKIP LOCKED)
      RETURNING storage_key, thumbnail_key`;
    await deleteStoredBytes(files);
    deleted += files.length;
    if (files.length < BATCH_SIZE) return deleted;
  }
}
