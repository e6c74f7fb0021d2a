import { getDb } from "../db";

export type VisitorIdentity = { id: string; createdAt: Date };

/** The visitor with this id, or null; never creates one (for pages that only read). */
export async function findVisitor({ visitorId }: { visitorId: string }): Promise<VisitorIdentity | null> {
  return getDb().visitor.findUnique({ where: { id: visitorId }, select: { id: true, createdAt: true } });
}
