import { getDb } from "../db";
import { getStorage } from "../storage/get-storage";

/** A file row's stored keys, as the sweeps' SQL returns them. */
export type StoredKeys = { storage_key: string; thumbnail_key: string | null };

/** Removes the bytes and thumbnails of files whose rows the sweep has just expired or deleted. */
export async function deleteStoredBytes(files: StoredKeys[]): Promise<void> {
  const storage = getStorage();
  for (const file of files) {
    await storage.delete(file.storage_key);
    if (file.thumbnail_key) await storage.delete(file.thumbnail_key);
  }
}

const BATCH_SIZE = 200;

/**
 * Deletes the bytes (and thumbnails) of files past `expiresAt` and marks them expired; the rows
 * stay so downloads answer 410 and tasks stay listed. A file that a pending or running task still
 * reads keeps its bytes until that task ends. Returns how many files expired.
 */
export async function sweepExpiredFiles(options: { now?: Date } = {}): Promise<number> {
  const db = getDb();
  const now = (options.now ?? new Date()).toISOString();
  let expired = 0;
  for (;;) {
    // Marked first, removed after: a task created meanwhile sees the file as expired and refuses it.
    // SKIP LOCKED lets a second sweeper take other rows instead of waiting for these.
    const files = await db.$queryRaw<StoredKeys[]>`
      UPDATE files SET expired_at = ${now}::timestamptz AT TIME ZONE 'UTC'
      WHERE id IN (
        SELECT f.id FROM files f
        WHERE f.expires_at <= ${now}::timestamptz AT TIME ZONE 'UTC' AND f.expired_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM task_inputs i JOIN tasks t ON t.id = i.task_id
            WHERE i.file_id = f.id AND t.status IN ('pending', 'running'))
        ORDER BY f.expires_at LIMIT ${BATCH_SIZE} FOR UPDATE OF f SKIP LOCKED)
      RETURNING storage_key, thumbnail_key`;
    await deleteStoredBytes(files);
    expired += files.length;
    if (files.length < BATCH_SIZE) return expired;
  }
}
