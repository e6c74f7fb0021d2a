import { jobs } from "../../lib/queue/jobs";
import type { QueueHandler } from "../../lib/queue/work-queues";
import { deliverTaskEmail } from "../../lib/tasks/notify/email-channel";

/** Task mails, on slots of their own: a slow or failing mail server never holds up task processing. */
export const taskEmailHandler: QueueHandler = {
  name: jobs.taskEmail.name,
  // A retry comes due without a notification: poll every 5 s so it is sent on time.
  options: { localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 },
  async handle(job) {
    return { sent: await deliverTaskEmail(jobs.taskEmail.payload.parse(job.data)) };
  },
};
