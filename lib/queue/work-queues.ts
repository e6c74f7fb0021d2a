import type { Job, WorkOptions } from "pg-boss";
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
 * Starts this process's pg-boss as a worker and consumes each handler's queue; pg-boss retries a
 * job whose handler threw, or moves it to its dead-letter queue.
 */
export async function workQueues(handlers: QueueHandler[]): Promise<void> {
  const boss = await getBoss("worker");
  for (const handler of handlers) {
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
