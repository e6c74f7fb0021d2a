/**
 * Short-task throughput with two worker processes: tiny image thumbnails (sharp, 64×48 → 32 px)
 * from many visitors, counted from the first dispatch wake-up until every task is completed,
 * including all of our bookkeeping (dispatch, task rows, logs, outputs). Then, in the same run,
 * raw pg-boss: as many no-op jobs through two processes with the same pg-boss settings. Goal:
 * ≥ 400 tasks/s and ≥ 0.75 of raw pg-boss. CPU seconds per 1000 tasks (worker processes and
 * PostgreSQL backends) are printed too: on a shared machine they move less than wall time.
 */
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { cpuUsed } from "./support/cpu-time";
import { round } from "./support/measure";
import { rawBossThroughput } from "./support/raw-boss-throughput";
import { taskBenchSetup } from "./support/task-bench-setup";

const VISITORS = 100;
const TASKS_PER_VISITOR = 20;
const WORKERS = 2;
const CAPS = { MAX_RUNNING_TOTAL: "64", MAX_RUNNING_PER_VISITOR: "4", MAX_ACTIVE_TASKS: "1000" };

const perThousand = (cpu: { workers: number; database: number }, count: number) => ({
  workers: round((cpu.workers * 1000) / count, 2),
  database: round((cpu.database * 1000) / count, 2),
});

export default async function benchThroughput() {
  const { db, boss, stopBoss, pairs, requestDispatch, startWorker } = await taskBenchSetup(VISITORS);
  const total = VISITORS * TASKS_PER_VISITOR;
  const visitorIds = pairs.map(([visitorId]) => visitorId);
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker(CAPS)));
  const pids = workers.map((worker) => worker.pid);
  const expiresAt = new Date(Date.now() + 86_400_000);
  const ids = pairs.flatMap(([visitorId, fileId]) =>
    Array.from({ length: TASKS_PER_VISITOR }, () => ({ id: randomUUID(), visitorId, fileId })),
  );
  const loadBefore = loadavg()[0]!;
  let started = 0;
  let cpuBefore = { workers: 0, database: 0 };
  let cpuAfter = cpuBefore;
  try {
    await db.$transaction(async (tx) => {
      await tx.task.createMany({
        data: ids.map(({ id, visitorId }) => ({ id, visitorId, type: "thumbnail" as const, params: { width: 32 }, expiresAt })),
      });
      await tx.taskInput.createMany({ data: ids.map(({ id, fileId }) => ({ taskId: id, position: 0, fileId })) });
      cpuBefore = await cpuUsed(boss, pids);
      started = performance.now();
      await requestDispatch({ tx, reason: "bench" });
    });
    let finished = 0;
    while (finished < total) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = await db.task.count({ where: { visitorId: { in: visitorIds }, status: { in: ["completed", "failed"] } } });
    }
    cpuAfter = await cpuUsed(boss, pids);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  const seconds = (performance.now() - started) / 1000;
  const loadDuring = loadavg()[0]!;
  const raw = await rawBossThroughput({ boss, jobs: total, workers: WORKERS, startWorker: () => startWorker(CAPS, "bench/support/raw-boss-worker.ts") });
  await stopBoss();
  const failed = await db.task.count({ where: { visitorId: { in: visitorIds }, status: "failed" } });
  const dispatches = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'task-dispatch'`;
  const [timing] = await db.$queryRaw<{ run_ms: number; pickup_ms: number }[]>`
    SELECT avg(extract(epoch FROM t.finished_at - t.started_at) * 1000)::float8 AS run_ms,
           avg(extract(epoch FROM l.at - t.started_at) * 1000)::float8 AS pickup_ms
    FROM tasks t JOIN LATERAL (SELECT min(at) AS at FROM task_logs WHERE task_id = t.id AND message LIKE 'Making%') l ON true`;
  const tasksPerSecond = total / seconds;
  const rawPerSecond = total / raw.seconds;
  return {
    tasks: total, visitors: VISITORS, workers: WORKERS, caps: CAPS, failed,
    averageRunMs: round(timing?.run_ms ?? 0), averageStartToPickupMs: round(timing?.pickup_ms ?? 0), dispatchRuns: Number(dispatches[0]?.count ?? 0),
    seconds: round(seconds, 2), tasksPerSecond: round(tasksPerSecond),
    rawBossSeconds: round(raw.seconds, 2), rawBossJobsPerSecond: round(rawPerSecond),
    ratioToRawBoss: round(tasksPerSecond / rawPerSecond, 2),
    cpuSecondsPer1000Tasks: perThousand({ workers: cpuAfter.workers - cpuBefore.workers, database: cpuAfter.database - cpuBefore.database }, total),
    cpuSecondsPer1000RawJobs: perThousand(raw.cpu, total),
    loadAverage1m: { before: round(loadBefore, 2), after: round(loadDuring, 2) },
    goal: "≥ 400 tasks/s and ≥ 0.75 of raw pg-boss",
  };
}
