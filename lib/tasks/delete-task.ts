import { getDb } from "../db";
import { AppError } from "../errors";
import { cancelTask } from "./cancel-task";
import { deleteTaskRows } from "./delete-task-rows";
import { laterStepsSql } from "./later-steps-sql";
import { finishedStatuses, isActiveStatus } from "./task-states";

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
