import { getDb } from "../db";
import { deleteStoredBytes, type StoredKeys } from "./sweep-expired-files";

const BATCH_SIZE = 200;

/**
 * Deletes finished tasks whose `expiresAt` is before `cutoff` and whose outputs have all expired,
 * with their logs and input links. An output that another task lists as its input is detached and
 * stays as the visitor's file (the file-row sweep removes it once nothing uses it). One short
 * transaction per batch. Returns how many tasks were deleted.
 */
export async function deleteExpiredTasks({ cutoff }: { cutoff: Date }): Promise<number> {
  const db = getDb();
  const before = cutoff.toISOString();
  let deleted = 0;
  for (;;) {
    const { count, files } = await db.$transaction(async (tx) => {
      const tasks = await tx.$queryRaw<{ id: string }[]>`
        SELECT t.id FROM tasks t
        WHERE t.expires_at <= ${before}::timestamptz AT TIME ZONE 'UTC'
          AND t.status IN ('completed', 'failed', 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM files o WHERE o.task_id = t.id AND o.expired_at IS NULL)
        ORDER BY t.expires_at LIMIT ${BATCH_SIZE} FOR UPDATE OF t SKIP LOCKED`;
      const ids = tasks.map((task) => task.id);
      if (ids.length === 0) return { count: 0, files: [] };
      await tx.$executeRaw`
        UPDATE files SET task_id = NULL
        WHERE task_id = ANY(${ids}::text[]) AND EXISTS (SELECT 1 FROM task_inputs i WHERE i.file_id = files.id)`;
      const files = await tx.$queryRaw<StoredKeys[]>`
        DELETE FROM files WHERE task_id = ANY(${ids}::text[]) RETURNING storage_key, thumbnail_key`;
      const removed = await tx.$executeRaw`DELETE FROM tasks WHERE id = ANY(${ids}::text[])`;
      return { count: removed, files };
    });
    // Expired outputs have no bytes left normally; this catches a sweep that died half-way.
    await deleteStoredBytes(files);
    deleted += count;
    if (count < BATCH_SIZE) return deleted;
  }
}
