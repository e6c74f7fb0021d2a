import type { PgBoss } from "pg-boss";
import type { WorkerProcess } from "../../tests/support/spawn-worker";
import { cpuUsed } from "./cpu-time";

export const RAW_QUEUE = "bench-noop";

/**
 * Raw pg-boss throughput on this machine: `jobs` no-op jobs inserted at once, drained by worker
 * processes consuming them as the product consumes `task-run` (bench/support/raw-boss-worker.ts).
 * Returns the seconds from the insert until the last completion and the CPU seconds spent.
 */
export async function rawBossThroughput(options: { boss: PgBoss; jobs: number; startWorker: () => Promise<WorkerProcess>; workers: number }) {
  const { wakeWorkers } = await import("../../lib/queue/wake-workers");
  const workers = await Promise.all(Array.from({ length: options.workers }, () => options.startWorker()));
  const pids = workers.map((worker) => worker.pid);
  try {
    const cpuBefore = await cpuUsed(options.boss, pids);
    const started = performance.now();
    await options.boss.insert(RAW_QUEUE, Array.from({ length: options.jobs }, (_, index) => ({ data: { index } })));
    await wakeWorkers(RAW_QUEUE, options.jobs, "everywhere");
    const db = options.boss.getDb();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { rows } = await db.executeSql(`SELECT count(*)::int AS done FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [RAW_QUEUE]);
      if ((rows[0] as { done: number }).done >= options.jobs) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await cpuUsed(options.boss, pids);
    return { seconds, cpu: { workers: cpuAfter.workers - cpuBefore.workers, database: cpuAfter.database - cpuBefore.database } };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
