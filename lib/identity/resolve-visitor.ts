import { getDb } from "../db";

/** lastSeenAt is written at most this often per visitor. */
export const SEEN_INTERVAL_MS = 60_000;

export type ResolvedVisitor = {
  visitorId: string;
  seenAt: number;
  /** True when the caller should re-issue the visitor's cookie (new visitor or a fresh seenAt). */
  refreshed: boolean;
};

/**
 * The visitor a request belongs to. A known visitor seen within the last minute costs nothing; otherwise
 * lastSeenAt is updated, and an unknown or missing visitor becomes a new visitor row.
 */
export async function resolveVisitor(options: { visitorId?: string; seenAt?: number; now?: number }): Promise<ResolvedVisitor> {
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
  const visitor = await db.visitor.create({ data: { createdAt: new Date(now), lastSeenAt: new Date(now) } });
  return { visitorId: visitor.id, seenAt: now, refreshed: true };
}
