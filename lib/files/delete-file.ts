import { getDb } from "../db";
import { AppError } from "../errors";
import { getStorage } from "../storage/get-storage";
import { getFile } from "./get-file";

/**
 * Deletes the visitor's file and its bytes. A file that an unfinished task still reads is a conflict;
 * one that finished tasks used keeps its row (marked expired) so those tasks still list it.
 */
export async function deleteFile({ visitorId, fileId }: { visitorId: string; fileId: string }): Promise<void> {
  const file = await getFile({ visitorId, fileId });
  const db = getDb();
  const users = await db.taskInput.findMany({ where: { fileId }, select: { task: { select: { status: true } } } });
  if (users.some(({ task }) => task.status === "pending" || task.status === "running")) throw new AppError("conflict");
  if (users.length > 0) {
    await db.file.update({ where: { id: fileId }, data: { expiredAt: file.expiredAt ?? new Date(), thumbnailKey: null } });
  } else {
    await db.file.delete({ where: { id: fileId } });
  }
  const storage = getStorage();
  await Promise.all([storage.delete(file.storageKey), file.thumbnailKey ? storage.delete(file.thumbnailKey) : undefined]);
}
