import { jobs } from "../../lib/queue/jobs";
import { createFileThumbnail } from "../../lib/thumbnails/create-file-thumbnail";
import type { Handler } from "./handler";

/** Upload previews, on slots of their own so they never wait behind long videos. */
export const fileThumbnailHandler: Handler = {
  name: jobs.fileThumbnail.name,
  options: { localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 10 },
  async handle(job) {
    const { fileId } = jobs.fileThumbnail.payload.parse(job.data);
    return { made: await createFileThumbnail({ fileId, attempt: job.retryCount, signal: job.signal }) };
  },
};
