import type { Prisma } from "../db";

/** Advisory-lock namespace for per-visitor serialisation (two-key form, apart from single-key locks). */
const VISITOR_LOCK_NAMESPACE = 0x5649; // "VI"

/**
 * Serialises the caller's transaction with every other transaction that locks the same visitor, until
 * commit or rollback. Used where a per-visitor limit is checked and then written.
 */
export async function lockVisitor(tx: Prisma.TransactionClient, visitorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VISITOR_LOCK_NAMESPACE}::int, hashtext(${visitorId}))`;
}
