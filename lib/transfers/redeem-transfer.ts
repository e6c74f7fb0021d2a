import { addressBucket } from "../abuse/address-bucket";
import { consumeRateLimit, refundRateLimit } from "../abuse/rate-limits";
import { getDb } from "../db";
import { AppError } from "../errors";
import { lockVisitor } from "../identity/lock-visitor";
import { normalizeTransferCode, transferCodeHash } from "./transfer-code";

/** Failed tries one client address may make per window before it is refused (429). */
const FAILED_TRIES = 10;
const FAILED_TRIES_WINDOW_SECONDS = 600;

export type RedeemTransferInput = {
  code: string;
  /** The visitor the redeeming browser was until now (or an id no visitor has): what it had moves over. */
  currentVisitorId: string;
  clientAddress: string;
  now?: number;
};

/**
 * Redeems a one-time code: returns the visitor who made it, after moving the redeeming browser's own
 * files and tasks to that visitor and deleting its old, now empty, visitor row, in one transaction.
 * Unknown, used and expired codes are 404 not_found; every try counts against the client address, and
 * a success is given back, so only failures add up to the limit.
 */
export async function redeemTransfer({ code, currentVisitorId, clientAddress, now = Date.now() }: RedeemTransferInput): Promise<string> {
  const limit = { key: `transfer-redeem:${addressBucket(clientAddress)}`, windowSeconds: FAILED_TRIES_WINDOW_SECONDS, now };
  await consumeRateLimit({ ...limit, limit: FAILED_TRIES });
  const normalized = normalizeTransferCode(code);
  const visitorId =
    normalized &&
    (await getDb().$transaction(async (tx) => {
      const codeHash = transferCodeHash(normalized);
      const { count } = await tx.transfer.updateMany({
        where: { codeHash, redeemedAt: null, expiresAt: { gt: new Date(now) } },
        data: { redeemedAt: new Date(now) },
      });
      if (count === 0) return null;
      const { visitorId: target } = await tx.transfer.findUniqueOrThrow({ where: { codeHash }, select: { visitorId: true } });
      if (currentVisitorId !== target) {
        // Both visitors, in a fixed order, so two redemptions crossing each other cannot deadlock.
        await lockVisitor(tx, [currentVisitorId, target]);
        await tx.file.updateMany({ where: { visitorId: currentVisitorId }, data: { visitorId: target } });
        await tx.task.updateMany({ where: { visitorId: currentVisitorId }, data: { visitorId: target } });
        await tx.storageReservation.updateMany({ where: { visitorId: currentVisitorId }, data: { visitorId: target } });
        await tx.visitor.deleteMany({ where: { id: currentVisitorId } });
      }
      return target;
    }));
  if (!visitorId) throw new AppError("not_found");
  await refundRateLimit(limit);
  return visitorId;
}
