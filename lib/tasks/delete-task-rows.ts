import { getDb } from "../db";
import { AppError } from "../errors";
import type { TaskStatus } from "../generated/prisma/enums";
import { lockVisitor, LOCKING_TRANSACTION } from "../identity/lock-visitor";
import { getStorage } from "../storage/get-storage";
import { isActiveStatus } from "./task-states";

/** What to do with a task whose output a pending or running task is reading: refuse, or leave that task alone. */
export type WhenOutputInUse = "conflict" | "skip";

/**
 * Deletes the visitor's tasks with these ids that are (still) in one of `statuses`, with their logs,
 * input links and outputs, then removes the outputs' bytes. An output that another (kept) task lists
 * as its input is detached instead: it stays as the visitor's file, so that task keeps its input
 * until retention. Returns how many tasks were deleted.
 */
export async function deleteTaskRows(options: {
  visitorId: string;
  taskIds?: string[];
  statuses: TaskStatus[];
  whenOutputInUse: WhenOutputInUse;
}): Promise<number> {
  const { visitorId, taskIds, statuses } = options;
  const where = { visitorId, status: { in: statuses }, ...(taskIds ? { id: { in: taskIds } } : {}) };
  const { count, keys } = await getDb().$transaction(async (tx) => {
    // Holds off task creation and retries, which could start reading an output while we decide.
    await lockVisitor(tx, visitorId);
    const tasks = await tx.task.findMany({
      where,
      select: { id: true, outputs: { select: { id: true, storageKey: true, thumbnailKey: true, usedBy: { select: { taskId: true, task: { select: { status: true } } } } } } },
    });
    const readByActiveTask = (task: (typeof tasks)[number]) =>
      task.outputs.some((output) => output.usedBy.some(({ task: reader }) => isActiveStatus(reader.status)));
    const busy = tasks.filter(readByActiveTask);
    if (busy.length > 0 && options.whenOutputInUse === "conflict") throw new AppError("conflict");
    const doomed = tasks.filter((task) => !busy.includes(task));
    const ids = new Set(doomed.map((task) => task.id));
    const outputs = doomed.flatMap((task) => task.outputs);
    const readElsewhere = outputs.filter((output) => output.usedBy.some((use) => !ids.has(use.taskId)));
    await tx.file.updateMany({ where: { id: { in: readElsewhere.map((output) => output.id) } }, data: { taskId: null } });
    const deleted = await tx.task.deleteMany({ where: { ...where, id: { in: [...ids] } } });
    const removed = outputs.filter((output) => !readElsewhere.includes(output));
    return { count: deleted.count, keys: removed.flatMap((file) => [file.storageKey, file.thumbnailKey ?? []].flat()) };
  }, LOCKING_TRANSACTION);
  const storage = getStorage();
  await Promise.all(keys.map((key) => storage.delete(key)));
  return count;
}
