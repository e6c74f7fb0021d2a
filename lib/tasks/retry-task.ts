import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { lockVisitor, LOCKING_TRANSACTION } from "../identity/lock-visitor";
import { requestDispatch } from "./run/dispatch-tasks";
import { appendTaskLog } from "./append-task-log";
import { assertTaskCapacity } from "./create-task";
import { getTask } from "./get-task";
import { laterStepsSql } from "./pipeline-steps";
import type { TaskView } from "./task-view";

/** The later pipeline steps that were cancelled because this one did not complete: retrying it brings them back. */
const stepsCancelledByThis = (tx: Prisma.TransactionClient, taskId: string) =>
  tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks WHERE id IN (${laterStepsSql(taskId)}) AND status = 'cancelled' AND error_code = 'dependency_failed'`;

/**
 * Puts the visitor's failed or cancelled task back to pending (attempts are kept), with the pipeline
 * steps after it that its end had cancelled, and wakes the dispatcher. A step whose own input cannot
 * come any more (the step before it did not complete) is a conflict: that earlier step is the one to retry.
 */
export async function retryTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  await getDb().$transaction(async (tx) => {
    await lockVisitor(tx, visitorId);
    const task = await tx.task.findFirst({ where: { id: taskId, visitorId }, select: { status: true, parent: { select: { status: true } } } });
    if (!task) throw new AppError("not_found");
    if (task.status !== "failed" && task.status !== "cancelled") throw new AppError("conflict");
    if (task.parent && task.parent.status !== "completed") throw new AppError("conflict");
    const later = (await stepsCancelledByThis(tx, taskId)).map((step) => step.id);
    await assertTaskCapacity(tx, visitorId, 1 + later.length);
    const again = { status: "pending", progress: 0, message: "", messageCode: null, messageParams: Prisma.DbNull, errorCode: null, errorMessage: null, startedAt: null, finishedAt: null, jobId: null } as const;
    const { count } = await tx.task.updateMany({ where: { id: taskId, status: task.status }, data: again });
    if (count === 0) throw new AppError("conflict");
    await tx.task.updateMany({ where: { id: { in: later }, status: "cancelled" }, data: again });
    await appendTaskLog({ taskId: [taskId, ...later], level: "info", message: { code: "queued_again" }, tx });
    await requestDispatch({ tx, reason: "retried" });
  }, LOCKING_TRANSACTION);
  return getTask({ visitorId, taskId });
}
