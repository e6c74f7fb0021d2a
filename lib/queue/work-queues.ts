import type { Job, JobResult, WorkOptions } from "pg-boss";
import { getBoss } from "./get-boss";
import type { JobName } from "./jobs";
import { registerWakeableLoop } from "./wake-workers";

export type { Job, WorkOptions };

/** One queue's consumer: how this process works it and what it does with each job. */
export type QueueHandler = {
  name: JobName | (string & {});
  options: WorkOptions;
  /**
   * Each of the `localConcurrency` loops is registered on its own, so that the process sending this
   * queue's jobs can wake exactly as many idle loops as it sent jobs (`wakeWorkers`).
   */
  wakeable?: boolean;
  handle(job: Job<unknown>): Promise<unknown>;
};

/** A batch handler that runs each job in turn; a handler that throws is logged and its job goes back to pg-boss. */
function runBatch(handler: QueueHandler, loop?: { busy: boolean }) {
  return async (batch: Job<unknown>[]) => {
    const results = [];
    if (loop) loop.busy = true;
    try {
      for (const job of batch) results.push(await handler.handle(job));
    } catch (error) {
      console.error(`${handler.name} job failed:`, error);
      throw error;
    } finally {
      if (loop) loop.busy = false;
    }
    return results;
  };
}

/**
 * A batch handler for `perJobResults` queues (notifications): the jobs of a batch run side by side and each
 * is settled on its own, so one failing delivery is retried alone and the others are not sent twice.
 */
function settleEach(handler: QueueHandler) {
  return async (batch: Job<unknown>[]): Promise<JobResult[]> =>
    Promise.all(
      batch.map(async (job): Promise<JobResult> => {
        try {
          return { id: job.id, status: "completed", output: await handler.handle(job) };
        } catch (error) {
          console.error(`${handler.name} job failed:`, error);
          return { id: job.id, status: "failed", output: { message: error instanceof Error ? error.message : String(error) } };
        }
      }),
    );
}

/**
 * Starts this process's pg-boss as a worker and consumes each handler's queue; pg-boss retries a
 * job whose handler threw, or moves it to its dead-letter queue.
 */
export async function workQueues(handlers: QueueHandler[]): Promise<void> {
  const boss = await getBoss("worker");
  for (const handler of handlers) {
    if (handler.options.perJobResults) {
      await boss.work(handler.name, { ...handler.options, perJobResults: true }, settleEach(handler));
      continue;
    }
    if (!handler.wakeable) {
      await boss.work(handler.name, handler.options, runBatch(handler));
      continue;
    }
    for (let index = 0; index < (handler.options.localConcurrency ?? 1); index += 1) {
      const loop = registerWakeableLoop(handler.name);
      loop.id = await boss.work(handler.name, { ...handler.options, localConcurrency: 1 }, runBatch(handler, loop));
    }
  }
}
