import type { Prisma } from "../db";

/**
 * The bytes each visitor's storage quota has spent: files kept (uploads and outputs that have not
 * expired) plus what their uploads in flight have reserved, except `exceptReservationId` (a caller's
 * own). One query for any number of visitors.
 */
export async function countUsedBytes(
  tx: Prisma.TransactionClient,
  options: { visitorIds: string[]; exceptReservationId?: string },
): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ visitor_id: string; used: bigint }[]>`
    SELECT v.visitor_id,
           COALESCE((SELECT sum(f.size) FROM files f WHERE f.visitor_id = v.visitor_id AND f.expired_at IS NULL), 0)::bigint
           + COALESCE((SELECT sum(r.bytes) FROM storage_reservations r
                       WHERE r.visitor_id = v.visitor_id AND r.id <> ${options.exceptReservationId ?? ""}
                         AND r.expires_at > now() AT TIME ZONE 'UTC'), 0)::bigint AS used
    FROM unnest(${options.visitorIds}::text[]) AS v(visitor_id)`;
  return new Map(rows.map((row) => [row.visitor_id, Number(row.used)]));
}
