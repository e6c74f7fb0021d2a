/**
 * A worker process that consumes no-op jobs on the `bench-noop` queue exactly as the product's
 * worker consumes `task-run` (same pg-boss settings, same loops, each finished job waking the next
 * loop): the raw pg-boss figure the throughput bench compares against. Prints "worker ready".
 */
import { getBoss, stopBoss } from "../../lib/queue/get-boss";
import { queueOptions } from "../../lib/queue/queue-options";
import { wakeWorkers } from "../../lib/queue/wake-workers";
import { workQueues } from "../../lib/queue/work-queues";
import { taskRunHandler } from "../../worker/handlers/task-run";
import { RAW_QUEUE } from "./raw-boss-throughput";

const boss = await getBoss("worker");
// The run queue's settings without its dead-letter queue (no-op jobs never fail).
await boss.createQueue(RAW_QUEUE, Object.fromEntries(Object.entries(queueOptions["task-run"]).filter(([key]) => key !== "deadLetter")));
await workQueues([
  {
    name: RAW_QUEUE,
    options: taskRunHandler.options,
    wakeable: taskRunHandler.wakeable,
    async handle() {
      await wakeWorkers(RAW_QUEUE, 1, "here-first");
      return { result: "completed" };
    },
  },
]);
console.log(`worker ready (pid ${process.pid})`);
process.on("SIGTERM", () => void stopBoss(2000).then(() => process.exit(0)));
