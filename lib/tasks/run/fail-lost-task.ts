import { getDb } from "../../db";
import { getBoss } from "../../queue/get-boss";
import { jobs } from "../../queue/jobs";
import { failure, finishTask } from "./finish-task";

/**
 * A task whose run job exhausted its retries (its worker kept dying) fails instead of staying
 * `running` forever. Returns whether the task was failed.
 */
export async function failLostTask(options: { taskId: string }): Promise<boolean> {
  const task = await getDb().task.findUnique({ where: { id: options.taskId }, select: { status: true, jobId: true } });
  if (task?.status !== "running" || !task.jobId) return false;
  // Still queued or running somewhere (its retries not spent): not lost. A job pg-boss no longer has is.
  const job = await (await getBoss()).getJobById(jobs.taskRun.name, task.jobId);
  if (job && job.state !== "failed") return false;
  const finished = await finishTask({
    taskId: options.taskId,
    jobId: task.jobId,
    outcome: failure("worker_lost", { code: "worker_stopped" }),
  });
  return finished === "failed";
}
