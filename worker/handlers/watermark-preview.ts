import { jobs } from "../../lib/queue/jobs";
import { queueOptions } from "../../lib/queue/queue-options";
import type { QueueHandler } from "../../lib/queue/work-queues";
import { renderPreview } from "../../lib/previews/render-preview";

/**
 * Watermark previews, on slots of their own beside the task slots: a visitor waits for them on the New
 * task page, so they never queue behind whole videos.
 */
export const watermarkPreviewHandler: QueueHandler = {
  name: jobs.watermarkPreview.name,
  options: { localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2, burstWhenReadyExceeds: 1 },
  async handle(job) {
    const { previewId } = jobs.watermarkPreview.payload.parse(job.data);
    const lastAttempt = job.retryCount >= (queueOptions[jobs.watermarkPreview.name].retryLimit ?? 0);
    return { status: await renderPreview({ previewId, attempt: job.retryCount, lastAttempt, signal: job.signal }) };
  },
};
