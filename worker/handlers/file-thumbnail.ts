import { jobs } from "../../lib/queue/jobs";
import { createFileThumbnail } from "../../lib/files/create-file-thumbnail";
import type { QueueHandler } from "../../lib/queue/work-queues";

/** Upload previews, on slots of their own so they never wait behind long videos. */
export const fileThumbnailHandler: QueueHandler = {
  name: jobs.fileThumbnail.name,
  // Burst while a backlog waits: otherwise each slot would rest a polling interval between jobs.
  options: { localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2, burstWhenReadyExceeds: 1 },
  async handle(job) {
    const { fileId } = jobs.fileThumbnail.payload.parse(job.data);
    return { made: await createFileThumbnail({ fileId, attempt: job.retryCount, signal: job.signal }) };
  },
};
