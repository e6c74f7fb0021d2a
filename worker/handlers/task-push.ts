import { jobs } from "../../lib/queue/jobs";
import type { QueueHandler } from "../../lib/queue/work-queues";
import { deliverTaskPush } from "../../lib/tasks/notify/push-channel";

/** Task notifications to devices, on slots of their own: a slow push service never holds up task processing. */
export const taskPushHandler: QueueHandler = {
  name: jobs.taskPush.name,
  // A retry comes due without a notification: poll every 5 s so it is sent on time.
  // Up to five at a time, each settled on its own; while batches come back full (a thousand tasks ending at once)
  // the loop fetches again at once instead of waiting for the next poll.
  options: { localConcurrency: 1, batchSize: 5, burstWhenBatchFull: true, perJobResults: true, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 },
  async handle(job) {
    return { sent: await deliverTaskPush(jobs.taskPush.payload.parse(job.data)) };
  },
};
