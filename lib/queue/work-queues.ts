import type { Job, WorkOptions } from "pg-boss";
import { getBoss } from "./get-boss";
import type { JobName } from "./jobs";

export type { Job, WorkOptions };

/** One queue's consumer: how this process works it and what it does with each job. */
export type QueueHandler = {
  name: JobName;
  options: WorkOptions;
  handle(job: Job<unknown>): Promise<unknown>;
};

/**
 * Starts this process's pg-boss as a worker and consumes each handler's queue. A handler that throws
 * is logged and its job goes back to pg-boss, which retries it or moves it to its dead-letter queue.
 */
export async function workQueues(handlers: QueueHandler[]): Promise<void> {
  const boss = await getBoss("worker");
  for (const handler of handlers) {
    await boss.work(handler.name, handler.options, async (batch) => {
      const results = [];
      try {
        for (const job of batch) results.push(await handler.handle(job));
      } catch (error) {
        console.error(`${handler.name} job failed:`, error);
        throw error;
      }
      return results;
    });
  }
}
