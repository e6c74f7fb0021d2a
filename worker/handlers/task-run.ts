import { getConfig } from "../../lib/config";
import { jobs } from "../../lib/queue/jobs";
import { runTask } from "../../lib/tasks/run/run-task";
import type { QueueHandler } from "../../lib/queue/work-queues";

/** Runs one admitted task; the dispatcher already enforced the caps, so local slots match the total cap. */
export const taskRunHandler: QueueHandler = {
  name: jobs.taskRun.name,
  wakeable: true,
  get options() {
    return {
      localConcurrency: getConfig().limits.maxRunningTotal,
      heartbeatRefreshSeconds: 1,
      // Every admitted job comes with a wake-up (wakeWorkers); polling finds the retry of a crashed
      // worker's job (due at once, so this bounds the recovery) and jobs whose wake-up was lost.
      pollingIntervalSeconds: 2,
    };
  },
  async handle(job) {
    const { taskId } = jobs.taskRun.payload.parse(job.data);
    const result = await runTask({ taskId, jobId: job.id, retryCount: job.retryCount, signal: job.signal });
    // Thrown, the job goes back to pg-boss, which runs it again (on this or another worker).
    if (result === "handed-back") throw new Error(`task ${taskId} stopped while running; handing the job back`);
    return { result };
  },
};
