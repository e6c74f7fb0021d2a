import { jobs } from "../../lib/queue/jobs";
import { dispatchTasks } from "../../lib/tasks/run/dispatch-tasks";
import type { QueueHandler } from "../../lib/queue/work-queues";

/** Admits pending tasks that fit the caps (see lib/tasks/run/dispatch-tasks.ts). */
export const taskDispatchHandler: QueueHandler = {
  name: jobs.taskDispatch.name,
  options: { localConcurrency: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 1 },
  async handle(job) {
    jobs.taskDispatch.payload.parse(job.data);
    return { started: await dispatchTasks() };
  },
};
