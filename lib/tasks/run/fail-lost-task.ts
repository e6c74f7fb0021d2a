import { getDb } from "../../db";
import { findJobState } from "../../queue/find-job-state";
import { finishTask } from "./finish-task";

/**
 * A task whose run job exhausted its retries (its worker kept dying) fails instead of staying
 * `running` forever. Returns whether the task was failed.
 */
export async function failLostTask(options: { taskId: string }): Promise<boolean> {
  const task = await getDb().task.findUnique({ where: { id: options.taskId }, select: { status: true, jobId: true } });
  if (task?.status !== "running" || !task.jobId) return false;
  const state = await findJobState("taskRun", task.jobId);
  if (state !== null && state !== "failed") return false;
  const finished = await finishTask({
    taskId: options.taskId,
    jobId: task.jobId,
    outcome: { status: "failed", code: "worker_lost", message: "The worker stopped during every attempt" },
  });
  return finished === "failed";
}
