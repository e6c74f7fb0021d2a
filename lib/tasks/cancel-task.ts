import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { getBoss } from "../queue/get-boss";
import { jobs } from "../queue/jobs";
import { appendTaskLog } from "./append-task-log";
import { getTask } from "./get-task";
import { notifyTaskEnded } from "./notify/notify-task-ended";
import { laterStepsSql } from "./pipeline-steps";
import { activeStatuses } from "./task-states";
import type { TaskView } from "./task-view";

/**
 * Cancels the visitor's pending or running task (and the pipeline steps after it); a running task's job
 * is cancelled too, which stops its processing. A finished task is a conflict.
 */
export async function cancelTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  const db = getDb();
  const jobId = await db.$transaction(async (tx) => {
    const [task] = await tx.task.updateManyAndReturn({
      where: { id: taskId, visitorId, status: { in: [...activeStatuses] } },
      data: { status: "cancelled", finishedAt: new Date(), message: "", messageCode: null, messageParams: Prisma.DbNull },
      select: { jobId: true },
    });
    if (!task) {
      const exists = await tx.task.count({ where: { id: taskId, visitorId } });
      throw new AppError(exists ? "conflict" : "not_found");
    }
    await appendTaskLog({ taskId, level: "info", message: { code: "cancelled_by_visitor" }, tx });
    await notifyTaskEnded({ tx, taskIds: [taskId] });
    await cancelLaterSteps({ tx, taskId });
    return task.jobId;
  });
  // The cancel is committed: a job that cannot be reached now only runs on to a "skipped" finish,
  // since nothing it writes applies to a task that is no longer running under it. A running handler
  // learns of the cancel through its job's abort signal.
  if (jobId) {
    try {
      await (await getBoss()).cancel(jobs.taskRun.name, jobId);
    } catch (error) {
      console.error(`could not stop the job of task ${taskId}:`, error);
    }
  }
  return getTask({ visitorId, taskId });
}

/**
 * A pipeline step failed or was cancelled: every step after it can no longer get its input, so each
 * still waiting is cancelled with dependency_failed, in the caller's transaction (the one that made
 * the step final). Later steps are always pending here: none starts before the one it reads completes.
 */
export async function cancelLaterSteps({ tx, taskId }: { tx: Prisma.TransactionClient; taskId: string }): Promise<void> {
  const cancelled = await tx.$queryRaw<{ id: string }[]>`
    UPDATE tasks SET status = 'cancelled', error_code = 'dependency_failed',
           error_message = 'An earlier step of the pipeline did not complete', message = '', message_code = NULL, message_params = NULL,
           finished_at = clock_timestamp() AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
    WHERE id IN (${laterStepsSql(taskId)}) AND status = 'pending'
    RETURNING id`;
  const ids = cancelled.map((task) => task.id);
  await appendTaskLog({ taskId: ids, level: "info", message: { code: "cancelled_after_earlier_step" }, tx });
  await notifyTaskEnded({ tx, taskIds: ids });
}
