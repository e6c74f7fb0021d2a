import { jobs } from "../../lib/queue/jobs";
import { sweepExpiredFiles } from "../../lib/retention/sweep-expired-files";
import type { Handler } from "./handler";

/** Every few minutes (a pg-boss schedule): removes expired files' bytes and marks them expired. */
export const retentionSweepHandler: Handler = {
  name: jobs.retentionSweep.name,
  options: { localConcurrency: 1, pollingIntervalSeconds: 30 },
  async handle(job) {
    jobs.retentionSweep.payload.parse(job.data ?? {});
    return { expired: await sweepExpiredFiles() };
  },
};
