import { getDb } from "../../db";

/**
 * Records a running task's progress (never lower than before) and what it is doing. Applies only
 * while the task is still running under `jobId`, so a cancelled or re-dispatched task is left alone.
 */
export async function reportProgress(options: { taskId: string; jobId: string; percent: number; message: string }): Promise<void> {
  const percent = Math.max(0, Math.min(100, Math.floor(options.percent)));
  await getDb().$executeRaw`
    UPDATE tasks SET progress = GREATEST(progress, ${percent}), message = ${options.message},
           updated_at = now() AT TIME ZONE 'UTC'
    WHERE id = ${options.taskId} AND job_id = ${options.jobId} AND status = 'running'`;
}
