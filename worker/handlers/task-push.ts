import { jobs } from "../../lib/queue/jobs";
import type { QueueHandler } from "../../lib/queue/work-queues";
import { deliverTaskPush } from "../../lib/tasks/notify/push-channel";

/** Task notifications to devices, on slots of their own: a slow push service never holds up task processing. */
export const taskPushHandler: QueueHandler = {
  name: jobs.taskPush.name,
  // A retry comes due without a notification: poll every 5 s so it is sent on time.
  options: { localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 },
  async handle(job) {
    return { sent: await deliverTaskPush(jobs.taskPush.payload.parse(job.data)) };
  },
};
