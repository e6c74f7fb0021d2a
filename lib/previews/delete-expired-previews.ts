import { getDb } from "../db";
import { getStorage } from "../storage/get-storage";

const BATCH_SIZE = 200;

/**
 * Deletes previews whose hour is over, with their images, in short batches (the rows first, so no
 * one is shown an image that is about to go). Returns how many previews went.
 */
export async function deleteExpiredPreviews({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const db = getDb();
  const storage = getStorage();
  let deleted = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ before_key: string | null; after_key: string | null }[]>`
      DELETE FROM watermark_previews WHERE id IN (
        SELECT id FROM watermark_previews WHERE expires_at <= ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' ORDER BY expires_at LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)
      RETURNING before_key, after_key`;
    for (const key of rows.flatMap((row) => [row.before_key, row.after_key])) {
      if (key) await storage.delete(key);
    }
    deleted += rows.length;
    if (rows.length < BATCH_SIZE) return deleted;
  }
}
