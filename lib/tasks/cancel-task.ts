import { getDb } from "../db";
import { AppError } from "../errors";
import { getBoss } from "../queue/get-boss";
import { jobs } from "../queue/jobs";
import { notifyTaskEnded } from "./notify/notify-task-ended";
import { appendTaskLog } from "./append-task-log";
import { cancelLaterSteps } from "./pipeline-steps";
import { getTask } from "./get-task";
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
      data: { status: "cancelled", finishedAt: new Date(), message: "" },
      select: { jobId: true },
    });
    if (!task) {
      const exists = await tx.task.count({ where: { id: taskId, visitorId } });
      throw new AppError(exists ? "conflict" : "not_found");
    }
    await appendTaskLog({ taskId, level: "info", message: "Task cancelled.", tx });
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
