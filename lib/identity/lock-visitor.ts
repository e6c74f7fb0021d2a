import type { Prisma } from "../db";

/**
 * Options of transactions that take a visitor's lock: many submissions arriving at once queue behind
 * each other, so they wait for a connection and run longer than Prisma's defaults allow.
 */
export const LOCKING_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

/** Advisory-lock namespace for per-visitor serialisation (two-key form, apart from single-key locks). */
const VISITOR_LOCK_NAMESPACE = 0x5649; // "VI"

/**
 * Serialises the caller's transaction with every other transaction that locks the same visitor, until
 * commit or rollback. Used where a per-visitor limit is checked and then written. Several visitors are
 * locked in one statement, always in the same (sorted) order, so two transactions never wait on each other.
 */
export async function lockVisitor(tx: Prisma.TransactionClient, visitorId: string | string[]): Promise<void> {
  const visitorIds = [...new Set(typeof visitorId === "string" ? [visitorId] : visitorId)].sort();
  if (visitorIds.length === 0) return;
  // unnest yields the sorted ids in order, and each row's lock is taken as the row is produced.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VISITOR_LOCK_NAMESPACE}::int, hashtext(v.id)) FROM unnest(${visitorIds}::text[]) AS v(id)`;
}
