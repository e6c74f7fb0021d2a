import { analyseUploadedFile } from "../../lib/files/analyse-file-watermarks";
import { jobs } from "../../lib/queue/jobs";
import type { QueueHandler } from "../../lib/queue/work-queues";

/** Watermark detection of uploaded videos, one at a time per process so it never crowds out tasks. */
export const fileWatermarksHandler: QueueHandler = {
  name: jobs.fileWatermarks.name,
  options: { localConcurrency: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 },
  async handle(job) {
    const { fileId } = jobs.fileWatermarks.payload.parse(job.data);
    return { found: await analyseUploadedFile({ fileId, attempt: job.retryCount, signal: job.signal }) };
  },
};
