import { getConfig } from "../config";
import type { Prisma } from "../db";
import { countUsedBytes } from "./count-used-bytes";

/**
 * Whether `bytes` more fit in the visitor's quota beside what they store and what their uploads in
 * flight have reserved (except `reservationId`, the caller's own). Call it holding the visitor's lock.
 */
export async function fitsStorageQuota(
  tx: Prisma.TransactionClient,
  options: { visitorId: string; bytes: number; reservationId?: string },
): Promise<boolean> {
  const used = await countUsedBytes(tx, { visitorIds: [options.visitorId], exceptReservationId: options.reservationId });
  return (used.get(options.visitorId) ?? 0) + options.bytes <= getConfig().limits.maxStoredBytesPerVisitor;
}
