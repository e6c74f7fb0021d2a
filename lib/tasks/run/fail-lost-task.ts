import type { PgBoss } from "pg-boss";
import { getDb } from "../../db";
import { jobs } from "../../queue/jobs";
import { finishTask } from "./finish-task";

/**
 * A task whose run job exhausted its retries (its worker kept dying) fails instead of staying
 * `running` forever. Returns whether the task was failed.
 */
export async function failLostTask(options: { boss: PgBoss; taskId: string }): Promise<boolean> {
  const task = await getDb().task.findUnique({ where: { id: options.taskId }, select: { status: true, jobId: true } });
  if (task?.status !== "running" || !task.jobId) return false;
  const job = await options.boss.getJobById(jobs.taskRun.name, task.jobId);
  if (job && job.state !== "failed") return false;
  const finished = await finishTask({
    boss: options.boss,
    taskId: options.taskId,
    jobId: task.jobId,
    outcome: { status: "failed", code: "worker_lost", message: "The worker stopped during every attempt" },
  });
  return finished === "failed";
}
