import { addressBucket } from "../abuse/address-bucket";
import { consumeRateLimit } from "../abuse/rate-limits";
import { getConfig } from "../config";
import { getDb } from "../db";

/** lastSeenAt is written at most this often per visitor. */
export const SEEN_INTERVAL_MS = 60_000;

export type ResolvedVisitor = {
  visitorId: string;
  seenAt: number;
  /** True when the caller should re-issue the visitor's cookie (new visitor or a fresh seenAt). */
  refreshed: boolean;
};

export type ResolveVisitorOptions = {
  visitorId?: string;
  seenAt?: number;
  /** Make a new visitor when the cookie names none that exists; otherwise such a request has no visitor (null). */
  create: boolean;
  /** Where the request came from: new visitors are limited per client address. */
  clientAddress: string;
  now?: number;
};

/**
 * The visitor a request belongs to. A known visitor seen within the last minute costs nothing; otherwise
 * lastSeenAt is updated. An unknown or missing visitor becomes a new visitor row only when the caller is
 * about to need one, and each new row counts against the client address's hourly limit (429 past it).
 */
export async function resolveVisitor(options: ResolveVisitorOptions): Promise<ResolvedVisitor | null> {
  const now = options.now ?? Date.now();
  const { visitorId, seenAt } = options;
  if (visitorId && seenAt !== undefined && seenAt <= now && now - seenAt < SEEN_INTERVAL_MS) {
    return { visitorId, seenAt, refreshed: false };
  }
  const db = getDb();
  if (visitorId) {
    const { count } = await db.visitor.updateMany({ where: { id: visitorId }, data: { lastSeenAt: new Date(now) } });
    if (count === 1) return { visitorId, seenAt: now, refreshed: true };
  }
  if (!options.create) return null;
  await consumeRateLimit({
    key: `new-visitor:${addressBucket(options.clientAddress)}`,
    limit: getConfig().limits.rateLimits.newVisitorsPerHour,
    now,
  });
  const visitor = await db.visitor.create({ data: { createdAt: new Date(now), lastSeenAt: new Date(now) } });
  return { visitorId: visitor.id, seenAt: now, refreshed: true };
}
