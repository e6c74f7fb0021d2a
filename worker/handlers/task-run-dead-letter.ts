import { jobs } from "../../lib/queue/jobs";
import { failLostTask } from "../../lib/tasks/run/fail-lost-task";
import type { QueueHandler } from "../../lib/queue/work-queues";

/** Fails the task of a run job that ran out of retries, so no task stays `running` forever. */
export const taskRunDeadLetterHandler: QueueHandler = {
  name: jobs.taskRunDeadLetter.name,
  options: { localConcurrency: 1, pollingIntervalSeconds: 5 },
  async handle(job) {
    const { taskId } = jobs.taskRunDeadLetter.payload.parse(job.data);
    return { failed: await failLostTask({ taskId }) };
  },
};
