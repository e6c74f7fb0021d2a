import type { Prisma } from "../db";

/** The bytes a visitor currently keeps in storage (uploads and task outputs that have not expired). */
export async function countStoredBytes(db: Prisma.TransactionClient, visitorId: string): Promise<number> {
  const { _sum } = await db.file.aggregate({ where: { visitorId, expiredAt: null }, _sum: { size: true } });
  return Number(_sum.size ?? 0);
}
