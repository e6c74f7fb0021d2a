import { getDb } from "../db";
import type { TaskStatus } from "../generated/prisma/enums";
import { getStorage } from "../storage/get-storage";

/**
 * Deletes the visitor's tasks with these ids that are (still) in one of `statuses`, with their outputs,
 * logs and input links, then removes the outputs' bytes. Returns how many tasks were deleted.
 */
export async function deleteTaskRows(options: { visitorId: string; taskIds?: string[]; statuses: TaskStatus[] }): Promise<number> {
  const { visitorId, taskIds, statuses } = options;
  const where = { visitorId, status: { in: statuses }, ...(taskIds ? { id: { in: taskIds } } : {}) };
  const { count, keys } = await getDb().$transaction(async (tx) => {
    const outputs = await tx.file.findMany({ where: { task: where }, select: { storageKey: true, thumbnailKey: true } });
    const deleted = await tx.task.deleteMany({ where });
    return { count: deleted.count, keys: outputs.flatMap((file) => [file.storageKey, file.thumbnailKey ?? []].flat()) };
  });
  const storage = getStorage();
  await Promise.all(keys.map((key) => storage.delete(key)));
  return count;
}
