import { jobs } from "../../lib/queue/jobs";
import { sweepLifecycle } from "../../lib/retention/sweep-lifecycle";
import type { QueueHandler } from "../../lib/queue/work-queues";

/**
 * Every few minutes (a pg-boss schedule): expired files lose their bytes; old finished tasks, unused
 * file rows, idle visitors and orphaned bytes are deleted.
 */
export const retentionSweepHandler: QueueHandler = {
  name: jobs.retentionSweep.name,
  options: { localConcurrency: 1, pollingIntervalSeconds: 30 },
  async handle(job) {
    jobs.retentionSweep.payload.parse(job.data ?? {});
    return sweepLifecycle();
  },
};
