import { getDb } from "../db";
import { AppError } from "../errors";
import { lockVisitor } from "../identity/lock-visitor";
import { getStorage } from "../storage/get-storage";
import { isActiveStatus } from "../tasks/task-states";

/**
 * Deletes the visitor's file and its bytes. A file that an unfinished task still reads is a conflict;
 * one that finished tasks used keeps its row (marked expired) so those tasks still list it. The
 * visitor's lock keeps a task from being created on the file meanwhile.
 */
export async function deleteFile({ visitorId, fileId }: { visitorId: string; fileId: string }): Promise<void> {
  const file = await getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    const found = await tx.file.findFirst({ where: { id: fileId, visitorId }, include: { usedBy: { select: { task: { select: { status: true } } } } } });
    if (!found) throw new AppError("not_found");
    const statuses = found.usedBy.map(({ task }) => task.status);
    if (statuses.some(isActiveStatus)) throw new AppError("conflict");
    if (statuses.length > 0) {
      await tx.file.update({ where: { id: fileId }, data: { expiredAt: found.expiredAt ?? new Date(), thumbnailKey: null } });
    } else {
      await tx.file.delete({ where: { id: fileId } });
    }
    return found;
  });
  const storage = getStorage();
  await Promise.all([storage.delete(file.storageKey), file.thumbnailKey ? storage.delete(file.thumbnailKey) : undefined]);
}
