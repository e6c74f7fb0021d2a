import { getDb } from "../db";
import { AppError } from "../errors";
import { lockVisitor } from "../identity/lock-visitor";
import { requestDispatch } from "../queue/request-dispatch";
import { appendTaskLog } from "./append-task-log";
import { assertTaskCapacity } from "./assert-task-capacity";
import { getTask } from "./get-task";
import { TASK_TRANSACTION_OPTIONS } from "./task-transaction-options";
import type { TaskView } from "./task-view";

/** Puts the visitor's failed or cancelled task back to pending (attempts are kept) and wakes the dispatcher. */
export async function retryTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  await getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    const task = await tx.task.findFirst({ where: { id: taskId, visitorId }, select: { status: true } });
    if (!task) throw new AppError("not_found");
    if (task.status !== "failed" && task.status !== "cancelled") throw new AppError("conflict");
    await assertTaskCapacity(tx, visitorId);
    const { count } = await tx.task.updateMany({
      where: { id: taskId, status: task.status },
      data: { status: "pending", progress: 0, message: "", errorCode: null, errorMessage: null, startedAt: null, finishedAt: null, jobId: null },
    });
    if (count === 0) throw new AppError("conflict");
    await appendTaskLog({ taskId, level: "info", message: "Task queued again.", tx });
    await requestDispatch({ tx, reason: "retried" });
  }, TASK_TRANSACTION_OPTIONS);
  return getTask({ visitorId, taskId });
}
