import { getDb } from "../db";
import { getStorage } from "../storage/get-storage";

const BATCH_SIZE = 200;

/**
 * Deletes the bytes (and thumbnails) of files past `expiresAt` and marks them expired; the rows
 * stay so downloads answer 410 and tasks stay listed. Returns how many files expired.
 */
export async function sweepExpiredFiles(options: { now?: Date } = {}): Promise<number> {
  const db = getDb();
  const storage = getStorage();
  const now = options.now ?? new Date();
  let expired = 0;
  for (;;) {
    const files = await db.file.findMany({
      where: { expiresAt: { lte: now }, expiredAt: null },
      select: { id: true, storageKey: true, thumbnailKey: true },
      take: BATCH_SIZE,
    });
    for (const file of files) {
      await storage.delete(file.storageKey);
      if (file.thumbnailKey) await storage.delete(file.thumbnailKey);
    }
    if (files.length === 0) return expired;
    await db.file.updateMany({ where: { id: { in: files.map((file) => file.id) } }, data: { expiredAt: now } });
    expired += files.length;
  }
}
