import { z } from "zod";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { TaskStatus } from "../generated/prisma/enums";
import { LOCKING_TRANSACTION, lockVisitor } from "../identity/lock-visitor";
import { getStorage } from "../storage/get-storage";
import { cancelTask } from "./cancel-task";
import { laterStepsSql } from "./pipeline-steps";
import { finishedStatuses, isActiveStatus } from "./task-states";

/** What to do with a task whose output a pending or running task is reading: refuse, or leave that task alone. */
type WhenOutputInUse = "conflict" | "skip";

/**
 * Deletes the visitor's tasks with these ids that are (still) in one of `statuses`, with their logs,
 * input links and outputs, then removes the outputs' bytes. An output that another (kept) task lists
 * as its input is detached instead: it stays as the visitor's file, so that task keeps its input
 * until retention. Returns how many tasks were deleted.
 */
async function deleteTaskRows(options: {
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

/**
 * Deletes the visitor's task and its outputs, cancelling it first when it is still pending or running.
 * A pipeline step goes with the steps after it (cancelled with it, which cannot run without its output).
 * While a pending or running task reads one of its outputs, the delete is a conflict; an output that
 * finished tasks read stays as the visitor's file, so those tasks keep their listed input.
 */
export async function deleteTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<void> {
  const task = await getDb().task.findFirst({ where: { id: taskId, visitorId }, select: { status: true } });
  if (!task) throw new AppError("not_found");
  if (isActiveStatus(task.status)) {
    await cancelTask({ visitorId, taskId }).catch((error: unknown) => {
      // It finished on its own meanwhile; deleting it is all that is left to do.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    });
  }
  const later = await getDb().$queryRaw<{ id: string }[]>`${laterStepsSql(taskId)}`;
  const taskIds = [taskId, ...later.map((step) => step.id)];
  const deleted = await deleteTaskRows({ visitorId, taskIds, statuses: finishedStatuses, whenOutputInUse: "conflict" });
  if (deleted === 0) throw new AppError("not_found");
}

export const cleanupTasksInput = z.object({ scope: z.enum(["completed", "failed", "all"]) });

export type CleanupScope = z.infer<typeof cleanupTasksInput>["scope"];

// "failed" covers every task that ended without a result, cancelled ones included.
const statusesByScope: Record<CleanupScope, TaskStatus[]> = {
  completed: ["completed"],
  failed: ["failed", "cancelled"],
  all: finishedStatuses,
};

/**
 * Deletes the visitor's finished tasks in `scope` with their outputs; pending and running tasks are
 * never touched, nor a finished task whose output one of them is reading.
 */
export async function cleanupTasks({ visitorId, scope }: { visitorId: string; scope: CleanupScope }): Promise<number> {
  return deleteTaskRows({ visitorId, statuses: statusesByScope[scope], whenOutputInUse: "skip" });
}
