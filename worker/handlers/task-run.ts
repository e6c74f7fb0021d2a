import { getConfig } from "../../lib/config";
import { jobs } from "../../lib/queue/jobs";
import { dispatchTasks } from "../../lib/tasks/run/dispatch-tasks";
import { runTask } from "../../lib/tasks/run/run-task";
import type { QueueHandler } from "../../lib/queue/work-queues";

/** Runs one admitted task; the dispatcher already enforced the caps, so local slots match the total cap. */
export const taskRunHandler: QueueHandler = {
  name: jobs.taskRun.name,
  get options() {
    return {
      localConcurrency: getConfig().limits.maxRunningTotal,
      heartbeatRefreshSeconds: 1,
      pollingIntervalSeconds: 2,
      notifyPollingIntervalSeconds: 10,
    };
  },
  async handle(job) {
    const { taskId } = jobs.taskRun.payload.parse(job.data);
    const result = await runTask({ taskId, jobId: job.id, retryCount: job.retryCount, signal: job.signal });
    // Thrown, the job goes back to pg-boss, which runs it again (on this or another worker).
    if (result === "handed-back") throw new Error(`task ${taskId} stopped while running; handing the job back`);
    // Fill the freed slot now rather than at the dispatcher's next turn.
    if (result !== "skipped") {
      await dispatchTasks({ ifIdle: true }).catch((error: unknown) => console.error("dispatch after a task failed:", error));
    }
    return { result };
  },
};
