import { getDb } from "../../db";
import { writtenTaskMessage, type TaskMessage } from "../task-message";

/** Progress is written on this beat: at most once a second, and so at least every 2 s while running. */
const WRITE_INTERVAL_MS = 1_000;

export type ProgressTracker = {
  update(percent: number, message?: TaskMessage): void;
  stop(): Promise<void>;
};

/**
 * Records a running task's progress (never lower than before) and what it is doing. Applies only
 * while the task is still running under `jobId`, so a cancelled or re-dispatched task is left alone.
 */
async function writeProgress(options: { taskId: string; jobId: string; percent: number; message: TaskMessage }): Promise<void> {
  const percent = Math.max(0, Math.min(100, Math.floor(options.percent)));
  const { message, code, params } = writtenTaskMessage(options.message);
  await getDb().$executeRaw`
    UPDATE tasks SET progress = GREATEST(progress, ${percent}), message = ${message}, message_code = ${code},
           message_params = ${params === null ? null : JSON.stringify(params)}::jsonb,
           progressed_at = CASE WHEN ${percent} > progress THEN now() AT TIME ZONE 'UTC' ELSE progressed_at END,
           updated_at = now() AT TIME ZONE 'UTC'
    WHERE id = ${options.taskId} AND job_id = ${options.jobId} AND status = 'running'`;
}

/** Collects a running task's progress in memory and writes the latest state once a second. */
export function trackProgress(options: { taskId: string; jobId: string; message: TaskMessage }): ProgressTracker {
  let percent = 0;
  let message = options.message;
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    writing = writing
      .then(() => writeProgress({ taskId: options.taskId, jobId: options.jobId, percent, message }))
      .catch((error: unknown) => console.error(`progress of task ${options.taskId} not saved:`, error));
  }, WRITE_INTERVAL_MS);
  return {
    update(nextPercent, nextMessage) {
      percent = Math.max(percent, nextPercent);
      if (nextMessage) message = nextMessage;
    },
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}
