import { getConfig } from "../config";
import type { Prisma } from "../db";
import { countStoredBytes } from "./count-stored-bytes";

/**
 * Whether `bytes` more fit in the visitor's quota beside what they store and what their uploads in
 * flight have reserved (except `reservationId`, the caller's own). Call it holding the visitor's lock.
 */
export async function fitsStorageQuota(
  tx: Prisma.TransactionClient,
  options: { visitorId: string; bytes: number; reservationId?: string },
): Promise<boolean> {
  const { visitorId, bytes, reservationId = "" } = options;
  const [{ reserved }] = await tx.$queryRaw<[{ reserved: bigint }]>`
    SELECT COALESCE(SUM(bytes), 0)::bigint AS reserved FROM storage_reservations
    WHERE visitor_id = ${visitorId} AND id <> ${reservationId} AND expires_at > now() AT TIME ZONE 'UTC'`;
  const stored = await countStoredBytes(tx, visitorId);
  return stored + Number(reserved) + bytes <= getConfig().limits.maxStoredBytesPerVisitor;
}
