import { getDb, type Prisma } from "../db";

/** Drops an upload's reservation: its bytes were recorded as files, or thrown away. */
export async function releaseStorage(options: { reservationId: string; tx?: Prisma.TransactionClient }): Promise<void> {
  const db = options.tx ?? getDb();
  await db.$executeRaw`DELETE FROM storage_reservations WHERE id = ${options.reservationId}`;
}
