import { getConfig } from "../config";
import { getDb } from "../db";
import { lockVisitor } from "../identity/lock-visitor";

/**
 * How long a reservation counts without being extended. Every step of an upload extends it, so only
 * the reservation of a crashed process (or a stalled client) lapses.
 */
const RESERVATION_TTL_SECONDS = 10 * 60;

/**
 * Adds `bytes` to the visitor's reservation `reservationId` (creating it) when their stored files,
 * their other live reservations and this one together stay within the quota. Returns whether it did.
 * The visitor's lock makes the check and the write one step, so parallel uploads cannot both pass
 * with the same figure. Lapsed reservations of the visitor are removed on the way. `ttlSeconds` is
 * how long the reservation then lives without another step (a resumable upload holds its whole length
 * for as long as it may be resumed).
 */
export async function reserveStorage(options: { visitorId: string; reservationId: string; bytes: number; ttlSeconds?: number }): Promise<boolean> {
  const { visitorId, reservationId, bytes, ttlSeconds = RESERVATION_TTL_SECONDS } = options;
  const quota = getConfig().limits.maxStoredBytesPerVisitor;
  return getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    const reserved = await tx.$queryRaw<{ id: string }[]>`
      WITH lapsed AS (
        DELETE FROM storage_reservations
        WHERE visitor_id = ${visitorId} AND id <> ${reservationId} AND expires_at <= now() AT TIME ZONE 'UTC'
      )
      INSERT INTO storage_reservations (id, visitor_id, bytes, expires_at)
      SELECT ${reservationId}, ${visitorId}, ${bytes}::bigint,
             now() AT TIME ZONE 'UTC' + make_interval(secs => ${ttlSeconds}::double precision)
      WHERE (SELECT COALESCE(SUM(size), 0) FROM files WHERE visitor_id = ${visitorId} AND expired_at IS NULL)
          + (SELECT COALESCE(SUM(bytes), 0) FROM storage_reservations
             WHERE visitor_id = ${visitorId} AND (id = ${reservationId} OR expires_at > now() AT TIME ZONE 'UTC'))
          + ${bytes}::bigint <= ${quota}::bigint
      ON CONFLICT (id) DO UPDATE
        SET bytes = storage_reservations.bytes + EXCLUDED.bytes, expires_at = EXCLUDED.expires_at
      RETURNING id`;
    return reserved.length > 0;
  });
}
