/**
 * Short-task throughput with two worker processes: tiny image thumbnails (sharp, 64×48 → 32 px)
 * from many visitors, counted from the first dispatch wake-up until every task is completed,
 * including all of our bookkeeping (dispatch, task rows, logs, outputs). Goal: ≥ 400 tasks/s.
 */
import { randomUUID } from "node:crypto";
import { round } from "./support/measure";
import { taskBenchSetup } from "./support/task-bench-setup";

const VISITORS = 100;
const TASKS_PER_VISITOR = 20;
const CAPS = { MAX_RUNNING_TOTAL: "64", MAX_RUNNING_PER_VISITOR: "4", MAX_ACTIVE_TASKS: "1000" };

export default async function benchThroughput() {
  const { db, boss, pairs, requestDispatch, startWorker } = await taskBenchSetup(VISITORS);
  const total = VISITORS * TASKS_PER_VISITOR;
  const workers = await Promise.all([startWorker(CAPS), startWorker(CAPS)]);
  const expiresAt = new Date(Date.now() + 86_400_000);
  const ids = pairs.flatMap(([visitorId, fileId]) =>
    Array.from({ length: TASKS_PER_VISITOR }, () => ({ id: randomUUID(), visitorId, fileId })),
  );
  let started = 0;
  try {
    await db.$transaction(async (tx) => {
      await tx.task.createMany({
        data: ids.map(({ id, visitorId }) => ({ id, visitorId, type: "thumbnail" as const, params: { width: 32 }, expiresAt })),
      });
      await tx.taskInput.createMany({ data: ids.map(({ id, fileId }) => ({ taskId: id, position: 0, fileId })) });
      started = performance.now();
      await requestDispatch({ tx, reason: "bench" });
    });
    let finished = 0;
    while (finished < total) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = await db.task.count({ where: { status: { in: ["completed", "failed"] } } });
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await boss.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const failed = await db.task.count({ where: { status: "failed" } });
  const dispatches = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'task-dispatch'`;
  const [timing] = await db.$queryRaw<{ run_ms: number; pickup_ms: number }[]>`
    SELECT avg(extract(epoch FROM t.finished_at - t.started_at) * 1000)::float8 AS run_ms,
           avg(extract(epoch FROM l.at - t.started_at) * 1000)::float8 AS pickup_ms
    FROM tasks t JOIN LATERAL (SELECT min(at) AS at FROM task_logs WHERE task_id = t.id AND message LIKE 'Making%') l ON true`;
  return {
    tasks: total, averageRunMs: round(timing?.run_ms ?? 0), averageStartToPickupMs: round(timing?.pickup_ms ?? 0), dispatchRuns: Number(dispatches[0]?.count ?? 0), visitors: VISITORS, workers: 2, caps: CAPS,
    seconds: round(seconds, 2), tasksPerSecond: round(total / seconds), failed, goal: "≥ 400 tasks/s",
  };
}
