import { getConfig } from "../../lib/config";
import { jobs } from "../../lib/queue/jobs";
import { dispatchTasks } from "../../lib/tasks/run/dispatch-tasks";
import { runTask } from "../../lib/tasks/run/run-task";
import type { Handler } from "./handler";

/** Runs one admitted task; the dispatcher already enforced the caps, so local slots match the total cap. */
export const taskRunHandler: Handler = {
  name: jobs.taskRun.name,
  get options() {
    return {
      localConcurrency: getConfig().limits.maxRunningTotal,
      heartbeatRefreshSeconds: 1,
      pollingIntervalSeconds: 2,
      notifyPollingIntervalSeconds: 10,
    };
  },
  async handle(job, boss) {
    const { taskId } = jobs.taskRun.payload.parse(job.data);
    const result = await runTask({ boss, taskId, jobId: job.id, retryCount: job.retryCount, signal: job.signal });
    // Fill the freed slot now rather than at the dispatcher's next turn.
    if (result !== "skipped") {
      await dispatchTasks({ boss, ifIdle: true }).catch((error: unknown) => console.error("dispatch after a task failed:", error));
    }
    return { result };
  },
};
