import { getDb } from "../db";

const BATCH_SIZE = 500;

/**
 * Deletes visitors unseen since `cutoff` who have no files and no tasks left. A visitor who comes
 * back afterwards is simply a new visitor, as with an expired cookie. Returns how many were deleted.
 */
export async function deleteIdleVisitors({ cutoff }: { cutoff: Date }): Promise<number> {
  const db = getDb();
  const before = cutoff.toISOString();
  let deleted = 0;
  for (;;) {
    // The row lock makes a returning visitor's last-seen update wait, then miss, and become a new visitor.
    const count = await db.$executeRaw`
      DELETE FROM visitors WHERE id IN (
        SELECT v.id FROM visitors v
        WHERE v.last_seen_at <= ${before}::timestamptz AT TIME ZONE 'UTC'
          AND NOT EXISTS (SELECT 1 FROM files f WHERE f.visitor_id = v.id)
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.visitor_id = v.id)
        ORDER BY v.last_seen_at LIMIT ${BATCH_SIZE} FOR UPDATE OF v SKIP LOCKED)`;
    deleted += count;
    if (count < BATCH_SIZE) return deleted;
  }
}
