import { jobs } from "../../lib/queue/jobs";
import type { QueueHandler } from "../../lib/queue/work-queues";
import { deliverTaskWebhook } from "../../lib/tasks/notify/webhook-channel";

/** Completion webhooks, on slots of their own: a slow receiver never holds up task processing. */
export const taskWebhookHandler: QueueHandler = {
  name: jobs.taskWebhook.name,
  // A retry comes due without a notification: poll every 5 s so it is sent on time, not at the
  // 30 s default backstop.
  // Up to five at a time per loop, each settled on its own; while batches come back full (a thousand tasks ending
  // at once) the loop fetches again at once instead of waiting for the next poll.
  options: { localConcurrency: 2, batchSize: 5, burstWhenBatchFull: true, perJobResults: true, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 },
  async handle(job) {
    const payload = jobs.taskWebhook.payload.parse(job.data);
    return { delivered: await deliverTaskWebhook({ webhookId: job.id, attempt: job.retryCount + 1, payload }) };
  },
};
