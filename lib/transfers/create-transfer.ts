import { consumeRateLimit } from "../abuse/rate-limits";
import { getDb } from "../db";
import { newTransferCode, transferCodeHash } from "./transfer-code";

/** How long a code can be redeemed. */
export const TRANSFER_TTL_MS = 10 * 60_000;

/** Codes one visitor may create per hour: enough to retry, too few to farm. */
const CODES_PER_HOUR = 20;

export type NewTransfer = { code: string; expiresAt: Date };

/** A one-time code that lets another browser become `visitorId` within ten minutes. */
export async function createTransfer({ visitorId, now = Date.now() }: { visitorId: string; now?: number }): Promise<NewTransfer> {
  await consumeRateLimit({ key: `transfer-create:${visitorId}`, limit: CODES_PER_HOUR, now });
  const code = newTransferCode();
  const expiresAt = new Date(now + TRANSFER_TTL_MS);
  await getDb().transfer.create({ data: { codeHash: transferCodeHash(code), visitorId, createdAt: new Date(now), expiresAt } });
  return { code, expiresAt };
}

/** Deletes transfer codes past their expiry, used or not (they can no longer be redeemed). Returns how many went. */
export async function deleteExpiredTransfers({ now }: { now: Date }): Promise<number> {
  return getDb().transfer.deleteMany({ where: { expiresAt: { lte: now } } }).then((result) => result.count);
}
