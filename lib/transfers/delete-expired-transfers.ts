import { getDb } from "../db";

/** Deletes transfer codes past their expiry, used or not (they can no longer be redeemed). Returns how many went. */
export async function deleteExpiredTransfers({ now }: { now: Date }): Promise<number> {
  return getDb().transfer.deleteMany({ where: { expiresAt: { lte: now } } }).then((result) => result.count);
}
