import { getConfig } from "../config";
import { getDb, type Prisma } from "../db";
import { Prisma as Sql } from "../generated/prisma/client";
import { LOCKING_TRANSACTION, lockVisitor } from "../identity/lock-visitor";

/** When what is stored now expires (uploads, task outputs, and the tasks that make them): RETENTION_HOURS from now. */
export function retentionExpiry(): Date {
  return new Date(Date.now() + getConfig().limits.retentionHours * 3_600_000);
}

/** The quota rule: what a visitor's storage has spent plus `bytes` more stays within MAX_STORED_BYTES_PER_VISITOR. */
export function fitsQuota(usedBytes: number, bytes: number): boolean {
  return usedBytes + bytes <= getConfig().limits.maxStoredBytesPerVisitor;
}

/**
 * SQL for what the quota of visitor `visitorId` (an expression) has spent: files kept (uploads and outputs
 * that have not expired) plus what uploads in flight have reserved and not let lapse. The caller's own
 * reservation `own` is left out (its bytes are arriving as files), or `counted` whatever its expiry
 * (the caller adds to it).
 */
function usedBytesSql(visitorId: Sql.Sql, own: { id: string; counted: boolean } = { id: "", counted: false }): Sql.Sql {
  const live = Sql.sql`r.expires_at > now() AT TIME ZONE 'UTC'`;
  const reservations = own.counted ? Sql.sql`(r.id = ${own.id} OR ${live})` : Sql.sql`r.id <> ${own.id} AND ${live}`;
  return Sql.sql`(COALESCE((SELECT sum(f.size) FROM files f WHERE f.visitor_id = ${visitorId} AND f.expired_at IS NULL), 0)
    + COALESCE((SELECT sum(r.bytes) FROM storage_reservations r WHERE r.visitor_id = ${visitorId} AND ${reservations}), 0))::bigint`;
}

/** The bytes each visitor's quota has spent (see usedBytesSql), without `exceptReservationId`; one query for any number of visitors. */
export async function countUsedBytes(
  tx: Prisma.TransactionClient,
  options: { visitorIds: string[]; exceptReservationId?: string },
): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ visitor_id: string; used: bigint }[]>`
    SELECT v.visitor_id, ${usedBytesSql(Sql.sql`v.visitor_id`, { id: options.exceptReservationId ?? "", counted: false })} AS used
    FROM unnest(${options.visitorIds}::text[]) AS v(visitor_id)`;
  return new Map(rows.map((row) => [row.visitor_id, Number(row.used)]));
}

/**
 * How long a reservation counts without being extended. Every step of an upload extends it, so only
 * the reservation of a crashed process (or a stalled client) lapses.
 */
const RESERVATION_TTL_SECONDS = 10 * 60;

/**
 * Adds `bytes` to the visitor's reservation `reservationId` (creating it) when the quota rule allows
 * it. Returns whether it did. The visitor's lock makes the check and the write one step, so parallel
 * uploads cannot both pass with the same figure. Lapsed reservations of the visitor are removed on the
 * way. `ttlSeconds` is how long the reservation then lives without another step (a resumable upload
 * holds its whole length for as long as it may be resumed).
 */
export async function reserveStorage(options: { visitorId: string; reservationId: string; bytes: number; ttlSeconds?: number }): Promise<boolean> {
  const { visitorId, reservationId, bytes, ttlSeconds = RESERVATION_TTL_SECONDS } = options;
  return getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    const [spent] = await tx.$queryRaw<{ used: bigint }[]>`
      WITH lapsed AS (
        DELETE FROM storage_reservations
        WHERE visitor_id = ${visitorId} AND id <> ${reservationId} AND expires_at <= now() AT TIME ZONE 'UTC'
      )
      SELECT ${usedBytesSql(Sql.sql`${visitorId}`, { id: reservationId, counted: true })} AS used`;
    if (!fitsQuota(Number(spent!.used), bytes)) return false;
    await tx.$executeRaw`
      INSERT INTO storage_reservations (id, visitor_id, bytes, expires_at)
      VALUES (${reservationId}, ${visitorId}, ${bytes}::bigint, now() AT TIME ZONE 'UTC' + make_interval(secs => ${ttlSeconds}::double precision))
      ON CONFLICT (id) DO UPDATE SET bytes = storage_reservations.bytes + EXCLUDED.bytes, expires_at = EXCLUDED.expires_at`;
    return true;
  }, LOCKING_TRANSACTION);
}

/** Drops an upload's reservation: its bytes were recorded as files, or thrown away. */
export async function releaseStorage(options: { reservationId: string; tx?: Prisma.TransactionClient }): Promise<void> {
  await (options.tx ?? getDb()).$executeRaw`DELETE FROM storage_reservations WHERE id = ${options.reservationId}`;
}

/**
 * Deletes storage reservations that lapsed (their upload crashed or stalled); they no longer count
 * against any quota, so this only keeps the table small. Returns how many went.
 */
export async function deleteLapsedReservations(): Promise<number> {
  return getDb().$executeRaw`DELETE FROM storage_reservations WHERE expires_at <= now() AT TIME ZONE 'UTC'`;
}
